"""`finops-gate pricing info`, and the verdict's note on prices older than 6 months."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.prices import load_price_table
from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from finops_gate.report.model import PriceInfo

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "tests" / "fixtures" / "terraform" / "priced_us_east_1" / "plan.json"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 0
    return capsys.readouterr().out


def test_pricing_info_text(capsys: pytest.CaptureFixture[str]) -> None:
    text = run(["pricing", "info"], capsys)
    full = json.loads((ROOT / "pricing" / "aws.json").read_text(encoding="utf-8"))
    total = sum(len(prices) for prices in full["regions"].values())
    assert f"{total} prices (USD, on-demand list prices) in {len(full['regions'])} regions" in text
    for source_id, source in full["sources"].items():
        assert f"  {source_id}  (as of {source['as_of']}" in text
    for rule_id in full["rules"]:
        assert f"  {rule_id}: " in text
    line = next(line for line in text.splitlines() if line.startswith("  ap-southeast-1 "))
    assert line.split()[1] == str(len(full["regions"]["ap-southeast-1"]))
    assert run(["pricing", "info"], capsys) == text  # deterministic


def test_pricing_info_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    info = json.loads(run(["pricing", "info", "--format", "json"], capsys))
    full = json.loads((ROOT / "pricing" / "aws.json").read_text(encoding="utf-8"))
    assert sorted(info["regions"]) == sorted(full["regions"])
    us = info["regions"]["us-east-1"]
    assert us["prices"] == len(full["regions"]["us-east-1"])
    assert us["approximate"] == sum(len(f) == 3 for f in full["regions"]["us-east-1"].values())
    assert sum(us["by_source"].values()) == us["prices"]
    assert info["oldest_source_date"] == min(s["as_of"] for s in full["sources"].values())


def test_stale_after_six_months() -> None:
    table = load_price_table()
    base = PriceInfo(date(2026, 1, 31), date(2026, 1, 31), dict(table.sources), {})
    assert not base.stale  # no today: no check
    info = PriceInfo(base.oldest, base.newest, base.sources, {}, date(2025, 8, 31), None)
    assert info.prices_date == date(2025, 8, 31)
    for today, stale in ((date(2026, 2, 28), False), (date(2026, 3, 1), True)):
        info = PriceInfo(base.oldest, base.newest, base.sources, {}, date(2025, 8, 31), today)
        assert info.stale is stale, today
    # nothing priced: the table's newest source date
    info = PriceInfo(base.oldest, date(2026, 7, 20), base.sources, {}, None, date(2027, 1, 20))
    assert not info.stale and info.prices_date == date(2026, 7, 20)


def test_the_verdict_notes_stale_prices() -> None:
    def report(today: date) -> str:
        options = GateOptions(plan=str(PLAN), today=today)
        return render(build_gate_report(options), OutputFormat.MARKDOWN)

    # priced_us_east_1 uses RDS prices of 2021-08-03 (ec2instances.info)
    assert "Note: prices date from 2021-08-03, more than 6 months ago" in report(date(2026, 11, 23))
    assert "Note: prices date" not in report(date(2021, 9, 1))
    data = json.loads(
        render(
            build_gate_report(GateOptions(plan=str(PLAN), today=date(2021, 9, 1))),
            OutputFormat.JSON,
        )
    )
    assert data["prices"]["prices_date"] == "2021-08-03" and data["prices"]["stale"] is False
