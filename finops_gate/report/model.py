"""Everything a renderer needs, gathered once; renderers are pure functions of this."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


@dataclass(frozen=True, slots=True)
class PriceInfo:
    oldest: date
    newest: date
    sources: dict[str, PriceSource]
    rules: dict[str, str]


@dataclass(frozen=True, slots=True)
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

    @property
    def changed(self) -> list[ResourceCost]:
        """Priced (or unpriceable) resources the plan changes, biggest cost change first."""
        rows = [
            cost
            for cost in self.estimate.resources
            if cost.resource.action.changes
            and cost.status in (Status.PRICED, Status.PRICE_NOT_FOUND)
        ]
        return sorted(rows, key=_by_abs_delta)

    @property
    def unchanged(self) -> list[ResourceCost]:
        return [
            cost
            for cost in self.estimate.resources
            if not cost.resource.action.changes
            and cost.status in (Status.PRICED, Status.PRICE_NOT_FOUND)
        ]

    def with_status(self, status: Status) -> list[ResourceCost]:
        return [cost for cost in self.estimate.resources if cost.status == status]

    def count(self, status: Status) -> int:
        return sum(1 for cost in self.estimate.resources if cost.status == status)


def _by_abs_delta(cost: ResourceCost) -> tuple[float, str]:
    delta = cost.monthly_cost_delta
    return (-abs(delta) if delta is not None else 1.0, cost.resource.address)


def build_report(
    plan: Plan,
    estimate: Estimate,
    findings: list[Finding],
    prices: PriceInfo,
    policy_name: str,
    result: PolicyResult | None = None,
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
    )
