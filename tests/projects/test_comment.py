"""One sticky comment for the whole run, against the fake GitHub API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.integrations.fit import GITHUB_COMMENT_LIMIT, fit_comment
from finops_gate.projects.model import ProjectOutcome, RunReport
from finops_gate.projects.render import render_run_markdown
from tests.conftest import ROOT
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import FakeApi
from tests.projects.conftest import MONOREPO, run

EVENT = str(ROOT / "tests" / "fixtures" / "github" / "pull_request.json")


@pytest.fixture
def github_env(api: FakeApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", api.repository)
    monkeypatch.setenv("GITHUB_API_URL", api.url)
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request")
    monkeypatch.setenv("GITHUB_EVENT_PATH", EVENT)
    return tmp_path


def test_one_comment_for_all_projects(
    api: FakeApi, github_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["--config", str(MONOREPO / "finops-gate.yml"), "--comment", "github"]
    code, _, err = run(args, capsys)
    assert code == 0, err
    [comment] = api.on_issue(7)
    assert comment.body.startswith("<!-- finops-gate -->\n## ⚠️ finops-gate: warn (3 projects)")
    for name in ("billing", "dev", "prod"):
        assert f"\n| {name} | " in comment.body
    # A second run edits the same comment.
    code, _, err = run(args, capsys)
    assert "finops-gate: comment unchanged: " in err  # found by its marker, not posted again
    assert [c.id for c in api.on_issue(7)] == [comment.id]


def test_merge_posts_the_one_comment(
    api: FakeApi, github_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "billing.json"
    run(
        [str(MONOREPO / "services/billing/plan.json"), "--format", "json", "-o", str(report)],
        capsys,
    )
    code, _, _ = run(["merge", str(report), "--comment", "github"], capsys)
    assert code == 0
    [comment] = api.on_issue(7)
    assert "| billing | <code>billing</code> | ✅ pass |" in comment.body


def _project(name: str, delta: float, resources: int) -> ProjectOutcome:
    rows = [
        {
            "address": f"aws_instance.n{i}",
            "action": "create" if delta else "no-op",
            "status": "priced",
            "monthly_cost_before": 0.0,
            "monthly_cost_after": delta / resources,
            "monthly_cost_delta": delta / resources,
            "complete": True,
            "components": [],
        }
        for i in range(resources)
    ]
    totals = {"monthly_cost_before": 0.0, "monthly_cost_after": delta}
    data = {"verdict": "pass", "totals": totals, "findings": [], "resources": rows}
    return ProjectOutcome(name, f"stacks/{name}", data=data)


def test_unchanged_projects_are_left_out_first() -> None:
    changed = [_project(f"app{i:02d}", 100.0 + i, 30) for i in range(10)]
    quiet = [_project(f"quiet{i:03d}", 0.0, 0) for i in range(200)]
    markdown = render_run_markdown(RunReport(tuple(changed + quiet)))
    assert len(markdown) > GITHUB_COMMENT_LIMIT
    fitted = fit_comment(markdown)
    assert len(fitted) <= GITHUB_COMMENT_LIMIT
    # Every changed project keeps its cost table; unchanged ones went first.
    assert fitted.count("<summary>Cost changes of app") == 10
    assert "<summary>✅ pass quiet199: no change" not in fitted
    assert "Shortened to fit" in fitted


def test_actions_summary_outputs_and_annotations(
    monorepo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path / "output"))
    monkeypatch.setenv("CI", "false")
    code, out, err = run([str(monorepo), "--recursive", "--format", "json"], capsys)
    assert code == 1  # legacy misses a required tag
    assert json.loads(out)["verdict"] == "fail"
    summary = (tmp_path / "summary.md").read_text()
    assert summary.startswith("<!-- finops-gate -->\n## ❌ finops-gate: fail (4 projects)")
    outputs = dict(line.split("=", 1) for line in (tmp_path / "output").read_text().splitlines())
    assert outputs["verdict"] == "fail" and outputs["projects"] == "4"
    annotations = [line for line in err.splitlines() if line.startswith("::error ")]
    assert len(annotations) == 1
    assert "legacy:aws_instance.old" in annotations[0]
