"""One-line summaries shared by every text format."""

from __future__ import annotations

from collections.abc import Callable

from finops_gate import __version__
from finops_gate.cost.model import Status
from finops_gate.report.model import Report

_LABELS = (
    (Status.PRICED, "priced"),
    (Status.PRICE_NOT_FOUND, "price not found"),
    (Status.USAGE_BASED, "usage-based"),
    (Status.FREE, "free"),
    (Status.UNSUPPORTED, "not supported"),
)


def summary_text(report: Report, escape: Callable[[str], str] = str) -> str:
    """`escape` applies to the policy name, the only user-given text in the line."""
    resources = report.estimate.resources
    changed = sum(1 for cost in resources if cost.resource.action.changes)
    counts = ", ".join(
        f"{report.count(status)} {label}" for status, label in _LABELS if report.count(status)
    )
    findings = report.findings
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    return (
        f"{len(resources)} resources ({changed} changed): {counts or 'none'}. "
        f"Policy {escape(report.policy_name)}: {errors} failing, {warnings} warning."
    )


def footer_text(report: Report) -> str:
    prices = report.prices
    return (
        f"finops-gate {__version__}: USD on-demand list prices from the bundled table "
        f"(sources dated {prices.oldest.isoformat()} to {prices.newest.isoformat()}), "
        "730 hours a month; usage-based components count $0. "
        "≈ marks a price derived by a documented rule."
    )
