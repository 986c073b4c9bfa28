"""Match Infracost's resources with finops-gate's by address and sum up the differences.

A resource is *Infracost-priced* when its golden shows a figure for at least one of its
components (`$0.00` included; "Monthly cost depends on usage" alone is not a figure).
finops-gate *prices* it when its report has it as priced or usage-based with a monthly
cost. The two agree *within 1%* when the totals differ by at most 1% of Infracost's total,
or by one cent (the golden rounds each component to the cent). Only USD goldens can
agree: the China cases are in CNY, which finops-gate does not price in.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from benchmarks.yardstick.golden import Golden
from benchmarks.yardstick.runner import CaseRun

WITHIN = 0.01
CENT = 0.01
OUR_PRICED = frozenset({"priced", "usage_based"})
CASE_FAILED = "case_failed"
MISSING = "missing"


@dataclass(frozen=True, slots=True)
class CaseInput:
    name: str
    golden: Golden
    run: CaseRun
    has_usage_file: bool


@dataclass(frozen=True, slots=True)
class ResourceComparison:
    case: str
    address: str
    type: str
    currency: str
    theirs: float
    ours: float | None
    outcome: str  # our status, or "missing" (not in our report) or "case_failed"

    @property
    def we_price(self) -> bool:
        return self.outcome in OUR_PRICED and self.ours is not None

    @property
    def difference(self) -> float | None:
        """(ours - theirs) / theirs, where both price in USD and Infracost's total is not 0."""
        if not self.we_price or self.currency != "USD" or self.theirs == 0 or self.ours is None:
            return None
        return (self.ours - self.theirs) / self.theirs

    @property
    def within(self) -> bool:
        if not self.we_price or self.currency != "USD" or self.ours is None:
            return False
        return abs(self.ours - self.theirs) <= max(WITHIN * abs(self.theirs), CENT)


@dataclass(frozen=True, slots=True)
class TypeRow:
    type: str
    cases: int
    infracost_priced: int
    we_price: int
    within: int
    median_difference: float | None  # median |difference|, as a fraction
    not_priced: tuple[tuple[str, int], ...]  # outcome -> count, for the rest


@dataclass(frozen=True, slots=True)
class Summary:
    cases: int
    cases_read: int
    infracost_priced: int
    we_price: int
    within: int
    median_difference: float | None
    usage_files: int
    usage_accepted: int
    usage_warned: int
    unsupported_types: tuple[str, ...]
    # The same three counts over the cases whose usage file was not refused: there a
    # difference is the cost logic's, not a usage quantity that was never read.
    usage_ok_priced: int
    usage_ok_we_price: int
    usage_ok_within: int


def compare_case(case: CaseInput) -> list[ResourceComparison]:
    rows: list[ResourceComparison] = []
    failed = case.run.error is not None and not case.run.resources
    for resource in case.golden.resources:
        theirs = resource.monthly_cost
        if theirs is None:
            continue
        ours = case.run.resources.get(resource.address)
        if failed:
            outcome, cost = CASE_FAILED, None
        elif ours is None:
            outcome, cost = MISSING, None
        else:
            outcome, cost = ours.status, ours.monthly_cost
        rows.append(
            ResourceComparison(
                case.name,
                resource.address,
                resource.type,
                case.golden.currency,
                theirs,
                cost,
                outcome,
            )
        )
    return rows


def compare_all(cases: Iterable[CaseInput]) -> list[ResourceComparison]:
    rows = [row for case in cases for row in compare_case(case)]
    return sorted(rows, key=lambda row: (row.case, row.address))


def _median_abs(rows: Iterable[ResourceComparison]) -> float | None:
    differences = [abs(d) for d in (row.difference for row in rows) if d is not None]
    return statistics.median(differences) if differences else None


def per_type(rows: Iterable[ResourceComparison]) -> list[TypeRow]:
    by_type: dict[str, list[ResourceComparison]] = {}
    for row in rows:
        by_type.setdefault(row.type, []).append(row)
    table: list[TypeRow] = []
    for name in sorted(by_type):
        group = by_type[name]
        rest = Counter(row.outcome for row in group if not row.we_price)
        table.append(
            TypeRow(
                type=name,
                cases=len({row.case for row in group}),
                infracost_priced=len(group),
                we_price=sum(row.we_price for row in group),
                within=sum(row.within for row in group),
                median_difference=_median_abs(group),
                not_priced=tuple(sorted(rest.items())),
            )
        )
    return table


def summarise(cases: list[CaseInput], rows: list[ResourceComparison]) -> Summary:
    with_usage = [case for case in cases if case.has_usage_file]
    refused = {case.name for case in cases if case.run.usage_accepted is False}
    usage_ok = [row for row in rows if row.case not in refused]
    return Summary(
        cases=len(cases),
        cases_read=sum(case.run.error is None for case in cases),
        infracost_priced=len(rows),
        we_price=sum(row.we_price for row in rows),
        within=sum(row.within for row in rows),
        median_difference=_median_abs(rows),
        usage_files=len(with_usage),
        usage_accepted=sum(case.run.usage_accepted is True for case in with_usage),
        usage_warned=sum(
            case.run.usage_accepted is True and case.run.usage_message is not None
            for case in with_usage
        ),
        unsupported_types=tuple(sorted({row.type for row in rows if row.outcome == "unsupported"})),
        usage_ok_priced=len(usage_ok),
        usage_ok_we_price=sum(row.we_price for row in usage_ok),
        usage_ok_within=sum(row.within for row in usage_ok),
    )


def refused_usage_files(cases: Iterable[CaseInput]) -> Mapping[str, str]:
    """Case -> why its usage file was refused."""
    return {
        case.name: case.run.usage_message or ""
        for case in sorted(cases, key=lambda case: case.name)
        if case.run.usage_accepted is False
    }
