"""CloudFront Functions: invocations at the edge (a global service, priced in us-east-1).

- Invocations (usage: `monthly_requests`): 1M invocations, `cloudfront:function:invocations`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudfront_function",)
USAGE_KEYS = ("monthly_requests",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Invocations",
            "1M invocations",
            keys.CLOUDFRONT_FUNCTION_INVOCATIONS,
            "monthly_requests",
            1 / 1_000_000,
            region=keys.GLOBAL_REGION,
        )
    ]
