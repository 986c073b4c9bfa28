"""Many projects, one verdict: `check --config FILE`, `check DIR --recursive` and `merge`."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from finops_gate.cli.common import in_github_actions, write_text
from finops_gate.cli.publishing import CommentTarget, append_to, post_sticky_comment
from finops_gate.confine import real
from finops_gate.errors import ExitCode, FinopsGateError, one_line
from finops_gate.options import FailOn, GateOptions, OutputFormat
from finops_gate.policy.findings import Finding, Verdict
from finops_gate.projects.model import ProjectOutcome, RunReport
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.policy.model import BudgetPolicy
    from finops_gate.projects.runner import ProjectTask


class MergeError(FinopsGateError):
    """A report given to `merge` cannot be read or is of another schema version."""


@record
class Publishing:
    """How the run's one verdict is published (the options `check` and `merge` share)."""

    comment: str | None = None
    comment_behavior: str = "update"
    project: str | None = None  # names the sticky comment
    token: str | None = None
    repository: str | None = None
    pull_request: int | None = None
    ignore_comment_errors: bool = False
    network_deadline: float | None = None


def _relative(path: Path, root: Path) -> str:
    return Path(os.path.relpath(path, root)).as_posix()


def _project_tasks(
    base: GateOptions,
    config: str | None,
    recursive: bool,
    output_format: OutputFormat,
) -> tuple[list[ProjectTask], tuple[BudgetPolicy, ...], str]:
    """The run's tasks, its cross-project budgets and where they come from."""
    from finops_gate.plan.hcl.files import repository_top
    from finops_gate.projects.budgets import tag_keys
    from finops_gate.projects.config import ConfigError, Project, load_config
    from finops_gate.projects.discover import discover_root_modules
    from finops_gate.projects.runner import ProjectTask, artifact_path

    run_config = load_config(config, base.allow_outside_repo) if config else None
    projects: list[Project]
    if recursive:
        root = Path(base.plan)
        if not root.is_dir():
            what = "no such directory" if not root.exists() else "not a directory"
            raise ConfigError(f"{base.plan}: {what} (--recursive looks for root modules in DIR)")
        exclude = run_config.exclude if run_config else ()
        found = discover_root_modules(root, exclude)
        projects = [
            Project(name=_relative(d, root) if d != root else root.resolve().name, path=d)
            for d in found
        ]
        if not projects:
            raise click.UsageError(f"{base.plan}: no root modules (directories with .tf files)")
    else:
        assert run_config is not None
        root = run_config.root
        projects = list(run_config.projects)
        if not projects:
            raise click.UsageError(f"{config}: lists no projects")
    budgets = run_config.budgets if run_config else ()
    keys = tag_keys(budgets)
    # Code scanning places SARIF results by their path from the repository's top, which
    # may be above the config file or DIR.
    top = repository_top(real(root.absolute()))
    from_top = _relative(real(root.absolute()), top)
    tasks: list[ProjectTask] = []
    for project in sorted(projects, key=lambda p: p.name):
        path = _relative(project.path, root)
        options = replace(
            base,
            plan=str(project.path),
            policy=project.policy or base.policy,
            var_files=(*project.var_files, *base.var_files),
            variables=(*project.variables, *base.variables),
            usage_file=project.usage_file or base.usage_file,
            environment=base.environment or project.environment,
        )
        tasks.append(
            ProjectTask(
                name=project.name,
                path=path,
                environment=project.environment,
                options=options,
                tag_keys=keys,
                sarif=output_format == OutputFormat.SARIF,
                junit=output_format == OutputFormat.JUNIT,
                artifact=_joined(from_top, artifact_path(path, root)),
            )
        )
    return tasks, budgets, config or ""


def _joined(prefix: str, path: str) -> str:
    return path if prefix == "." else f"{prefix}/{path}"


def run_many(
    base: GateOptions,
    *,
    config: str | None,
    recursive: bool,
    keep_going: bool,
    jobs: int | None,
    output: str | None,
    publishing: Publishing,
) -> None:
    """Gate every project of the config file (or found under DIR) and exit with the
    run's code."""
    from finops_gate.projects.budgets import check_run_budgets, require_judgeable
    from finops_gate.projects.runner import ProjectError, run_tasks

    tasks, budgets, source = _project_tasks(base, config, recursive, base.output_format)
    require_judgeable(budgets, source)
    outcomes = run_tasks(tasks, jobs, progress_reporter())
    for outcome in outcomes:
        for line in outcome.warnings:
            click.echo(one_line(f"finops-gate: warning: {outcome.name}: {line}"), err=True)
    failed = [o for o in outcomes if not o.evaluated]
    if failed and not keep_going:
        first = failed[0]
        raise ProjectError(f"project {first.name} ({first.path}): {first.error}")
    for outcome in failed:
        click.echo(
            one_line(f"finops-gate: error: project {outcome.name} not evaluated: {outcome.error}"),
            err=True,
        )
    run = RunReport(
        tuple(outcomes),
        tuple(check_run_budgets(budgets, outcomes)),
        tuple(b.id for b in budgets),
        source if budgets else "",
    )
    _finish(run, base.output_format, output, base.fail_on, publishing)


_BAR_WIDTH = 30


def progress_reporter(
    environ: Mapping[str, str] | None = None,
) -> Callable[[int, int, str], None] | None:
    """A bar redrawn in place on a terminal; one plain line per project in CI (logs do
    not redraw); nothing otherwise, so scripts reading standard error see only problems."""
    env = os.environ if environ is None else environ
    if sys.stderr.isatty() and env.get("TERM") != "dumb":

        def bar(done: int, total: int, name: str) -> None:
            filled = _BAR_WIDTH * done // total
            line = f"[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done}/{total} {name}"
            end = "\n" if done == total else ""
            sys.stderr.write("\r\x1b[K" + one_line(line)[:120] + end)
            sys.stderr.flush()

        return bar
    if env.get("CI", "").lower() in ("true", "1") or env.get("GITHUB_ACTIONS") == "true":

        def lines(done: int, total: int, name: str) -> None:
            click.echo(one_line(f"finops-gate: {done}/{total} projects done ({name})"), err=True)

        return lines
    return None


def _finish(
    run: RunReport,
    output_format: OutputFormat,
    output: str | None,
    fail_on: FailOn,
    publishing: Publishing,
) -> None:
    from finops_gate.cli.check import _guarded
    from finops_gate.projects.render import render_run

    to_stdout = output is None or output == "-"
    text = render_run(run, output_format.value, publishing.project)
    write_text(_guarded(text, GateOptions(plan="", output_format=output_format), to_stdout), output)
    posted = publish_run(run, publishing)
    if not posted and not publishing.ignore_comment_errors:
        sys.exit(ExitCode.COULD_NOT_RUN)
    sys.exit(run_exit_code(run, fail_on))


def run_exit_code(run: RunReport, fail_on: FailOn) -> ExitCode:
    """A project not evaluated fails the run whatever --fail-on says."""
    if run.not_evaluated:
        return ExitCode.GATE_FAILED
    if fail_on == FailOn.NEVER:
        return ExitCode.PASS
    failing = (Verdict.FAIL, Verdict.WARN) if fail_on == FailOn.WARNING else (Verdict.FAIL,)
    return ExitCode.GATE_FAILED if run.verdict in failing else ExitCode.PASS


def publish_run(run: RunReport, publishing: Publishing) -> bool:
    """The step summary, the one sticky comment and the step outputs; False if posting
    failed."""
    env = os.environ
    in_actions = in_github_actions(env)
    if not (in_actions or publishing.comment):
        return True
    from finops_gate.integrations import workflow_commands
    from finops_gate.projects.render import render_run_markdown

    markdown = render_run_markdown(run, publishing.project)
    if in_actions:
        append_to(env.get("GITHUB_STEP_SUMMARY"), markdown, "step summary")
        # On standard error: the report on standard output may be read by a script.
        for line in workflow_commands.annotation_lines(run_findings(run)):
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
    posted, url = True, None
    if publishing.comment:
        target = CommentTarget(
            publishing.comment,
            publishing.comment_behavior,
            publishing.token,
            publishing.repository,
            publishing.pull_request,
            publishing.network_deadline,
            publishing.ignore_comment_errors,
        )
        posted, url = post_sticky_comment(markdown, target)
    if in_actions:
        totals = run.totals
        values = {
            "verdict": run.verdict.value,
            "monthly-cost-before": f"{totals.monthly_cost_before:.2f}",
            "monthly-cost-after": f"{totals.monthly_cost_after:.2f}",
            "monthly-cost-delta": f"{totals.monthly_cost_delta:.2f}",
            "projects": str(len(run.projects)),
            "comment-url": url or "",
        }
        append_to(env.get("GITHUB_OUTPUT"), workflow_commands.output_text(values), "step outputs")
    return posted


def run_findings(run: RunReport) -> list[Finding]:
    """Every project's findings, their addresses as `project:address`, then the budgets'."""
    findings: list[Finding] = []
    for project in run.projects:
        for item in project.findings:
            address = item.get("address")
            findings.append(
                Finding(
                    str(item["policy_id"]),
                    str(item["severity"]),
                    f"{project.name}:{address}" if address else project.name,
                    str(item["message"]),
                    str(item.get("remediation") or ""),
                )
            )
    return findings + list(run.budget_findings)


def load_reports(paths: Sequence[str]) -> list[ProjectOutcome]:
    """Every project of the JSON reports at `paths`: a one-project report is named after
    its file (`prod.json` -> `prod`); a run's report brings its projects."""
    import orjson

    from finops_gate.input_files import PLAN_LIMIT, read_input_file
    from finops_gate.report.json_report import SCHEMA_VERSION

    outcomes: list[ProjectOutcome] = []
    sources: list[str] = []  # the file each outcome came from, to name a duplicate
    for path in paths:
        raw = read_input_file(path, replace(PLAN_LIMIT, what="JSON report"), MergeError)
        try:
            data = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            raise MergeError(f"{path}: not a JSON report: {error}") from None
        if not isinstance(data, dict) or "schema_version" not in data:
            raise MergeError(f"{path}: not a finops-gate JSON report (no schema_version)")
        if data["schema_version"] != SCHEMA_VERSION:
            raise MergeError(
                f"{path}: report schema version {data['schema_version']!r}; this finops-gate "
                f"reads version {SCHEMA_VERSION} (make every report with the same version)"
            )
        try:
            if "projects" in data:
                for entry in data["projects"]:
                    outcomes.append(_from_run_entry(entry, data))
            else:
                outcomes.append(
                    ProjectOutcome(Path(path).stem, Path(path).stem, None, data=_checked(data))
                )
        except (KeyError, TypeError, ValueError) as error:
            raise MergeError(f"{path}: not a finops-gate JSON report ({_why(error)})") from None
        sources += [path] * (len(outcomes) - len(sources))
    names: dict[str, str] = {}
    for outcome, path in zip(outcomes, sources, strict=True):
        if outcome.name in names:
            raise MergeError(
                f"{path}: project {outcome.name!r} is already in {names[outcome.name]} "
                "(name each job's report after its project)"
            )
        names[outcome.name] = path
    return sorted(outcomes, key=lambda o: o.name)


def _named_paths(pairs: Sequence[str]) -> dict[str, str]:
    paths: dict[str, str] = {}
    for pair in pairs:
        name, sep, path = pair.partition("=")
        if not (sep and name and path):
            raise click.BadParameter(f"{pair!r}: expected NAME=PATH", param_hint="--project-path")
        paths[name] = Path(path).as_posix()
    return paths


def with_paths(outcomes: list[ProjectOutcome], paths: Mapping[str, str]) -> list[ProjectOutcome]:
    """`--project-path NAME=PATH`: where a project's plan JSON or directory is (a
    one-project report does not say), for SARIF to point at by its path from the top of
    the repository holding it."""
    from finops_gate.plan.hcl.files import repository_top
    from finops_gate.projects.runner import artifact_path

    unknown = sorted(set(paths) - {o.name for o in outcomes})
    if unknown:
        raise MergeError(f"--project-path: no report has a project {unknown[0]!r}")
    result: list[ProjectOutcome] = []
    for outcome in outcomes:
        path = paths.get(outcome.name)
        if path is not None:
            target = real(Path(path).absolute())
            top = repository_top(target if target.is_dir() else target.parent)
            if not (top / ".git").exists():
                top = Path.cwd()  # not in a repository: as given, from here
            shown = _relative(target, real(top))
            outcome = replace(outcome, path=shown, artifact=artifact_path(shown, real(top)))
        result.append(outcome)
    return result


def with_formats(outcomes: list[ProjectOutcome], output_format: str) -> list[ProjectOutcome]:
    """Each evaluated project's SARIF or JUnit, rebuilt from its JSON report."""
    from finops_gate.projects.from_json import junit_from_json, sarif_from_json

    if output_format not in ("sarif", "junit"):
        return outcomes
    result: list[ProjectOutcome] = []
    for outcome in outcomes:
        data = outcome.data
        if data is not None and output_format == "sarif":
            outcome = replace(outcome, sarif=sarif_from_json(data, outcome.artifact))
        elif data is not None:
            outcome = replace(outcome, junit=junit_from_json(data))
        result.append(outcome)
    return result


def _why(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"no {error.args[0]!r}"
    return str(error)


_REQUIRED = ("verdict", "totals", "findings", "resources")


def _checked(data: dict[str, Any]) -> dict[str, Any]:
    from finops_gate.projects.model import totals_of

    for key in _REQUIRED:
        if key not in data:
            raise KeyError(key)
    Verdict(data["verdict"])
    totals_of(data["totals"])
    _entries(data, "findings", _FINDING_FIELDS)
    _entries(data, "resources", _RESOURCE_FIELDS)
    _entries(data, "recommendations", _RECOMMENDATION_FIELDS)
    float(data["totals"].get("potential_monthly_savings", 0.0))
    if not isinstance(data.get("enforcement", {}), dict):
        raise ValueError("enforcement is not an object")
    return data


# The fields of a report's lists that the run's formats read, and their JSON types.
_TEXT, _NUMBER, _NULL = (str,), (int, float), (type(None),)
_FINDING_FIELDS = {
    "policy_id": _TEXT,
    "severity": _TEXT,
    "message": _TEXT,
    "address": _TEXT + _NULL,
    "remediation": _TEXT + _NULL,
}
_RESOURCE_FIELDS = {
    "address": _TEXT,
    "action": _TEXT,
    "status": _TEXT,
    "monthly_cost_before": _NUMBER + _NULL,
    "monthly_cost_after": _NUMBER + _NULL,
    "monthly_cost_delta": _NUMBER + _NULL,
}
_RECOMMENDATION_FIELDS = {
    "address": _TEXT,
    "attribute": _TEXT,
    "current_value": _TEXT,
    "suggested_value": _TEXT,
    "monthly_savings": _NUMBER + _NULL,
    "caveat": _TEXT + _NULL,
}


def _entries(data: Mapping[str, Any], key: str, fields: Mapping[str, tuple[type, ...]]) -> None:
    """Each entry of `data[key]` (a list, possibly absent) is an object whose `fields`
    have their JSON types, so that no format stumbles on a hand-edited report."""
    entries = data.get(key, [])
    if not isinstance(entries, list):
        raise ValueError(f"{key} is not a list")
    for n, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise ValueError(f"{key}[{n}] is not an object")
        for field, types in fields.items():
            value = entry.get(field)
            if not isinstance(value, types) or isinstance(value, bool):
                raise ValueError(f"{key}[{n}].{field} is missing or of the wrong type")


def _from_run_entry(entry: dict[str, Any], run: dict[str, Any]) -> ProjectOutcome:
    name, path = str(entry["name"]), str(entry["path"])
    if entry.get("status") != "evaluated":
        return ProjectOutcome(name, path, entry.get("environment"), error=entry.get("error", ""))
    data = {
        k: v
        for k, v in entry.items()
        if k not in ("name", "path", "environment", "status", "tag_sums", "artifact")
    }
    data["tool_version"] = run.get("tool_version")
    artifact = entry.get("artifact")
    return ProjectOutcome(
        name,
        path,
        entry.get("environment"),
        data=_checked(data),
        tag_sums=entry.get("tag_sums"),
        artifact=str(artifact) if artifact else None,
    )


def merge_reports(
    reports: tuple[str, ...],
    policy: str | None,
    output_format: str,
    output: str | None,
    project_paths: tuple[str, ...],
    fail_on: str,
    project: str | None,
    comment: str | None,
    comment_behavior: str,
    pull_request: int | None,
    repository: str | None,
    token: str | None,
    ignore_comment_errors: bool,
) -> None:
    """`finops-gate merge` (finops_gate/cli/merge.py): the merged verdict of `reports`."""
    from finops_gate.projects.budgets import check_run_budgets, require_judgeable

    outcomes = with_formats(
        with_paths(load_reports(reports), _named_paths(project_paths)), output_format
    )
    budgets: tuple[BudgetPolicy, ...] = ()
    if policy is not None:
        from finops_gate.policy.loader import load_policy
        from finops_gate.policy.model import BudgetPolicy

        policy_file, _ = load_policy(policy)
        budgets = tuple(p for p in policy_file.policies if isinstance(p, BudgetPolicy))
        require_judgeable(budgets, policy)
    run = RunReport(
        tuple(outcomes),
        tuple(check_run_budgets(budgets, outcomes)),
        tuple(b.id for b in budgets),
        policy or "",
    )
    publishing = Publishing(
        comment=comment,
        comment_behavior=comment_behavior,
        project=project,
        token=token,
        repository=repository,
        pull_request=pull_request,
        ignore_comment_errors=ignore_comment_errors,
    )
    _finish(run, OutputFormat(output_format), output, FailOn(fail_on), publishing)
