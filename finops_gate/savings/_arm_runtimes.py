"""Graviton for the runtimes billed by usage: Lambda functions (`architectures`) and
Fargate task definitions (`runtime_platform.cpu_architecture`).

A Lambda function whose usage the usage file gives is re-priced on arm64 (a dollar
figure); without usage, and for a task definition (billed through the services that run
it), the suggestion shows the unit prices now and on arm64 in the resource's region.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.cost.model import ResourceCost
from finops_gate.pricing import keys
from finops_gate.savings._attributes import blocks, known_number, known_string, with_values
from finops_gate.savings.model import SavingsContext, Suggestion

LAMBDA_CAVEAT = (
    "needs arm64 builds of the function's native dependencies (and an arm64 image for "
    "package_type = Image)"
)
FARGATE_CAVEAT = "needs arm64 (or multi-architecture) container images"
VCPU_UNITS = 1024  # task-definition cpu is in 1/1024 vCPU
MIB_PER_GB = 1024


def lambda_arm(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    architectures = after.get("architectures")
    if architectures not in (None, [], ["x86_64"]):
        return []  # arm64 already, or something the plan does not know yet
    changed = with_values(after, architectures=["arm64"])
    duration = [c for c in cost.components if c.price_key == keys.LAMBDA_GB_SECOND]
    if duration and duration[0].monthly_quantity:
        return [Suggestion("architectures", "x86_64", "arm64", changed, LAMBDA_CAVEAT)]
    now = _price(context, resource.region, keys.LAMBDA_GB_SECOND)
    then = _price(context, resource.region, keys.LAMBDA_ARM_GB_SECOND)
    if now is None or then is None or then >= now:
        return []
    per_unit = f"{_dollars(now)} → {_dollars(then)} per GB-second ({_less(now, then)} less)"
    return [Suggestion("architectures", "x86_64", "arm64", None, LAMBDA_CAVEAT, per_unit=per_unit)]


def fargate_arm(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    compatibilities = after.get("requires_compatibilities")
    if not isinstance(compatibilities, list) or "FARGATE" not in compatibilities:
        return []
    platforms = blocks(after, "runtime_platform")
    platform: Mapping[str, Any] = platforms[0] if platforms else {}
    architecture = known_string(platform, "cpu_architecture") or "X86_64"
    system = known_string(platform, "operating_system_family") or "LINUX"
    if architecture != "X86_64" or system != "LINUX":
        return []  # Fargate runs Windows on x86 only
    prices = [
        _price(context, resource.region, key)
        for key in (
            keys.FARGATE_VCPU_HOUR,
            keys.FARGATE_ARM_VCPU_HOUR,
            keys.FARGATE_GB_HOUR,
            keys.FARGATE_ARM_GB_HOUR,
        )
    ]
    if any(p is None for p in prices):
        return []
    vcpu_now, vcpu_arm, gb_now, gb_arm = (p or 0.0 for p in prices)
    per_unit = f"vCPU-hour ${vcpu_now:g} → ${vcpu_arm:g}, GB-hour ${gb_now:g} → ${gb_arm:g}"
    cpu, memory = _number(after, "cpu"), _number(after, "memory")
    if cpu and memory:
        vcpus, gigabytes = cpu / VCPU_UNITS, memory / MIB_PER_GB
        task_now = vcpus * vcpu_now + gigabytes * gb_now
        task_arm = vcpus * vcpu_arm + gigabytes * gb_arm
        per_unit += (
            f"; per task-hour ${task_now:.5f} → ${task_arm:.5f} ({_less(task_now, task_arm)} less)"
        )
    attribute = "runtime_platform.cpu_architecture"
    return [Suggestion(attribute, "X86_64", "ARM64", None, FARGATE_CAVEAT, per_unit=per_unit)]


def _price(context: SavingsContext, region: str, key: str) -> float | None:
    if context.prices is None:
        return None
    price = context.prices.lookup(region, key)
    return None if price is None else price.unit_price


def _number(values: Mapping[str, Any], name: str) -> float | None:
    """Task-definition cpu and memory are strings ("256") in the plan."""
    number = known_number(values, name)
    if number is not None:
        return number
    text = known_string(values, name)
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _dollars(price: float) -> str:
    """A small unit price in plain decimals: $0.0000166667, not $1.66667e-05."""
    return "$" + f"{price:.10f}".rstrip("0").rstrip(".")


def _less(now: float, then: float) -> str:
    return f"{(now - then) / now:.0%}"
