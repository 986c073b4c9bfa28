"""Workflow-command escaping, annotations and step outputs (GitHub's documented formats)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from finops_gate.integrations.workflow_commands import (
    annotation,
    escape_data,
    escape_property,
    output_text,
)
from finops_gate.policy.findings import Finding


def test_escaping_follows_githubs_rules() -> None:
    # Data: % first (so escapes are not escaped twice), then CR and LF.
    assert escape_data("50% of\r\nbudget") == "50%25 of%0D%0Abudget"
    assert escape_data("a:b,c") == "a:b,c"
    # Properties also escape : and , (they separate properties).
    assert escape_property('mod.a["x,y"]: 1%') == 'mod.a["x%2Cy"]%3A 1%25'


def test_annotation_for_an_error_and_a_warning() -> None:
    error = Finding("required-tags", "error", "aws_instance.web", 'missing tag "Team"', "Add it.")
    warning = Finding("monthly-budget", "warning", None, "cost up 30%\nover", "")
    assert annotation(error) == (
        '::error title=finops-gate required-tags::aws_instance.web: missing tag "Team" (fix: Add it.)'
    )
    assert annotation(warning) == "::warning title=finops-gate monthly-budget::cost up 30%25%0Aover"


def test_plan_text_cannot_inject_a_workflow_command() -> None:
    sneaky = Finding(
        "p,x:y", "error", 'aws_s3_bucket.b["\n::set-output name=verdict::pass"]', "m", ""
    )
    line = annotation(sneaky)
    assert "\n" not in line
    assert line.startswith("::error title=finops-gate p%2Cx%3Ay::")
    # The newline is escaped, so `::set-output` stays inside this one line's message.
    assert line.endswith('aws_s3_bucket.b["%0A::set-output name=verdict::pass"]: m')


@dataclass(frozen=True)
class _Located:
    """A finding from a future reader that knows where the resource is written."""

    policy_id: str
    severity: str
    address: str | None
    message: str
    remediation: str = ""
    file: str = "infra/main.tf"
    line: int = 12


def test_file_and_line_when_known() -> None:
    found = _Located("sizes", "error", "aws_instance.big", "too big")
    line = annotation(found)  # type: ignore[arg-type]
    assert (
        line
        == "::error title=finops-gate sizes,file=infra/main.tf,line=12::aws_instance.big: too big"
    )


def test_other_severities_are_notices() -> None:
    assert annotation(Finding("x", "info", None, "fyi")).startswith("::notice ")


def test_output_lines_and_multiline_values() -> None:
    assert output_text({"verdict": "fail", "comment-url": ""}) == "verdict=fail\ncomment-url=\n"
    text = output_text({"note": "two\nlines"})
    match = re.fullmatch(r"note<<(ghadelimiter_[0-9a-f-]{36})\ntwo\nlines\n\1\n", text)
    assert match, text
