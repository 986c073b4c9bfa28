"""`finops-gate DIR --base REF`: the directory at a git ref is "before", the tree "after".

Prices are AWS's published us-east-1 on-demand prices: m5.large $0.096/hour, m5.xlarge
$0.192/hour, gp3 $0.08/GB-month, gp2 $0.10/GB-month.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from finops_gate.cli import main

PROVIDER = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Environment = "dev", Team = "web" }
  }
}
"""

BEFORE = (
    PROVIDER
    + """
resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "m5.large"
  root_block_device {
    volume_type = "gp3"
    volume_size = 20
  }
}

resource "aws_ebs_volume" "old" {
  availability_zone = "us-east-1a"
  type              = "gp3"
  size              = 100
}

resource "aws_ebs_volume" "same" {
  availability_zone = "us-east-1a"
  type              = "gp2"
  size              = 10
}
"""
)

AFTER = (
    PROVIDER
    + """
resource "aws_instance" "app" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "m5.xlarge"
  root_block_device {
    volume_type = "gp3"
    volume_size = 20
  }
}

resource "aws_ebs_volume" "new" {
  availability_zone = "us-east-1a"
  type              = "gp3"
  size              = 50
}

resource "aws_ebs_volume" "same" {
  availability_zone = "us-east-1a"
  type              = "gp2"
  size              = 10
}
"""
)


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "config", "user.email", "test@example.com")
    _git(tmp_path, "config", "user.name", "test")
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text(BEFORE)
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-qm", "before")
    (tmp_path / "infra" / "main.tf").write_text(AFTER)
    return tmp_path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_base_prices_the_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run([str(repo / "infra"), "--base", "HEAD", "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    actions = {r["address"]: r["action"] for r in report["resources"]}
    assert actions == {
        "aws_instance.app": "update",
        "aws_ebs_volume.new": "create",
        "aws_ebs_volume.old": "delete",
        "aws_ebs_volume.same": "no-op",
    }
    before = 730 * 0.096 + 20 * 0.08 + 100 * 0.08 + 10 * 0.10
    after = 730 * 0.192 + 20 * 0.08 + 50 * 0.08 + 10 * 0.10
    assert report["totals"]["monthly_cost_before"] == pytest.approx(before)
    assert report["totals"]["monthly_cost_after"] == pytest.approx(after)


def test_base_without_the_directory_is_all_creates(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (repo / "new").mkdir()
    (repo / "new" / "main.tf").write_text(AFTER)
    code, out, err = run([str(repo / "new"), "--base", "HEAD", "--format", "json"], capsys)
    assert code == 0, err
    report = json.loads(out)
    assert {r["action"] for r in report["resources"]} == {"create"}
    assert any("did not exist at the base revision" in n for n in report["plan"]["notes"])


def test_bad_ref_could_not_run(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run([str(repo / "infra"), "--base", "no-such-ref"], capsys)
    assert code == 2
    assert err.startswith("finops-gate: error: git rev-parse")


def test_bad_ref_and_no_repository_are_told_apart(
    repo: Path, tmp_path_factory: pytest.TempPathFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, err = run([str(repo / "infra"), "--base", "no-such-ref"], capsys)
    assert "--base 'no-such-ref': no such branch, tag or commit in the repository at " in err
    elsewhere = tmp_path_factory.mktemp("no-repo")
    (elsewhere / "main.tf").write_text(AFTER)
    code, _, err = run([str(elsewhere), "--base", "HEAD"], capsys)
    assert code == 2
    assert err.startswith("finops-gate: error: git rev-parse --show-toplevel: fatal: ")


def test_base_reads_installed_modules_from_the_working_tree(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """.terraform/ is not in git: the base revision uses the working tree's modules."""
    call = '\nmodule "vm" {\n  source = "example/vm/aws"\n  size   = "m5.large"\n}\n'
    (repo / "infra" / "main.tf").write_text(BEFORE + call)
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "module")
    installed = repo / "infra" / ".terraform" / "modules"
    (installed / "vm").mkdir(parents=True)
    (installed / "vm" / "main.tf").write_text(
        'variable "size" {}\nresource "aws_instance" "this" {\n  instance_type = var.size\n}\n'
    )
    (installed / "modules.json").write_text(
        json.dumps({"Modules": [{"Key": "vm", "Dir": ".terraform/modules/vm"}]})
    )
    code, out, err = run([str(repo / "infra"), "--base", "HEAD", "--format", "json"], capsys)
    assert code == 0, err
    actions = {r["address"]: r["action"] for r in json.loads(out)["resources"]}
    assert actions["module.vm.aws_instance.this"] == "no-op"
