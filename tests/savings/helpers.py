"""Run the gate over the savings fixture with a policy text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.model import Report
from finops_gate.savings.model import Recommendation
from tests.conftest import fixture_plan_path

# 1.29 left standard support on 2025-03-23; 1.34 keeps it until 2026-12-02.
TODAY = date(2026, 11, 1)
CASE = "savings"


def report_for(policy_text: str, tmp_path: Path, **options: object) -> Report:
    policy = tmp_path / "policy.yml"
    policy.write_text(policy_text, encoding="utf-8")
    return report_with(str(policy), **options)


def report_with(policy: str, **options: object) -> Report:
    """`policy`: a file or the name of a bundled policy."""
    gate = GateOptions(
        plan=str(fixture_plan_path(CASE)),
        policy=policy,
        today=TODAY,
        allow_outside_repo=True,
        **options,  # type: ignore[arg-type]
    )
    return build_gate_report(gate)


def one_check(check: str, extra: str = "") -> str:
    return f"""
version: 1
policies:
  - id: {check}
    kind: savings
    check: {check}
{extra}"""


def savings_by(report: Report) -> dict[tuple[str, str], float | None]:
    """(address, attribute) -> monthly saving."""
    return {(r.address, r.attribute): r.monthly_savings for r in report.recommendations}


def of_check(report: Report, check: str) -> list[Recommendation]:
    return [r for r in report.recommendations if r.check_id == check]
