"""SNS topic (depends on usage).

- Requests (usage: `monthly_requests`, each 64 KB chunk of `request_size` KB counted):
  1M requests, `sns:requests`

A FIFO topic (`fifo_topic = true`) has its own rates:

- FIFO publish requests (usage: `monthly_requests`, not counted in chunks): 1M requests,
  `sns:fifo:requests`
- FIFO publish payload (usage: `monthly_requests` x `request_size` KB, 1 GB = 10^6 KB):
  GB, `sns:fifo:payload-gb`

Deliveries to subscribers (HTTP, email, SMS) are not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sns_topic",)
USAGE_KEYS = ("monthly_requests", "request_size")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.boolean("fifo_topic"):
        return _fifo(view)
    return [
        chunked_requests(
            view, "API requests", keys.SNS_REQUESTS, "monthly_requests", "request_size", 64
        )
    ]


def _fifo(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_requests")
    size_kb = view.usage_number("request_size")
    payload = None
    note = None
    if requests is not None and size_kb is not None:
        payload = requests * size_kb / 1e6
        note = f"from the usage file: {requests:g} requests x {size_kb:g} KB"
    return [
        usage_spec(
            view,
            "FIFO publish requests",
            "1M requests",
            keys.SNS_FIFO_REQUESTS,
            "monthly_requests",
            1 / 1e6,
        ),
        ComponentSpec(
            "FIFO publish payload",
            "GB",
            keys.SNS_FIFO_PAYLOAD_GB,
            payload,
            usage_based=True,
            note=note,
        ),
    ]
