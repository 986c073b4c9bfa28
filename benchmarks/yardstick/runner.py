"""Run finops-gate on one laid-out case.

A run is either a process of its own, exactly as a user runs the CLI, or
(`in_process=True`) a call of the CLI's `main` with its output captured: that skips the
interpreter's start-up and the imports, many times faster over a hundred cases, and an
exception escaping one case is recorded as exit 3 for that case alone. Both give the
same report and messages (a test checks that on a case).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
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


# Infracost's AWS test cases price on this date (internal/providers/terraform/aws/
# aws_test.go pins `aws.Today`): what depends on the date (EKS and RDS extended support)
# is compared on the same day.
INFRACOST_TEST_DATE = "2025-06-01"


def hermetic_environment(repo: Path) -> dict[str, str]:
    """This environment without what would change the gate's behaviour (a price table,
    a region, GitHub Actions), with `repo` first on the import path, and the clock pinned to
    the date Infracost's goldens were priced on."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("FINOPS_GATE_", "GITHUB_", "GITLAB_", "CI_", "AWS_"))
        and name != "CI"
    }
    env["FINOPS_GATE_TODAY"] = INFRACOST_TEST_DATE
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(repo), env.get("PYTHONPATH")]))
    return env


def _arguments(case: Case, usage: Path | None, relative_to: Path | None) -> list[str]:
    def name(path: Path) -> str:
        return str(path.relative_to(relative_to) if relative_to else path)

    arguments = ["check", name(case.directory), "--format", "json", "--fail-on", "never"]
    if usage is not None:
        arguments += ["--usage-file", name(usage)]
    return arguments


def _run_in_process(case: Case, usage: Path | None) -> tuple[int, str, str]:
    from finops_gate.cli.app import main

    root = case.directory.parent
    arguments = _arguments(case, usage, None)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            main(arguments)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 0 if exit_.code is None else 3
        except Exception as error:  # one case's crash must not end the whole run
            code = 3
            err.write(f"{type(error).__name__}: {error}\n")
    prefix = f"{root}{os.sep}"  # the same messages as a run from the case's directory
    return code, out.getvalue(), err.getvalue().replace(prefix, "")


def _run(repo: Path, case: Case, usage: Path | None, in_process: bool) -> tuple[int, str, str]:
    if in_process:
        return _run_in_process(case, usage)
    # Paths relative to the case's directory keep the temporary directory's name out of
    # the messages, so two runs print the same bytes.
    root = case.directory.parent
    command = [sys.executable, "-m", "finops_gate", *_arguments(case, usage, root)]
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            env=hermetic_environment(repo),
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


def run_case(repo: Path, case: Case, in_process: bool = False) -> CaseRun:
    code, stdout, stderr = _run(repo, case, case.usage_file, in_process)
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
            code, stdout, stderr = _run(repo, case, None, in_process)
    try:
        resources = parse_report(stdout) if code in (0, 1) else {}
    except (ValueError, KeyError, TypeError) as problem:
        return CaseRun(code, {}, f"unreadable report: {problem}", usage_accepted, usage_message)
    error = None if resources or code in (0, 1) else _first_line(stderr) or f"exit {code}"
    return CaseRun(code, resources, error, usage_accepted, usage_message)
