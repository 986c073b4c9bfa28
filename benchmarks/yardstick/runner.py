"""Run finops-gate on one laid-out case, in a process of its own so one failure stays local."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from benchmarks.yardstick.cases import Case

# Exit codes of finops-gate: 2 could not run (bad input), 3 internal error.
EXIT_USAGE = 2
TIMEOUT_SECONDS = 300


@dataclass(frozen=True, slots=True)
class OurResource:
    status: str  # priced, free, usage_based, unsupported, price_not_found
    monthly_cost: float | None


@dataclass(frozen=True, slots=True)
class CaseRun:
    """What finops-gate made of a case.

    `usage_accepted` is None when the case has no usage file. When the usage file is
    refused (exit 2), the case is run again without it so its resources are still priced.
    """

    exit_code: int
    resources: dict[str, OurResource]
    error: str | None  # first stderr line of a run that produced no report
    usage_accepted: bool | None
    usage_message: str | None  # why the usage file was refused, or a warning naming it


def _environment(repo: Path) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("FINOPS_GATE_", "GITHUB_", "GITLAB_", "CI_", "AWS_"))
        and name != "CI"
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
    return env


def _run(repo: Path, case: Case, usage: Path | None) -> tuple[int, str, str]:
    # Paths relative to the case's directory keep the temporary directory's name out of
    # the messages, so two runs print the same bytes.
    root = case.directory.parent
    command = [sys.executable, "-m", "finops_gate", "check", case.directory.name]
    command += ["--format", "json", "--fail-on", "never"]
    if usage is not None:
        command += ["--usage-file", str(usage.relative_to(root))]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=_environment(repo),
            cwd=root,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {TIMEOUT_SECONDS}s"
    return done.returncode, done.stdout, done.stderr


def parse_report(stdout: str) -> dict[str, OurResource]:
    """Address -> status and monthly cost, from finops-gate's JSON report."""
    report = json.loads(stdout)
    return {
        item["address"]: OurResource(item["status"], item.get("monthly_cost_after"))
        for item in report["resources"]
    }


def _first_line(text: str) -> str | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else None


def _usage_warning(stderr: str, usage: Path) -> str | None:
    mentions = [line.strip() for line in stderr.splitlines() if usage.name in line]
    return mentions[0] if mentions else None


def run_case(repo: Path, case: Case) -> CaseRun:
    code, stdout, stderr = _run(repo, case, case.usage_file)
    usage_accepted: bool | None = None
    usage_message: str | None = None
    if case.usage_file is not None:
        usage_accepted = code != EXIT_USAGE
        usage_message = (
            _usage_warning(stderr, case.usage_file)
            if usage_accepted
            else _first_line(stderr) or f"exit {code}"
        )
        if not usage_accepted:
            code, stdout, stderr = _run(repo, case, None)
    try:
        resources = parse_report(stdout) if code in (0, 1) else {}
    except (ValueError, KeyError, TypeError) as problem:
        return CaseRun(code, {}, f"unreadable report: {problem}", usage_accepted, usage_message)
    error = None if resources or code in (0, 1) else _first_line(stderr) or f"exit {code}"
    return CaseRun(code, resources, error, usage_accepted, usage_message)
