"""Route 53 Resolver endpoint (inbound or outbound).

- Resolver endpoints: ENI-hour (one elastic network interface per `ip_address` block),
  `route53:resolver:eni:hour`
- DNS queries (first 1B, usage: `monthly_queries`): 1M queries, `route53:resolver:queries`
- DNS queries (over 1B, usage: `monthly_queries`): 1M queries,
  `route53:resolver:queries:over-1b`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_route53_resolver_endpoint",)
USAGE_KEYS = ("monthly_queries",)
MILLION = 1_000_000
FIRST_TIER_QUERIES = 1_000_000_000


def estimate(view: AttributeView) -> list[ComponentSpec]:
    addresses = len(view.blocks("ip_address"))
    if not addresses and view.is_unknown("ip_address"):
        raise UnknownAttributeError("ip_address")
    specs = [
        ComponentSpec(
            "Resolver endpoints",
            "ENI-hour",
            keys.ROUTE53_RESOLVER_ENI_HOUR,
            addresses * HOURS_PER_MONTH,
        )
    ]
    queries = view.usage_number("monthly_queries")
    if queries is None:
        specs.append(
            ComponentSpec(
                "DNS queries (first 1B)",
                "1M queries",
                keys.ROUTE53_RESOLVER_QUERIES,
                None,
                usage_based=True,
            )
        )
        return specs
    note = f"from the usage file: monthly_queries = {number_text(queries)}"
    first = min(queries, FIRST_TIER_QUERIES)
    specs.append(
        ComponentSpec(
            "DNS queries (first 1B)",
            "1M queries",
            keys.ROUTE53_RESOLVER_QUERIES,
            first / MILLION,
            usage_based=True,
            note=note,
        )
    )
    if queries > FIRST_TIER_QUERIES:
        specs.append(
            ComponentSpec(
                "DNS queries (over 1B)",
                "1M queries",
                keys.ROUTE53_RESOLVER_QUERIES_OVER_1B,
                (queries - FIRST_TIER_QUERIES) / MILLION,
                usage_based=True,
                note=note,
            )
        )
    return specs
