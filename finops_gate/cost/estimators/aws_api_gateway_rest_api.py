"""API Gateway REST API (depends on usage).

- Requests (usage: `monthly_requests`): 1M requests, `apigateway:rest:requests` (first
  333 million; the next 667 million, next 19 billion and over 20 billion at the tier keys
  `apigateway:rest:requests:over:<millions>`)
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_api_gateway_rest_api",)
USAGE_KEYS = ("monthly_requests",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Requests",
            "1M requests",
            keys.APIGATEWAY_REST_REQUESTS,
            "monthly_requests",
            1 / 1e6,
            tiered=True,
        )
    ]
