"""Route 53 record (global: priced in us-east-1; depends on usage).

- Standard queries (usage: `monthly_standard_queries`): 1M queries, `route53:queries`
  (first billion; above it `route53:queries:over:1000`)
  (alias records pointing at AWS resources are answered free of charge, so they have no
  component)
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_route53_record",)
USAGE_KEYS = ("monthly_standard_queries",)
GLOBAL_REGION = keys.GLOBAL_REGION


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.blocks("alias"):
        return []
    return [
        usage_spec(
            view,
            "Standard queries",
            "1M queries",
            keys.ROUTE53_QUERIES,
            "monthly_standard_queries",
            1 / 1e6,
            region=GLOBAL_REGION,
            tiered=True,
        )
    ]
