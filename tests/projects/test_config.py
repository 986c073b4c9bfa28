"""finops-gate.yml: validation, includes, defaults, and the bad inputs that exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from finops_gate.projects.config import ConfigError, load_config
from tests.projects.conftest import MONOREPO, run


def test_sample_config_resolves_projects() -> None:
    config = load_config(MONOREPO / "finops-gate.yml")
    assert [p.name for p in config.projects] == ["dev", "prod", "billing"]
    prod = config.projects[1]
    assert prod.path == MONOREPO / "envs" / "prod"
    assert prod.var_files == (str(MONOREPO / "envs" / "prod" / "prod.tfvars"),)
    assert prod.variables == ("instance_count=3",)
    assert prod.policy == "default"  # from defaults
    assert prod.environment == "prod"
    assert config.exclude == ("legacy",)
    assert [b.id for b in config.budgets] == ["repository-monthly", "prod-and-payments"]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_unknown_key_is_named(tmp_path: Path) -> None:
    config = write(
        tmp_path / "finops-gate.yml", "projects:\n  - name: a\n    path: .\n    polcy: x\n"
    )
    with pytest.raises(ConfigError, match=r"finops-gate.yml: projects\[0\]\.polcy: unknown key"):
        load_config(config)


def test_unknown_top_level_key_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / "finops-gate.yml", "projets: []\n")
    code, out, err = run(["--config", str(config)], capsys)
    assert (code, out) == (2, "")
    assert err == f"finops-gate: error: {config}: projets: unknown key\n"


def test_missing_project_path_names_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(tmp_path / "finops-gate.yml", "projects:\n  - {name: a, path: nowhere}\n")
    code, _, err = run(["--config", str(config)], capsys)
    assert code == 2
    assert str(config) in err and "'nowhere' does not exist" in err
    assert "Traceback" not in err


def test_duplicate_names_across_includes(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    write(tmp_path / "more.yml", "projects:\n  - {name: a, path: a}\n")
    config = write(
        tmp_path / "finops-gate.yml", "include: [more.yml]\nprojects:\n  - {name: a, path: a}\n"
    )
    with pytest.raises(ConfigError, match=r"more.yml: project name 'a' is already used in"):
        load_config(config)


def test_include_cycle(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "other.yml", "include: [finops-gate.yml]\n")
    config = write(tmp_path / "finops-gate.yml", "include: [other.yml]\n")
    code, _, err = run(["--config", str(config)], capsys)
    assert code == 2
    assert "finops-gate.yml: includes itself" in err


def test_config_including_itself(tmp_path: Path) -> None:
    config = write(tmp_path / "finops-gate.yml", "include: [finops-gate.yml]\n")
    with pytest.raises(ConfigError, match="includes itself"):
        load_config(config)


def test_included_paths_are_relative_to_their_file(tmp_path: Path) -> None:
    (tmp_path / "sub" / "stack").mkdir(parents=True)
    write(tmp_path / "sub" / "more.yml", "projects:\n  - {name: s, path: stack}\n")
    config = write(tmp_path / "finops-gate.yml", "include: [sub/more.yml]\n")
    [project] = load_config(config).projects
    assert project.path == tmp_path / "sub" / "stack"


def test_project_values_win_over_defaults(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    write(tmp_path / "p" / "a.tfvars", "")
    config = write(
        tmp_path / "finops-gate.yml",
        "defaults: {vars: {a: 1, b: x}, environment: dev, var_files: [a.tfvars]}\n"
        "projects:\n  - {name: p, path: p, vars: {a: [1, 2]}, environment: prod}\n",
    )
    [project] = load_config(config).projects
    assert project.variables == ("a=[1, 2]", "b=x")
    assert project.environment == "prod"
    assert project.var_files == (str(tmp_path / "p" / "a.tfvars"),)


def test_bad_budget_is_a_config_error(tmp_path: Path) -> None:
    config = write(
        tmp_path / "finops-gate.yml",
        "budgets:\n  - {id: b, kind: budget, total_monthly_cost: {warn: 5, fail: 1}}\n",
    )
    with pytest.raises(ConfigError, match="warn must not be above fail"):
        load_config(config)


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("projects:\n  - {name: a, path: ../outside}\n", "projects (a).path"),
        ("include: [../outside/more.yml]\n", "include"),
        ("projects:\n  - {name: a, path: ., policy: ../outside/p.yml}\n", "projects (a).policy"),
    ],
)
def test_nothing_outside_the_repository(tmp_path: Path, entry: str, field: str) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(tmp_path / "outside" / "more.yml", "projects: []\n")
    write(tmp_path / "outside" / "p.yml", "policies: []\n")
    config = write(repo / "finops-gate.yml", entry)
    with pytest.raises(ConfigError, match=re.escape(field) + r": '\.\./outside.*' leads outside"):
        load_config(config)
    load_config(config, allow_outside_repo=True)
