"""Money and quantity formatting shared by the text renderers."""

from __future__ import annotations

from decimal import Decimal

from finops_gate.cost.model import Bound, CostComponent, ResourceCost

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
    if value is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if cost.approximate and value else ""
    return (AT_LEAST if lower_bound else "") + prefix + money(value)


def before_cell(cost: ResourceCost) -> str:
    return cost_cell(cost, cost.monthly_cost_before, cost.missing_before)


def after_cell(cost: ResourceCost) -> str:
    return cost_cell(cost, cost.monthly_cost_after, cost.missing_after)


def delta_cell(cost: ResourceCost) -> str:
    delta = cost.monthly_cost_delta
    if delta is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if cost.approximate and round(delta, 2) else ""
    return bounded(prefix + signed_money(delta), cost.delta_bound)


def unknown_until_apply(component: CostComponent) -> str:
    return f"unknown until apply ({component.unknown})"


def component_quantity(component: CostComponent) -> str:
    if component.unknown is not None and component.monthly_quantity is None:
        return UNKNOWN_QUANTITY
    return quantity(component.monthly_quantity)
