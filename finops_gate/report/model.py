"""Everything a renderer needs, gathered once; renderers are pure functions of this."""

from __future__ import annotations

from datetime import date
from operator import attrgetter

from finops_gate.cost.model import Estimate, ResourceCost, Status
from finops_gate.cost.prices import PriceSource
from finops_gate.plan.resource import Plan
from finops_gate.policy.findings import (
    Finding,
    Override,
    PolicyResult,
    Verdict,
    WaiverRef,
    verdict_of,
)
from finops_gate.records import record
from finops_gate.savings.model import Recommendation, potential_monthly_savings

STALE_AFTER_MONTHS = 6

# How a report names the table(s) its prices come from (`PriceInfo.table`).
BUNDLED_TABLE = "the bundled table"
USER_TABLE = "the --prices table"
LAYERED_TABLE = "the --prices table over the bundled table"


def _months_later(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@record(slots=True)
class PriceInfo:
    oldest: date
    newest: date
    sources: dict[str, PriceSource]
    rules: dict[str, str]
    # Date of the oldest source that priced a component of this report (None: none did)
    used_oldest: date | None = None
    today: date | None = None  # None: no staleness check
    table: str = BUNDLED_TABLE  # which table(s) the prices come from

    @property
    def prices_date(self) -> date:
        """How old this report's prices are: its oldest used source, else the table's newest."""
        return self.used_oldest or self.newest

    @property
    def stale(self) -> bool:
        """The prices are more than STALE_AFTER_MONTHS months older than `today`."""
        if self.today is None:
            return False
        return self.today > _months_later(self.prices_date, STALE_AFTER_MONTHS)


@record
class PolicyRule:
    """What a renderer knows about a policy besides its findings."""

    id: str
    kind: str = ""
    description: str = ""
    remediation: str = ""
    plan_wide: bool = False  # findings are about the whole plan (budgets), not a resource
    level: str = "error"  # the severity of a violation, unless a finding says otherwise


@record(slots=True)
class Report:
    verdict: Verdict
    plan: Plan
    estimate: Estimate
    findings: tuple[Finding, ...]
    prices: PriceInfo
    policy_name: str
    waived: tuple[Finding, ...] = ()
    overrides: tuple[Override, ...] = ()
    expired_waivers: tuple[WaiverRef, ...] = ()
    enforcement: tuple[tuple[str, str], ...] = ()  # (policy id, level)
    # Every policy of the policy file, for the formats that describe them (SARIF, JUnit):
    # read from the file once, with everything else.
    rules: tuple[PolicyRule, ...] = ()
    # Savings suggestions not waived, biggest saving first (finops_gate/savings/).
    recommendations: tuple[Recommendation, ...] = ()
    # (policy id, the addresses it checked) of every policy about resources, as the
    # policy engine found them: JUnit has a test case for each.
    applied_to: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def potential_monthly_savings(self) -> float:
        return potential_monthly_savings(self.recommendations)

    @property
    def changed(self) -> list[ResourceCost]:
        """Priced (or unpriceable) resources the plan changes, biggest cost change first,
        then by address."""
        rows = [
            cost
            for cost in self.estimate.resources
            if cost.resource.action.changes and cost.status in _WITH_COST
        ]
        # Two stable sorts give the order of one by (change, address), with plain keys the
        # sort compares faster than tuples.
        rows.sort(key=_address)
        rows.sort(key=_biggest_change_first)
        return rows

    @property
    def unchanged(self) -> list[ResourceCost]:
        return [
            cost
            for cost in self.estimate.resources
            if not cost.resource.action.changes and cost.status in _WITH_COST
        ]

    def with_status(self, status: Status) -> list[ResourceCost]:
        return [cost for cost in self.estimate.resources if cost.status == status]

    def status_counts(self) -> dict[Status, int]:
        """How many resources have each status (every status, 0 included), from one pass
        over the resources instead of one per status."""
        statuses = [cost.status for cost in self.estimate.resources]
        return {status: statuses.count(status) for status in Status}


# Built once: looking an enum member up on its class costs more than the test itself.
_WITH_COST = (Status.PRICED, Status.PRICE_NOT_FOUND)


def _biggest_change_first(cost: ResourceCost) -> float:
    """A change without a figure comes after every other."""
    delta = cost.monthly_cost_delta
    return -abs(delta) if delta is not None else 1.0


_address = attrgetter("resource.address")


def build_report(
    plan: Plan,
    estimate: Estimate,
    findings: list[Finding],
    prices: PriceInfo,
    policy_name: str,
    result: PolicyResult | None = None,
    rules: tuple[PolicyRule, ...] = (),
    recommendations: tuple[Recommendation, ...] = (),
) -> Report:
    """`result` adds waived findings, overrides, expired waivers and enforcement levels."""
    return Report(
        verdict=verdict_of(findings),
        plan=plan,
        estimate=estimate,
        findings=tuple(findings),
        prices=prices,
        policy_name=policy_name,
        waived=result.waived if result else (),
        overrides=result.overrides if result else (),
        expired_waivers=result.expired_waivers if result else (),
        enforcement=result.enforcement if result else (),
        rules=rules,
        recommendations=recommendations,
        applied_to=result.applied_to if result else (),
    )
