"""SNS topic (depends on usage).

- API requests beyond the first 1M a month (usage: `monthly_requests`, each 64 KB chunk of
  `request_size_kb` KB counted; `request_size` is read as its older name): 1M requests,
  `sns:requests` (AWS's price list bills the first 1M requests at $0; as with the free
  deliveries below, the allowance is taken per topic)

A FIFO topic (`fifo_topic = true`) has its own rates:

- FIFO publish requests (usage: `monthly_requests`, not counted in chunks): 1M requests,
  `sns:fifo:requests`
- FIFO publish payload (usage: `monthly_requests` x `request_size_kb` KB, 1 GB = 10^6 KB):
  GB, `sns:fifo:payload-gb`
- FIFO notifications, when `aws_sns_topic_subscription` resources of the plan subscribe
  to the topic (their count x `monthly_requests`): 1M notifications,
  `sns:fifo:notifications`
- FIFO notification payload (those notifications x `request_size_kb` KB): GB,
  `sns:fifo:notification-payload-gb`

Deliveries of a standard topic (usage: `<protocol>_subscriptions` x the requests, each
64 KB chunk counted, minus AWS's free deliveries: 100,000 HTTP/HTTPS, 1,000 email, 100
SMS; shown when the usage file gives the subscriptions): 1M notifications,
`sns:notifications:<http|email|kinesis|mobile-push|macos|sms>`. SMS rates depend on the
destination country: "price not found", unless the usage file gives
`sms_notification_price` (USD per SMS), which is then the price.
"""

from __future__ import annotations

import math
from dataclasses import replace

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
FREE_REQUESTS = 1_000_000.0
SUBSCRIPTION_TYPE = "aws_sns_topic_subscription"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.boolean("fifo_topic"):
        return _fifo(view)
    return [_api_requests(view), *_deliveries(view)]


def _api_requests(view: AttributeView) -> ComponentSpec:
    spec = chunked_requests(
        view,
        "API requests (over 1M)",
        keys.SNS_REQUESTS,
        "monthly_requests",
        ("request_size_kb", "request_size"),
        CHUNK_KB,
    )
    if spec.monthly_quantity is None:
        return spec
    billed = max(spec.monthly_quantity - FREE_REQUESTS / 1e6, 0.0)
    return replace(spec, monthly_quantity=billed, note=f"{spec.note}, first 1M free")


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
    specs = [
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
    subscriptions = len(view.context.referencing_all(view.resource, SUBSCRIPTION_TYPE, "topic_arn"))
    if subscriptions:
        specs.extend(_fifo_deliveries(subscriptions, requests, size_kb))
    return specs


def _fifo_deliveries(
    subscriptions: int, requests: float | None, size_kb: float | None
) -> list[ComponentSpec]:
    """Every publish is delivered to each subscribed queue."""
    notifications = None if requests is None else subscriptions * requests
    payload = None
    note = f"{subscriptions} {SUBSCRIPTION_TYPE} in the plan"
    if notifications is not None:
        note += f" x {requests:g} requests"
        if size_kb is not None:
            payload = notifications * size_kb / 1e6
    return [
        ComponentSpec(
            "FIFO notifications",
            "1M notifications",
            keys.SNS_FIFO_NOTIFICATIONS,
            None if notifications is None else notifications / 1e6,
            usage_based=True,
            note=note,
        ),
        ComponentSpec(
            "FIFO notification payload",
            "GB",
            keys.SNS_FIFO_NOTIFICATION_PAYLOAD_GB,
            payload,
            usage_based=True,
            note=None if payload is None else f"{note} x {size_kb:g} KB",
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
        usage_price = None
        if protocol == "sms":
            per_sms = view.usage_number("sms_notification_price")
            if per_sms is not None:
                usage_price = per_sms * 1e6
                note += f"; sms_notification_price = {number_text(per_sms)} USD per SMS"
        specs.append(
            ComponentSpec(
                name,
                "1M notifications",
                keys.SNS_NOTIFICATIONS[protocol],
                quantity,
                usage_based=True,
                note=note,
                usage_price=usage_price,
            )
        )
    return specs
