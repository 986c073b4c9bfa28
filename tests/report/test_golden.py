"""Golden reports: the JSON of every fixture case and the Markdown of a few.

A mismatch fails with the golden file's path and a unified diff. After an intended
change, rewrite them with
`FINOPS_UPDATE_GOLDEN=1 python -m pytest tests/report/test_golden.py` and review the diff
(the rewritten files are reported as skipped tests).
"""

from __future__ import annotations

import difflib
import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from finops_gate.policy.findings import Finding, Override, WaiverRef
from tests.conftest import FIXTURES, ROOT

GOLDEN = ROOT / "tests" / "golden"
JSON_CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "plan.json").exists())
MARKDOWN_CASES = ["lifecycle", "tags_and_sizes", "priced_us_east_1", "data_transfer"]


def check(name: str, text: str) -> None:
    """`text` is the golden file `name`; a mismatch fails with the file's path and a
    unified diff. In update mode a file that differs is rewritten and the test is skipped
    with its path (so a rewrite never counts as a pass); an equal one is checked as usual."""
    path = GOLDEN / name
    shown = path.relative_to(ROOT)
    expected = path.read_text(encoding="utf-8") if path.exists() else None
    if text == expected:
        return
    if os.environ.get("FINOPS_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        pytest.skip(f"rewrote {shown}: review the diff before committing")
    if expected is None:
        pytest.fail(f"no golden {shown}: run with FINOPS_UPDATE_GOLDEN=1", pytrace=False)
    diff = difflib.unified_diff(
        expected.splitlines(keepends=True),
        text.splitlines(keepends=True),
        fromfile=f"{shown} (golden)",
        tofile=f"{shown} (now)",
    )
    pytest.fail(f"{shown} differs from the golden file:\n{''.join(diff)}", pytrace=False)


# A fixed "today": the stale-prices note compares the price dates with it.
GOLDEN_TODAY = date(2026, 11, 23)


# Cases whose golden reports are priced with the usage file beside the plan (its
# `aws_data_transfer` entries are rows that only the usage file describes).
USAGE_CASES = frozenset({"data_transfer"})


def report_text(plan: Path, output_format: OutputFormat) -> str:
    usage = plan.with_name("usage.yml")
    options = GateOptions(
        plan=str(plan),
        today=GOLDEN_TODAY,
        usage_file=str(usage.relative_to(ROOT)) if plan.parent.name in USAGE_CASES else None,
    )
    return render(build_gate_report(options), output_format)


@pytest.mark.parametrize("case", JSON_CASES)
def test_json(case: str) -> None:
    check(f"{case}.json", report_text(FIXTURES / case / "plan.json", OutputFormat.JSON))


@pytest.mark.parametrize("case", MARKDOWN_CASES)
def test_markdown(case: str) -> None:
    check(f"{case}.md", report_text(FIXTURES / case / "plan.json", OutputFormat.MARKDOWN))


def test_example_markdown() -> None:
    check("example.md", report_text(ROOT / "examples" / "plan.json", OutputFormat.MARKDOWN))


@pytest.mark.parametrize("sections", ["all", "overrides", "waived"])
def test_markdown_with_overrides_and_waivers(sections: str) -> None:
    """The verdict's sections on overrides, expired waivers and waived findings (rare: a
    template of their own), together and alone, with text that must be escaped."""
    options = GateOptions(plan=str(FIXTURES / "tags_and_sizes" / "plan.json"), today=GOLDEN_TODAY)
    report = build_gate_report(options)
    expires = date(2026, 12, 31)
    waiver = WaiverRef(
        "required-tags", "aws_instance.web", "ticket | <b>OPS-1</b>", "@ops", expires
    )
    expired = WaiverRef(
        "instance-size", 'aws_instance.big["a|b"]', "was fine", None, date(2026, 1, 2)
    )
    overrides = (Override("instance-size", "load test @team <i>"),)
    waived = (
        Finding(
            "required-tags", "warning", "aws_instance.web", "missing tag | Owner", waiver=waiver
        ),
        Finding("budget", "error", None, "over budget", waiver=replace(waiver, approver=None)),
    )
    if sections == "all":
        report = replace(report, overrides=overrides, expired_waivers=(expired,), waived=waived)
        name = "overrides_and_waivers.md"
    elif sections == "overrides":
        report = replace(report, overrides=overrides)
        name = "overrides_only.md"
    else:
        report = replace(report, waived=waived)
        name = "waived_only.md"
    check(name, render(report, OutputFormat.MARKDOWN))
