"""count and for_each: the instances of a resource, data or module block, each with its
scope (`count.index`, `each.key` and `each.value`). Every expansion counts against the
run's instance limits (finops_gate/plan/hcl/limits.py), so a block that would expand
past them stops the run (exit 2)."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.instance_values import NO_INDEX
from finops_gate.plan.hcl.limits import Budget
from finops_gate.plan.hcl.syntax import Attribute, Block, Node
from finops_gate.plan.hcl.values import (
    EvalError,
    NumberOutOfRange,
    Unknown,
    contains_unknown,
    to_number,
    to_string,
)

Expansion = list[tuple[Any, dict[str, Any]]]


def expand(
    block: Block, label: str, evaluate: Callable[[Node], Any], budget: Budget
) -> Expansion | Unknown:
    """[(index, scope)] for count/for_each; NO_INDEX when neither is set."""
    where = f"{label} ({block.file}:{block.line})"
    count = block.body.attributes.get("count")
    for_each = block.body.attributes.get("for_each")
    if count is not None:
        return _count_expansion(label, count, where, evaluate, budget)
    if for_each is not None:
        value = evaluate(for_each.expr)
        unknown = value if isinstance(value, Unknown) else None
        if isinstance(value, list):
            unknown = contains_unknown(value)
        if unknown is not None:
            return unknown
        if isinstance(value, dict):
            pairs = [(k, value[k]) for k in sorted(value)]
        elif isinstance(value, list):
            pairs = [(to_string(v), v) for v in sorted({to_string(v) for v in value})]
        elif value is None:
            pairs = []
        else:
            raise EvalError(f"{label}: for_each must be a map or a set of strings")
        budget.check_expansion(where, len(pairs))
        return [(k, {"each": {"key": k, "value": v}}) for k, v in pairs]
    return [(NO_INDEX, {})]


def _count_expansion(
    label: str, count: Attribute, where: str, evaluate: Callable[[Node], Any], budget: Budget
) -> Expansion | Unknown:
    """A known count that is not a whole number of at least zero is a configuration
    Terraform refuses ("Invalid count argument"): the run stops (exit 2) rather than
    pricing the resource as if it were absent."""
    invalid = f"{count.file}:{count.line}: {label}: invalid count"
    try:
        value = evaluate(count.expr)
    except NumberOutOfRange as error:
        raise PlanError(f"{invalid}: {error}") from None
    if isinstance(value, Unknown):
        return value
    if value is None:
        raise PlanError(f"{invalid}: null")
    try:
        number = to_number(value)
    except EvalError as error:
        raise PlanError(f"{invalid}: {error}") from None
    if not math.isfinite(number) or number != int(number):
        raise PlanError(f"{invalid}: must be a whole number, not {number!r}")
    if number < 0:
        raise PlanError(f"{invalid}: must not be negative, not {int(number)}")
    budget.check_expansion(where, int(number))
    return [(i, {"count": {"index": i}}) for i in range(int(number))]
