"""Tiered prices: a component's quantity split across the price tiers of its key.

AWS bills some quantities in volume tiers (S3 storage: the first 50 TB at one rate, the next
450 TB at a lower one...). The price table holds each tier as a key of its own: the base key
is the first tier's rate and `<base>:over:<start>` the rate above `start` (in the base key's
unit) up to the next tier's start (`finops_gate.pricing.keys.tier_key`). The boundaries are
read from the table's keys, never from code. AWS uses the same boundaries in every region:
a region whose data lacks a tier takes the boundaries of the reference region, and that
tier's part of the quantity is then "price not found" there, never priced at another rate.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.prices import PriceLookup
from finops_gate.pricing.keys import GLOBAL_REGION, TIER_MARK, tier_start

Tiers = tuple[tuple[float, str], ...]
"""((start, price key), ...) in ascending order of start; the first is (0, base key)."""

# Units whose name carries a multiplier: a tier label counts the underlying thing.
_UNIT_SCALES = (("1M ", 1e6), ("10k ", 1e4), ("1k ", 1e3))
# Data amounts, named in TB and PB as AWS's price lists name their tiers (1 TB = 1,024 GB).
_GB_UNITS = frozenset({"GB", "GB-month"})


class TierIndex:
    """The tiers of every tiered key of a price table, region by region, read once."""

    def __init__(self, prices: PriceLookup) -> None:
        self._prices = prices
        self._regions: dict[str, dict[str, list[tuple[float, str]]]] = {}

    def _region(self, region: str) -> dict[str, list[tuple[float, str]]]:
        index = self._regions.get(region)
        if index is None:
            index = {}
            for key in self._prices.keys(region):
                if TIER_MARK not in key:
                    continue
                parsed = tier_start(key)
                if parsed is not None and parsed[1] > 0:
                    index.setdefault(parsed[0], []).append((parsed[1], key))
            for starts in index.values():
                starts.sort()
            self._regions[region] = index
        return index

    def tiers(self, region: str, base: str) -> Tiers:
        """The tiers of `base` in `region` (the reference region's boundaries when the
        region has none); just the base key when the table has no tiers for it."""
        starts = self._region(region).get(base) or self._region(GLOBAL_REGION).get(base, [])
        return ((0.0, base), *starts)


def split_tiers(spec: ComponentSpec, tiers: Tiers) -> list[ComponentSpec]:
    """`spec` as one component per tier its quantity reaches. A quantity that is unknown or
    stays within the first tier keeps the component whole (first tier's rate)."""
    quantity = spec.monthly_quantity
    if quantity is None or len(tiers) == 1 or quantity <= tiers[1][0]:
        return [spec]
    parts: list[ComponentSpec] = []
    for index, (start, key) in enumerate(tiers):
        if quantity <= start:
            break
        end = tiers[index + 1][0] if index + 1 < len(tiers) else None
        amount = (min(quantity, end) if end is not None else quantity) - start
        label = _tier_label(start, end, spec.unit)
        parts.append(
            replace(spec, name=f"{spec.name} ({label})", price_key=key, monthly_quantity=amount)
        )
    return parts


def _tier_label(start: float, end: float | None, unit: str) -> str:
    if end is None:
        return f"over {_amount(start, unit)}"
    if start == 0:
        return f"first {_amount(end, unit)}"
    return f"next {_amount(end - start, unit)}"


def _amount(value: float, unit: str) -> str:
    """A tier's size in plain words: 50 TB, 6B GB-second, 333M requests."""
    if unit in _GB_UNITS:
        for size, name in ((1024.0**2, "PB"), (1024.0, "TB")):
            if value >= size and value % size == 0:
                return f"{value / size:g} {name}"
    for prefix, scale in _UNIT_SCALES:
        if unit.startswith(prefix):
            value, unit = value * scale, unit[len(prefix) :]
            break
    for size, suffix in ((1e9, "B"), (1e6, "M")):
        if value >= size:
            return f"{value / size:g}{suffix} {unit}"
    return f"{value:,.0f} {unit}"
