"""The price table's deterministic text layout (shared by every writer of pricing tables).

One `"key":value` per line, keys sorted, one space of indent per nesting level, each price
as `[price, "source"]` or `[price, "source", "rule"]` on its own line. Prices are written
in plain decimal notation, always with a decimal point. `finops_gate.cost.prices` relies on
this layout to load one region at a time (any valid JSON still loads, only slower).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

SCHEMA_VERSION = 1
CURRENCY = "USD"


class Figure(NamedTuple):
    price: Decimal
    source_id: str
    rule_id: str | None = None


def json_number(value: Decimal) -> str:
    """Plain decimal notation, always with a decimal point so loaders read a float."""
    text = format(value.normalize(), "f")
    return text if "." in text else f"{text}.0"


def json_figure(figure: Figure) -> str:
    parts = [json_number(figure.price), json.dumps(figure.source_id)]
    if figure.rule_id is not None:
        parts.append(json.dumps(figure.rule_id))
    return f"[{','.join(parts)}]"


def json_object(entries: Iterable[tuple[str, str]], depth: int) -> str:
    """A JSON object with one "key":value per line (values are JSON text already),
    indented one space per nesting level."""
    pad = " " * depth
    body = ",\n".join(f"{pad} {json.dumps(k)}:{v}" for k, v in sorted(entries))
    return f"{{\n{body}\n{pad}}}" if body else "{}"


def render_table(
    tables: Mapping[str, Mapping[str, Figure]],
    sources: Mapping[str, Mapping[str, Any]],
    rules: Mapping[str, str],
) -> str:
    """The whole table file. `sources`: id -> {title, origin, license, as_of}."""
    compact: dict[str, Any] = {"sort_keys": True, "separators": (",", ":"), "ensure_ascii": False}
    source_entries = [(sid, json.dumps(dict(src), **compact)) for sid, src in sources.items()]
    rule_entries = [(rid, json.dumps(text, ensure_ascii=False)) for rid, text in rules.items()]
    regions = [
        (region, json_object(((k, json_figure(f)) for k, f in table.items()), 2))
        for region, table in tables.items()
    ]
    top = [
        ("currency", json.dumps(CURRENCY)),
        ("regions", json_object(regions, 1)),
        ("rules", json_object(rule_entries, 1)),
        ("schema_version", str(SCHEMA_VERSION)),
        ("sources", json_object(source_entries, 1)),
    ]
    text = json_object(top, 0) + "\n"
    json.loads(text)  # the hand-made layout must still be valid JSON
    return text
