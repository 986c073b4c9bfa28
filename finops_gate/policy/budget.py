"""budget: thresholds on the plan's monthly cost, each with a warn and a fail level.

- `total_monthly_cost`: the monthly cost after the change
- `monthly_cost_delta`: the increase in monthly cost
- `percent_increase`: the increase as a percentage of the cost before (skipped when the
  cost before is zero: any increase from nothing is infinite)

PASS: `monthly_cost_delta: {fail: 1000}` and a change adding $400/month.
FAIL: the same with a change adding $1,200/month.
"""

from __future__ import annotations

from finops_gate.cost.model import Estimate, Status
from finops_gate.policy.findings import Finding
from finops_gate.policy.schema import BudgetPolicy, Threshold


def check(policy: BudgetPolicy, estimate: Estimate) -> list[Finding]:
    totals = estimate.totals
    unpriced = sum(1 for c in estimate.resources if c.status == Status.PRICE_NOT_FOUND)
    caveat = f" (lower bound: {unpriced} resource(s) have no price)" if unpriced else ""
    checks: list[tuple[Threshold | None, float | None, str]] = [
        (policy.total_monthly_cost, totals.monthly_cost_after, "monthly cost ${value:,.2f}"),
        (
            policy.monthly_cost_delta,
            totals.monthly_cost_delta,
            "monthly cost increase ${value:,.2f}",
        ),
        (policy.percent_increase, totals.percent_change, "monthly cost increase {value:.1f}%"),
    ]
    findings: list[Finding] = []
    for threshold, value, label in checks:
        if threshold is None or value is None:
            continue
        severity, limit = _level(threshold, value)
        if severity is None:
            continue
        text = label.format(value=value)
        bound = f"${limit:,.2f}" if "$" in label else f"{limit:g}%"
        kind = "fail" if severity == "error" else "warn"
        findings.append(
            Finding(
                policy.id,
                severity,
                None,
                f"{text} is above the {kind} threshold of {bound}{caveat}",
                policy.remediation,
            )
        )
    return findings


def _level(threshold: Threshold, value: float) -> tuple[str | None, float]:
    if threshold.fail is not None and value > threshold.fail:
        return "error", threshold.fail
    if threshold.warn is not None and value > threshold.warn:
        return "warning", threshold.warn
    return None, 0.0
