"""What the report model gathers once for every renderer."""

from __future__ import annotations

from finops_gate.cost.model import Status
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
