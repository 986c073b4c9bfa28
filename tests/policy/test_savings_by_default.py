"""The bundled default policy runs every savings check as advisory: suggestions appear
without any configuration, and never change the verdict or the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.policy.loader import load_policy
from finops_gate.savings.registry import SAVINGS_CHECKS
from tests.conftest import ROOT, fixture_plan_path


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, object]]:
    with pytest.raises(SystemExit) as exited:
        main([*args, "--format", "json"])
    code = exited.value.code
    return (code if isinstance(code, int) else 0), json.loads(capsys.readouterr().out)


def _without_savings(tmp_path: Path) -> str:
    policy, _ = load_policy(None)
    removed = sorted(p.id for p in policy.policies if p.kind == "savings")
    path = tmp_path / "no-savings.yml"
    path.write_text(f"version: 1\nextends: default\nremove: {json.dumps(removed)}\n")
    return str(path)


def test_the_default_policy_runs_every_check_as_advisory() -> None:
    policy, _ = load_policy(None)
    checks = {getattr(p, "check", None): p.level for p in policy.policies if p.kind == "savings"}
    assert checks == dict.fromkeys(SAVINGS_CHECKS, "advisory")


@pytest.mark.parametrize(
    ("plan", "fail_on"),
    [
        (str(fixture_plan_path("savings")), "error"),  # fails on its tags: exit 1
        (str(fixture_plan_path("tags_and_sizes")), "warning"),
        (str(ROOT / "examples" / "plan.json"), "error"),  # passes: exit 0
        (str(ROOT / "examples" / "plan.json"), "warning"),
    ],
)
def test_advisory_suggestions_never_change_the_verdict_or_exit_code(
    plan: str, fail_on: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, data = _run([plan, "--fail-on", fail_on], capsys)
    bare_policy = _without_savings(tmp_path)
    bare_code, bare = _run([plan, "--fail-on", fail_on, "--policy", bare_policy], capsys)
    assert data["recommendations"], "the default policy lists suggestions"
    assert "recommendations" not in bare  # without suggestions the JSON keeps its bytes
    assert (code, data["verdict"]) == (bare_code, bare["verdict"])
    assert data["findings"] == bare["findings"]
    assert "savings-" not in json.dumps(data["findings"])
