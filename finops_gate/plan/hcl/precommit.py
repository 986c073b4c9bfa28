"""The pre-commit hook: gate every directory holding a changed .tf file, in HCL mode.

    finops-gate-hook [--policy FILE|NAME] [--var-file FILE] [--var NAME=VALUE]
        [--fail-on error|warning|never] [--base REF] [--allow-outside-repo] FILE...

Files are grouped by directory. Each directory is priced as the change since `--base`
(HEAD by default, so budgets see what the commit adds; outside a git repository or before
the first commit, everything counts as new). A directory that an ancestor directory uses as a local
module (`source = "./..."`) is gated through that ancestor, the root module that gives
it its inputs and providers. Each gated directory prints a short verdict; the exit code
is 1 when any directory fails, 2 when one could not be read, 0 otherwise. Sources and
`extends:` outside the repository are neither followed nor read unless
`--allow-outside-repo` (finops_gate/confine.py).

Kept light on purpose (no click, no Markdown/SARIF renderers): pre-commit runs it on
every commit.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from finops_gate.plan.resource import Plan

_SOURCE = re.compile(r'^\s*source\s*=\s*"((?:\.\.?)?/[^"]*)"', re.M)


def _local_sources(directory: Path, boundary: Path | None) -> set[Path]:
    """The module directories `directory`'s .tf files call with a local source; with a
    `boundary` (a real path), only those inside it, read only from regular files inside
    it (a .tf file may be a FIFO or a link to a device: never waited on or followed)."""
    from finops_gate.confine import is_inside
    from finops_gate.plan.hcl.files import MAX_SOURCE_BYTES, read_regular_file

    found: set[Path] = set()
    for path in sorted(directory.glob("*.tf")):
        real = path.resolve()
        if boundary is not None and not is_inside(real, [boundary]):
            continue
        content = read_regular_file(real, MAX_SOURCE_BYTES)
        if isinstance(content, str):
            continue  # gating the directory names the problem
        text = content.decode("utf-8", errors="replace")
        for source in _SOURCE.findall(text):
            module = (directory / source).resolve()
            if boundary is None or is_inside(module, [boundary]):
                found.add(module)
    return found


# The files that make a directory worth gating again (.pre-commit-hooks.yaml's `files`).
HOOK_SUFFIXES = (".tf", ".tf.json", ".tfvars", ".tfvars.json")


def root_directories(
    files: Sequence[str], top: Path, allow_outside_repo: bool = False
) -> list[Path]:
    """Directories to gate for the changed files: a directory that other directories use
    as a local module is replaced by its callers, up to the root modules."""
    top = top.resolve()
    wanted: set[Path] = set()
    for file in files:
        if not file.endswith(HOOK_SUFFIXES):
            continue
        directory = Path(file).resolve().parent
        if directory.is_dir():
            wanted.add(directory)
    callers = _callers(top, allow_outside_repo) if wanted else {}
    roots: set[Path] = set()
    pending = sorted(wanted)
    seen: set[Path] = set()
    while pending:
        directory = pending.pop()
        if directory in seen:
            continue
        seen.add(directory)
        users = callers.get(directory, set()) - {directory}
        if users:
            pending.extend(sorted(users))
        else:
            roots.add(directory)
    return sorted(roots)


_SKIPPED_DIRS = {".git", ".terraform", "node_modules", ".venv", "venv", "__pycache__"}


def _callers(top: Path, allow_outside_repo: bool) -> dict[Path, set[Path]]:
    """Module directory -> directories under `top` that call it with a local source."""
    from finops_gate.confine import real
    from finops_gate.plan.hcl.files import repository_top

    boundary = None if allow_outside_repo else real(repository_top(top))
    callers: dict[Path, set[Path]] = {}
    for current, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        if not any(name.endswith(".tf") for name in names):
            continue
        directory = Path(current)
        for module in _local_sources(directory, boundary):
            callers.setdefault(module, set()).add(directory)
    return callers


def _shown(directory: Path, top: Path) -> str:
    relative = os.path.relpath(directory, top)
    return relative.replace(os.sep, "/")


def gate_directory(directory: Path, shown: str, args: argparse.Namespace) -> tuple[str, bool]:
    from finops_gate.cost.engine import estimate_plan
    from finops_gate.cost.prices import load_price_table
    from finops_gate.plan.hcl import load_directory
    from finops_gate.policy.engine import EvalOptions, evaluate_policies
    from finops_gate.policy.findings import Verdict, verdict_of
    from finops_gate.policy.loader import DEFAULT_POLICY, load_policy
    from finops_gate.report import headline
    from finops_gate.report.escape import terminal_text

    policy_file, _ = load_policy(args.policy, args.allow_outside_repo)
    plan = load_directory(
        directory,
        args.var_files,
        args.variables,
        shown=shown,
        allow_outside_repo=args.allow_outside_repo,
    )
    if args.base:
        plan = _with_base(plan, directory, args)
    estimate = estimate_plan(plan, load_price_table())
    result = evaluate_policies(policy_file, plan, estimate, EvalOptions())
    findings = list(result.findings)
    verdict = verdict_of(findings)
    totals = estimate.totals
    cost = headline.total_text(totals.monthly_cost_after, totals.after_lower_bound)
    if args.base:
        before = headline.total_text(totals.monthly_cost_before, totals.before_lower_bound)
        cost = f"{before} -> {cost} ({headline.change_text(totals)} since {args.base})"
    changed = sum(1 for r in plan.resources if r.action.changes)
    lines = [
        f"finops-gate {shown}: {verdict.value.upper()} "
        f"(policy {args.policy or DEFAULT_POLICY}), monthly cost {cost}, "
        f"{len(plan.resources)} resource(s), {changed} changed"
    ]
    missing = headline.not_priced_text(totals)
    if missing:
        lines.append(f"  lower bound: {missing}")
    for finding in findings:
        where = f"{finding.address}: " if finding.address else ""
        source = _source_of(plan, finding.address)
        lines.append(
            f"  [{finding.severity}] {finding.policy_id}: {terminal_text(where + finding.message)}"
            + (f" ({source})" if source else "")
        )
    for note in plan.notes:
        lines.append(f"  note: {terminal_text(note)}")
    failed = (
        verdict == Verdict.FAIL
        if args.fail_on == "error"
        else (verdict != Verdict.PASS if args.fail_on == "warning" else False)
    )
    return "\n".join(lines) + "\n", failed


def _with_base(plan: Plan, directory: Path, args: argparse.Namespace) -> Plan:
    """The change since `--base` (HEAD by default): what this commit changes."""
    from dataclasses import replace

    from finops_gate.errors import PlanError
    from finops_gate.plan.hcl.base import diff_plans, load_base

    try:
        before = load_base(
            str(directory),
            args.base,
            args.var_files,
            args.variables,
            allow_outside_repo=args.allow_outside_repo,
        )
    except PlanError as error:  # not a git repository, or no commit yet
        note = f"Priced without a base ({error}): every resource counts as new."
        return replace(plan, notes=(*plan.notes, note))
    return diff_plans(before, plan)


def _source_of(plan: object, address: str | None) -> str | None:
    for resource in getattr(plan, "resources", ()):
        if resource.address == address and resource.source_file:
            return f"{resource.source_file}:{resource.source_line}"
    return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="finops-gate-hook", description="Gate changed Terraform directories (HCL mode)."
    )
    parser.add_argument("--policy", default=None, metavar="FILE|NAME")
    parser.add_argument("--var-file", dest="var_files", action="append", default=[])
    parser.add_argument("--var", dest="variables", action="append", default=[])
    parser.add_argument("--fail-on", choices=("error", "warning", "never"), default="error")
    parser.add_argument(
        "--base",
        default="HEAD",
        metavar="REF",
        help="git revision priced as before (default HEAD: what the commit changes); "
        "--base '' prices the directory as all new",
    )
    parser.add_argument(
        "--allow-outside-repo",
        action="store_true",
        help="read `extends:` policy files and local modules outside the repository too "
        "(also FINOPS_GATE_ALLOW_OUTSIDE_REPO=1); default: refused",
    )
    parser.add_argument("files", nargs="*")
    args = parser.parse_args(argv)

    try:
        return _gate_all(args)
    except KeyboardInterrupt:
        sys.stderr.write("finops-gate: interrupted\n")
        return 2


def _gate_all(args: argparse.Namespace) -> int:
    """Exit codes as the CLI's: 1 a directory failed, 2 one could not be read, 3 an
    internal error; every message one escaped line (file names come from the commit)."""
    from finops_gate.confine import outside_allowed
    from finops_gate.errors import FinopsGateError, one_line

    try:
        args.allow_outside_repo = outside_allowed(args.allow_outside_repo)
    except FinopsGateError as error:
        sys.stderr.write(f"finops-gate: error: {one_line(str(error))}\n")
        return 2
    top = Path.cwd()
    status = 0
    for directory in root_directories(args.files, top, args.allow_outside_repo):
        shown = one_line(_shown(directory, top))
        try:
            text, failed = gate_directory(directory, shown, args)
        except FinopsGateError as error:
            sys.stderr.write(f"finops-gate: error: {one_line(str(error))}\n")
            status = max(status, 2)
            continue
        except Exception as error:  # a bug: say so, and never exit 1 ("gate failed")
            if os.environ.get("FINOPS_GATE_DEBUG"):
                raise
            sys.stderr.write(
                f"finops-gate: internal error: {type(error).__name__}: {one_line(str(error))} "
                "(set FINOPS_GATE_DEBUG=1 for a traceback, and please report it)\n"
            )
            status = 3
            continue
        sys.stdout.write(text)
        if failed:
            status = max(status, 1)
    return status


if __name__ == "__main__":
    sys.exit(main())
