"""The bundled price table: schema, loading and constant-time lookups.

The table (``pricing/aws.json``, written by ``scripts/build_prices.py``) holds every AWS
commercial region: about 65,000 prices, 5 MB. Validating all of them with pydantic on every
run would cost more than the rest of the gate, so loading is lazy:

* the envelope (``schema_version``, ``currency``, ``sources``, ``rules``) is parsed and
  validated with pydantic (``PriceTableEnvelope``) when the table is opened;
* the generated layout puts each region's object between a line ``  "<region>":{`` and a
  line ``  }``: opening the table only records where each region's text is, and a region is
  parsed (orjson) and checked (cheap type checks, every source and rule id declared) the first
  time a price of that region is looked up.

A file in any other layout (hand-formatted, minified) is parsed whole and checked the same
way. ``PriceTableFile`` is the pydantic model of the whole format; ``validate_price_table``
checks a file against it (tests and ``pricing build`` use it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal, Protocol

import orjson
from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate.bundled import bundled_dir
from finops_gate.errors import PriceTableError
from finops_gate.input_files import PRICE_LIMIT, read_input_file

DEFAULT_TABLE = "aws.json"

PriceEntry = tuple[float, str] | tuple[float, str, str]


class PriceSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    title: str
    origin: str
    license: str
    as_of: date


class PriceTableEnvelope(BaseModel):
    """Everything but the prices: what `load_price_table` validates up front."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    schema_version: Literal[1]
    currency: Literal["USD"]
    sources: dict[str, PriceSource]
    rules: dict[str, str]


class PriceTableFile(PriceTableEnvelope):
    """The on-disk format written by `scripts/build_prices.py`."""

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


class PriceLookup(Protocol):
    """What pricing needs of a table: one file (`PriceTable`) or a layered stack of them."""

    @property
    def sources(self) -> Mapping[str, PriceSource]: ...

    @property
    def rules(self) -> Mapping[str, str]: ...

    @property
    def regions(self) -> list[str]: ...

    @property
    def as_of(self) -> date: ...

    @property
    def newest(self) -> date: ...

    def lookup(self, region: str, key: str) -> Price | None: ...

    def count(self, region: str) -> int: ...

    def keys(self, region: str) -> list[str]: ...


# The generated layout (see scripts/build_prices.py `render_table`).
_REGIONS_OPEN = b'\n "regions":{\n'
_REGIONS_CLOSE = b'\n },\n "rules":'
_REGION_START = b'\n  "'
_REGION_END = b"\n  }"


class PriceTable:
    def __init__(
        self,
        envelope: PriceTableEnvelope,
        regions: dict[str, Any],
        name: str = DEFAULT_TABLE,
    ) -> None:
        """`regions`: region -> its prices (a dict) or its JSON text (bytes, parsed lazily)."""
        self.sources = envelope.sources
        self.rules = envelope.rules
        self._raw = regions
        self._parsed: dict[str, dict[str, list[Any]]] = {}
        # Each Price made once: a plan looks the same few keys up thousands of times.
        self._prices: dict[str, dict[str, Price]] = {}
        self._name = name

    @property
    def name(self) -> str:
        """The file the table was read from, as error messages name it."""
        return self._name

    @property
    def regions(self) -> list[str]:
        return sorted(self._raw)

    @property
    def as_of(self) -> date:
        """Date of the oldest source: a price is at least this fresh."""
        return min(source.as_of for source in self.sources.values())

    @property
    def newest(self) -> date:
        return max(source.as_of for source in self.sources.values())

    def _region(self, region: str) -> dict[str, list[Any]]:
        prices = self._parsed.get(region)
        if prices is None:
            raw = self._raw.get(region)
            if raw is None:
                return {}
            if isinstance(raw, bytes):
                try:
                    raw = orjson.loads(raw)
                except orjson.JSONDecodeError as error:
                    raise PriceTableError(
                        f"{self._name}: regions.{region}: not valid JSON: {error.msg}"
                    ) from None
            prices = _checked_region(raw, region, self)
            self._parsed[region] = prices
        return prices

    def lookup(self, region: str, key: str) -> Price | None:
        made = self._prices.get(region)
        if made is None:
            made = self._prices[region] = {}
        price = made.get(key)
        if price is None:
            entry = self._region(region).get(key)
            if entry is None:
                return None
            price = made[key] = Price(entry[0], entry[1], entry[2] if len(entry) == 3 else None)
        return price

    def count(self, region: str) -> int:
        return len(self._region(region))

    def keys(self, region: str) -> list[str]:
        return sorted(self._region(region))


# The dearest price in AWS's lists is about $400 an hour; a unit price above this is a
# corrupt or hostile table, and would overflow a monthly total to infinity.
MAX_UNIT_PRICE = 100_000.0


def price_problem(value: Any) -> str | None:
    """Why `value` cannot be a unit price in USD, or None when it can."""
    if type(value) not in (float, int):
        return "expected a number"
    if not math.isfinite(value):
        return "not a finite number"
    if value < 0:
        return "negative"
    if value > MAX_UNIT_PRICE:
        return f"above {MAX_UNIT_PRICE:,.0f} USD, not a plausible unit price"
    return None


def _checked_region(raw: Any, region: str, table: PriceTable) -> dict[str, list[Any]]:
    """Cheap structural checks of one region's prices (the pydantic model's rules)."""
    where = f"{table._name}: regions.{region}"
    if not isinstance(raw, dict):
        raise PriceTableError(f"{where}: expected an object of prices")
    for key, entry in raw.items():
        if not (
            type(entry) is list
            and len(entry) in (2, 3)
            and type(entry[0]) in (float, int)
            and type(entry[1]) is str
            and type(entry[-1]) is str  # the rule, or the source again
        ):
            raise PriceTableError(
                f"{where}.{key}: expected [price, source] or [price, source, rule], got {entry!r}"
            )
        problem = price_problem(entry[0])
        if problem is not None:
            raise PriceTableError(f"{where}.{key}: price {entry[0]!r}: {problem}")
        if entry[1] not in table.sources:
            raise PriceTableError(f"{where}.{key}: unknown source {entry[1]}")
        if len(entry) == 3 and entry[2] not in table.rules:
            raise PriceTableError(f"{where}.{key}: unknown rule {entry[2]}")
        if type(entry[0]) is int:
            entry[0] = float(entry[0])
    return raw


def _split_regions(data: bytes) -> tuple[bytes, dict[str, bytes]] | None:
    """(envelope JSON with empty regions, region -> its JSON text) for the generated layout,
    or None for any other layout. Only a few fast byte searches: no parsing."""
    start = data.find(_REGIONS_OPEN)
    end = data.rfind(_REGIONS_CLOSE)
    if start < 0 or end < start:
        return None
    regions: dict[str, bytes] = {}
    position = start + len(_REGIONS_OPEN) - 1
    while position < end:
        line = data.find(_REGION_START, position, end)
        if line < 0:
            break
        open_brace = data.find(b'":{\n', line, end)
        close = data.find(_REGION_END, open_brace, end + 1)
        if open_brace < 0 or close < 0 or b"\n" in data[line + 1 : open_brace]:
            return None  # e.g. a region written on one line: not the generated layout
        if data[position:line].strip(b",\n "):
            return None
        name = data[line + len(_REGION_START) : open_brace]
        if not name.isascii():
            return None  # not a region name the generator writes: parse (and refuse) it whole
        regions[name.decode("ascii")] = data[open_brace + 2 : close + len(_REGION_END)]
        position = close + len(_REGION_END)
    if data[position:end].strip(b",\n "):
        return None  # text outside the region blocks: not the generated layout
    envelope = data[: start + len(b'\n "regions":')] + b"{}" + data[end + len(b"\n }") :]
    return envelope, regions


def _validate_envelope(raw: Any, file: Path) -> PriceTableEnvelope:
    try:
        return PriceTableEnvelope.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise PriceTableError(f"{file}: {location}: {first['msg']}") from None


def load_price_table(path: Path | None = None) -> PriceTable:
    file = path or bundled_dir("pricing") / DEFAULT_TABLE
    if not file.exists():
        raise PriceTableError(f"{file}: price table not found")
    data = read_input_file(str(file), PRICE_LIMIT, PriceTableError)
    split = _split_regions(data)
    try:
        raw = orjson.loads(split[0] if split else data)
    except orjson.JSONDecodeError as error:
        raise PriceTableError(f"{file}: not valid JSON: {error.msg}") from None
    if not isinstance(raw, dict):
        raise PriceTableError(f"{file}: expected a JSON object")
    regions: dict[str, Any] = dict(split[1]) if split else raw.get("regions", {})
    if not isinstance(regions, dict):
        raise PriceTableError(f"{file}: regions: expected an object")
    envelope = _validate_envelope({k: v for k, v in raw.items() if k != "regions"}, file)
    if "regions" not in raw:
        raise PriceTableError(f"{file}: regions: Field required")
    if not envelope.sources:
        # Every figure names a source: a table without one has no prices and no dates.
        raise PriceTableError(f"{file}: sources: a price table needs at least one source")
    return PriceTable(envelope, regions, str(file))


def validate_price_table(path: Path) -> PriceTableFile:
    """Validate a whole table file against the pydantic model (slow: every price)."""
    try:
        raw = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise PriceTableError(f"{path}: not valid JSON: {error.msg}") from None
    try:
        table = PriceTableFile.model_validate(raw)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"])
        raise PriceTableError(f"{path}: {location}: {first['msg']}") from None
    for region, prices in table.regions.items():
        for key, entry in prices.items():
            problem = price_problem(entry[0])
            if problem is not None:
                raise PriceTableError(
                    f"{path}: regions.{region}.{key}: price {entry[0]!r}: {problem}"
                )
            if entry[1] not in table.sources:
                raise PriceTableError(f"{path}: regions.{region}.{key}: unknown source {entry[1]}")
            if len(entry) == 3 and entry[2] not in table.rules:
                raise PriceTableError(f"{path}: regions.{region}.{key}: unknown rule {entry[2]}")
    return table
