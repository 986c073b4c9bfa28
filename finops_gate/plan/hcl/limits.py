"""Bounds on HCL evaluation, so that a hostile configuration cannot hang or exhaust the
machine that runs the gate.

Two kinds of bound:
- Instances (per resource or module call, and in total) and evaluation steps: past them
  the configuration cannot be priced faithfully, so the run stops with exit 2
  (`LimitExceeded`), naming the limit and the environment variable that raises it.
- String length and collection size: past them the one value becomes unknown (`TooLarge`
  is an `EvalError`), which the verdict lists like any other unknown value.

Every limit can be raised through an environment variable; a value that is not a
positive whole number is refused (exit 2), never silently ignored.
"""

from __future__ import annotations

import os

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.values import EvalError
from finops_gate.records import record


class LimitExceeded(PlanError):
    """The configuration needs more work than a limit allows: exit 2, not a hang."""


class TooLarge(EvalError):
    """A value would be larger than a limit allows; it becomes unknown."""


@record(slots=True)
class Limits:
    instances_per_resource: int = 10_000
    total_instances: int = 100_000
    string_length: int = 1_048_576
    collection_size: int = 100_000
    evaluation_steps: int = 20_000_000


ENVIRONMENT = {
    "instances_per_resource": "FINOPS_GATE_MAX_INSTANCES_PER_RESOURCE",
    "total_instances": "FINOPS_GATE_MAX_INSTANCES",
    "string_length": "FINOPS_GATE_MAX_STRING_LENGTH",
    "collection_size": "FINOPS_GATE_MAX_COLLECTION_SIZE",
    "evaluation_steps": "FINOPS_GATE_MAX_EVALUATION_STEPS",
}


def current_limits() -> Limits:
    """The defaults, raised (or lowered) by the FINOPS_GATE_MAX_* environment variables."""
    values: dict[str, int] = {}
    for field, variable in ENVIRONMENT.items():
        text = os.environ.get(variable)
        if text is None or text == "":
            continue
        if not (text.isascii() and text.isdigit() and len(text) <= 18 and int(text) > 0):
            raise PlanError(f"{variable} must be a positive whole number")
        values[field] = int(text)
    return Limits(**values)


class Budget:
    """What one run has spent of its limits."""

    __slots__ = ("instances", "limits", "steps")

    def __init__(self, limits: Limits | None = None) -> None:
        self.limits = limits or current_limits()
        self.steps = 0
        self.instances = 0

    def spend_steps(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > self.limits.evaluation_steps:
            raise LimitExceeded(
                f"evaluating the configuration took more than {self.limits.evaluation_steps} "
                f"steps (an expression over a huge range or a deep module recursion?); "
                f"{ENVIRONMENT['evaluation_steps']} raises the limit"
            )

    def check_expansion(self, where: str, count: int) -> None:
        """`count` instances of one resource or module call, declared at `where`."""
        if count > self.limits.instances_per_resource:
            raise LimitExceeded(
                f"{where}: {count} instances, more than the limit of "
                f"{self.limits.instances_per_resource} per resource or module call; "
                f"{ENVIRONMENT['instances_per_resource']} raises it"
            )

    def add_instances(self, where: str, count: int) -> None:
        """Count instances that will be recorded (resources) or evaluated (modules)."""
        self.instances += count
        if self.instances > self.limits.total_instances:
            raise LimitExceeded(
                f"{where}: more than {self.limits.total_instances} resource and module "
                f"instances in all; {ENVIRONMENT['total_instances']} raises the limit"
            )

    def check_string(self, length: int) -> None:
        if length > self.limits.string_length:
            raise TooLarge(
                f"a string of {length} characters, longer than the limit of "
                f"{self.limits.string_length} ({ENVIRONMENT['string_length']} raises it)"
            )

    def check_collection(self, size: int) -> None:
        if size > self.limits.collection_size:
            raise TooLarge(
                f"a collection of {size} elements, more than the limit of "
                f"{self.limits.collection_size} ({ENVIRONMENT['collection_size']} raises it)"
            )
