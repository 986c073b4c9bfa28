"""What the report model gathers once for every renderer."""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import ResourceCost, Status
from finops_gate.pipeline import GateOptions, build_gate_report
from tests.conftest import FIXTURES


def test_status_counts_are_the_resources_of_each_status() -> None:
    seen: set[Status] = set()
    for path in sorted(FIXTURES.glob("*/plan.json")):
        report = build_gate_report(GateOptions(plan=str(path)))
        counts = report.status_counts()
        assert list(counts) == list(Status)
        for status in Status:
            expected = [c for c in report.estimate.resources if c.status == status]
            assert counts[status] == len(expected)
            if expected:
                seen.add(status)
        assert sum(counts.values()) == len(report.estimate.resources)
    assert seen == set(Status)  # every status is counted somewhere


def _by_change_then_address(cost: ResourceCost) -> tuple[float, str]:
    delta = cost.monthly_cost_delta
    return (-abs(delta) if delta is not None else 1.0, cost.resource.address)


def test_changed_resources_come_biggest_change_first_then_by_address() -> None:
    ties = 0
    for path in sorted(FIXTURES.glob("*/plan.json")):
        planned = build_gate_report(GateOptions(plan=str(path)))
        # Terraform lists resources by address: reversed, an order the sort kept would show.
        resources = planned.estimate.resources[::-1]
        report = replace(planned, estimate=replace(planned.estimate, resources=resources))
        shown = [
            cost
            for cost in resources
            if cost.resource.action.changes
            and cost.status in (Status.PRICED, Status.PRICE_NOT_FOUND)
        ]
        expected = sorted(shown, key=_by_change_then_address)
        changed = report.changed
        assert [c.resource.address for c in changed] == [c.resource.address for c in expected]
        keys = [_by_change_then_address(cost)[0] for cost in changed]
        ties += len(keys) - len(set(keys))
    assert ties > 20  # equal changes (and no figure) ordered by address
