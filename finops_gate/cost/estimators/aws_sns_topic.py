"""SNS topic (depends on usage).

- Requests (usage: `monthly_requests`, each 64 KB chunk of
  `request_size_kb` KB counted; `request_size` is read as its older name):
  1M requests, `sns:requests`

A FIFO topic (`fifo_topic = true`) has its own rates:

- FIFO publish requests (usage: `monthly_requests`, not counted in chunks): 1M requests,
  `sns:fifo:requests`
- FIFO publish payload (usage: `monthly_requests` x `request_size_kb` KB, 1 GB = 10^6 KB):
  GB, `sns:fifo:payload-gb`
- Deliveries (usage: `<protocol>_subscriptions` x the requests, each 64 KB chunk
  counted, minus AWS's free deliveries: 100,000 HTTP/HTTPS, 1,000 email, 100 SMS; shown
  when the usage file gives the subscriptions): 1M notifications,
  `sns:notifications:<http|email|kinesis|mobile-push|macos|sms>`. SMS rates depend on
  the destination country: "price not found" (`sms_notification_price` is accepted and
  not used)

Deliveries from a FIFO topic are not priced.
"""

from __future__ import annotations

import math

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sns_topic",)
# usage key prefix -> (name, free deliveries a month)
DELIVERIES = {
    "http": ("HTTP/HTTPS notifications", 100_000.0),
    "email": ("Email/Email-JSON notifications", 1_000.0),
    "kinesis": ("Kinesis Data Firehose notifications", 0.0),
    "mobile_push": ("Mobile push notifications", 0.0),
    "macos": ("macOS notifications", 0.0),
    "sms": ("SMS notifications", 100.0),
}
USAGE_KEYS = (
    "monthly_requests",
    "request_size_kb",
    "request_size",
    *(f"{protocol}_subscriptions" for protocol in DELIVERIES),
    "sms_notification_price",
)
CHUNK_KB = 64


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.boolean("fifo_topic"):
        return _fifo(view)
    return [
        chunked_requests(
            view,
            "API requests",
            keys.SNS_REQUESTS,
            "monthly_requests",
            ("request_size_kb", "request_size"),
            CHUNK_KB,
        ),
        *_deliveries(view),
    ]


def _fifo(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_requests")
    size_kb = view.usage_number("request_size_kb")
    if size_kb is None:
        size_kb = view.usage_number("request_size")
    payload = None
    note = None
    if requests is not None and size_kb is not None:
        payload = requests * size_kb / 1e6
        note = f"from the usage file: {number_text(requests)} requests x {number_text(size_kb)} KB"
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
def _deliveries(view: AttributeView) -> list[ComponentSpec]:
    requests = view.usage_number("monthly_requests")
    size = view.usage_number("request_size_kb")
    if size is None:
        size = view.usage_number("request_size")
    chunks = max(1, math.ceil(size / CHUNK_KB)) if size else 1
    specs = []
    for protocol, (name, free) in DELIVERIES.items():
        subscriptions = view.usage_number(f"{protocol}_subscriptions")
        if subscriptions is None:
            continue
        quantity = None
        note = f"from the usage file: {protocol}_subscriptions = {number_text(subscriptions)}"
        if requests is not None:
            quantity = max(subscriptions * requests * chunks - free, 0.0) / 1e6
            note += f" x {number_text(requests * chunks)} requests, {number_text(free)} free"
        specs.append(
            ComponentSpec(
                name,
                "1M notifications",
                keys.SNS_NOTIFICATIONS[protocol],
                quantity,
                usage_based=True,
                note=note,
            )
        )
    return specs
