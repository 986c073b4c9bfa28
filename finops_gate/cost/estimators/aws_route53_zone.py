"""Route 53 hosted zone (global: priced in us-east-1).

- Hosted zone: zone-month, `route53:zone` (first 25 zones)

DNS queries are priced on the zone's `aws_route53_record`s, as Infracost does.
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_route53_zone",)
GLOBAL_REGION = keys.GLOBAL_REGION


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [ComponentSpec("Hosted zone", "zone-month", keys.ROUTE53_ZONE, 1, region=GLOBAL_REGION)]
