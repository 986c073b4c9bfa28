"""SNS topic (depends on usage).

- Requests (usage: `monthly_requests`, each 64 KB chunk of
  `request_size_kb` KB counted; `request_size` is read as its older name):
  1M requests, `sns:requests`

Deliveries to subscribers (HTTP, email, SMS) are not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sns_topic",)
USAGE_KEYS = ("monthly_requests", "request_size_kb", "request_size")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        chunked_requests(
            view,
            "API requests",
            keys.SNS_REQUESTS,
            "monthly_requests",
            ("request_size_kb", "request_size"),
            64,
        )
    ]
