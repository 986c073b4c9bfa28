"""The bundled price table: schema, loading and constant-time lookups.

The table (``pricing/aws.json``, written by ``scripts/build_prices.py``) holds every AWS
commercial region: about 65,000 prices, 5 MB. Validating all of them with pydantic on every
run would cost more than the rest of the gate, so loading is lazy:

* the envelope (``schema_version``, ``currency``, ``sources``, ``rules``) is parsed and
  checked when the table is opened: by hand when it has the plain form the generator writes
  (``plain_envelope``), else by the pydantic schema (finops_gate/cost/price_schema.py),
  which also says what is wrong; a run with a well-formed table never imports pydantic;
* the generated layout puts each region's object between a line ``  "<region>":{`` and a
  line ``  }``: opening the table only records where each region's text is, and a region is
  parsed (orjson) and checked (cheap type checks, every source and rule id declared) the first
  time a price of that region is looked up. The package's own table, which the tests check
  region by region, is not checked again on a run: its region is decoded only to each
  entry's JSON text (msgspec), and an entry when it is first looked up.

A file in any other layout (hand-formatted, minified) is parsed whole and checked the same
way. ``price_schema.PriceTableFile`` is the pydantic model of the whole format;
``validate_price_table`` checks a file against it (tests and ``pricing build`` use it).
"""

from __future__ import annotations

import math
import mmap
import re
from collections.abc import Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import msgspec
import orjson

from finops_gate.bundled import bundled_dir
from finops_gate.errors import PriceTableError
from finops_gate.input_files import PRICE_LIMIT, read_input_file
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.cost.price_schema import PriceTableFile

DEFAULT_TABLE = "aws.json"

PriceEntry = tuple[float, str] | tuple[float, str, str]


@record
class PriceSource:
    title: str
    origin: str
    license: str
    as_of: date

    def as_json(self) -> dict[str, str]:
        return {
            "title": self.title,
            "origin": self.origin,
            "license": self.license,
            "as_of": self.as_of.isoformat(),
        }


@record
class TableEnvelope:
    """Everything but the prices, checked."""

    sources: dict[str, PriceSource]
    rules: dict[str, str]


@record(slots=True)
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
        envelope: TableEnvelope,
        regions: Mapping[str, Any],
        name: str = DEFAULT_TABLE,
        *,
        shipped: bool = False,
    ) -> None:
        """`regions`: region -> its prices (a dict) or its JSON text (bytes, parsed lazily).

        `shipped`: the package's own table, whose every region the test suite puts through
        the checks below (tests/pricing/test_loader.py), is not checked again on each run
        (3 ms per region used, a fair part of a small run). Any other table is."""
        self.sources = envelope.sources
        self.rules = envelope.rules
        self._raw = regions
        self._parsed: dict[str, dict[str, list[Any]]] = {}
        self._entry_texts: dict[str, dict[str, msgspec.Raw]] = {}
        # Each Price made once: a plan looks the same few keys up thousands of times.
        self._prices: dict[str, dict[str, Price]] = {}
        self._name = name
        self._shipped = shipped

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
            prices = raw if self._shipped else _checked_region(raw, region, self)
            self._parsed[region] = prices
        return prices

    def _entries(self, region: str) -> Mapping[str, Any]:
        """A region's prices by key, for lookups: the checked entries of any other table;
        for the shipped one, which a run does not check, each entry's JSON text (decoded
        when first looked up). A run looks up a few hundred of a region's 9,000 prices,
        and building every entry's list, number and strings was most of the decoding."""
        if not self._shipped:
            return self._region(region)
        entries = self._entry_texts.get(region)
        if entries is None:
            raw = self._raw.get(region)
            if not isinstance(raw, bytes):  # absent, or given parsed
                return self._region(region)
            try:
                entries = self._entry_texts[region] = _ENTRY_TEXTS.decode(raw)
            except msgspec.DecodeError as error:
                raise PriceTableError(
                    f"{self._name}: regions.{region}: not valid JSON: {error}"
                ) from None
        return entries

    def lookup(self, region: str, key: str) -> Price | None:
        made = self._prices.get(region)
        if made is None:
            made = self._prices[region] = {}
        price = made.get(key)
        if price is None:
            entry = self._entries(region).get(key)
            if entry is None:
                return None
            if type(entry) is msgspec.Raw:
                entry = _ENTRY.decode(entry)
            price = made[key] = Price(entry[0], entry[1], entry[2] if len(entry) == 3 else None)
        return price

    def count(self, region: str) -> int:
        return len(self._entries(region))

    def keys(self, region: str) -> list[str]:
        return sorted(self._entries(region))


# A shipped region's entries as JSON texts, and one entry's text as its list.
_ENTRY_TEXTS = msgspec.json.Decoder(dict[str, msgspec.Raw])
_ENTRY = msgspec.json.Decoder()


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


def _find_region_end(data: bytes | mmap.mmap, start: int, stop: int) -> int:
    """`data.find(_REGION_END, start, stop)`, by looking for its last byte: a pattern that
    starts with a newline is tried at nearly every line of the 5 MB table (about 20 ms a
    run), one rare byte is found at memory speed."""
    brace = data.find(b"}", start + len(_REGION_END) - 1, stop)
    while brace >= 0 and data[brace - len(_REGION_END) + 1 : brace] != _REGION_END[:-1]:
        brace = data.find(b"}", brace + 1, stop)
    return brace - len(_REGION_END) + 1 if brace >= 0 else -1


class _RegionTexts(Mapping[str, bytes]):
    """Region -> its JSON text, cut out of the table's bytes when asked for: copying every
    region up front (5 MB of fresh memory, page by page) took longer than finding them."""

    def __init__(self, data: bytes | mmap.mmap, spans: dict[str, tuple[int, int]]) -> None:
        self._data = data
        self._spans = spans

    def __getitem__(self, region: str) -> bytes:
        start, end = self._spans[region]
        return self._data[start:end]

    def __contains__(self, region: object) -> bool:
        return region in self._spans  # without cutting the text out, as Mapping's would

    def __iter__(self) -> Iterator[str]:
        return iter(self._spans)

    def __len__(self) -> int:
        return len(self._spans)

    def __reduce__(self) -> tuple[type[_RegionTexts], tuple[bytes, dict[str, tuple[int, int]]]]:
        # A mapped table cannot be pickled; its bytes can (a multi-project run hands the
        # table to worker processes, which pickle it where they are not forked).
        return _RegionTexts, (bytes(self._data), self._spans)


def _split_regions(data: bytes | mmap.mmap) -> tuple[bytes, Mapping[str, bytes]] | None:
    """(envelope JSON with empty regions, region -> its JSON text) for the generated layout,
    or None for any other layout. Only a few fast byte searches: no parsing."""
    start = data.find(_REGIONS_OPEN)
    end = data.rfind(_REGIONS_CLOSE)
    if start < 0 or end < start:
        return None
    spans: dict[str, tuple[int, int]] = {}
    position = start + len(_REGIONS_OPEN) - 1
    while position < end:
        line = data.find(_REGION_START, position, end)
        if line < 0:
            break
        open_brace = data.find(b'":{\n', line, end)
        close = _find_region_end(data, open_brace, end + 1)
        if open_brace < 0 or close < 0 or b"\n" in data[line + 1 : open_brace]:
            return None  # e.g. a region written on one line: not the generated layout
        if data[position:line].strip(b",\n "):
            return None
        name = data[line + len(_REGION_START) : open_brace]
        if not name.isascii():
            return None  # not a region name the generator writes: parse (and refuse) it whole
        spans[name.decode("ascii")] = (open_brace + 2, close + len(_REGION_END))
        position = close + len(_REGION_END)
    if data[position:end].strip(b",\n "):
        return None  # text outside the region blocks: not the generated layout
    envelope = data[: start + len(b'\n "regions":')] + b"{}" + data[end + len(b"\n }") :]
    return envelope, _RegionTexts(data, spans)


_ENVELOPE_KEYS = {"schema_version", "currency", "sources", "rules"}
_SOURCE_KEYS = {"title", "origin", "license", "as_of"}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def plain_envelope(raw: dict[str, Any]) -> TableEnvelope | None:
    """The envelope when it has exactly the form the generator writes (the schema accepts
    it and gives the same values), else None: the schema then decides."""
    if raw.keys() != _ENVELOPE_KEYS or type(raw["schema_version"]) is not int:
        return None
    sources, rules = raw["sources"], raw["rules"]
    if raw["schema_version"] != 1 or raw["currency"] != "USD" or type(sources) is not dict:
        return None
    if type(rules) is not dict or not all(type(text) is str for text in rules.values()):
        return None
    plain: dict[str, PriceSource] = {}
    for sid, source in sources.items():
        if type(source) is not dict or source.keys() != _SOURCE_KEYS:
            return None
        if not all(type(value) is str for value in source.values()):
            return None
        if not _ISO_DATE.fullmatch(source["as_of"]):
            return None
        try:
            as_of = date.fromisoformat(source["as_of"])
        except ValueError:
            return None
        plain[sid] = PriceSource(source["title"], source["origin"], source["license"], as_of)
    return TableEnvelope(plain, rules)


def _checked_envelope(raw: dict[str, Any], file: Path) -> TableEnvelope:
    envelope = plain_envelope(raw)
    if envelope is not None:
        return envelope
    from finops_gate.cost.price_schema import validate_envelope

    return validate_envelope(raw, file)


def _mapped(file: Path) -> mmap.mmap | None:
    """The bundled table mapped into memory rather than read: reading copies its 5 MB into
    fresh memory page by page, while a run looks at one or a few regions (about 8 ms of a
    small run). Only the package's own file: a table a user gives is read with
    `read_input_file`'s checks. None when it cannot be mapped (it is then read)."""
    try:
        with open(file, "rb") as handle:
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # ValueError: an empty file
        return None
    if len(mapped) > PRICE_LIMIT.bytes():
        mapped.close()
        return None  # read_input_file names the limit
    return mapped


def load_price_table(path: Path | None = None) -> PriceTable:
    file = path or bundled_dir("pricing") / DEFAULT_TABLE
    if not file.exists():
        raise PriceTableError(f"{file}: price table not found")
    mapped = _mapped(file) if path is None else None
    data = read_input_file(str(file), PRICE_LIMIT, PriceTableError) if mapped is None else mapped
    split = _split_regions(data)
    try:
        raw = orjson.loads(split[0] if split else bytes(data))
    except orjson.JSONDecodeError as error:
        raise PriceTableError(f"{file}: not valid JSON: {error.msg}") from None
    if not isinstance(raw, dict):
        raise PriceTableError(f"{file}: expected a JSON object")
    regions: Mapping[str, Any] = split[1] if split else raw.get("regions", {})
    if not isinstance(regions, Mapping):
        raise PriceTableError(f"{file}: regions: expected an object")
    envelope = _checked_envelope({k: v for k, v in raw.items() if k != "regions"}, file)
    if "regions" not in raw:
        raise PriceTableError(f"{file}: regions: Field required")
    if not envelope.sources:
        # Every figure names a source: a table without one has no prices and no dates.
        raise PriceTableError(f"{file}: sources: a price table needs at least one source")
    return PriceTable(envelope, regions, str(file), shipped=path is None)


def validate_price_table(path: Path) -> PriceTableFile:
    """Validate a whole table file against the pydantic model (slow: every price)."""
    from finops_gate.cost.price_schema import validate_file

    try:
        raw = orjson.loads(path.read_bytes())
    except orjson.JSONDecodeError as error:
        raise PriceTableError(f"{path}: not valid JSON: {error.msg}") from None
    table = validate_file(raw, path)
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


def __getattr__(name: str) -> Any:
    """The schema's models, where they were before they moved to price_schema (imported
    on first use: opening a table does not need pydantic)."""
    if name in ("PriceTableEnvelope", "PriceTableFile"):
        from finops_gate.cost import price_schema

        return getattr(price_schema, name)
    raise AttributeError(name)
