"""Progress: plain lines in CI, nothing for a script, every project counted once."""

from __future__ import annotations

import pytest

from finops_gate.cli.projects import progress_reporter
from finops_gate.options import GateOptions
from finops_gate.projects.runner import ProjectTask, run_tasks
from tests.projects.conftest import MONOREPO, run


def tasks() -> list[ProjectTask]:
    return [
        ProjectTask(name, name, None, GateOptions(plan=str(MONOREPO / path)))
        for name, path in (("billing", "services/billing/plan.json"), ("dev", "envs/dev"))
    ]


@pytest.mark.parametrize("jobs", [1, 2])
def test_every_project_is_reported_once(jobs: int) -> None:
    seen: list[tuple[int, int, str]] = []
    outcomes = run_tasks(tasks(), jobs, lambda *event: seen.append(event))
    assert [o.name for o in outcomes] == ["billing", "dev"]
    assert [(done, total) for done, total, _ in seen] == [(1, 2), (2, 2)]
    assert sorted(name for _, _, name in seen) == ["billing", "dev"]


def test_plain_lines_in_ci(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert progress_reporter({}) is None
    monkeypatch.setenv("CI", "true")
    code, _, err = run(["--config", str(MONOREPO / "finops-gate.yml"), "--jobs", "1"], capsys)
    assert code == 0
    assert err.splitlines() == [
        "finops-gate: 1/3 projects done (billing)",
        "finops-gate: 2/3 projects done (dev)",
        "finops-gate: 3/3 projects done (prod)",
    ]
