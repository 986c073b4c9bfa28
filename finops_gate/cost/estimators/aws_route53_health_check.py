"""Route 53 health check (global: priced in us-east-1).

- Health check: month, `route53:health-check:aws`, or `route53:health-check:non-aws`
  for an endpoint outside AWS (usage: `endpoint_type` = `non_aws`; default `aws`)
- Optional features: feature-month, `route53:health-check:option:aws` (or
  `:option:non-aws`), one each for HTTPS, string matching (`*_STR_MATCH`), fast interval
  (`request_interval = 10`) and latency measurement (`measure_latency`)
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_route53_health_check",)
USAGE_TEXT_KEYS = {"endpoint_type": ("aws", "non_aws", "non-aws")}  # words, not quantities
FAST_INTERVAL_SECONDS = 10


def _optional_features(view: AttributeView) -> int:
    check_type = (view.string("type") or "").upper()
    return sum(
        (
            check_type.startswith("HTTPS"),
            check_type.endswith("STR_MATCH"),
            view.number("request_interval") == FAST_INTERVAL_SECONDS,
            view.boolean("measure_latency"),
        )
    )


def estimate(view: AttributeView) -> list[ComponentSpec]:
    endpoint = (view.usage_string("endpoint_type") or "aws").lower().replace("-", "_")
    outside_aws = endpoint == "non_aws"
    note = "from the usage file: endpoint_type = non_aws" if outside_aws else None
    specs = [
        ComponentSpec(
            "Health check",
            "month",
            keys.ROUTE53_HEALTH_CHECK_NON_AWS if outside_aws else keys.ROUTE53_HEALTH_CHECK_AWS,
            1,
            note=note,
            region=GLOBAL_REGION,
        )
    ]
    features = _optional_features(view)
    if features:
        specs.append(
            ComponentSpec(
                "Optional features",
                "feature-month",
                keys.ROUTE53_HEALTH_CHECK_OPTION_NON_AWS
                if outside_aws
                else keys.ROUTE53_HEALTH_CHECK_OPTION_AWS,
                features,
                region=GLOBAL_REGION,
            )
        )
    return specs
