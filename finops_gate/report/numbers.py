"""Money and quantity formatting shared by the text renderers."""

from __future__ import annotations

from decimal import Decimal

from finops_gate.cost.model import ResourceCost

APPROX = "≈"
PRICE_NOT_FOUND = "price not found"


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


def unit_price(value: float | None) -> str:
    if value is None:
        return PRICE_NOT_FOUND
    text = format(Decimal(repr(value)), "f")
    whole, _, decimals = text.partition(".")
    return f"${int(whole):,}.{decimals.ljust(2, '0')}"


def quantity(value: float | None) -> str:
    if value is None:
        return "depends on usage"
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}"


def cost_cell(cost: ResourceCost, value: float | None) -> str:
    """A resource's before/after cost, marked when approximate or not found."""
    if value is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if cost.approximate and value else ""
    return prefix + money(value)


def delta_cell(cost: ResourceCost) -> str:
    delta = cost.monthly_cost_delta
    if delta is None:
        return PRICE_NOT_FOUND
    prefix = APPROX if cost.approximate and round(delta, 2) else ""
    return prefix + signed_money(delta)
