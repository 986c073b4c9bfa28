"""The bundled price table: schema, loading and constant-time lookups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate.bundled import bundled_dir
from finops_gate.errors import PriceTableError

DEFAULT_TABLE = "aws.json"

PriceEntry = tuple[float, str] | tuple[float, str, str]


class PriceSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    origin: str
    license: str
    as_of: date


class PriceTableFile(BaseModel):
    """The on-disk format written by `scripts/build_prices.py`."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Literal[1]
    currency: Literal["USD"]
    sources: dict[str, PriceSource]
    rules: dict[str, str]
    regions: dict[str, dict[str, PriceEntry]]


@dataclass(frozen=True, slots=True)
class Price:
    unit_price: float
    source: str
    rule: str | None

    @property
    def approximate(self) -> bool:
        """Derived by a documented rule rather than read from a published price list."""
        return self.rule is not None


class PriceTable:
    def __init__(self, table: PriceTableFile) -> None:
        self.sources = table.sources
        self.rules = table.rules
        self._regions = table.regions

    @property
    def regions(self) -> list[str]:
        return sorted(self._regions)

    @property
    def as_of(self) -> date:
        """Date of the oldest source: a price is at least this fresh."""
        return min(source.as_of for source in self.sources.values())

    @property
    def newest(self) -> date:
        return max(source.as_of for source in self.sources.values())

    def lookup(self, region: str, key: str) -> Price | None:
        entry = self._regions.get(region, {}).get(key)
        if entry is None:
            return None
        return Price(entry[0], entry[1], entry[2] if len(entry) == 3 else None)

    def count(self, region: str) -> int:
        return len(self._regions.get(region, {}))


def load_price_table(path: Path | None = None) -> PriceTable:
    file = path or bundled_dir("pricing") / DEFAULT_TABLE
    try:
        raw = orjson.loads(file.read_bytes())
    except FileNotFoundError:
        raise PriceTableError(f"{file}: price table not found") from None
    except orjson.JSONDecodeError as error:
        raise PriceTableError(f"{file}: not valid JSON: {error.msg}") from None
    try:
        table = PriceTableFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise PriceTableError(f"{file}: {location}: {first['msg']}") from None
    _check_references(table, file)
    return PriceTable(table)


def _check_references(table: PriceTableFile, file: Path) -> None:
    for region, prices in table.regions.items():
        for key, entry in prices.items():
            if entry[1] not in table.sources:
                raise PriceTableError(f"{file}: regions.{region}.{key}: unknown source {entry[1]}")
            if len(entry) == 3 and entry[2] not in table.rules:
                raise PriceTableError(f"{file}: regions.{region}.{key}: unknown rule {entry[2]}")
