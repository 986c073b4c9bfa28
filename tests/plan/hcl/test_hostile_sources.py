"""Configuration files are untrusted input (a pull request may hold any of them), and plan
mode reads the .tf files beside a plan too: a file linked out of the repository, a FIFO,
or a syntax error must give one line naming the file, never the content."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import FIXTURES

# Each test runs the CLI in a process of its own.
pytestmark = pytest.mark.slow

SECRET = "finops-test-secret-4711"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "finops_gate", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "FINOPS_TEST_TOKEN": SECRET},
    )


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    outside = tmp_path / "outside.txt"
    outside.write_text(f'TOKEN="{SECRET}"\n')
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    return repo


def test_a_tf_file_linked_out_of_the_repository_is_not_read(repository: Path) -> None:
    (repository / "main.tf").symlink_to(repository.parent / "outside.txt")
    result = run(".", cwd=repository)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "finops-gate: error: main.tf: a link to a file outside the repository; not read"
    )
    assert SECRET not in result.stdout + result.stderr


def test_the_environment_behind_a_link_never_reaches_a_plan_report(repository: Path) -> None:
    """Plan mode evaluates the .tf files beside the plan for its regions and links: a
    hostile one only costs that step."""
    shutil.copy(FIXTURES / "regions_from_locals" / "plan.json", repository / "plan.json")
    (repository / "evil.tf").symlink_to("/proc/self/environ")
    result = run("plan.json", "--format", "json", cwd=repository)
    assert result.returncode in (0, 1), result.stderr
    assert SECRET not in result.stdout + result.stderr
    assert "evil.tf: a link to a file outside the repository; not read" in result.stdout


def test_an_automatic_tfvars_file_linked_out_is_not_read(repository: Path) -> None:
    (repository / "main.tf").write_text('variable "x" {}\n')
    (repository / "terraform.tfvars").symlink_to(repository.parent / "outside.txt")
    result = run(".", cwd=repository)
    assert result.returncode == 2
    assert "terraform.tfvars: a link to a file outside the repository" in result.stderr
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_in_the_directory_is_never_opened(repository: Path) -> None:
    (repository / "main.tf").write_text('variable "x" {}\n')
    os.mkfifo(repository / "terraform.tfvars")
    result = run(".", cwd=repository)  # would block until the timeout if it were opened
    assert result.returncode == 0, result.stderr  # not a file: passed over, as a directory


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_as_a_var_file_is_refused(repository: Path) -> None:
    (repository / "main.tf").write_text('variable "x" {}\n')
    os.mkfifo(repository / "pipe.tfvars")
    result = run(".", "--var-file", "pipe.tfvars", cwd=repository)
    assert result.returncode == 2
    assert result.stderr.strip() == "finops-gate: error: pipe.tfvars: not a regular file; not read"


def test_a_syntax_error_names_the_place_not_the_text(repository: Path) -> None:
    (repository / "main.tf").write_text(f'resource "aws_instance" "x" {{\n  ami = {SECRET} x\n}}\n')
    result = run(".", cwd=repository)
    assert result.returncode == 2
    assert result.stderr.startswith("finops-gate: error: main.tf: not valid HCL at line ")
    assert "finops-test-secret" not in result.stderr
