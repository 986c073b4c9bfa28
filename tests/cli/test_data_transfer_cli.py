"""`check` with a usage file whose `aws_data_transfer` entries (two regions) are resources
of their own, on the data_transfer fixture (a plan terraform made, eu-west-1).

Hand-worked costs (USD per GB; sources in tests/cost/test_data_transfer.py):
- aws_data_transfer.eu_west (eu-west-1): intra-region 500 GB x 2 x 0.01 = 10.00; internet
  20,000 GB: 10,240 x 0.09 = 921.60 + 9,760 x 0.085 = 829.60; to US East from eu-west-1 at
  the inter-region rate 100 x 0.02 = 2.00; total 1,763.20
- aws_data_transfer.us_east (us-east-1): to us-east-2 300 x 0.01 = 3.00; to other regions
  50 x 0.02 = 1.00; total 4.00
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cli import main
from tests.conftest import FIXTURES

PLAN = str(FIXTURES / "data_transfer" / "plan.json")
USAGE = str(FIXTURES / "data_transfer" / "usage.yml")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def check(capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    return run(["check", PLAN, "--fail-on", "never", *extra], capsys)


def test_each_entry_is_an_unchanged_row_in_both_totals(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys, "--usage-file", USAGE, "--format", "json")
    assert code == 0 and "warning" not in err, err
    report = json.loads(out)
    rows = {r["address"]: r for r in report["resources"]}
    assert list(rows) == [
        "aws_data_transfer.eu_west",
        "aws_data_transfer.us_east",
        "aws_instance.web",
        "aws_nat_gateway.egress",
    ]
    eu, us = rows["aws_data_transfer.eu_west"], rows["aws_data_transfer.us_east"]
    for row, region, cost in ((eu, "eu-west-1", 1763.2), (us, "us-east-1", 4.0)):
        assert row["type"] == "aws_data_transfer" and row["region"] == region
        assert row["action"] == "no-op" and row["actions"] == ["no-op"]
        assert row["source"] == "usage_file"
        assert row["status"] == "priced" and row["complete"]
        assert row["monthly_cost_before"] == pytest.approx(cost)
        assert row["monthly_cost_after"] == pytest.approx(cost)
        assert row["monthly_cost_delta"] == 0
        assert row["notes"][0] == f"from the usage file {USAGE}; not in the plan"
    assert [c["monthly_cost"] for c in eu["components"]] == pytest.approx([10.0, 921.6, 829.6, 2.0])
    assert [c["price_key"] for c in us["components"]] == [
        "data-transfer:us-east",
        "data-transfer:inter-region",
    ]
    assert "source" not in rows["aws_instance.web"]
    totals = report["totals"]
    assert totals["monthly_cost_before"] == pytest.approx(1767.2)
    changed = sum(r["monthly_cost_after"] for r in report["resources"] if r["action"] == "create")
    assert totals["monthly_cost_delta"] == pytest.approx(changed, abs=0.01)
    assert report["summary"]["priced"] == 4
    assert not any("no resource of the plan" in note for note in report["plan"]["notes"])


def test_every_format_shows_the_rows(capsys: pytest.CaptureFixture[str]) -> None:
    _, table, _ = check(capsys, "--usage-file", USAGE)
    assert "aws_data_transfer.eu_west (no-op)" in table
    assert "Outbound data transfer to Internet (next 40 TB): 9,760 x $0.085/GB = $829.60" in table
    _, markdown, _ = check(capsys, "--usage-file", USAGE, "--format", "markdown")
    assert "<code>aws_data_transfer.us_east</code>: $4.00" in markdown
    for output_format in ("sarif", "junit"):
        code, out, _ = check(capsys, "--usage-file", USAGE, "--format", output_format)
        assert code == 0 and out


def test_the_same_input_gives_the_same_bytes(capsys: pytest.CaptureFixture[str]) -> None:
    first = check(capsys, "--usage-file", USAGE, "--format", "json")
    assert check(capsys, "--usage-file", USAGE, "--format", "json") == first


def test_without_the_entries_nothing_changes(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = check(capsys, "--format", "json")
    assert not any(r["type"] == "aws_data_transfer" for r in json.loads(out)["resources"])


def test_a_missing_region(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    usage = tmp_path / "u.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_data_transfer.somewhere:\n"
        "    monthly_intra_region_gb: 10\n",
        encoding="utf-8",
    )
    code, out, err = check(capsys, "--usage-file", str(usage), "--format", "json")
    assert code == 0
    assert "aws_data_transfer.somewhere: no region" in err
    assert "aws_data_transfer" not in json.dumps(json.loads(out)["resources"])
    code, out, err = check(capsys, "--usage-file", str(usage), "--strict-usage")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "aws_data_transfer.somewhere: no region" in err
