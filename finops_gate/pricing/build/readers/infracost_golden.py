"""Infracost's golden test outputs (infracost-golden-facts/, AWS line items, mostly
us-east-1): unit prices, EBS-optimized fees, and the check of other figures against them."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, dec, warn
from finops_gate.pricing.build.readers.golden_specs import (
    CENT,
    DIME,
    FACTS,
    GOLDEN_BY_KEY,
    GOLDEN_FILE,
    GOLDEN_MAX_DIGITS,
    GOLDEN_SPECS,
    RESERVED_FACTS,
)


class GoldenRow(NamedTuple):
    quantity: Decimal | None  # None: "Monthly cost depends on usage: $X per unit" (exact X)
    cost: Decimal | None
    unit_price: Decimal  # the exact X above, or cost / quantity (cents-rounded cost)


@lru_cache(maxsize=2)
def _golden_csv(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def golden_rows(sources: Path, region: str) -> dict[str, list[GoldenRow]]:
    """The golden line items of each GOLDEN_SPECS key in a region."""
    matches: dict[str, list[GoldenRow]] = defaultdict(list)
    for raw in _golden_csv(sources / GOLDEN_FILE):
        if raw["tf_provider_region"] != region:
            continue
        for spec in GOLDEN_SPECS:
            if (
                re.fullmatch(spec.test, raw["test"])
                and raw["line_item"] in spec.line_items
                and re.search(spec.resource, raw["resource"])
                and (not spec.line or raw["line"] == spec.line)
            ):
                matches[spec.key].append(_golden_row(raw))
    return matches


def _golden_row(raw: Mapping[str, str]) -> GoldenRow:
    qty_text = raw["monthly_qty"].replace(",", "").strip()
    if not qty_text:
        return GoldenRow(None, None, dec(raw["implied_unit_price"]))
    quantity, cost = dec(qty_text), dec(raw["monthly_cost_usd"])
    return GoldenRow(quantity, cost, cost / quantity if quantity else Decimal(0))


def _golden_price(key: str, rows: list[GoldenRow]) -> Decimal | None:
    """An exact "per unit" figure if there is one, else cost / quantity of the row with the
    largest quantity (smallest rounding error), unless that is a rounding artefact."""
    exact = {row.unit_price for row in rows if row.quantity is None}
    if len(exact) > 1:
        raise BuildError(f"{GOLDEN_FILE}: {key}: conflicting unit prices {sorted(exact)}")
    if exact:
        return exact.pop()
    measured = [row for row in rows if row.quantity]
    if not measured:
        return None
    best = max(measured, key=lambda row: row.quantity or 0)
    price = best.unit_price.normalize()
    if len(price.as_tuple().digits) > GOLDEN_MAX_DIGITS:
        warn(
            f"{GOLDEN_FILE}: {key}: {best.cost:f} / {best.quantity:f} = {price:.8f}... is a "
            "cents-rounding artefact; left to other sources"
        )
        return None
    return price


def golden_mismatches(
    price: Decimal, rows: list[GoldenRow], shown: Decimal, to_cents: bool = False
) -> list[str]:
    """Rows a unit price does not reproduce (quantity x price must round to the cost).
    ``shown``: Infracost's unit / ours (GoldenSpec.shown); ``to_cents``: GoldenSpec's."""
    unit = price * shown
    displayed = unit.quantize(CENT, ROUND_HALF_UP) if to_cents and unit >= DIME else unit
    bad = []
    for row in rows:
        if row.quantity is None:
            if row.unit_price != displayed:
                bad.append(f"unit price {row.unit_price}")
        elif row.cost is not None and abs(row.quantity * unit - row.cost) > CENT / 2:
            bad.append(f"{row.quantity:f} x {unit:f} != {row.cost:f}")
    return bad


def infracost_golden(sources: Path, region: str) -> Prices:
    """Unit prices from Infracost's golden test outputs (mostly us-east-1)."""
    prices: Prices = {}
    facts = {**FACTS.get(region, {}), **RESERVED_FACTS.get(region, {})}
    for key, rows in golden_rows(sources, region).items():
        spec = GOLDEN_BY_KEY[key]
        if key in facts or spec.any_row:
            continue  # aws_list_prices
        price = _golden_price(key, rows)
        if price is None:
            continue
        price = (price / spec.shown).normalize()  # e.g. per unit-month -> per unit-hour
        bad = golden_mismatches(price, rows, spec.shown, spec.shown_to_cents)
        if bad:
            raise BuildError(f"{GOLDEN_FILE}: {key} = {price} disagrees with rows: {bad}")
        prices[key] = price
    return prices


GOLDEN_EBS_OPTIMIZED = "EBS-optimized usage"
GOLDEN_INSTANCE_USAGE = re.compile(r"Instance usage \([^)]*, (?P<type>[a-z0-9][a-z0-9.-]*)\)")


def golden_ebs_optimized_fees(sources: Path, region: str) -> dict[str, Decimal]:
    """{instance type: hourly EBS-optimized fee (0 = included)} from the golden resources
    that show an "EBS-optimized usage" line item and exactly one instance type."""
    items: dict[tuple[str, str], list[Mapping[str, str]]] = defaultdict(list)
    for raw in _golden_csv(sources / GOLDEN_FILE):
        if raw["tf_provider_region"] == region:
            items[(raw["file"], raw["resource"])].append(raw)
    rows_by_type: dict[str, list[GoldenRow]] = defaultdict(list)
    for (_, resource), raws in sorted(items.items()):
        fee_rows = [_golden_row(raw) for raw in raws if raw["line_item"] == GOLDEN_EBS_OPTIMIZED]
        if not fee_rows:
            continue
        types = {
            match["type"]
            for raw in raws
            if (match := GOLDEN_INSTANCE_USAGE.fullmatch(raw["line_item"])) is not None
        }
        if len(types) != 1:
            warn(f"{GOLDEN_FILE}: {resource}: EBS-optimized fee of {sorted(types)}: skipped")
            continue
        rows_by_type[types.pop()].extend(fee_rows)
    fees: dict[str, Decimal] = {}
    for instance_type, rows in sorted(rows_by_type.items()):
        key = keys.ec2_ebs_optimized(instance_type)
        if all(row.cost == 0 for row in rows):
            fees[instance_type] = Decimal(0)
            continue
        price = _golden_price(key, rows)
        if price is None:
            continue
        bad = golden_mismatches(price, rows, Decimal(1))
        if bad:
            raise BuildError(f"{GOLDEN_FILE}: {key} = {price} disagrees with rows: {bad}")
        fees[instance_type] = price
    return fees


def infracost_golden_ebs_optimized(sources: Path, region: str) -> Prices:
    """``ec2:<type>:ebs-optimized`` from the golden line items, where charged."""
    return {
        keys.ec2_ebs_optimized(instance_type): fee
        for instance_type, fee in golden_ebs_optimized_fees(sources, region).items()
        if fee
    }


def aws_list_prices(sources: Path, region: str) -> Prices:
    """FACTS, each checked against its golden line items."""
    return _checked_facts(FACTS, sources, region)


def aws_reserved_list_prices(sources: Path, region: str) -> Prices:
    """RESERVED_FACTS, each checked against its golden line items."""
    return _checked_facts(RESERVED_FACTS, sources, region)


def _checked_facts(facts: dict[str, dict[str, str]], sources: Path, region: str) -> Prices:
    rows_by_key = golden_rows(sources, region)
    prices: Prices = {}
    for key, text in facts.get(region, {}).items():
        price, spec, rows = dec(text), GOLDEN_BY_KEY[key], rows_by_key.get(key, [])
        bad = golden_mismatches(price, rows, spec.shown, spec.shown_to_cents)
        if not rows or (len(bad) == len(rows) if spec.any_row else bad):
            raise BuildError(f"{key} = {price} (facts) does not reproduce {GOLDEN_FILE}: {bad}")
        prices[key] = price
    return prices
