"""Route 53 record (global: priced in us-east-1; depends on usage).

- Standard queries (usage: `monthly_standard_queries`): 1M queries, `route53:queries`
  (first billion; above it `route53:queries:over:1000`)
  (alias records pointing at AWS resources are answered free of charge, so they have no
  component)
- Latency-based routing queries (usage: `monthly_latency_based_queries`): 1M queries,
  `route53:queries:latency`; geolocation queries (usage: `monthly_geo_queries`): 1M
  queries, `route53:queries:geo`; each shown when the usage file gives it

Each kind of query above 1 billion a month is priced at its next tier's rate
(`<key>:over:1000`, half the first billion's on AWS's price list).
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_route53_record",)
USAGE_KEYS = ("monthly_standard_queries", "monthly_latency_based_queries", "monthly_geo_queries")
GLOBAL_REGION = keys.GLOBAL_REGION


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.blocks("alias"):
        return []
    queries = [
        ("monthly_standard_queries", "Standard queries", keys.ROUTE53_QUERIES),
        (
            "monthly_latency_based_queries",
            "Latency-based routing queries",
            keys.ROUTE53_LATENCY_QUERIES,
        ),
        ("monthly_geo_queries", "Geolocation queries", keys.ROUTE53_GEO_QUERIES),
    ]
    return [
        usage_spec(
            view,
            name,
            "1M queries",
            key,
            usage_key,
            1 / 1e6,
            region=GLOBAL_REGION,
            tiered=True,
        )
        for position, (usage_key, name, key) in enumerate(queries)
        if position == 0 or view.usage_number(usage_key) is not None
    ]
