"""Lambda function (every component depends on usage).

- Requests (usage: `monthly_requests`): 1M requests, `lambda:requests`
- Duration (usage: `monthly_requests` x `request_duration_ms` x `memory_size`): GB-second,
  `lambda:gb-second` (`lambda:arm:gb-second` for `architectures = ["arm64"]`)

Duration is priced in AWS's volume tiers (x86: first 6B GB-seconds, next 9B, over 15B;
Arm: first 7.5B, next 11.25B, over 18.75B: keys `<key>:over:<GB-seconds>`). The free tier is
not deducted (it is per account, not per function), and neither are tiers shared with other
functions of the account: each function's duration starts at the first tier.
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_lambda_function",)
USAGE_KEYS = ("monthly_requests", "request_duration_ms")
DEFAULT_MEMORY_MB = 128.0


def estimate(view: AttributeView) -> list[ComponentSpec]:
    arm = "arm64" in view.strings("architectures")
    memory_mb = view.number("memory_size", DEFAULT_MEMORY_MB) or DEFAULT_MEMORY_MB
    requests = view.usage_number("monthly_requests")
    duration_ms = view.usage_number("request_duration_ms")
    request_note = (
        None
        if requests is None
        else f"from the usage file: monthly_requests = {number_text(requests)}"
    )
    gb_seconds = None
    duration_note = None
    if requests is not None and duration_ms is not None:
        gb_seconds = requests * duration_ms / 1000 * memory_mb / 1024
        duration_note = (
            f"from the usage file: {number_text(requests)} requests x "
            f"{number_text(duration_ms)} ms x {number_text(memory_mb)} MB"
        )
    label = "arm64" if arm else "x86"
    return [
        ComponentSpec(
            "Requests",
            "1M requests",
            keys.LAMBDA_REQUESTS,
            None if requests is None else requests / 1e6,
            usage_based=True,
            note=request_note,
        ),
        ComponentSpec(
            f"Duration ({label}, {memory_mb:g} MB)",
            "GB-second",
            keys.LAMBDA_ARM_GB_SECOND if arm else keys.LAMBDA_GB_SECOND,
            gb_seconds,
            usage_based=True,
            note=duration_note,
            tiered=True,
        ),
    ]
