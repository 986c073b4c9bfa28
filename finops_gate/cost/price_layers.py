"""A price table layered over another: its figures win, the one below fills the rest.

`check --prices FILE` lays FILE over the bundled table, so a partial table (one service,
one region, a refreshed offer) changes only the figures it has. Per region and price key:

* the layer's figure, when the layer has one, with the layer's source and rule;
* else the base table's figure, with the base's source and rule.

The base's rules are never re-applied to the layer's figures: a rule's inputs (a region's
EC2 price ratio, a published eu-west-1 offer) are fixed when the bundled table is built and
are not in the table, so a base figure derived from a base figure stays as built, marked
approximate with its rule, until the layer gives that figure itself. A layer figure is
approximate only when the layer names a rule of its own for it.

Source and rule ids are the layer's own, except where the same id means something else
in the base (another title, origin, licence or date; another rule text): the layer's id
is then shown as `layer:<id>`, so no figure is credited to the wrong source or rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TypeVar

from finops_gate.cost.prices import (
    Price,
    PriceLookup,
    PriceSource,
    PriceTable,
    load_price_table,
)

LAYER_PREFIX = "layer"

_Value = TypeVar("_Value")


def shown_ids(layer: Mapping[str, _Value], base: Mapping[str, _Value]) -> dict[str, str]:
    """Layer id -> the id it is shown as: its own, or `layer:<id>` (`layer2:<id>`, ...)
    where the base uses the same id for something else."""
    taken = set(base) | set(layer)
    shown: dict[str, str] = {}
    for ident in sorted(layer):
        if ident not in base or base[ident] == layer[ident]:
            shown[ident] = ident
            continue
        number = 1
        candidate = f"{LAYER_PREFIX}:{ident}"
        while candidate in taken:
            number += 1
            candidate = f"{LAYER_PREFIX}{number}:{ident}"
        taken.add(candidate)
        shown[ident] = candidate
    return shown


class LayeredPriceTable:
    """`layer`'s figures over `base`'s (see the module docstring)."""

    def __init__(self, layer: PriceTable, base: PriceLookup) -> None:
        self.layer = layer
        self.base = base
        self._source_ids = shown_ids(layer.sources, base.sources)
        self._rule_ids = shown_ids(layer.rules, base.rules)
        self._renamed = any(k != v for k, v in (*self._source_ids.items(), *self._rule_ids.items()))
        self._sources: dict[str, PriceSource] = {
            **base.sources,
            **{self._source_ids[sid]: source for sid, source in layer.sources.items()},
        }
        self._rules: dict[str, str] = {
            **base.rules,
            **{self._rule_ids[rid]: text for rid, text in layer.rules.items()},
        }

    @property
    def sources(self) -> Mapping[str, PriceSource]:
        return self._sources

    @property
    def rules(self) -> Mapping[str, str]:
        return self._rules

    @property
    def layer_sources(self) -> list[str]:
        """The ids (as shown) of the layer's sources."""
        return sorted(self._source_ids.values())

    @property
    def regions(self) -> list[str]:
        return sorted({*self.layer.regions, *self.base.regions})

    @property
    def as_of(self) -> date:
        return min(source.as_of for source in self._sources.values())

    @property
    def newest(self) -> date:
        return max(source.as_of for source in self._sources.values())

    def lookup(self, region: str, key: str) -> Price | None:
        price = self.layer.lookup(region, key)
        if price is None:
            return self.base.lookup(region, key)
        if not self._renamed:
            return price
        rule = None if price.rule is None else self._rule_ids[price.rule]
        return Price(price.unit_price, self._source_ids[price.source], rule)

    def keys(self, region: str) -> list[str]:
        return sorted({*self.layer.keys(region), *self.base.keys(region)})

    def count(self, region: str) -> int:
        return len(self.keys(region))

    def layer_count(self, region: str) -> int:
        """How many of the region's figures come from the layer."""
        return self.layer.count(region)


def load_layered_table(layer_path: Path, base: PriceLookup | None = None) -> LayeredPriceTable:
    """The table at `layer_path` over `base` (default: the bundled table).

    The layer is checked whole here, not region by region as it is looked up: a user's
    file is usually small, and a broken one should stop every run, not only the runs whose
    plans reach the broken region.
    """
    layer = load_price_table(layer_path)
    for region in layer.regions:
        layer.count(region)
    return LayeredPriceTable(layer, base if base is not None else load_price_table())


def load_prices(path: Path | None, layered: bool = True) -> PriceLookup:
    """The bundled table (no `path`), `path` over it (`layered`), or `path` alone."""
    if path is None:
        return load_price_table()
    if not layered:
        return load_price_table(path)
    return load_layered_table(path)
