"""Discovery of root modules (`finops-gate DIR --recursive`)."""

from __future__ import annotations

from pathlib import Path

from finops_gate.projects.discover import discover_root_modules
from tests.projects.conftest import MONOREPO


def names(root: Path, exclude: tuple[str, ...] = ()) -> list[str]:
    return [p.relative_to(root).as_posix() for p in discover_root_modules(root, exclude)]


def test_modules_called_by_others_are_not_projects() -> None:
    assert names(MONOREPO) == ["envs/dev", "envs/prod", "legacy", "services/billing"]


def test_exclude_list() -> None:
    assert names(MONOREPO, ("legacy",)) == ["envs/dev", "envs/prod", "services/billing"]
    # modules/web stays a module: its callers are excluded, not gone.
    assert names(MONOREPO, ("envs/*",)) == ["legacy", "services/billing"]


def test_ignore_file_hidden_and_terraform_directories(monorepo: Path) -> None:
    (monorepo / ".finops-gateignore").write_text("# retired\nlegacy/\n")
    for hidden in (".terraform/modules/x", ".github/stack", "envs/dev/.terraform/y"):
        (monorepo / hidden).mkdir(parents=True)
        (monorepo / hidden / "main.tf").write_text('resource "aws_instance" "x" {}\n')
    assert names(monorepo) == ["envs/dev", "envs/prod", "services/billing"]


def test_an_uncalled_module_directory_is_a_root(monorepo: Path) -> None:
    # Nothing calls modules/web any more: it is a root module of its own.
    for env in ("dev", "prod"):
        (monorepo / "envs" / env / "main.tf").write_text('variable "x" {}\n')
    assert "modules/web" in names(monorepo)
