"""CloudFormation stack set: handler operations of third-party resource types.

- Handler operations (usage: `monthly_handler_operations`): operation,
  `cloudformation:handler-operations`
- Durations above 30s (usage: `monthly_duration_secs`): second,
  `cloudformation:handler-seconds`

Free when `template_body` names only AWS::, Alexa:: and Custom:: resource types (AWS
bills third-party registry types only); usage-based when the template is a
`template_url` or names a third-party type.
"""

from __future__ import annotations

from finops_gate.cost.estimators._cloudformation import USAGE_KEYS, estimate_handlers
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_cloudformation_stack_set",)
__all__ = ("RESOURCE_TYPES", "USAGE_KEYS", "estimate")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return estimate_handlers(view)
