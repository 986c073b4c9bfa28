"""Lambda provisioned concurrency: the concurrency kept warm, and the requests it serves.

Provisioned concurrency is billed for as long as it is configured: a month of 730 hours
unless the usage file says otherwise (Infracost defaults to 0 hours). Memory and
architecture come from the function the configuration names, when it is in the plan
(`function_name` referencing an `aws_lambda_function`), else from the usage file
(`memory_mb`, `architecture`), else Lambda's defaults (128 MB, x86_64). Requests served by
provisioned concurrency are billed as usual per request and at the provisioned duration
rate, not the on-demand one.

- Provisioned concurrency (`provisioned_concurrent_executions` x GB x seconds; usage:
  `monthly_duration_hrs`): GB-second, `lambda:provisioned-concurrency`
  (`lambda:arm:provisioned-concurrency` on arm64)
- Requests (usage: `monthly_requests`): 1M requests, `lambda:requests`
- Duration (usage: `monthly_requests` x `request_duration_ms`): GB-second,
  `lambda:provisioned-duration` (`lambda:arm:provisioned-duration` on arm64)
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_lambda_provisioned_concurrency_config",)
USAGE_KEYS = (
    "monthly_duration_hrs",
    "monthly_requests",
    "request_duration_ms",
    "memory_mb",
)
USAGE_TEXT_KEYS = {"architecture": ("x86_64", "arm64")}  # words, not quantities
DEFAULT_MEMORY_MB = 128.0
SECONDS_PER_HOUR = 3600


def function_settings(view: AttributeView) -> tuple[float, bool]:
    """(memory in MB, arm64) of the function: the plan first, then the usage file."""
    function = view.referenced("function_name")
    memory = function.number("memory_size") if function is not None else None
    arm = function is not None and "arm64" in function.strings("architectures")
    if function is None:
        memory = view.usage_number("memory_mb")
        arm = (view.usage_string("architecture") or "").lower() == "arm64"
    return memory or DEFAULT_MEMORY_MB, arm


def estimate(view: AttributeView) -> list[ComponentSpec]:
    concurrency = view.number("provisioned_concurrent_executions")
    if concurrency is None or view.is_unknown("provisioned_concurrent_executions"):
        raise UnknownAttributeError("provisioned_concurrent_executions")
    memory_mb, arm = function_settings(view)
    gb = memory_mb / 1024
    hours_used = view.usage_number("monthly_duration_hrs")
    hours = HOURS_PER_MONTH if hours_used is None else hours_used
    requests = view.usage_number("monthly_requests")
    duration_ms = view.usage_number("request_duration_ms")
    label = f"{'arm64' if arm else 'x86'}, {memory_mb:g} MB"
    duration = None
    if requests is not None and duration_ms is not None:
        duration = requests * duration_ms / 1000 * gb
    return [
        ComponentSpec(
            f"Provisioned concurrency ({concurrency:g} x {label})",
            "GB-second",
            keys.LAMBDA_ARM_PROVISIONED_CONCURRENCY if arm else keys.LAMBDA_PROVISIONED_CONCURRENCY,
            concurrency * gb * hours * SECONDS_PER_HOUR,
            note=None
            if hours_used is None
            else f"from the usage file: {number_text(hours_used)} hours",
        ),
        ComponentSpec(
            "Requests",
            "1M requests",
            keys.LAMBDA_REQUESTS,
            None if requests is None else requests / 1e6,
            usage_based=True,
        ),
        ComponentSpec(
            f"Duration ({label})",
            "GB-second",
            keys.LAMBDA_ARM_PROVISIONED_DURATION if arm else keys.LAMBDA_PROVISIONED_DURATION,
            duration,
            usage_based=True,
        ),
    ]
