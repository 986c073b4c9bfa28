"""The GitHub Action: action.yml, its Docker image, and its entrypoint run as GitHub runs it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml

from finops_gate.integrations.action_inputs import INPUTS, ActionInputError, action_call
from finops_gate.integrations.workflow_commands import outputs
from tests.conftest import ROOT, build_wheel, fixture_plan_path
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import FakeApi

EVENTS = ROOT / "tests" / "fixtures" / "github"


@pytest.fixture(scope="module")
def action() -> dict[str, Any]:
    data = yaml.safe_load((ROOT / "action.yml").read_text())
    assert isinstance(data, dict)
    return data


def test_action_yml_has_the_required_fields(action: dict[str, Any]) -> None:
    assert action["name"] and action["description"]
    runs = action["runs"]
    assert (runs["using"], runs["image"], runs["args"]) == ("docker", "Dockerfile", ["action"])
    # Each input is also passed under a name without `-`, which every runner keeps.
    assert runs["env"] == {
        f"INPUT_{name.upper().replace('-', '_')}": f"${{{{ inputs.{name} }}}}"
        for name in action["inputs"]
    }
    for name, spec in action["inputs"].items():
        assert spec["description"], name
        assert isinstance(spec.get("required", False), bool), name
        if not spec.get("required"):
            assert "default" in spec, f"optional input {name} needs a default"
    assert action["inputs"]["plan"]["required"] is True
    for name, spec in action["outputs"].items():
        assert spec["description"], name


def test_every_input_the_entrypoint_reads_is_declared(action: dict[str, Any]) -> None:
    assert set(INPUTS) == set(action["inputs"])
    source = (ROOT / "finops_gate" / "integrations" / "action_inputs.py").read_text()
    read = set(re.findall(r'action_input\(env, "([a-z-]+)"\)', source))
    read |= set(re.findall(r'\(\s*"([a-z-]+)",\s*"--[a-z-]+"\)', source))
    read |= set(re.findall(r'_flag\(env, "([a-z-]+)"\)', source))
    assert read and read <= set(action["inputs"]), read - set(action["inputs"])


def test_every_output_is_declared(action: dict[str, Any], load_case: Any) -> None:
    from finops_gate.pipeline import GateOptions, build_gate_report

    report = build_gate_report(GateOptions(plan=str(fixture_plan_path("tags_and_sizes"))))
    assert list(outputs(report)) == list(action["outputs"])


def test_dockerfile_is_pinned_slim_non_root_and_runs_the_cli() -> None:
    text = (ROOT / "Dockerfile").read_text()
    [base] = re.findall(r"^FROM (\S+)", text, re.MULTILINE)
    assert re.fullmatch(r"python:3\.\d+\.\d+-slim-[a-z]+", base), base
    users = re.findall(r"^USER (\S+)", text, re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert 'ENTRYPOINT ["finops-gate"]' in text
    assert "pip install ." in text
    ignored = (ROOT / ".dockerignore").read_text().splitlines()
    for needed in ("!pyproject.toml", "!README.md", "!finops_gate/", "!pricing/", "!policies/"):
        assert needed in ignored


def _inputs(**values: str) -> dict[str, str]:
    return {f"INPUT_{name.upper()}": value for name, value in values.items()}


def test_inputs_map_to_check_arguments(tmp_path: Path) -> None:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "plan.json").write_text("{}")
    env = {
        "GITHUB_WORKSPACE": str(tmp_path),
        "GITHUB_EVENT_PATH": str(EVENTS / "pull_request.json"),
        **_inputs(
            plan="infra",
            policy="policies/team.yml",
            format="sarif",
            output="finops.sarif",
            project="network",
            **{
                "comment-behavior": "delete-and-new",
                "fail-on": "warning",
                "github-token": TOKEN,
                "ignore-comment-errors": "true",
                "network-deadline": "45",
                "args": "--override budget --reason 'approved by finance'",
            },
        ),
    }
    call = action_call(env)
    assert call.args == [
        str(tmp_path / "infra" / "plan.json"),
        "--policy",
        "policies/team.yml",
        "--format",
        "sarif",
        "--output",
        "finops.sarif",
        "--comment-behavior",
        "delete-and-new",
        "--project",
        "network",
        "--fail-on",
        "warning",
        "--network-deadline",
        "45",
        "--comment",
        "github",
        "--ignore-comment-errors",
        "--override",
        "budget",
        "--reason",
        "approved by finance",
    ]
    assert call.env == {"GITHUB_TOKEN": TOKEN}
    assert TOKEN not in " ".join(call.args) and TOKEN not in repr(call)


def test_comment_auto_follows_the_event() -> None:
    push = {"GITHUB_EVENT_PATH": str(EVENTS / "push.json"), **_inputs(plan="p.json")}
    assert "--comment" not in action_call(push).args
    forced = dict(push, INPUT_COMMENT="true")
    assert action_call(forced).args[-2:] == ["--comment", "github"]
    off = {
        "GITHUB_EVENT_PATH": str(EVENTS / "pull_request.json"),
        **_inputs(plan="p.json", comment="false"),
    }
    assert "--comment" not in action_call(off).args


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "input plan is required"),
        (_inputs(plan="p.json", comment="maybe"), "input comment: expected auto, true or false"),
        (_inputs(plan="p.json", args="'unclosed"), "input args: No closing quotation"),
        (
            {**_inputs(plan="p.json"), "INPUT_USAGE-FILE": "usage.yml"},
            "input usage-file: this version of finops-gate has no --usage-file option",
        ),
    ],
)
def test_bad_inputs_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(ActionInputError, match=re.escape(message)):
        action_call(env, supported=frozenset({"--policy"}))


@pytest.mark.slow
def test_entrypoint_as_github_runs_it(api: FakeApi, tmp_path: Path) -> None:
    """`finops-gate action` in a subprocess with the environment GitHub gives a container."""
    workspace = tmp_path / "workspace"
    (workspace / "infra").mkdir(parents=True)
    (workspace / "infra" / "plan.json").write_bytes(
        fixture_plan_path("tags_and_sizes").read_bytes()
    )
    api.add_comment(7, "<!-- finops-gate project=infra -->\nan old verdict", "github-actions[bot]")
    api.add_comment(7, "<!-- finops-gate project=other -->\nanother project's verdict")
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "INPUT_", "RUNNER_"))
    }
    env.update(
        {
            "GITHUB_ACTIONS": "true",
            "GITHUB_WORKSPACE": str(workspace),
            "GITHUB_REPOSITORY": "acme/infra",
            "GITHUB_EVENT_NAME": "pull_request",
            "GITHUB_EVENT_PATH": str(EVENTS / "pull_request.json"),
            "GITHUB_API_URL": api.url,
            "GITHUB_OUTPUT": str(tmp_path / "output"),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
            "INPUT_PLAN": "infra",
            "INPUT_POLICY": "",
            "INPUT_USAGE-FILE": "",
            "INPUT_FORMAT": "sarif",
            "INPUT_OUTPUT": str(tmp_path / "finops.sarif"),
            "INPUT_COMMENT": "auto",
            "INPUT_COMMENT-BEHAVIOR": "update",
            "INPUT_PROJECT": "infra",
            "INPUT_GITHUB-TOKEN": TOKEN,
            "INPUT_FAIL-ON": "error",
            "INPUT_IGNORE-COMMENT-ERRORS": "false",
            "INPUT_ARGS": "",
        }
    )
    result = subprocess.run(
        [sys.executable, "-m", "finops_gate", "action"],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr  # the plan breaks the default policy
    assert TOKEN not in result.stdout + result.stderr
    infra, other = api.on_issue(7)
    assert infra.body.startswith("<!-- finops-gate project=infra -->\n## ❌ finops-gate: fail")
    assert other.body == "<!-- finops-gate project=other -->\nanother project's verdict"
    assert [r.method for r in api.writes()] == ["PATCH"]
    summary = (tmp_path / "summary.md").read_text()
    assert summary == infra.body
    values = dict(line.split("=", 1) for line in (tmp_path / "output").read_text().splitlines())
    assert values["verdict"] == "fail"
    assert int(values["findings-error"]) >= 1
    assert values["comment-url"].endswith(f"#issuecomment-{infra.id}")
    assert (tmp_path / "finops.sarif").read_text().startswith("{")
    assert "::error title=finops-gate " in result.stdout
    assert "comment updated" in result.stderr


@pytest.mark.slow
def test_the_docker_build_context_is_enough_to_install(tmp_path: Path) -> None:
    """What .dockerignore lets into the image builds the package (docker itself is not run)."""
    pytest.importorskip("hatchling")
    context = tmp_path / "context"
    allowed = [
        line[1:].rstrip("/")
        for line in (ROOT / ".dockerignore").read_text().splitlines()
        if line.startswith("!")
    ]
    for name in allowed:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, context / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            context.mkdir(exist_ok=True)
            shutil.copy2(source, context / name)
    copied = re.findall(r"^COPY (\S+) ", (ROOT / "Dockerfile").read_text(), re.MULTILINE)
    assert {name.rstrip("/") for name in copied} <= set(allowed) | {"."}
    out = tmp_path / "wheel"
    result = build_wheel(context, out)
    assert result.returncode == 0, result.stderr
    [wheel] = out.glob("finops_gate-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "finops_gate/_data/pricing/aws.json" in names
    assert "finops_gate/integrations/action_inputs.py" in names


def test_usage_file_input_reaches_the_cli() -> None:
    from finops_gate.cli import check_command

    known = frozenset(name for param in check_command.params for name in getattr(param, "opts", []))
    call = action_call({**_inputs(plan="p.json"), "INPUT_USAGE-FILE": "usage.yml"}, known)
    assert call.args[1:3] == ["--usage-file", "usage.yml"]
    strict = action_call(
        {**_inputs(plan="p.json"), "INPUT_USAGE-FILE": "u.yml", "INPUT_STRICT-USAGE": "true"},
        known,
    )
    assert "--strict-usage" in strict.args and "--strict-usage" in known


def test_region_inputs_reach_the_cli() -> None:
    from finops_gate.cli import check_command

    known = frozenset(name for param in check_command.params for name in getattr(param, "opts", []))
    env = {**_inputs(plan="p.json"), "INPUT_REGION": "eu-west-1", "INPUT_CONFIG_DIR": "infra"}
    call = action_call(env, known)
    assert call.args[1:5] == ["--region", "eu-west-1", "--config-dir", "infra"]
