"""The stage-timing script runs the same gate as `check` and says so in its output."""

from __future__ import annotations

import re

from benchmarks.stages import one_run
from finops_gate.options import GateOptions, OutputFormat
from finops_gate.pipeline import build_gate_report, render
from tests.conftest import ROOT

STAGES = ("imports", "policy", "read", "prices", "estimate", "savings", "policies", "report")


def test_stages_render_what_check_renders() -> None:
    plan = str(ROOT / "examples" / "plan.json")
    line = one_run(GateOptions(plan=plan), 0.0)
    names = re.findall(r"([a-z]+) \d+\.\d{3}", line)
    assert tuple(names) == (*STAGES, "render")
    expected = render(build_gate_report(GateOptions(plan=plan)), OutputFormat.MARKDOWN)
    assert line.endswith(f"| {len(expected)} characters")
