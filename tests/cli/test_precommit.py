"""The pre-commit hook, run by the real `pre-commit` tool (`pre-commit try-repo`).

try-repo clones this repository (its HEAD, plus uncommitted changes to tracked files),
installs it in a fresh virtualenv and runs the `finops-gate` hook from
.pre-commit-hooks.yaml on a sample git repository. The hook's directory grouping and
output are also tested in-process, which is fast and needs no pre-commit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from finops_gate.cli.hook import main as hook_main
from finops_gate.plan.hcl.precommit import HOOK_SUFFIXES, root_directories
from tests.conftest import ROOT

PASSING = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Environment = "dev", Team = "web" }
  }
}

resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "t3.micro"
}
"""

# No Team / Environment tags, and a bare-metal size: the default policy fails it.
FAILING = """
provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "big" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "m5.metal"
}
"""

MODULE_CALLER = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Environment = "dev", Team = "web" }
  }
}

module "vm" {
  source = "./modules/vm"
  size   = "t3.small"
}
"""

MODULE = """
variable "size" {
  type = string
}

resource "aws_instance" "this" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = var.size
}
"""


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "finops-gate"
    assert hook["language"] == "python"
    # the hook runs for exactly the files that make root_directories gate a directory
    pattern = re.compile(hook["files"])
    for name in ("main.tf", "cdk.tf.json", "prod.tfvars", "prod.tfvars.json"):
        assert pattern.search(name) and name.endswith(HOOK_SUFFIXES), name
    for name in ("README.md", "terraform.tfstate", "plan.json", "main.tf.bak"):
        assert not pattern.search(name) and not name.endswith(HOOK_SUFFIXES), name
    assert hook["pass_filenames"] is True


def _write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def test_module_directories_are_gated_through_their_caller(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "app/main.tf": MODULE_CALLER,
            "app/modules/vm/main.tf": MODULE,
            "other/main.tf": PASSING,
            "README.md": "x",
        },
    )
    files = [
        str(tmp_path / "app/modules/vm/main.tf"),
        str(tmp_path / "other/main.tf"),
        str(tmp_path / "README.md"),
    ]
    assert root_directories(files, tmp_path) == [tmp_path / "app", tmp_path / "other"]


def test_a_tfvars_change_gates_its_directory(tmp_path: Path) -> None:
    _write(tmp_path, {"app/main.tf": PASSING, "app/prod.tfvars": 'x = "y"\n'})
    assert root_directories([str(tmp_path / "app/prod.tfvars")], tmp_path) == [tmp_path / "app"]


def test_sibling_module_directories_are_gated_through_every_caller(tmp_path: Path) -> None:
    caller = MODULE_CALLER.replace("./modules/vm", "../../modules/vm")
    _write(
        tmp_path,
        {
            "envs/dev/main.tf": caller,
            "envs/prod/main.tf": caller,
            "modules/vm/main.tf": MODULE,
            ".terraform/x/main.tf": caller,
        },
    )
    files = [str(tmp_path / "modules/vm/main.tf")]
    assert root_directories(files, tmp_path) == [tmp_path / "envs/dev", tmp_path / "envs/prod"]


def test_hook_in_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(
        tmp_path,
        {
            "ok/main.tf": PASSING,
            "bad/main.tf": FAILING,
            "app/main.tf": MODULE_CALLER,
            "app/modules/vm/main.tf": MODULE,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert hook_main(["ok/main.tf", "app/modules/vm/main.tf"]) == 0
    out = capsys.readouterr().out
    assert "finops-gate ok: PASS" in out
    assert "finops-gate app: PASS" in out  # the module, gated through its caller
    assert hook_main(["ok/main.tf", "bad/main.tf"]) == 1
    out = capsys.readouterr().out
    assert "finops-gate bad: FAIL" in out
    assert 'aws_instance.big: missing required tags "Environment", "Team" (main.tf:6)' in out
    assert hook_main(["--fail-on", "never", "bad/main.tf"]) == 0


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this repository's git checkout")
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(repo: Path, home: Path, files: list[str]) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never")
    return subprocess.run(
        ["pre-commit", "try-repo", str(ROOT), "finops-gate", "--verbose", "--files", *files],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("sample")
    _git(repo, "init", "-q")
    _git(repo, "config", "user.email", "test@example.com")
    _git(repo, "config", "user.name", "test")
    _write(repo, {"README.md": "sample\n"})
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "start")
    # The commit being made: new directories, staged (pre-commit runs before the commit).
    _write(repo, {"ok/main.tf": PASSING, "bad/main.tf": FAILING})
    _git(repo, "add", ".")
    return repo


@pytest.mark.slow
def test_pre_commit_try_repo_passing_commit(sample_repo: Path, pre_commit_home: Path) -> None:
    result = _try_repo(sample_repo, pre_commit_home, ["ok/main.tf"])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout
    assert "finops-gate ok: PASS" in result.stdout


@pytest.mark.slow
def test_pre_commit_try_repo_failing_commit(sample_repo: Path, pre_commit_home: Path) -> None:
    result = _try_repo(sample_repo, pre_commit_home, ["ok/main.tf", "bad/main.tf"])
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout
    assert "finops-gate bad: FAIL" in result.stdout
    assert "missing required tags" in result.stdout


def test_hook_prices_the_change_since_head(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """By default the hook shows what the commit changes: HEAD is "before"."""
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "test@example.com")
    _git(tmp_path, "config", "user.name", "test")
    _write(tmp_path, {"ok/main.tf": PASSING})
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "t3.micro")
    _write(tmp_path, {"ok/main.tf": PASSING.replace("t3.micro", "t3.small")})
    monkeypatch.chdir(tmp_path)
    assert hook_main(["ok/main.tf"]) == 0
    out = capsys.readouterr().out
    # us-east-1 on-demand: t3.micro $0.0104/hour, t3.small $0.0208/hour, 730 hours;
    # the 8 GB gp2 root volume assumed for both is unchanged.
    assert "1 resource(s), 1 changed" in out
    assert f"(+${730 * (0.0208 - 0.0104):.2f} since HEAD)" in out
    assert hook_main(["--base", "", "ok/main.tf"]) == 0
    assert "since" not in capsys.readouterr().out
