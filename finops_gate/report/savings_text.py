"""How every format words the savings suggestions (plain text; each format escapes it)."""

from __future__ import annotations

from finops_gate.report import numbers
from finops_gate.report.model import Report
from finops_gate.savings.model import Recommendation

NO_FIGURE = "growth without a bound"


def savings_headline(report: Report) -> str | None:
    """"Potential savings: $X/month (N suggestions)", None without suggestions."""
    count = len(report.recommendations)
    if not count:
        return None
    mark = numbers.APPROX if any(r.approximate for r in report.recommendations) else ""
    total = numbers.money(report.potential_monthly_savings)
    noun = "suggestion" if count == 1 else "suggestions"
    return f"Potential savings: {mark}{total}/month ({count} {noun})"


def saving_cell(item: Recommendation) -> str:
    if item.monthly_savings is None:
        return item.per_unit or NO_FIGURE
    mark = numbers.APPROX if item.approximate else ""
    return f"{mark}{numbers.money(item.monthly_savings)}"


def change_text(item: Recommendation) -> str:
    return f"{item.attribute}: {item.current_value} → {item.suggested_value}"
