"""SNS topic subscription: deliveries to its endpoint (depends on usage).

Deliveries are billed by the subscription's `protocol`; deliveries to SQS queues and
Lambda functions are free (the subscription is then free). Each 64 KB chunk of a message
counts as one delivery. SMS is billed per message by destination country: price not
found. The per-account free deliveries (100,000 HTTP, 1,000 e-mail) are not deducted.

- HTTP notifications (`protocol` http / https; usage: `monthly_requests`,
  `request_size_kb`): 1M notifications, `sns:notifications:http`
- Email notifications (email / email-json): 1M notifications, `sns:notifications:email`
- Firehose notifications (firehose): 1M notifications, `sns:notifications:kinesis`
- Mobile push notifications (application): 1M notifications,
  `sns:notifications:mobile-push`
- SMS notifications (sms): 1M notifications, `sns:notifications:sms` (no source)
"""

from __future__ import annotations

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sns_topic_subscription",)
USAGE_KEYS = ("monthly_requests", "request_size_kb")
FREE_PROTOCOLS = frozenset({"sqs", "lambda"})
# protocol -> (line name, unit, price key, notifications per unit)
DELIVERIES: dict[str, tuple[str, str, str, float]] = {
    "http": ("HTTP notifications", "1M notifications", keys.SNS_HTTP_NOTIFICATIONS, 1e6),
    "https": ("HTTP notifications", "1M notifications", keys.SNS_HTTP_NOTIFICATIONS, 1e6),
    "email": ("Email notifications", "1M notifications", keys.SNS_EMAIL_NOTIFICATIONS, 1e6),
    "email-json": (
        "Email notifications",
        "1M notifications",
        keys.SNS_EMAIL_NOTIFICATIONS,
        1e6,
    ),
    "firehose": (
        "Firehose notifications",
        "1M notifications",
        keys.SNS_FIREHOSE_NOTIFICATIONS,
        1e6,
    ),
    "application": (
        "Mobile push notifications",
        "1M notifications",
        keys.SNS_MOBILE_PUSH_NOTIFICATIONS,
        1e6,
    ),
    "sms": ("SMS notifications", "1M notifications", keys.SNS_SMS_NOTIFICATIONS, 1e6),
}
CHUNK_KB = 64


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.is_unknown("protocol"):
        raise UnknownAttributeError("protocol")
    protocol = (view.string("protocol") or "").lower()
    if protocol in FREE_PROTOCOLS:
        return []
    if protocol not in DELIVERIES:
        raise UnknownAttributeError("protocol", f"protocol {protocol!r}: no SNS delivery price")
    name, unit, key, per = DELIVERIES[protocol]
    return [
        chunked_requests(
            view, name, key, "monthly_requests", "request_size_kb", CHUNK_KB, per, unit
        )
    ]
