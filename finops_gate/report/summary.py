"""One-line summaries shared by every text format."""

from __future__ import annotations

from collections.abc import Callable

from finops_gate import __version__
from finops_gate.cost.model import Status
from finops_gate.policy.findings import Finding, WaiverRef
from finops_gate.report.model import STALE_AFTER_MONTHS, Report

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
    by_status = report.status_counts()
    counts = ", ".join(
        f"{by_status[status]} {label}" for status, label in _LABELS if by_status[status]
    )
    findings = report.findings
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = len(findings) - errors
    waived = f", {len(report.waived)} waived" if report.waived else ""
    overridden = sum(1 for f in findings if f.overridden is not None)
    overrides = f", {overridden} overridden" if overridden else ""
    return (
        f"{len(resources)} resources ({changed} changed): {counts or 'none'}. "
        f"Policy {escape(report.policy_name)}: {errors} failing, {warnings} warning"
        f"{overrides}{waived}.{stale_prices_text(report)}"
    )


def stale_prices_text(report: Report) -> str:
    """A note after the verdict summary when the prices are more than 6 months old."""
    prices = report.prices
    if not prices.stale:
        return ""
    return (
        f" Note: prices date from {prices.prices_date.isoformat()}, more than "
        f"{STALE_AFTER_MONTHS} months ago: AWS prices may have changed (rebuild the table "
        "with `finops-gate pricing build`, or update finops-gate)."
    )


def waiver_text(waiver: WaiverRef) -> str:
    approver = f" (approved by {waiver.approver})" if waiver.approver else ""
    return f"{waiver.reason}{approver}"


def finding_notes(finding: Finding) -> list[str]:
    """Plain-text notes under a finding: an override, an expired waiver."""
    notes: list[str] = []
    if finding.overridden is not None:
        notes.append(f"overridden: {finding.overridden.reason}")
    if finding.expired_waiver is not None:
        expired = finding.expired_waiver
        notes.append(
            f"waiver expired on {expired.expires.isoformat()} (no longer applies): "
            f"{waiver_text(expired)}"
        )
    return notes


def footer_text(report: Report) -> str:
    """One line on how the figures were made. The date is the one the stale-prices note
    uses (the oldest source that priced a component), so a report states one date."""
    prices = report.prices
    unpriced_usage = any(
        component.usage_based and component.monthly_quantity is None
        for cost in report.estimate.resources
        for component in (*cost.components, *cost.components_before)
    )
    usage = (
        "; usage-based components without a quantity from a usage file count $0"
        if unpriced_usage
        else ""
    )
    return (
        f"finops-gate {__version__}: USD on-demand list prices from {prices.table} "
        f"(dated {prices.prices_date.isoformat()}), 730 hours a month{usage}. "
        "≈ marks a price derived by a documented rule."
    )
