"""Infracost's own usage files load: what finops-gate cannot use is a warning, not exit 2."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from finops_gate.cost.usage import UsageFileError, load_usage_file

FIXTURES = Path(__file__).parent.parent / "fixtures" / "infracost_usage"
COPIED = sorted(FIXTURES.glob("*.usage.yml"))
# A clone of github.com/infracost/infracost (a work tree or a bare git directory), named by
# the environment: the repository does not carry Infracost's files.
CLONE = os.environ.get("FINOPS_GATE_INFRACOST_CLONE", "")
TESTDATA = "internal/providers/terraform/aws/testdata"


def test_the_copied_files_are_there() -> None:
    assert len(COPIED) >= 8


@pytest.mark.parametrize("path", COPIED, ids=lambda path: path.name)
def test_each_copied_infracost_usage_file_loads(path: Path) -> None:
    usage = load_usage_file(str(path))
    for warning in usage.warnings:
        assert warning.startswith(f"{path}: ") and warning.endswith(": ignored")
        assert "\n" not in warning


@pytest.mark.parametrize(
    ("case", "ignored"),
    [
        # a type's name where an address belongs: ignored, named
        ("cloudfront_function_test", ["resource_usage.aws_cloudfront_function: not a resource"]),
        # upstream's stray quote makes one entry no address; the others are used
        (
            "eks_node_group_test",
            ['resource_usage.aws_eks_node_group.example_defaultCpuCredits": not a resource'],
        ),
        ("lb_test", []),
        ("sqs_queue_test", []),
        ("route53_record_test", []),
        ("redshift_cluster_test", []),
        # 28 aws_data_transfer entries: resources of their own, nothing ignored
        ("data_transfer_test", []),
    ],
)
def test_what_is_ignored_is_named(case: str, ignored: list[str]) -> None:
    path = FIXTURES / f"{case}.usage.yml"
    usage = load_usage_file(str(path))
    found = [w.removeprefix(f"{path}: ") for w in usage.warnings]
    assert len(found) == len(ignored), found
    for warning, expected in zip(found, ignored, strict=True):
        assert warning.startswith(expected)


def test_strict_refuses_what_it_would_ignore() -> None:
    path = FIXTURES / "cloudfront_function_test.usage.yml"
    with pytest.raises(UsageFileError, match="aws_cloudfront_function: not a resource address"):
        load_usage_file(str(path), strict=True)


def _clone_usage_files(tmp_path: Path) -> list[Path]:
    if not CLONE:
        return []
    clone = Path(CLONE)
    if (clone / TESTDATA).is_dir():
        return sorted((clone / TESTDATA).glob("*/*.usage.yml"))
    if not (clone / "HEAD").is_file():
        return []
    archive = subprocess.run(
        ["git", "--git-dir", str(clone), "archive", "HEAD", TESTDATA],
        capture_output=True,
        check=False,
    )
    if archive.returncode != 0:
        return []
    subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=archive.stdout, check=True)
    return sorted((tmp_path / TESTDATA).glob("*/*.usage.yml"))


def test_every_usage_file_of_infracosts_aws_cases_loads(tmp_path: Path) -> None:
    files = _clone_usage_files(tmp_path)
    if not files:
        pytest.skip(f"no Infracost clone at FINOPS_GATE_INFRACOST_CLONE={CLONE!r}")
    assert len(files) >= 90
    for path in files:
        load_usage_file(str(path))  # warnings allowed, no error
