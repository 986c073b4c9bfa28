"""The cost headline shared by every format: totals, marked when they are only bounds.

A complete plan reads `$100.00 -> $150.00 (+$50.00, +50.0%)`. When resources are not
fully priced, a total that misses a cost is a lower bound (`≥ $150.00`); the change is
a lower bound when only created resources miss a cost (`≥ +$50.00`), an upper bound
when only deleted ones do (`≤ -$20.00`), and `partial` when both sides miss one. The
percentage is left out unless the total before is exact. A note counts what is missing:
`2 resources not priced`.
"""

from __future__ import annotations

from finops_gate.cost.model import Totals
from finops_gate.report import numbers


def total_text(value: float, lower_bound: bool) -> str:
    return numbers.bounded(numbers.money(value), "lower" if lower_bound else "exact")


def change_text(totals: Totals) -> str:
    return numbers.bounded(numbers.signed_money(totals.monthly_cost_delta), totals.delta_bound)


def percent_text(totals: Totals) -> str | None:
    if totals.percent_change is None or totals.before_lower_bound:
        return None
    if totals.delta_bound == "partial":
        return None
    return numbers.bounded(numbers.percent(totals.percent_change), totals.delta_bound)


def cost_line(totals: Totals, arrow: str = "->") -> str:
    """`before -> after (change, percent)`."""
    percent = percent_text(totals)
    return (
        f"{total_text(totals.monthly_cost_before, totals.before_lower_bound)} {arrow} "
        f"{total_text(totals.monthly_cost_after, totals.after_lower_bound)} "
        f"({change_text(totals)}{'' if percent is None else ', ' + percent})"
    )


def _resources(count: int) -> str:
    return f"{count} resource{'' if count == 1 else 's'}"


def not_priced_text(totals: Totals) -> str:
    """What the totals leave out, e.g. `2 resources not priced`; empty when complete."""
    missing = totals.not_priced
    parts = []
    unpriced = missing.unsupported + missing.price_not_found
    if unpriced:
        parts.append(f"{_resources(unpriced)} not priced")
    if missing.unknown_components:
        parts.append(f"{_resources(missing.unknown_components)} partly priced")
    if totals.unchanged_not_priced:
        parts.append(f"{_resources(totals.unchanged_not_priced)} unchanged, not priced")
    return ", ".join(parts)


def headline(totals: Totals, arrow: str = "->") -> str:
    """The plain-text headline: the cost line and, when not complete, what is missing."""
    note = not_priced_text(totals)
    return cost_line(totals, arrow) + (f" · {note}" if note else "")
