"""Money and quantity formatting shared by the text renderers."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from finops_gate.cost.model import Bound, CostComponent, ResourceCost, bound_of

APPROX = "≈"
AT_LEAST = "≥ "
AT_MOST = "≤ "
PRICE_NOT_FOUND = "price not found"
UNKNOWN_QUANTITY = "unknown"


def money(value: float | None) -> str:
    if value is None:
        return "n/a"
    text = f"${abs(value):,.2f}"
    return f"-{text}" if value < 0 and round(value, 2) != 0 else text


def signed_money(value: float | None) -> str:
    if value is None:
        return "n/a"
    if round(value, 2) == 0:
        return "$0.00"
    return ("+" if value > 0 else "-") + f"${abs(value):,.2f}"


def percent(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:+.1f}%"


# An approximate price is shown to this many significant digits: the rule that derived
# it is good to a few percent at best (pricing/README.md), so more digits would claim
# a precision it does not have.
APPROXIMATE_DIGITS = 4


def unit_price(value: float | None, approximate: bool = False) -> str:
    """A unit price as published (every digit), or to APPROXIMATE_DIGITS significant
    digits when it is approximate; never fewer than two decimals."""
    if value is None:
        return PRICE_NOT_FOUND
    if approximate and value:
        value = float(f"{value:.{APPROXIMATE_DIGITS}g}")
    text = repr(value)
    if "e" in text:
        # Only an exponent form (1e-05) needs Decimal to be written out in full digits.
        text = format(Decimal(text), "f")
    whole, _, decimals = text.partition(".")
    return f"${int(whole):,}.{decimals.ljust(2, '0')}"


def quantity(value: float | None) -> str:
    if value is None:
        return "depends on usage"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def bounded(text: str, bound: Bound) -> str:
    """`text` marked as a lower bound (≥), an upper bound (≤), or a partial sum."""
    if bound == "lower":
        return AT_LEAST + text
    if bound == "upper":
        return AT_MOST + text
    if bound == "partial":
        return f"{text} partial"
    return text


def cost_cell(cost: ResourceCost, value: float | None, lower_bound: bool = False) -> str:
    """A resource's before/after cost, marked when approximate, a lower bound (a component
    is unknown until apply) or not found."""
    return _cost_cell(value, cost.approximate, lower_bound)


def _cost_cell(value: float | None, approximate: bool, lower_bound: bool) -> str:
    if value is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if approximate and value else ""
    return (AT_LEAST if lower_bound else "") + prefix + money(value)


def _delta_cell(delta: float | None, approximate: bool, bound: Bound) -> str:
    if delta is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if approximate and round(delta, 2) else ""
    return bounded(prefix + signed_money(delta), bound)


def before_cell(cost: ResourceCost) -> str:
    return cost_cell(cost, cost.monthly_cost_before, cost.missing_before)


def after_cell(cost: ResourceCost) -> str:
    return cost_cell(cost, cost.monthly_cost_after, cost.missing_after)


def delta_cell(cost: ResourceCost) -> str:
    return _delta_cell(cost.monthly_cost_delta, cost.approximate, cost.delta_bound)


class CostCells(NamedTuple):
    """A resource's before, after and change cells, and the one shown alone (after, or
    before for a resource the plan deletes)."""

    before: str
    after: str
    delta: str
    shown: str


# What a resource's cells depend on: (cost before, cost after, change, approximate,
# before missing, after missing, the change has an after side).
CostFigures = tuple[float | None, float | None, float | None, bool, bool, bool, bool]


def cost_figures(cost: ResourceCost) -> CostFigures:
    """Everything `cost_cells` reads, worked out once (whether a price is approximate,
    which sides are missing): equal figures give equal cells, so a renderer may format
    each distinct figures once (a large plan has a few hundred for thousands of rows)."""
    return (
        cost.monthly_cost_before,
        cost.monthly_cost_after,
        cost.monthly_cost_delta,
        cost.approximate,
        cost.missing_before,
        cost.missing_after,
        cost.resource.action.has_after,
    )


def cells_of(figures: CostFigures) -> CostCells:
    """The cells of `before_cell`, `after_cell` and `delta_cell` for these figures."""
    before_value, after_value, change, approximate, missing_before, missing_after, has_after = (
        figures
    )
    before = _cost_cell(before_value, approximate, missing_before)
    after = _cost_cell(after_value, approximate, missing_after)
    delta = _delta_cell(change, approximate, bound_of(missing_before, missing_after))
    return CostCells(before, after, delta, after if has_after else before)


def cost_cells(cost: ResourceCost) -> CostCells:
    """A row's cells (see `cells_of`): a row of a large plan's table needs all of them."""
    return cells_of(cost_figures(cost))


def unknown_until_apply(reason: str) -> str:
    """The cost cell of a component whose quantity is known only after apply, and why."""
    return f"unknown until apply ({reason})"


def component_quantity(component: CostComponent) -> str:
    if component.unknown is not None and component.monthly_quantity is None:
        return UNKNOWN_QUANTITY
    return quantity(component.monthly_quantity)
