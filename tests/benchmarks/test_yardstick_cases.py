"""Laying out Infracost cases from a clone or a bare git dir, and running one through finops-gate."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.yardstick.cases import TESTDATA, SourceError, lay_out_cases
from benchmarks.yardstick.runner import run_case
from tests.conftest import ROOT

GOLDEN = (Path(__file__).parent / "data" / "nat_gateway_test.golden").read_text(encoding="utf-8")
NAT_TF = """
provider "aws" {
  region = "us-east-1"
}
resource "aws_nat_gateway" "nat" {
  subnet_id     = "subnet-1"
  allocation_id = "eipalloc-1"
}
"""


def _clone(root: Path, usage: str | None = None) -> Path:
    case = root / TESTDATA / "nat_gateway_test"
    case.mkdir(parents=True)
    (case / "nat_gateway_test.tf").write_text(NAT_TF, encoding="utf-8")
    (case / "nat_gateway_test.golden").write_text(GOLDEN, encoding="utf-8")
    if usage is not None:
        (case / "nat_gateway_test.usage.yml").write_text(usage, encoding="utf-8")
    lonely = root / TESTDATA / "no_golden_test"  # skipped: a case needs .tf and .golden
    lonely.mkdir()
    (lonely / "no_golden_test.tf").write_text(NAT_TF, encoding="utf-8")
    return root


def test_a_clone_is_laid_out_one_directory_per_case(tmp_path: Path) -> None:
    clone = _clone(tmp_path / "infracost", usage="version: 0.1\n")
    source, cases = lay_out_cases(clone, tmp_path / "work")
    assert source.commit is None  # not a git checkout
    (case,) = cases
    assert case.name == "nat_gateway_test"
    assert sorted(p.name for p in case.directory.iterdir()) == ["nat_gateway_test.tf"]
    assert case.usage_file is not None and case.usage_file.parent == case.directory.parent
    assert case.golden_text == GOLDEN


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_bare_git_dir_is_read_at_its_commit(tmp_path: Path) -> None:
    clone = _clone(tmp_path / "infracost")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-C", str(clone)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "cases"], check=True)
    bare = tmp_path / "infracost.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(clone), str(bare)], check=True)
    commit = subprocess.run(
        ["git", "--git-dir", str(bare), "rev-parse", "HEAD"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    source, cases = lay_out_cases(bare, tmp_path / "work")
    assert source.commit == commit
    assert [case.name for case in cases] == ["nat_gateway_test"]
    assert cases[0].usage_file is None


def test_a_path_without_cases_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="neither a clone"):
        lay_out_cases(tmp_path, tmp_path / "work")


@pytest.mark.slow
def test_a_usage_file_is_used_when_valid_and_reported_when_refused(tmp_path: Path) -> None:
    valid = "version: 0.1\nresource_usage:\n  aws_nat_gateway.nat:\n    monthly_data_processed_gb: 100\n"
    _, (case,) = lay_out_cases(_clone(tmp_path / "a", usage=valid), tmp_path / "wa")
    run = run_case(ROOT, case)
    assert (run.exit_code, run.error, run.usage_accepted) == (0, None, True)
    # $0.045 an hour x 730 + $0.045 a GB x 100 (us-east-1 NAT gateway, as the golden shows)
    assert run.resources["aws_nat_gateway.nat"].monthly_cost == pytest.approx(32.85 + 4.50)

    _, (case,) = lay_out_cases(_clone(tmp_path / "b", usage="version: 9\n"), tmp_path / "wb")
    run = run_case(ROOT, case)
    assert run.usage_accepted is False
    assert run.usage_message is not None and "nat_gateway_test.usage.yml" in run.usage_message
    assert str(tmp_path) not in run.usage_message  # relative paths: same bytes every run
    # The case still runs, without the usage file.
    assert run.resources["aws_nat_gateway.nat"].monthly_cost == pytest.approx(32.85)


@pytest.mark.slow
def test_in_process_runs_give_what_a_process_of_its_own_gives(tmp_path: Path) -> None:
    clone = _clone(tmp_path / "infracost", usage="version: 9\n")
    _, (case,) = lay_out_cases(clone, tmp_path / "work")
    in_process = run_case(ROOT, case, in_process=True)
    assert in_process == run_case(ROOT, case)
    assert in_process.usage_accepted is False
    assert in_process.usage_message is not None
    assert str(tmp_path) not in in_process.usage_message
