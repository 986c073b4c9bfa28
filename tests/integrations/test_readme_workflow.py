"""The copy-paste workflow of docs/ci.md: well-formed, and its finops-gate step works as written.

The action step is run the way the runner runs a Docker action: each `with:` value (and
each default from action.yml) becomes `INPUT_<NAME>`, `${{ ... }}` expressions are
evaluated, and `finops-gate action` runs in the workspace against the local GitHub API.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT, fixture_plan_path
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import FakeApi

README = ROOT / "docs" / "ci.md"
EVENT = ROOT / "tests" / "fixtures" / "github" / "pull_request.json"


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    text = README.read_text()
    match = re.search(
        r"<!-- workflow:begin[^>]*-->\n```yaml\n(.*?)```\n<!-- workflow:end -->", text, re.S
    )
    assert match, "the workflow block of docs/ci.md is missing"
    data = yaml.safe_load(match.group(1))
    assert isinstance(data, dict)
    return data


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "action.yml").read_text())
    assert isinstance(data, dict)
    return data


def _steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    [job] = workflow["jobs"].values()
    return list(job["steps"])


def _gate_step(workflow: dict[str, Any]) -> dict[str, Any]:
    [step] = [s for s in _steps(workflow) if "finops-gate@" in str(s.get("uses", ""))]
    return step


def test_runs_on_pull_requests_with_the_permission_to_comment(workflow: dict[str, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert "pull_request" in triggers
    assert workflow["permissions"]["pull-requests"] == "write"


def test_plans_and_converts_the_plan_to_json(workflow: dict[str, Any]) -> None:
    runs = "\n".join(str(step.get("run", "")) for step in _steps(workflow))
    assert "terraform plan -input=false -out=tfplan" in runs
    assert "terraform show -json tfplan > plan.json" in runs
    [setup] = [s for s in _steps(workflow) if "setup-terraform" in str(s.get("uses", ""))]
    assert setup["with"]["terraform_wrapper"] is False


def test_the_step_uses_only_declared_inputs_and_outputs(
    workflow: dict[str, Any], action: dict[str, Any]
) -> None:
    step = _gate_step(workflow)
    assert set(step["with"]) <= set(action["inputs"])
    required = {name for name, spec in action["inputs"].items() if spec.get("required")}
    assert required <= set(step["with"])
    text = README.read_text()
    used = set(re.findall(r"steps\.finops\.outputs\.([a-z-]+)", text))
    assert used and used <= set(action["outputs"])


def _evaluate(value: object) -> str:
    text = "true" if value is True else "false" if value is False else str(value)
    text = text.replace("${{ secrets.GITHUB_TOKEN }}", TOKEN).replace("${{ github.token }}", TOKEN)
    assert "${{" not in text, text
    return text


@pytest.mark.slow
def test_the_step_works_as_written(
    workflow: dict[str, Any], action: dict[str, Any], api: FakeApi, tmp_path: Path
) -> None:
    workspace = tmp_path / "workspace"
    (workspace / "infra").mkdir(parents=True)
    # What `terraform show -json tfplan > plan.json` wrote (a plan that breaks the policy).
    (workspace / "infra" / "plan.json").write_bytes(
        fixture_plan_path("tags_and_sizes").read_bytes()
    )
    step = _gate_step(workflow)
    inputs = {name: spec.get("default", "") for name, spec in action["inputs"].items()}
    inputs.update(step["with"])
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "INPUT_"))}
    values = {name: _evaluate(value) for name, value in inputs.items()}
    # The runner's own INPUT_<NAME> variables; those with a `-` may not reach a container,
    # so leave them out and rely on action.yml's `runs.env`.
    env.update({f"INPUT_{n.upper()}": v for n, v in values.items() if "-" not in n})
    for key, expression in action["runs"]["env"].items():
        name = re.fullmatch(r"\$\{\{ inputs\.([a-z-]+) \}\}", expression)
        assert name, expression
        env[key] = values[name.group(1)]
    env.update(
        {
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_REPOSITORY": api.repository,
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(EVENT),
            "GITHUB_API_URL": api.url,
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        }
    )
    [command] = action["runs"]["args"]

    def run() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "finops_gate", command],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    first = run()
    assert first.returncode == 1, first.stderr  # the gate fails: a red check
    assert first.stdout.startswith("::stop-commands::finops-gate-")  # plan text is inert
    assert "\nfinops-gate verdict: FAIL\n" in first.stdout
    assert TOKEN not in first.stdout + first.stderr
    [comment] = api.on_issue(7)
    assert comment.body.startswith("<!-- finops-gate -->\n## ❌ finops-gate: fail")
    values = dict(line.split("=", 1) for line in (tmp_path / "output").read_text().splitlines())
    assert values["verdict"] == "fail"
    assert re.fullmatch(r"-?\d+\.\d\d", values["monthly-cost-delta"])
    # The next push updates the same comment.
    second = run()
    assert second.returncode == 1
    assert [c.id for c in api.on_issue(7)] == [comment.id]
    assert [r.method for r in api.writes()] == ["POST"]  # same text: nothing to update
