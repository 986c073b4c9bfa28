"""CloudFormation stacks and stack sets: AWS bills handler operations of third-party
resource types (registry extensions), not AWS::, Alexa:: or Custom:: resources."""

from __future__ import annotations

import re

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

USAGE_KEYS = ("monthly_handler_operations", "monthly_duration_secs")
# A resource type is Organization::Service::Resource (a module adds ::MODULE)
RESOURCE_TYPE = re.compile(r"\b([A-Za-z0-9]+)::[A-Za-z0-9]+::[A-Za-z0-9]+")
FREE_NAMESPACES = frozenset({"aws", "alexa", "custom"})


def only_free_resource_types(template_body: str | None) -> bool:
    """Whether the template is known and names resource types of free namespaces only."""
    if template_body is None:
        return False  # template_url, or a body known after apply: cannot tell
    namespaces = {match.lower() for match in RESOURCE_TYPE.findall(template_body)}
    return namespaces <= FREE_NAMESPACES


def estimate_handlers(view: AttributeView) -> list[ComponentSpec]:
    if only_free_resource_types(view.string("template_body")):
        return []
    return [
        usage_spec(
            view,
            "Handler operations",
            "operations",
            keys.CLOUDFORMATION_HANDLER_OPERATIONS,
            "monthly_handler_operations",
        ),
        usage_spec(
            view,
            "Durations above 30s",
            "seconds",
            keys.CLOUDFORMATION_HANDLER_SECONDS,
            "monthly_duration_secs",
        ),
    ]
