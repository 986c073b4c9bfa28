"""Every format says when the totals are only a lower bound, and how many resources are
not priced; a complete plan reads as it always did. On the terraform fixture
`unpriced_databases` (two Db2 databases without a price and a $1.00 KMS key)."""

from __future__ import annotations

import json
import re
from datetime import date
from xml.etree import ElementTree as ET

import pytest

from finops_gate.integrations.workflow_commands import outputs
from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from finops_gate.report.headline import headline
from finops_gate.report.model import Report
from tests.conftest import fixture_plan_path
from tests.cost.unknown_estimators import WHY, add_unknown_component

TODAY = date(2026, 11, 23)
HEADLINE = "$0.00 -> ≥ $1.00 (≥ +$1.00) · 2 resources not priced"


def report(case: str) -> Report:
    return build_gate_report(GateOptions(plan=str(fixture_plan_path(case)), today=TODAY))


def text(case: str, output_format: OutputFormat) -> str:
    return render(report(case), output_format)


def test_the_plain_headline() -> None:
    assert headline(report("unpriced_databases").estimate.totals) == HEADLINE
    assert headline(report("lifecycle").estimate.totals) == "$405.17 -> $498.29 (+$93.12, +23.0%)"


def test_markdown_headline_is_a_lower_bound() -> None:
    markdown = text("unpriced_databases", OutputFormat.MARKDOWN)
    assert "**Monthly cost: $0.00 → ≥ $1.00 (≥ +$1.00)** · 2 resources not priced\n" in markdown


def test_table_total_is_a_lower_bound() -> None:
    lines = text("unpriced_databases", OutputFormat.TABLE).splitlines()
    total = next(line for line in lines if line.startswith("TOTAL (monthly)"))
    assert total.split()[2:] == ["$0.00", "≥", "$1.00", "≥", "+$1.00"]
    assert lines[lines.index(total) + 1] == "Lower bound: 2 resources not priced"


def test_json_totals_say_what_is_missing() -> None:
    totals = json.loads(text("unpriced_databases", OutputFormat.JSON))["totals"]
    assert totals["complete"] is False
    assert totals["not_priced"] == {"unsupported": 0, "price_not_found": 2, "unknown_components": 0}
    assert totals["unchanged_not_priced"] == 0
    assert (totals["before_lower_bound"], totals["after_lower_bound"]) == (False, True)
    assert totals["delta_bound"] == "lower"
    assert totals["monthly_cost_after"] == pytest.approx(1.0)


def test_json_totals_are_the_sum_of_the_line_items_in_cents() -> None:
    data = json.loads(text("three_regions", OutputFormat.JSON))
    after = sum(r["monthly_cost_after"] or 0.0 for r in data["resources"])
    assert after != round(after, 2)  # else this test could not tell rounding from none
    assert data["totals"]["monthly_cost_after"] == round(after, 2)
    assert data["totals"]["complete"] is True


def test_sarif_properties_carry_the_headline() -> None:
    properties = json.loads(text("unpriced_databases", OutputFormat.SARIF))["runs"][0]["properties"]
    assert properties["monthlyCost"] == HEADLINE
    assert properties["monthlyCostComplete"] is False
    assert properties["notPriced"]["price_not_found"] == 2


def test_junit_suites_carry_the_headline_only_when_incomplete() -> None:
    root = ET.fromstring(text("unpriced_databases", OutputFormat.JUNIT))
    suites = root.findall("testsuite")
    assert suites
    for suite in suites:
        values = [p.get("value") for p in suite.findall("properties/property")]
        assert values == [HEADLINE]
    complete = ET.fromstring(text("lifecycle", OutputFormat.JUNIT))
    assert complete.findall("testsuite/properties") == []


def test_action_outputs() -> None:
    values = outputs(report("unpriced_databases"))
    assert values["cost-complete"] == "false"
    assert values["resources-not-priced"] == "2"
    assert values["monthly-cost-after"] == "1.00"
    complete = outputs(report("lifecycle"))
    assert (complete["cost-complete"], complete["resources-not-priced"]) == ("true", "0")


def test_a_complete_plan_has_no_bound_marks() -> None:
    for output_format in (OutputFormat.TABLE, OutputFormat.MARKDOWN, OutputFormat.JUNIT):
        rendered = text("lifecycle", output_format)
        assert "≥" not in rendered and "not priced" not in rendered


def test_unknown_component_renders_as_unknown_until_apply(monkeypatch: pytest.MonkeyPatch) -> None:
    add_unknown_component(monkeypatch, "aws_instance")
    table = text("lifecycle", OutputFormat.TABLE)
    assert f"Provisioned IOPS: unknown x $0.065/IOPS-month = unknown until apply ({WHY})" in table
    new = next(line for line in table.splitlines() if line.startswith("aws_instance.new "))
    assert new.split()[-2:] == ["≥", "+$61.54"]
    assert "1 resource unchanged, not priced" in table

    markdown = text("lifecycle", OutputFormat.MARKDOWN)
    assert f"| unknown | IOPS-month | $0.065 | unknown until apply ({WHY}) |" in markdown
    # Both sides of the updates miss a cost, so the change is partial and no percentage.
    headline_line = next(line for line in markdown.splitlines() if "Monthly cost" in line)
    assert re.search(r"≥ \$405\.17 → ≥ \$498\.29 \(\+\$93\.12 partial\)\*\*", headline_line)
    assert "4 resources partly priced, 1 resource unchanged, not priced" in headline_line

    data = json.loads(text("lifecycle", OutputFormat.JSON))
    new_json = next(r for r in data["resources"] if r["address"] == "aws_instance.new")
    assert new_json["status"] == "priced" and new_json["complete"] is False
    assert new_json["components"][-1]["unknown"] == WHY
    assert new_json["components"][-1]["monthly_cost"] is None
    assert data["totals"]["not_priced"]["unknown_components"] == 4


def test_a_deleted_resource_partly_priced_makes_the_change_an_upper_bound(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_unknown_component(monkeypatch, "aws_ebs_volume")  # lifecycle: the volume is deleted
    # The percentage is left out: the cost before is only a lower bound.
    assert headline(report("lifecycle").estimate.totals) == (
        "≥ $405.17 -> $498.29 (≤ +$93.12) · 1 resource partly priced"
    )
