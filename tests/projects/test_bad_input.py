"""Odd inputs to a run over many projects and to `merge`: exit 2, one line naming the
file, never a traceback."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.projects.conftest import MONOREPO, run

BILLING_PLAN = MONOREPO / "services" / "billing" / "plan.json"


def one_line_error(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run(args, capsys)
    assert (code, out) == (2, ""), err
    assert err.startswith("finops-gate: error: ") and err.count("\n") == 1, err
    return err


def write(path: Path, text: str) -> Path:
    path.write_text(text)
    return path


def test_config_that_is_a_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error(["--config", str(tmp_path)], capsys)
    assert err == f"finops-gate: error: {tmp_path}: is a directory, expected a config file\n"


def test_include_of_a_missing_file_or_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(tmp_path / "finops-gate.yml", "include: [missing.yml]\nprojects: []\n")
    err = one_line_error(["--config", str(config)], capsys)
    assert err.endswith(": include 'missing.yml': no such file\n")
    (tmp_path / "teams").mkdir()
    config.write_text("include: [teams]\nprojects: []\n")
    err = one_line_error(["--config", str(config)], capsys)
    assert err.endswith(": include 'teams': is a directory, expected a file\n")


def test_var_and_usage_files_that_are_directories(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (monorepo / "envs" / "dev" / "vars").mkdir()
    config = write(
        monorepo / "odd.yml",
        "projects:\n  - {name: dev, path: envs/dev, var_files: [vars]}\n",
    )
    err = one_line_error(["--config", str(config)], capsys)
    assert err.endswith("project 'dev': var file 'vars': is a directory, expected a file\n")
    config.write_text("projects:\n  - {name: dev, path: envs/dev, usage_file: envs}\n")
    err = one_line_error(["--config", str(config)], capsys)
    assert err.endswith("project 'dev': usage file 'envs': is a directory, expected a file\n")


def test_project_path_that_is_a_file_but_not_a_plan(
    monorepo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (monorepo / "notes.txt").write_text("not a plan\n")
    config = write(
        monorepo / "odd.yml",
        "projects:\n  - {name: notes, path: notes.txt}\n  - {name: dev, path: envs/dev}\n",
    )
    err = one_line_error(["--config", str(config)], capsys)
    assert err.startswith("finops-gate: error: project notes (notes.txt): ")
    code, out, err = run(["--config", str(config), "--keep-going", "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert [p["status"] for p in data["projects"]] == ["evaluated", "not_evaluated"]
    assert "Traceback" not in err


def test_recursive_on_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = one_line_error([str(BILLING_PLAN), "--recursive"], capsys)
    assert err.startswith(f"finops-gate: error: {BILLING_PLAN}: not a directory")
    err = one_line_error([str(tmp_path / "nowhere"), "--recursive"], capsys)
    assert ": no such directory" in err


def test_merge_of_a_directory_or_a_truncated_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = one_line_error(["merge", str(tmp_path)], capsys)
    assert err.endswith(": is a directory, expected a JSON report\n")
    _, out, _ = run([str(BILLING_PLAN), "--format", "json"], capsys)
    truncated = write(tmp_path / "cut.json", out[: len(out) // 2])
    err = one_line_error(["merge", str(truncated)], capsys)
    assert err.startswith(f"finops-gate: error: {truncated}: not a JSON report: ")


def _set(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda data: data.update({key: value})


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (_set("findings", [{"x": 1}]), "findings[0].policy_id is missing or of the wrong type"),
        (_set("findings", "none"), "findings is not a list"),
        (_set("resources", [{"address": "a"}]), "resources[0].action is missing"),
        (_set("recommendations", [1]), "recommendations[0] is not an object"),
        (_set("enforcement", []), "enforcement is not an object"),
        (_set("projects", [1]), "is not subscriptable"),
    ],
)
@pytest.mark.parametrize("output_format", ["table", "markdown", "sarif", "junit"])
def test_merge_of_a_hand_edited_report(
    edit: Callable[[dict[str, Any]], None],
    why: str,
    output_format: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run([str(BILLING_PLAN), "--format", "json"], capsys)
    data = json.loads(out)
    edit(data)
    report = write(tmp_path / "edited.json", json.dumps(data))
    err = one_line_error(["merge", str(report), "--format", output_format], capsys)
    assert err.startswith(f"finops-gate: error: {report}: not a finops-gate JSON report (")
    assert why in err
