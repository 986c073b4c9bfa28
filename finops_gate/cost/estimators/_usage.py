"""Usage-based components whose quantity may come from the usage file."""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView


def usage_spec(
    view: AttributeView,
    name: str,
    unit: str,
    price_key: str,
    usage_key: str | None,
    scale: float = 1.0,
    region: str | None = None,
    tiered: bool = False,
) -> ComponentSpec:
    """A usage-based component; `usage_key`'s value x `scale` is its monthly quantity
    (split across the price's tiers when `tiered`)."""
    value = view.usage_number(usage_key) if usage_key else None
    quantity = None if value is None else value * scale
    note = f"from the usage file: {usage_key} = {number_text(value)}" if value is not None else None
    return ComponentSpec(
        name, unit, price_key, quantity, usage_based=True, note=note, region=region, tiered=tiered
    )


def given_usage_specs(
    view: AttributeView, items: tuple[tuple[str, str, str, str, float], ...]
) -> list[ComponentSpec]:
    """A usage-based component for each item (usage key, name, unit, price key, scale)
    whose usage key the usage file sets: optional usage that is shown only when described."""
    return [
        usage_spec(view, name, unit, price_key, usage_key, scale)
        for usage_key, name, unit, price_key, scale in items
        if view.usage_number(usage_key) is not None
    ]
