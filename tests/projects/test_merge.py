"""`finops-gate merge`: JSON reports written by separate processes, one verdict."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.projects.conftest import MONOREPO, run

BUDGET_POLICY = """\
version: 1
policies:
  - id: repository-monthly
    kind: budget
    total_monthly_cost: {fail: 300}
"""


def gate_in_own_process(target: Path, report: Path, *extra: str) -> None:
    """One CI job: a separate process writing one project's JSON report."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "finops_gate",
            str(target),
            "--format",
            "json",
            "-o",
            str(report),
            *extra,
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr


@pytest.fixture(scope="module")
def job_reports(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("jobs")
    prod = MONOREPO / "envs" / "prod"
    jobs = [
        (MONOREPO / "envs" / "dev", out / "dev.json", ("--environment", "dev")),
        (
            prod,
            out / "prod.json",
            (
                "--var-file",
                str(prod / "prod.tfvars"),
                "--var",
                "instance_count=3",
                "--environment",
                "prod",
            ),
        ),
        (MONOREPO / "services" / "billing" / "plan.json", out / "billing.json", ()),
    ]
    for target, report, extra in jobs:
        gate_in_own_process(target, report, *extra)
    return [report for _, report, _ in jobs]


def test_merge_equals_the_config_run(
    job_reports: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["merge", *map(str, job_reports), "--format", "json"], capsys)
    merged = json.loads(out)
    assert code == 0
    assert [p["name"] for p in merged["projects"]] == ["billing", "dev", "prod"]
    _, out, _ = run(["--config", str(MONOREPO / "finops-gate.yml"), "--format", "json"], capsys)
    whole = json.loads(out)
    assert merged["totals"] == whole["totals"]
    for mine, theirs in zip(merged["projects"], whole["projects"], strict=True):
        assert mine["totals"] == theirs["totals"]
        assert mine["resources"] == theirs["resources"]


def test_merge_judges_budgets_on_merged_totals(
    job_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "budgets.yml"
    policy.write_text(BUDGET_POLICY)
    code, out, _ = run(["merge", *map(str, job_reports), "--policy", str(policy)], capsys)
    assert code == 1
    assert out.startswith("finops-gate verdict: FAIL (3 projects)")
    assert "[error] repository-monthly: monthly cost $354.93 is above the fail threshold" in out
    # Each report alone is under the budget.
    for report in job_reports:
        code, _, _ = run(["merge", str(report), "--policy", str(policy)], capsys)
        assert code == 0


def test_merge_of_a_merged_report(
    job_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "first.json"
    run(["merge", *map(str, job_reports[:2]), "--format", "json", "-o", str(first)], capsys)
    _, again, _ = run(["merge", str(first), str(job_reports[2]), "--format", "json"], capsys)
    _, direct, _ = run(["merge", *map(str, job_reports), "--format", "json"], capsys)
    assert json.loads(again)["totals"] == json.loads(direct)["totals"]


def test_schema_version_mismatch(
    job_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(job_reports[0].read_text())
    data["schema_version"] = 2
    other = tmp_path / "other.json"
    other.write_text(json.dumps(data))
    code, out, err = run(["merge", str(job_reports[1]), str(other)], capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"finops-gate: error: {other}: report schema version 2;")


def test_two_reports_of_one_project(
    job_reports: list[Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "dev.json"
    copy.write_bytes(job_reports[0].read_bytes())
    code, _, err = run(["merge", str(job_reports[0]), str(copy)], capsys)
    assert code == 2
    assert f"{copy}: project 'dev' is already in" in err


def test_not_a_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "x.json"
    bad.write_text("[1, 2]")
    code, _, err = run(["merge", str(bad)], capsys)
    assert code == 2
    assert f"{bad}: not a finops-gate JSON report" in err
