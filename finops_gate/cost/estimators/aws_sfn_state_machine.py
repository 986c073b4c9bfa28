"""Step Functions state machine (depends on usage).

- Standard: state transitions (usage: `monthly_transitions`): 1k transitions,
  `sfn:standard:transitions`
- Express: requests (usage: `monthly_requests`): 1M requests, `sfn:express:requests`
- Express: duration (usage: `monthly_requests` x `workflow_duration_ms` x `memory_mb`,
  memory default 64 MB; AWS bills each execution's duration rounded up to the next 100 ms
  and its memory in 64 MB increments): GB-second, `sfn:express:gb-second` (first 1,000
  GB-hours; the next 4,000 and over 5,000 GB-hours at
  `sfn:express:gb-second:over:<GB-seconds>`)
"""

from __future__ import annotations

import math

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_sfn_state_machine",)
USAGE_KEYS = ("monthly_transitions", "monthly_requests", "workflow_duration_ms", "memory_mb")
DEFAULT_MEMORY_MB = 64.0
DURATION_STEP_MS = 100.0
MEMORY_STEP_MB = 64.0


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.string("type", "STANDARD") != "EXPRESS":
        return [
            usage_spec(
                view,
                "State transitions",
                "1k transitions",
                keys.SFN_STANDARD_TRANSITIONS,
                "monthly_transitions",
                1 / 1000,
            )
        ]
    requests = view.usage_number("monthly_requests")
    duration = view.usage_number("workflow_duration_ms")
    memory = view.usage_number("memory_mb") or DEFAULT_MEMORY_MB
    billed_memory = max(math.ceil(memory / MEMORY_STEP_MB), 1) * MEMORY_STEP_MB
    gb_seconds = None
    note = None
    if requests is not None and duration is not None:
        billed_ms = math.ceil(duration / DURATION_STEP_MS) * DURATION_STEP_MS
        gb_seconds = requests * billed_ms / 1000 * billed_memory / 1024
        note = (
            f"from the usage file: {number_text(requests)} requests x "
            f"{number_text(duration)} ms x {number_text(memory)} MB, "
            f"billed as {number_text(billed_ms)} ms x {number_text(billed_memory)} MB"
        )
    return [
        usage_spec(
            view, "Requests", "1M requests", keys.SFN_EXPRESS_REQUESTS, "monthly_requests", 1 / 1e6
        ),
        ComponentSpec(
            "Duration",
            "GB-second",
            keys.SFN_EXPRESS_GB_SECOND,
            gb_seconds,
            usage_based=True,
            note=note,
            tiered=True,
        ),
    ]
