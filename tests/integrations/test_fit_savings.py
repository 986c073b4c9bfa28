"""A comment too long for its limit loses savings rows (smallest first) before cost-change
rows and findings."""

from __future__ import annotations

from finops_gate.integrations.fit import KEEP_AT_LEAST, fit_comment
from finops_gate.pipeline import OutputFormat, render
from tests.savings.helpers import report_with


def _section(text: str, heading: str) -> list[str]:
    table = text.split(f"{heading}\n\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| <code>")]


def test_savings_rows_go_before_cost_changes() -> None:
    verdict = render(report_with("savings"), OutputFormat.MARKDOWN)
    savings = _section(verdict, "### Savings")
    changes = _section(verdict, "### Cost changes")
    assert len(savings) == 34  # with the launch templates on t4g
    # Room for everything but the collapsed lists, the breakdown and 20 savings rows.
    without_details = verdict.split("<details>", 1)[0]
    limit = len(without_details) + 400 - sum(len(row) + 1 for row in savings[-20:])
    short = fit_comment(verdict, limit)
    assert len(short) <= limit
    kept = _section(short, "### Savings")
    assert KEEP_AT_LEAST <= len(kept) < len(savings)
    assert kept == savings[: len(kept)]  # the biggest savings stay
    assert f"| … {len(savings) - len(kept)} more not shown | | | |" in short
    assert _section(short, "### Cost changes") == changes
    assert "**Potential savings: ≈$966.13/month (34 suggestions)**" in short
    assert "some savings suggestions" in short
