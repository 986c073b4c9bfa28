"""What every part of the builder shares: the types, the error, and exact-number helpers."""

from __future__ import annotations

import csv
import json
import sys
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from finops_gate.pricing.layout import Figure

REFERENCE_REGION = "us-east-1"  # flat, global prices are copied from here to other regions
HOURS_PER_MONTH = Decimal(730)  # Infracost's convention; it shows some prices per unit-month


class BuildError(Exception):
    """The raw data does not look the way the builder expects: stop rather than guess."""


Prices = dict[str, Decimal]
# A source reader: (price-sources directory, region) -> {price key: unit price}
Reader = Callable[[Path, str], Prices]
RegionTable = dict[str, Figure]


def dec(text: str | float | Decimal) -> Decimal:
    """Exact decimal of a published price ("0.1070000000" -> 0.107)."""
    value = Decimal(str(text).strip())
    return value.normalize() if value else value


@lru_cache(maxsize=8)
def load_json(path: Path) -> Any:
    """JSON with every non-integer number kept as an exact Decimal (cached: read-only)."""
    with path.open(encoding="utf-8") as fh:
        return json.load(fh, parse_float=Decimal)


def put(prices: Prices, key: str, price: Decimal, origin: str) -> None:
    """Record a price read from a source; the same key twice must agree."""
    if key in prices and prices[key] != price:
        raise BuildError(f"{origin}: two prices for {key}: {prices[key]} and {price}")
    prices[key] = price


def warn(message: str) -> None:
    print(f"build_prices: {message}", file=sys.stderr)


@lru_cache(maxsize=8)
def csv_rows(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=8)
def rows_by_region(path: Path, column: str) -> dict[str, tuple[dict[str, str], ...]]:
    """A CSV's rows grouped by region (read once; each region's reader takes its own)."""
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in csv_rows(path):
        grouped[row[column]].append(row)
    return {region: tuple(rows) for region, rows in grouped.items()}
