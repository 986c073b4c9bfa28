"""SQS queue (depends on usage).

- Requests (usage: `monthly_requests`, each 64 KB chunk of
  `request_size_kb` KB counted; `request_size` is read as its older name):
  1M requests, `sqs:standard:requests` (`sqs:fifo:requests` for FIFO queues)
"""

from __future__ import annotations

from finops_gate.cost.estimators._requests import chunked_requests
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sqs_queue",)
USAGE_KEYS = ("monthly_requests", "request_size_kb", "request_size")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    kind = "fifo" if view.boolean("fifo_queue") else "standard"
    return [
        chunked_requests(
            view,
            f"Requests ({kind})",
            keys.sqs_requests(kind),
            "monthly_requests",
            ("request_size_kb", "request_size"),
            64,
        )
    ]
