"""Opening a price table checks its envelope without pydantic when it has the generator's
plain form, with the same result as the schema; any other form goes to the schema."""

from __future__ import annotations

import copy
import json
import pickle
from pathlib import Path
from typing import Any

import orjson
import pytest

from finops_gate.cost.price_schema import PriceTableEnvelope
from finops_gate.cost.prices import load_price_table, plain_envelope
from finops_gate.errors import PriceTableError

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "pricing" / "aws.json"

ENVELOPE: dict[str, Any] = {
    "currency": "USD",
    "rules": {"r": "a rule"},
    "schema_version": 1,
    "sources": {"s": {"title": "t", "origin": "o", "license": "MIT", "as_of": "2024-01-01"}},
}


def test_the_bundled_envelope_is_plain_and_checks_as_the_schema_does() -> None:
    raw = orjson.loads(BUNDLED.read_bytes())
    del raw["regions"]
    plain = plain_envelope(raw)
    assert plain is not None
    assert plain == PriceTableEnvelope.model_validate(raw).plain()
    assert plain.sources == load_price_table(BUNDLED).sources


def _changed(change: str) -> dict[str, Any]:
    raw = copy.deepcopy(ENVELOPE)
    source = raw["sources"]["s"]
    if change == "datetime":
        source["as_of"] = "2024-01-01T00:00:00"
    elif change == "timestamp":
        source["as_of"] = 1704067200
    elif change == "float version":
        raw["schema_version"] = 1.0
    return raw


@pytest.mark.parametrize("change", ["datetime", "timestamp", "float version"])
def test_other_forms_the_schema_accepts_load_as_the_schema_reads_them(
    tmp_path: Path, change: str
) -> None:
    raw = _changed(change)
    assert plain_envelope(raw) is None
    path = tmp_path / "table.json"
    path.write_text(json.dumps({**raw, "regions": {"r1": {"k": [1, "s"]}}}), encoding="utf-8")
    table = load_price_table(path)
    assert dict(table.sources) == PriceTableEnvelope.model_validate(raw).plain().sources


@pytest.mark.parametrize(
    ("source", "message"),
    [
        (
            {"title": "t", "origin": "o", "license": "MIT", "as_of": "2024-01-01", "x": 1},
            "sources.s.x: Extra inputs are not permitted",
        ),
        (
            {"title": "t", "origin": "o", "license": "MIT", "as_of": "2024-02-30"},
            "sources.s.as_of: Input should be a valid date",
        ),
        ({"title": "t", "origin": "o", "license": "MIT"}, "sources.s.as_of: Field required"),
        (
            {"title": 5, "origin": "o", "license": "MIT", "as_of": "2024-01-01"},
            "sources.s.title: Input should be a valid string",
        ),
    ],
)
def test_a_wrong_envelope_gets_the_schemas_message(
    tmp_path: Path, source: dict[str, Any], message: str
) -> None:
    raw = {**ENVELOPE, "sources": {"s": source}, "regions": {}}
    path = tmp_path / "table.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(PriceTableError) as error:
        load_price_table(path)
    assert message in str(error.value)


def test_the_mapped_bundled_table_reads_as_the_file_read() -> None:
    mapped = load_price_table()
    read = load_price_table(BUNDLED)
    assert mapped.regions == read.regions
    assert mapped.sources == read.sources and mapped.rules == read.rules
    for region in ("us-east-1", "eu-west-1", "sa-east-1"):
        assert mapped.keys(region) == read.keys(region)
        for key in read.keys(region)[:200]:
            assert mapped.lookup(region, key) == read.lookup(region, key)


def test_the_bundled_table_over_the_size_limit_is_refused_as_before(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("FINOPS_GATE_MAX_PRICES_BYTES", "1000")
    with pytest.raises(PriceTableError, match="larger than the price table limit of 1000 bytes"):
        load_price_table()


def test_the_mapped_table_can_be_handed_to_another_process() -> None:
    table = load_price_table()
    table.lookup("us-east-1", "ec2:m5.large")  # one region parsed, the others still text
    copied = pickle.loads(pickle.dumps(table))
    assert copied.regions == table.regions
    for region in ("us-east-1", "eu-west-1"):
        assert copied.keys(region) == table.keys(region)
        assert copied.lookup(region, "ec2:m5.large") == table.lookup(region, "ec2:m5.large")
