"""GitHub Actions: step outputs, the job summary and annotations (pure text builders).

The CLI writes what these return to `$GITHUB_OUTPUT`, `$GITHUB_STEP_SUMMARY` and standard
output when `GITHUB_ACTIONS=true`.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping

from finops_gate.errors import one_line, visible_escape
from finops_gate.policy.findings import Finding
from finops_gate.report.model import Report

SEVERITIES = ("error", "warning")


def escape_data(text: str) -> str:
    """Escape a workflow command's message (GitHub's rules for command data).

    Other control and bidirectional characters, which GitHub passes through to the
    annotation, are shown as visible escapes (`\\x1b`, `\\u202e`).
    """
    data = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return "".join(visible_escape(char) for char in data)


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (data rules plus `:` and `,`)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(severity: str) -> str:
    if severity == "error":
        return "error"
    if severity == "warning":
        return "warning"
    return "notice"


def annotation(finding: Finding) -> str:
    """One `::error` / `::warning` / `::notice` line for a finding.

    `file` and `line` are given when the finding knows them (a plan does not say where in
    the .tf files a resource is written, so today they are left out).
    """
    properties = [("title", f"finops-gate {finding.policy_id}")]
    file = getattr(finding, "file", None)
    line = getattr(finding, "line", None)
    if file:
        properties.append(("file", str(file)))
        if line:
            properties.append(("line", str(line)))
    message = f"{finding.address}: {finding.message}" if finding.address else finding.message
    if finding.remediation:
        message += f" (fix: {finding.remediation})"
    props = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    return f"::{_command(finding.severity)} {props}::{escape_data(message)}"


def annotation_lines(findings: Iterable[Finding]) -> list[str]:
    return [annotation(finding) for finding in findings]


def _amount(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def outputs(report: Report, comment_url: str | None = None) -> dict[str, str]:
    """The step outputs, in the order action.yml declares them."""
    totals = report.estimate.totals
    counts = {severity: 0 for severity in SEVERITIES}
    for finding in report.findings:
        counts[finding.severity] = counts.get(finding.severity, 0) + 1
    return {
        "verdict": report.verdict.value,
        "monthly-cost-before": _amount(totals.monthly_cost_before),
        "monthly-cost-after": _amount(totals.monthly_cost_after),
        "monthly-cost-delta": _amount(totals.monthly_cost_delta),
        "percent-change": "" if totals.percent_change is None else f"{totals.percent_change:.1f}",
        "cost-complete": "true" if totals.complete else "false",
        "resources-not-priced": str(totals.not_priced.total + totals.unchanged_not_priced),
        "findings-error": str(counts["error"]),
        "findings-warning": str(counts["warning"]),
        "findings-total": str(len(report.findings)),
        "comment-url": one_line(comment_url or ""),  # the server's answer
    }


def output_text(values: Mapping[str, str]) -> str:
    """`$GITHUB_OUTPUT` lines; a multi-line value uses the heredoc form with a random delimiter."""
    lines: list[str] = []
    for name, value in values.items():
        if "\n" in value or "\r" in value:
            delimiter = f"ghadelimiter_{uuid.uuid4()}"
            lines += [f"{name}<<{delimiter}", value, delimiter]
        else:
            lines.append(f"{name}={value}")
    return "\n".join(lines) + "\n"
