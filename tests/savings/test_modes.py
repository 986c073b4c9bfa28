"""The savings checks give the same suggestions on the plan terraform made and on the
.tf files read directly (HCL mode), which also knows the file and line of each."""

from __future__ import annotations

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.model import Report
from tests.conftest import FIXTURES
from tests.savings.helpers import TODAY, report_with


def _shown(report: Report) -> list[tuple[str, str, str, float | None]]:
    return [
        (r.address, r.attribute, r.suggested_value, r.monthly_savings)
        for r in report.recommendations
    ]


def test_hcl_mode_matches_plan_mode_and_knows_where() -> None:
    from_plan = report_with("savings")
    from_tf = build_gate_report(
        GateOptions(plan=str(FIXTURES / "savings"), policy="savings", today=TODAY)
    )
    assert _shown(from_tf) == _shown(from_plan)
    assert all(r.file is None and r.line is None for r in from_plan.recommendations)
    big = next(r for r in from_tf.recommendations if r.address == "module.us.aws_ebs_volume.big")
    assert (big.file, big.line) == ("stack/main.tf", 18)
    lines = (FIXTURES / "savings" / "stack" / "main.tf").read_text(encoding="utf-8").splitlines()
    assert lines[big.line - 1] == 'resource "aws_ebs_volume" "big" {'


def test_an_address_taken_through_a_local_keeps_plan_mode_silent() -> None:
    case = FIXTURES / "savings_through_locals"
    from_plan = build_gate_report(
        GateOptions(plan=str(case / "plan.json"), policy="savings", today=TODAY)
    )
    assert [r for r in from_plan.recommendations if r.check_id == "idle-eip"] == []
    from_tf = build_gate_report(GateOptions(plan=str(case), policy="savings", today=TODAY))
    idle = [r.address for r in from_tf.recommendations if r.check_id == "idle-eip"]
    assert idle == ["aws_eip.spare"]


def test_a_bucket_named_through_a_local_keeps_plan_mode_silent() -> None:
    case = FIXTURES / "savings_through_locals"
    from_plan = build_gate_report(
        GateOptions(plan=str(case / "plan.json"), policy="savings", today=TODAY)
    )
    assert [r for r in from_plan.recommendations if r.check_id == "s3-lifecycle"] == []
    from_tf = build_gate_report(GateOptions(plan=str(case), policy="savings", today=TODAY))
    unconfigured = [r.address for r in from_tf.recommendations if r.check_id == "s3-lifecycle"]
    assert unconfigured == ["aws_s3_bucket.bare"]
