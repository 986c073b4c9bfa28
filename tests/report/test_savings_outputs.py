"""Savings suggestions in the Markdown, JSON and table formats: shown only when there are
any (a report without suggestions keeps its bytes), biggest saving first."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from finops_gate.pipeline import OutputFormat, render
from tests.report.test_golden import check
from tests.savings.helpers import one_check, report_for, report_with

BUNDLED = "version: 1\nextends: savings\n"


def test_json_adds_recommendations_and_their_total(tmp_path: Path) -> None:
    report = report_for(BUNDLED, tmp_path)
    data = json.loads(render(report, OutputFormat.JSON))
    items = data["recommendations"]
    assert len(items) == len(report.recommendations) == 34  # 32, and the launch templates on t4g
    first = items[0]
    assert set(first) == {
        "check_id", "policy_id", "address", "type", "region", "attribute", "current_value",
        "suggested_value", "monthly_savings", "current_monthly_cost", "suggested_monthly_cost",
        "approximate", "caveat", "file", "line",
    }  # fmt: skip
    assert first["check_id"] == "eks-extended-support"
    dollars = [i["monthly_savings"] for i in items if i["monthly_savings"] is not None]
    assert dollars == sorted(dollars, reverse=True)
    # One suggestion per resource attribute counts: legacy's m5 ($2.92) and m7g ($13.43 /
    # $14.60) are alternatives, so only the larger is in the total.
    by_attribute: dict[tuple[str, str], float] = {}
    for item in items:
        if item["monthly_savings"] is not None:
            key = (item["address"], item["attribute"])
            by_attribute[key] = max(by_attribute.get(key, 0), item["monthly_savings"])
    assert data["totals"]["potential_monthly_savings"] == round(sum(by_attribute.values()), 2)
    assert sum(dollars) > data["totals"]["potential_monthly_savings"]


def test_no_recommendations_no_keys_and_no_section(tmp_path: Path) -> None:
    report = report_for(BUNDLED, tmp_path)
    without = replace(report, recommendations=())
    data = json.loads(render(without, OutputFormat.JSON))
    assert "recommendations" not in data
    assert "potential_monthly_savings" not in data["totals"]
    markdown = render(without, OutputFormat.MARKDOWN)
    assert "Savings" not in markdown and "Potential savings" not in markdown
    assert "Potential savings" not in render(without, OutputFormat.TABLE)


def test_markdown_headline_and_savings_section(tmp_path: Path) -> None:
    report = report_for(one_check("idle-eip"), tmp_path)
    text = render(report, OutputFormat.MARKDOWN)
    assert "**Potential savings: $7.30/month (2 suggestions)**" in text
    assert "### Savings" in text
    assert (
        "| <code>module.eu.aws_eip.idle</code> | <code>resource</code>: attached to nothing → "
        "release it | $3.65 | keep it if something outside this configuration (DNS, an "
        "allow-list) needs the address |"
    ) in text


def test_table_lists_the_same_suggestions(tmp_path: Path) -> None:
    report = report_for(one_check("log-retention"), tmp_path)
    text = render(report, OutputFormat.TABLE)
    assert "Potential savings: $0.00/month (2 suggestions)" in text
    assert (
        "  module.us.aws_cloudwatch_log_group.forever: retention_in_days: never expire → 30 "
        "(growth without a bound)"
    ) in text


def test_savings_goldens() -> None:
    report = report_with("savings")
    check("savings-suggestions.json", render(report, OutputFormat.JSON))
    check("savings-suggestions.md", render(report, OutputFormat.MARKDOWN))


def test_plan_text_in_suggestions_is_escaped(tmp_path: Path) -> None:
    from tests.hostile.test_every_format import HOSTILE, RAW

    report = report_for(one_check("idle-eip"), tmp_path)
    item = replace(
        report.recommendations[0],
        address=f"aws_eip.x[\"{HOSTILE}\"]",
        current_value=HOSTILE,
        suggested_value=HOSTILE,
        attribute=HOSTILE,
    )
    hostile = replace(report, recommendations=(item,))
    for output_format in (OutputFormat.MARKDOWN, OutputFormat.TABLE):
        text = render(hostile, output_format)
        assert RAW.search(text) is None, output_format
        assert "u202e" in text, output_format  # shown, escaped
    data = json.loads(render(hostile, OutputFormat.JSON))
    assert data["recommendations"][0]["current_value"] == HOSTILE
