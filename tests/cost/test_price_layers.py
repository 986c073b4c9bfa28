"""`--prices FILE` lays FILE over the bundled table; `--prices-only` uses FILE alone.

The plan is terraform's own (priced_us_east_1: an m5.large instance and a db.m5.large
MySQL instance, among others, in us-east-1); the layer tables are written by each test.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cli import main
from finops_gate.cost.price_layers import LayeredPriceTable, load_layered_table, shown_ids
from finops_gate.cost.prices import load_price_table
from finops_gate.integrations.action_inputs import action_call
from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from tests.conftest import fixture_plan_path

PLAN = fixture_plan_path("priced_us_east_1")
ENV = "FINOPS_GATE_PRICES"
INSTANCE = "aws_instance.web"  # m5.large
DATABASE = "aws_db_instance.mysql"  # db.m5.large MySQL, Single-AZ
EC2_KEY = "ec2:m5.large"
RDS_KEY = "rds:db.m5.large:mysql:single-az"


def source(title: str, as_of: str) -> dict[str, str]:
    return {"title": title, "origin": "written by the test", "license": "n/a", "as_of": as_of}


def write_table(
    path: Path,
    regions: dict[str, dict[str, list[Any]]],
    sources: dict[str, dict[str, str]] | None = None,
    rules: dict[str, str] | None = None,
) -> Path:
    table = {
        "schema_version": 1,
        "currency": "USD",
        "sources": sources or {"refreshed-ec2": source("Refreshed EC2 price", "2026-10-01")},
        "rules": rules or {},
        "regions": regions,
    }
    path.write_text(json.dumps(table, indent=1), encoding="utf-8")
    return path


@pytest.fixture
def ec2_layer(tmp_path: Path) -> Path:
    """One EC2 instance price for one region: a partial table from one service."""
    return write_table(
        tmp_path / "ec2-us-east-1.json", {"us-east-1": {EC2_KEY: [0.5, "refreshed-ec2"]}}
    )


@pytest.fixture(autouse=True)
def no_prices_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    captured = capsys.readouterr()
    code = exit_.value.code
    assert isinstance(code, int)
    return code, captured.out, captured.err


def json_report(capsys: pytest.CaptureFixture[str], *options: str) -> dict[str, Any]:
    code, out, err = run([str(PLAN), "--format", "json", "--fail-on", "never", *options], capsys)
    assert code == 0, err
    report: dict[str, Any] = json.loads(out)
    return report


def component(report: dict[str, Any], address: str, key: str) -> dict[str, Any]:
    [resource] = [r for r in report["resources"] if r["address"] == address]
    [found] = [c for c in resource["components"] if c["price_key"] == key]
    return found


def resource_status(report: dict[str, Any], address: str) -> str:
    [resource] = [r for r in report["resources"] if r["address"] == address]
    status: str = resource["status"]
    return status


def test_a_partial_table_wins_where_it_has_a_figure_and_the_bundled_table_prices_the_rest(
    ec2_layer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = load_price_table()
    bundled_rds = bundled.lookup("us-east-1", RDS_KEY)
    bundled_ec2 = bundled.lookup("us-east-1", EC2_KEY)
    assert bundled_rds is not None and bundled_ec2 is not None and bundled_ec2.unit_price != 0.5
    plain = json_report(capsys)
    report = json_report(capsys, "--prices", str(ec2_layer))

    ec2 = component(report, INSTANCE, EC2_KEY)
    assert (ec2["unit_price"], ec2["price_source"]) == (0.5, "refreshed-ec2")
    assert ec2["monthly_cost"] == 0.5 * 730
    rds = component(report, DATABASE, RDS_KEY)
    assert (rds["unit_price"], rds["price_source"]) == (
        bundled_rds.unit_price,
        bundled_rds.source,
    )
    assert resource_status(report, DATABASE) == resource_status(plain, DATABASE) == "priced"
    # the layer loses nothing the bundled table prices
    assert report["summary"]["price_not_found"] == plain["summary"]["price_not_found"]
    sources = report["prices"]["sources"]
    assert sources["refreshed-ec2"]["as_of"] == "2026-10-01"
    assert sources[bundled_rds.source] == plain["prices"]["sources"][bundled_rds.source]


def test_prices_only_keeps_the_file_alone(
    ec2_layer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = json_report(capsys, "--prices", str(ec2_layer), "--prices-only")
    assert component(report, INSTANCE, EC2_KEY)["unit_price"] == 0.5
    rds = component(report, DATABASE, RDS_KEY)
    assert rds["unit_price"] is None and rds["price_source"] is None
    assert resource_status(report, DATABASE) == "price_not_found"
    [database] = [r for r in report["resources"] if r["address"] == DATABASE]
    assert f"price not found for {RDS_KEY} in us-east-1" in database["notes"]
    assert list(report["prices"]["sources"]) == ["refreshed-ec2"]


def test_prices_only_without_a_table_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run([str(PLAN), "--prices-only"], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--prices-only needs a table" in err


def test_the_environment_variable_is_the_same_as_the_option(
    ec2_layer: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    by_option = run([str(PLAN), "--format", "json", "--prices", str(ec2_layer)], capsys)
    monkeypatch.setenv(ENV, str(ec2_layer))
    by_variable = run([str(PLAN), "--format", "json"], capsys)
    assert by_variable == by_option
    assert component(json.loads(by_variable[1]), INSTANCE, EC2_KEY)["unit_price"] == 0.5
    monkeypatch.setenv(ENV, "")  # empty: unset, the bundled table alone
    plain = run([str(PLAN), "--format", "json"], capsys)
    assert component(json.loads(plain[1]), INSTANCE, EC2_KEY)["unit_price"] != 0.5


def test_the_option_beats_the_environment_variable(
    ec2_layer: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    other = write_table(tmp_path / "other.json", {"us-east-1": {EC2_KEY: [0.7, "refreshed-ec2"]}})
    monkeypatch.setenv(ENV, str(other))
    assert component(json_report(capsys), INSTANCE, EC2_KEY)["unit_price"] == 0.7
    report = json_report(capsys, "--prices", str(ec2_layer))
    assert component(report, INSTANCE, EC2_KEY)["unit_price"] == 0.5


def test_a_source_id_the_bundled_table_uses_for_another_source_is_not_mislabelled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = load_price_table()
    bundled_ec2 = bundled.lookup("us-east-1", EC2_KEY)
    assert bundled_ec2 is not None
    collided = bundled_ec2.source  # the id of the source that prices m5.large in the bundle
    layer = write_table(
        tmp_path / "collide.json",
        {"us-east-2": {EC2_KEY: [0.5, collided]}},
        sources={collided: source("My own offer file", "2026-10-01")},
    )
    report = json_report(capsys, "--prices", str(layer))
    # us-east-1 is not in the layer: the bundled figure keeps its own source and date
    ec2 = component(report, INSTANCE, EC2_KEY)
    assert (ec2["unit_price"], ec2["price_source"]) == (bundled_ec2.unit_price, collided)
    assert (
        report["prices"]["sources"][collided]["as_of"]
        == bundled.sources[collided].as_of.isoformat()
    )
    table = load_layered_table(layer)
    renamed = table.lookup("us-east-2", EC2_KEY)
    assert renamed is not None and renamed.source == f"layer:{collided}"
    assert table.sources[f"layer:{collided}"].title == "My own offer file"
    assert table.sources[collided] == bundled.sources[collided]


def test_a_source_the_layer_shares_with_the_bundled_table_keeps_its_id() -> None:
    bundled = load_price_table()
    same = {"a": bundled.sources["infracost-golden"]}
    assert shown_ids(same, {"a": bundled.sources["infracost-golden"]}) == {"a": "a"}
    # a renamed id never takes an id already in use, in either table
    base = {"a": 1, "layer:a": 2}
    assert shown_ids({"a": 3, "layer2:a": 4}, base) == {"a": "layer3:a", "layer2:a": "layer2:a"}


def test_rules_belong_to_the_table_that_declares_them(tmp_path: Path) -> None:
    bundled = load_price_table()
    region, key, base_price = next(
        (region, key, price)
        for region in bundled.regions
        for key in bundled.keys(region)
        if (price := bundled.lookup(region, key)) is not None and price.rule == "regional-ratio"
    )
    other = next(
        k
        for k in bundled.keys(region)
        if k != key and (p := bundled.lookup(region, k)) and p.rule == "regional-ratio"
    )
    layer = write_table(
        tmp_path / "rules.json",
        {
            region: {
                key: [1.25, "refreshed-ec2"],
                "ec2:x9.test": [2.0, "refreshed-ec2", "regional-ratio"],
            }
        },
        rules={"regional-ratio": "My own rule under a bundled rule's id"},
    )
    table = load_layered_table(layer)
    # a layer figure without a rule is not approximate, even over an approximate figure
    replaced = table.lookup(region, key)
    assert replaced is not None and not replaced.approximate and replaced.unit_price == 1.25
    assert base_price.approximate
    # the layer's rule keeps its own text under a distinct id; bundled figures keep theirs
    derived = table.lookup(region, "ec2:x9.test")
    assert derived is not None and derived.rule == "layer:regional-ratio"
    assert table.rules["layer:regional-ratio"] == "My own rule under a bundled rule's id"
    assert table.rules["regional-ratio"] == bundled.rules["regional-ratio"]
    untouched = table.lookup(region, other)
    assert untouched == bundled.lookup(region, other)


def test_staleness_uses_the_sources_actually_used(tmp_path: Path) -> None:
    old_layer = write_table(
        tmp_path / "old.json",
        {"us-east-1": {EC2_KEY: [0.5, "refreshed-ec2"]}},
        sources={"refreshed-ec2": source("An old EC2 price", "2019-01-01")},
    )
    unused_layer = write_table(
        tmp_path / "unused.json",
        {"eu-north-1": {EC2_KEY: [0.5, "refreshed-ec2"]}},
        sources={"refreshed-ec2": source("An old EC2 price", "2019-01-01")},
    )

    def prices(path: Path, only: bool = False) -> dict[str, Any]:
        options = GateOptions(
            plan=str(PLAN), prices=str(path), prices_only=only, today=date(2026, 11, 1)
        )
        data: dict[str, Any] = json.loads(render(build_gate_report(options), OutputFormat.JSON))
        return data["prices"]

    plain = json.loads(
        render(
            build_gate_report(GateOptions(plan=str(PLAN), today=date(2026, 11, 1))),
            OutputFormat.JSON,
        )
    )["prices"]
    assert prices(old_layer)["prices_date"] == "2019-01-01"
    assert prices(old_layer, only=True)["prices_date"] == "2019-01-01"
    # a layer source no component used does not date the report
    unused = prices(unused_layer)
    assert unused["prices_date"] == plain["prices_date"] != "2019-01-01"
    assert "refreshed-ec2" not in unused["sources"]


def test_the_report_says_which_tables_priced_it(
    ec2_layer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def footer(*options: str) -> str:
        code, out, err = run(
            [str(PLAN), "--format", "markdown", "--fail-on", "never", *options], capsys
        )
        assert code == 0, err
        return out

    assert "list prices from the bundled table (" in footer()
    layered = footer("--prices", str(ec2_layer))
    assert "list prices from the --prices table over the bundled table (" in layered
    assert layered == footer("--prices", str(ec2_layer))  # byte-identical
    assert "list prices from the --prices table (" in footer(
        "--prices", str(ec2_layer), "--prices-only"
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ([0.5, "nobody"], "unknown source nobody"),
        ([-1, "refreshed-ec2"], "negative"),
        ("0.5", "expected [price, source]"),
    ],
)
def test_a_bad_layer_stops_the_run_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entry: Any, message: str
) -> None:
    # the broken figure is in a region the plan does not use: the layer is checked whole
    layer = write_table(tmp_path / "bad.json", {"ap-south-2": {EC2_KEY: entry}})
    code, out, err = run([str(PLAN), "--prices", str(layer)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "bad.json" in err and message in err


def test_a_missing_or_malformed_layer_file_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1, "currency": "EUR"', encoding="utf-8")
    for path in (tmp_path / "missing.json", broken):
        code, out, err = run([str(PLAN), "--prices", str(path)], capsys)
        assert code == 2 and out == "" and err.count("\n") == 1 and path.name in err


def test_a_table_without_sources_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.json"
    empty.write_text(
        '{"schema_version": 1, "currency": "USD", "sources": {}, "rules": {}, "regions": {}}',
        encoding="utf-8",
    )
    for args in (
        [str(PLAN), "--prices", str(empty)],
        [str(PLAN), "--prices", str(empty), "--prices-only"],
        ["pricing", "info", "--table", str(empty)],
    ):
        code, out, err = run(args, capsys)
        assert code == 2 and out == "" and err.count("\n") == 1, args
        assert "needs at least one source" in err


def test_pricing_info_shows_what_a_table_covers(
    ec2_layer: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = write_table(
        tmp_path / "two.json",
        {
            "us-east-1": {EC2_KEY: [0.5, "refreshed-ec2"], "ec2:c5.large": [0.09, "refreshed-ec2"]},
            "eu-west-1": {
                EC2_KEY: [0.55, "refreshed-ec2"],
                "rds:db.t3.micro:mysql:single-az": [0.02, "refreshed-ec2", "guess"],
            },
        },
        rules={"guess": "A guess"},
    )
    code, text, _ = run(["pricing", "info", "--table", str(table)], capsys)
    assert code == 0
    assert "4 prices (USD, on-demand list prices) in 2 regions" in text
    assert "  refreshed-ec2  (as of 2026-10-01, n/a)" in text
    services = {
        line.split()[0]: line.split()[1:]
        for line in text.splitlines()
        if line.startswith("  ec2 ") or line.startswith("  rds ")
    }
    assert services == {"ec2": ["2", "2", "3"], "rds": ["1", "1", "1"]}  # keys, regions, prices
    eu = next(line for line in text.splitlines() if line.startswith("  eu-west-1 "))
    assert eu.split()[1:4] == ["2", "1", "50.0%"]
    code, out, _ = run(["pricing", "info", "--table", str(table), "--format", "json"], capsys)
    info = json.loads(out)
    assert info["regions"]["eu-west-1"]["approximate_share"] == 0.5
    assert info["services"]["ec2"] == {"keys": 2, "regions": 2, "prices": 3}
    assert "layered" not in info


def test_pricing_info_layered_shows_the_layered_result(
    ec2_layer: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundled = load_price_table()
    code, out, _ = run(
        ["pricing", "info", "--table", str(ec2_layer), "--layered", "--format", "json"], capsys
    )
    assert code == 0
    info = json.loads(out)
    assert info["layered"] is True
    us = info["regions"]["us-east-1"]
    assert us["prices"] == bundled.count("us-east-1")  # m5.large replaced, not added
    assert us["from_layer"] == 1 and us["by_source"]["refreshed-ec2"] == 1
    assert info["regions"]["eu-west-1"]["from_layer"] == 0
    assert info["sources"]["refreshed-ec2"]["layer"] is True
    assert not any(s["layer"] for sid, s in info["sources"].items() if sid != "refreshed-ec2")
    assert info["newest_source_date"] == "2026-10-01"
    code, text, _ = run(["pricing", "info", "--table", str(ec2_layer), "--layered"], capsys)
    assert "over the bundled pricing/aws.json" in text
    assert "  refreshed-ec2  (as of 2026-10-01, n/a)  [layer]" in text
    us_line = next(line for line in text.splitlines() if line.startswith("  us-east-1 "))
    assert us_line.split()[4] == "1"  # the layer column


def test_pricing_info_layered_needs_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["pricing", "info", "--layered"], capsys)
    assert code == 2 and out == "" and "--layered needs --table FILE" in err


def test_the_action_passes_its_prices_inputs(ec2_layer: Path) -> None:
    from finops_gate.cli import check_command

    known = frozenset(name for param in check_command.params for name in getattr(param, "opts", []))
    env = {"INPUT_PLAN": str(PLAN), "INPUT_PRICES": str(ec2_layer), "INPUT_PRICES_ONLY": "true"}
    args = action_call(env, known).args
    assert args[1:3] == ["--prices", str(ec2_layer)] and "--prices-only" in args
    assert "--prices-only" not in action_call({"INPUT_PLAN": str(PLAN)}, known).args


def test_layered_lookups_are_by_region_and_key(tmp_path: Path) -> None:
    layer = write_table(
        tmp_path / "new-region.json", {"xx-test-1": {EC2_KEY: [0.5, "refreshed-ec2"]}}
    )
    table = load_layered_table(layer)
    assert isinstance(table, LayeredPriceTable)
    assert "xx-test-1" in table.regions and table.count("xx-test-1") == 1
    assert table.lookup("us-east-1", EC2_KEY) == load_price_table().lookup("us-east-1", EC2_KEY)
    assert table.lookup("xx-test-1", "ec2:c5.large") is None
