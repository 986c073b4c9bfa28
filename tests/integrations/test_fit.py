"""Shortening the Markdown verdict to a comment-size limit, least important parts first."""

from __future__ import annotations

import pytest

from finops_gate.integrations.fit import GITHUB_COMMENT_LIMIT, fit_comment
from finops_gate.pipeline import GateOptions, OutputFormat, render
from finops_gate.pipeline import build_gate_report as build
from tests.conftest import fixture_plan_path


@pytest.fixture(scope="module")
def verdict() -> str:
    """A real verdict: cost table, findings, the breakdown and a collapsed list."""
    options = GateOptions(plan=str(fixture_plan_path("tags_and_sizes")))
    text = render(build(options), OutputFormat.MARKDOWN, options=options)
    assert "<details><summary>Cost breakdown of changed resources</summary>" in text
    assert "<details><summary>Free resources" in text
    assert "### Cost changes" in text and "### Policy findings" in text
    return text


def _rows(text: str) -> list[str]:
    """Rows of the cost-changes table (not of the breakdown)."""
    table = text.split("### Cost changes\n\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in table.splitlines() if line.startswith("| <code>")]


def test_a_verdict_that_fits_is_unchanged(verdict: str) -> None:
    assert fit_comment(verdict) == verdict
    assert fit_comment(verdict, len(verdict)) == verdict
    assert GITHUB_COMMENT_LIMIT == 65_536


def test_collapsed_lists_go_first_then_the_breakdown(verdict: str) -> None:
    # As if the plan had 300 more free resources.
    extra = "".join(f"- <code>aws_iam_role.r{n}</code>\n" for n in range(300))
    big = verdict.replace(
        "<details><summary>Free resources (2)</summary>\n\n",
        "<details><summary>Free resources (2)</summary>\n\n" + extra,
    )
    assert len(big) > len(verdict) + 1000
    short = fit_comment(big, len(verdict) + 300)  # room for the note
    assert len(short) <= len(verdict) + 300
    assert "<details><summary>Free resources" not in short
    assert "<details><summary>Cost breakdown of changed resources</summary>" in short
    assert (
        "left out: the list “Free resources (2)”. The full verdict is in the job summary" in short
    )
    assert short.index("✂️") < short.index("<sub>")  # the note sits above the footer
    breakdown_at = verdict.index("<details><summary>Cost breakdown")
    breakdown_end = verdict.index("</details>", breakdown_at) + len("</details>")
    limit = len(verdict) - (breakdown_end - breakdown_at) + 100
    shorter = fit_comment(verdict, limit)
    assert "<details>" not in shorter
    assert (
        "left out: the list “Free resources (2)”; the list “Cost breakdown of changed resources”."
        in shorter
    )
    assert _rows(shorter) == [row for row in _rows(verdict) if row in shorter]
    assert "### Policy findings" in shorter


def _findings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("- ❌", "- ⚠️"))]


@pytest.mark.parametrize("limit", [2600, 2000, 1700, 1300])
def test_then_the_smallest_cost_changes_and_the_last_findings(verdict: str, limit: int) -> None:
    short = fit_comment(verdict, limit)
    assert len(short) <= limit
    assert "<details>" not in short
    rows, kept_rows = _rows(verdict), _rows(short)
    findings, kept_findings = _findings(verdict), _findings(short)
    # The table keeps its biggest changes in order; the findings keep their first ones.
    assert kept_rows == rows[: len(kept_rows)]
    assert kept_findings == findings[: len(kept_findings)]
    assert len(kept_rows) < len(rows)
    assert f"| … {len(rows) - len(kept_rows)} more not shown | | | | |" in short
    if len(kept_findings) < len(findings):
        assert f"- … {len(findings) - len(kept_findings)} more not shown" in short
        # Findings are cut only once the table is down to its five biggest changes.
        assert len(kept_rows) <= 5
        assert "some cost-change rows; some findings." in short
    # A policy heading left without findings goes too.
    headlines = ("**Monthly cost", "**Potential savings")
    for heading in (
        line for line in short.splitlines() if line.startswith("**") and not line.startswith(headlines)
    ):
        block = short.split(heading, 1)[1].split("\n\n**", 1)[0]
        assert "- " in block, heading


def test_findings_go_last_and_the_verdict_line_always_stays(verdict: str) -> None:
    head = verdict.split("\n")[:4]
    for limit in range(700, len(verdict), 97):
        short = fit_comment(verdict, limit)
        assert len(short) <= limit, limit
        assert short.split("\n")[:4] == head, limit
        assert "Shortened to fit the" in short
        assert fit_comment(verdict, limit) == short  # deterministic
        if (
            "### Policy findings" in short
            and "more not shown\n" in short.split("### Policy findings")[1]
        ):
            assert "### Cost changes" not in short or "more not shown |" in short


def test_last_resort_cuts_at_a_line(verdict: str) -> None:
    short = fit_comment(verdict, 400)
    assert len(short) <= 400
    assert short.startswith("<!-- finops-gate -->\n")
    assert "the end of the report" in short
    assert short.endswith("`--format json`.\n")
