"""Route 53 hosted zone (global: priced in us-east-1).

- Hosted zone: zone-month, `route53:zone` (first 25 zones)
- Standard queries (usage: `monthly_standard_queries`): 1M queries, `route53:queries`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_route53_zone",)
USAGE_KEYS = ("monthly_standard_queries",)
GLOBAL_REGION = "us-east-1"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Hosted zone", "zone-month", "route53:zone", 1, region=GLOBAL_REGION),
        usage_spec(
            view,
            "Standard queries",
            "1M queries",
            "route53:queries",
            "monthly_standard_queries",
            1 / 1e6,
            region=GLOBAL_REGION,
        ),
    ]
