"""Lambda function (every component depends on usage).

- Requests (usage): 1M requests, `lambda:requests`
- Duration (usage): GB-second, `lambda:gb-second`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_lambda_function",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Requests", "1M requests", "lambda:requests", None, usage_based=True),
        ComponentSpec("Duration", "GB-second", "lambda:gb-second", None, usage_based=True),
    ]
