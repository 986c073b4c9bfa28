"""Loading the price table: lazy per-region parsing, the same content as a full parse,
clear errors, and speed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cost.prices import (
    PriceTableFile,
    load_price_table,
    validate_price_table,
)
from finops_gate.errors import PriceTableError

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "pricing" / "aws.json"

ENVELOPE = {
    "currency": "USD",
    "rules": {"r": "a rule"},
    "schema_version": 1,
    "sources": {
        "s": {"title": "t", "origin": "o", "license": "MIT", "as_of": "2024-01-01"},
    },
}


def write(tmp_path: Path, regions: object, **changes: object) -> Path:
    path = tmp_path / "table.json"
    path.write_text(json.dumps({**ENVELOPE, **changes, "regions": regions}), encoding="utf-8")
    return path


def test_lazy_loading_reads_the_same_prices_as_a_full_parse() -> None:
    table = load_price_table(BUNDLED)
    full = json.loads(BUNDLED.read_text(encoding="utf-8"))
    assert table.regions == sorted(full["regions"])
    for region, prices in full["regions"].items():
        assert table.keys(region) == sorted(prices)
        for key in list(prices)[:50]:
            price = table.lookup(region, key)
            assert price is not None and [price.unit_price, price.source] == prices[key][:2]
            assert price.rule == (prices[key][2] if len(prices[key]) == 3 else None)


def test_the_bundled_table_matches_the_pydantic_model() -> None:
    assert isinstance(validate_price_table(BUNDLED), PriceTableFile)


def test_any_json_layout_loads(tmp_path: Path) -> None:
    path = write(tmp_path, {"us-east-1": {"ec2:m5.large": [0.096, "s"], "x": [1, "s", "r"]}})
    table = load_price_table(path)
    price = table.lookup("us-east-1", "x")
    assert price is not None and price.unit_price == 1.0 and price.approximate
    assert table.lookup("us-east-1", "ec2:m5.large") is not None
    assert table.lookup("eu-west-1", "ec2:m5.large") is None


@pytest.mark.parametrize(
    ("regions", "changes", "message"),
    [
        ({"r1": {"k": [0.1, "nope"]}}, {}, "regions.r1.k: unknown source nope"),
        ({"r1": {"k": [0.1, "s", "nope"]}}, {}, "regions.r1.k: unknown rule nope"),
        ({"r1": {"k": ["0.1", "s"]}}, {}, "regions.r1.k: expected [price, source]"),
        ({"r1": {"k": [0.1]}}, {}, "regions.r1.k: expected [price, source]"),
        ({"r1": {"k": [0.1, 5]}}, {}, "regions.r1.k: expected [price, source]"),
        ({"r1": {"k": [0.1, 5, "r"]}}, {}, "regions.r1.k: expected [price, source]"),
        ({"r1": {"k": [0.1, "s", 5]}}, {}, "regions.r1.k: expected [price, source]"),
        ({"r1": {"k": [0.1, "s", "r", "x"]}}, {}, "regions.r1.k: expected [price, source]"),
        ({}, {"currency": "EUR"}, "currency: Input should be 'USD'"),
        ({}, {"schema_version": 2}, "schema_version"),
    ],
)
def test_errors_name_the_place(
    tmp_path: Path, regions: object, changes: dict[str, object], message: str
) -> None:
    path = write(tmp_path, regions, **changes)
    with pytest.raises(PriceTableError) as error:
        load_price_table(path).lookup("r1", "k")
    assert str(error.value).startswith(f"{path}: ") or "table.json" in str(error.value)
    assert message in str(error.value)


def test_missing_and_invalid_files(tmp_path: Path) -> None:
    with pytest.raises(PriceTableError, match="price table not found"):
        load_price_table(tmp_path / "none.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with pytest.raises(PriceTableError, match="not valid JSON"):
        load_price_table(bad)


def test_loading_decodes_only_the_regions_looked_up() -> None:
    """Opening the 5 MB table must not parse every region: the bundled table is read on
    every run (its speed is measured in benchmarks/bench.py, not here)."""
    table = load_price_table(BUNDLED)
    assert len(table.regions) > 20
    assert table._parsed == {}  # nothing decoded by opening it
    for region in ("us-east-1", "eu-west-1", "ap-southeast-1"):
        assert table.lookup(region, "ec2:m5.large") is not None
    assert sorted(table._parsed) == ["ap-southeast-1", "eu-west-1", "us-east-1"]
    assert all(isinstance(table._raw[r], bytes) for r in ("us-west-2", "sa-east-1"))


def test_hand_formatted_layouts_fall_back_to_a_full_parse(tmp_path: Path) -> None:
    """Text that looks almost like the generated layout must not be split wrongly."""
    path = tmp_path / "table.json"
    envelope = json.dumps(ENVELOPE)[1:-1]
    path.write_text(
        '{\n "regions":{\n  "a":{"k":[1.0,"s"]},\n  "b":{\n   "k":[2.0,"s"]\n  }\n },\n'
        f' "rules":{{"r": "a rule"}}, {envelope.split(", ", 1)[0]},'
        f' "schema_version": 1, "sources": {json.dumps(ENVELOPE["sources"])}}}\n',
        encoding="utf-8",
    )
    json.loads(path.read_text(encoding="utf-8"))
    table = load_price_table(path)
    assert [table.lookup(r, "k").unit_price for r in ("a", "b")] == [1.0, 2.0]  # type: ignore[union-attr]


def test_the_shipped_table_passes_the_checks_a_run_skips_for_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A run does not check the package's own table region by region (it is checked
    here, once); every other table is checked when a region of it is first used."""
    from finops_gate.cost import prices

    checked = load_price_table(BUNDLED)  # named by path: treated as any user's table
    for region in checked.regions:
        assert checked.count(region) > 0  # goes through _checked_region; raises if bad
        assert all(
            type(entry[0]) is float for entry in checked._region(region).values()
        ), region
    calls: list[str] = []
    real = prices._checked_region

    def counting(raw: object, region: str, table: object) -> object:
        calls.append(region)
        return real(raw, region, table)  # type: ignore[arg-type]

    monkeypatch.setattr(prices, "_checked_region", counting)
    shipped = load_price_table()
    assert shipped.lookup("us-east-1", "ec2:m5.large") == checked.lookup(
        "us-east-1", "ec2:m5.large"
    )
    assert shipped._region("eu-west-1") == checked._region("eu-west-1")
    assert calls == []
    load_price_table(BUNDLED).lookup("us-east-1", "ec2:m5.large")
    assert calls == ["us-east-1"]


def test_the_shipped_table_decodes_an_entry_when_it_is_looked_up() -> None:
    """A run decodes the shipped table's regions only to each entry's JSON text and an
    entry when it is looked up: every price, key and count must be those of the same
    file read and checked as any user's table."""
    shipped, checked = load_price_table(), load_price_table(BUNDLED)
    for region in checked.regions:
        keys = checked.keys(region)
        assert shipped.keys(region) == keys, region
        assert shipped.count(region) == checked.count(region) == len(keys)
        for key in keys:
            price = shipped.lookup(region, key)
            assert price == checked.lookup(region, key), (region, key)
            assert price is not None and type(price.unit_price) is float
    assert shipped._parsed == {}  # nothing built beyond the entries looked up
    assert shipped.lookup("us-east-1", "no:such:key") is None
    assert shipped.lookup("no-such-region", "ec2:m5.large") is None


def test_a_shipped_region_that_is_not_json_is_one_clear_error() -> None:
    table = load_price_table()
    table._raw = {"us-east-1": b'{"ec2:m5.large": [0.096, "s"'}
    with pytest.raises(PriceTableError, match=r"regions\.us-east-1: not valid JSON"):
        table.lookup("us-east-1", "ec2:m5.large")
