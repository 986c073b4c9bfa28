"""Command line: parse arguments, run the pipeline, map every failure to an exit code."""

from __future__ import annotations

import os
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from finops_gate import __version__
from finops_gate.errors import CommentError, ExitCode, FinopsGateError, OutputError
from finops_gate.integrations.comments import Behavior
from finops_gate.pipeline import (
    FailOn,
    GateOptions,
    OutputFormat,
    build_gate_report,
    gate_failed,
    render,
)
from finops_gate.report.markdown import render_markdown
from finops_gate.report.model import Report

_DEBUG_ENV = "FINOPS_GATE_DEBUG"


@contextmanager
def _error_handler() -> Iterator[None]:
    """The one place that decides how a failure ends the process."""
    try:
        yield
    except FinopsGateError as error:
        click.echo(f"finops-gate: error: {error}", err=True)
        sys.exit(error.exit_code)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.exceptions.Abort:
        click.echo("finops-gate: interrupted", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except click.ClickException as error:
        error.show()
        sys.exit(ExitCode.COULD_NOT_RUN)
    except KeyboardInterrupt:
        click.echo("finops-gate: interrupted", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except Exception as error:
        if os.environ.get(_DEBUG_ENV):
            raise
        click.echo(
            f"finops-gate: internal error: {type(error).__name__}: {error} "
            f"(set {_DEBUG_ENV}=1 for a traceback, and please report it)",
            err=True,
        )
        sys.exit(ExitCode.INTERNAL_ERROR)


def _write(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{output}: cannot write the report: {error.strerror}") from None


_CONTEXT = {"help_option_names": ["-h", "--help"]}


class _GateGroup(click.Group):
    """`finops-gate PLAN ...` is short for `finops-gate check PLAN ...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_GateGroup, context_settings=_CONTEXT)
@click.version_option(__version__, "--version", prog_name="finops-gate")
def cli() -> None:
    """Offline cost-and-policy gate for Terraform plans.

    `finops-gate PLAN [OPTIONS]` is short for `finops-gate check PLAN [OPTIONS]`.

    Exit codes: 0 pass (warnings allowed), 1 gate failed, 2 could not run,
    3 internal error.
    """


def _append(path: str | None, text: str, what: str) -> None:
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"{path}: cannot write the {what}: {error.strerror}") from None


def _guarded(text: str, options: GateOptions, to_stdout: bool) -> str:
    """In GitHub Actions, stop workflow commands while a text report is in the log.

    Plan text (a `for_each` key such as `##[error]x`) must not be read as a command; the
    random token keeps the report itself from resuming them. JSON, SARIF and JUnit are left
    untouched.
    """
    text_formats = (OutputFormat.TABLE, OutputFormat.MARKDOWN)
    if not (to_stdout and os.environ.get("GITHUB_ACTIONS") == "true"):
        return text
    if options.output_format not in text_formats:
        return text
    token = f"finops-gate-{uuid.uuid4().hex}"
    return f"::stop-commands::{token}\n{text}::{token}::\n"


def _publish(
    report: Report, options: GateOptions, token: str | None, report_on_stdout: bool
) -> bool:
    """Step summary, annotations, the PR comment and step outputs; False if posting failed.

    The summary is written before posting, so a failed post still leaves the verdict there.
    """
    env = os.environ
    in_actions = env.get("GITHUB_ACTIONS") == "true"
    if not (in_actions or options.comment):
        return True
    # Imported here: a plain run does not pay for the HTTP client.
    from finops_gate.integrations import actions
    from finops_gate.integrations.publish import post_comment

    markdown = render_markdown(report, options.project)
    if in_actions:
        _append(env.get("GITHUB_STEP_SUMMARY"), markdown, "step summary")
        # Workflow commands are read from both streams; keep them out of a machine-readable
        # report on standard output.
        machine = options.output_format not in (OutputFormat.TABLE, OutputFormat.MARKDOWN)
        stream = sys.stderr if report_on_stdout and machine else sys.stdout
        for line in actions.annotation_lines(report.findings):
            stream.write(line + "\n")
        stream.flush()
    posted, url = True, None
    if options.comment:
        try:
            result = post_comment(
                markdown,
                options.comment,
                env,
                behavior=Behavior(options.comment_behavior),
                token=token,
                repository=options.repository,
                number=options.pull_request,
            )
            url = result.comment.url
            click.echo(f"finops-gate: comment {result.action}: {url}", err=True)
        except CommentError as error:
            posted = False
            level = "warning" if options.ignore_comment_errors else "error"
            click.echo(f"finops-gate: {level}: could not post the comment: {error}", err=True)
    if in_actions:
        outputs = actions.output_text(actions.outputs(report, url))
        _append(env.get("GITHUB_OUTPUT"), outputs, "step outputs")
    return posted


@cli.command("check", context_settings=_CONTEXT)
@click.argument("plan", metavar="PLAN")
@click.option(
    "--policy",
    "policy",
    metavar="FILE|NAME",
    default=None,
    help="Policy YAML file, or the name of a bundled policy. Default: the bundled `default`.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice([f.value for f in OutputFormat]),
    default=OutputFormat.TABLE.value,
    show_default=True,
    help="Report format.",
)
@click.option(
    "--output",
    "-o",
    metavar="FILE",
    default=None,
    help="Write the report to FILE instead of standard output.",
)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default=FailOn.ERROR.value,
    show_default=True,
    help="Exit 1 on an error finding, on any finding (warning), or never (report only).",
)
@click.option(
    "--project",
    metavar="NAME",
    default=None,
    help="Project name: one sticky comment per project on a pull request.",
)
@click.option(
    "--comment",
    type=click.Choice(["github", "gitlab"]),
    default=None,
    help="Post the Markdown verdict on the pull request (github) or merge request (gitlab).",
)
@click.option(
    "--comment-behavior",
    type=click.Choice([b.value for b in Behavior]),
    default=Behavior.UPDATE.value,
    show_default=True,
    help="Edit our earlier comment, add a new one, or delete ours and add a new one.",
)
@click.option(
    "--pr",
    "pull_request",
    type=click.IntRange(min=1),
    metavar="NUMBER",
    default=None,
    help="Pull/merge-request number. Default: from GITHUB_EVENT_PATH or CI_MERGE_REQUEST_IID.",
)
@click.option(
    "--repo",
    "repository",
    metavar="OWNER/NAME",
    default=None,
    help="GitHub repository (default: GITHUB_REPOSITORY) or GitLab project (CI_PROJECT_ID).",
)
@click.option(
    "--github-token",
    "--gitlab-token",
    "token",
    metavar="TOKEN",
    default=None,
    help="API token. Default: GITHUB_TOKEN or GITLAB_TOKEN; prefer the variable, since "
    "a command line can be seen by other processes.",
)
@click.option(
    "--ignore-comment-errors",
    is_flag=True,
    default=False,
    help="If posting the comment fails, say so and exit with the gate's own code, not 2.",
)
@click.option(
    "--override",
    "overrides",
    metavar="ID",
    multiple=True,
    help="Let a soft-mandatory policy's failures pass; needs a --reason (repeatable, in pairs).",
)
@click.option(
    "--reason",
    "reasons",
    metavar="TEXT",
    multiple=True,
    help="Why the matching --override is acceptable; recorded in the verdict.",
)
@click.option(
    "--environment",
    metavar="NAME",
    default=None,
    help="Environment of resources no tag names (the `variable` step of the policy's chain).",
)
@click.option(
    "--all-resources",
    is_flag=True,
    default=False,
    help="Check unchanged resources too (default: only those the plan creates or updates).",
)
@click.option(
    "--var-file",
    "var_files",
    metavar="FILE",
    multiple=True,
    help="HCL mode (PLAN is a directory): a .tfvars file, after terraform.tfvars and "
    "*.auto.tfvars (repeatable).",
)
@click.option(
    "--var",
    "variables",
    metavar="NAME=VALUE",
    multiple=True,
    help="HCL mode: set a root module variable (repeatable; wins over files).",
)
@click.option(
    "--base",
    metavar="REF",
    default=None,
    help="HCL mode: price the directory at git REF as before, the working tree as after.",
)
@click.option(
    "--usage-file",
    "usage_file",
    metavar="FILE",
    default=None,
    help="YAML quantities for usage-based costs (Infracost's infracost-usage.yml schema).",
)
@click.option(
    "--prices",
    "prices",
    metavar="FILE",
    default=None,
    help="Price table to use instead of the bundled one (e.g. from `pricing build`).",
)
def check_command(
    plan: str,
    policy: str | None,
    output_format: str,
    output: str | None,
    fail_on: str,
    project: str | None,
    comment: str | None,
    comment_behavior: str,
    pull_request: int | None,
    repository: str | None,
    token: str | None,
    ignore_comment_errors: bool,
    overrides: tuple[str, ...] = (),
    reasons: tuple[str, ...] = (),
    environment: str | None = None,
    all_resources: bool = False,
    var_files: tuple[str, ...] = (),
    variables: tuple[str, ...] = (),
    base: str | None = None,
    usage_file: str | None = None,
    prices: str | None = None,
) -> None:
    """Estimate the monthly cost of a Terraform plan and gate it on policy.

    PLAN is the output of `terraform show -json tfplan`; `-` reads standard input.
    PLAN may also be a directory of .tf files, read without terraform (HCL mode).
    With GITHUB_ACTIONS=true the verdict also goes to the step summary, the step outputs
    and annotations.
    """
    if len(overrides) != len(reasons):
        raise click.UsageError("give one --reason TEXT for each --override ID")
    options = GateOptions(
        plan=plan,
        policy=policy,
        output_format=OutputFormat(output_format),
        overrides=tuple(zip(overrides, reasons, strict=True)),
        environment=environment,
        all_resources=all_resources,
        project=project,
        fail_on=FailOn(fail_on),
        comment=comment,
        comment_behavior=comment_behavior,
        pull_request=pull_request,
        repository=repository,
        ignore_comment_errors=ignore_comment_errors,
        var_files=var_files,
        variables=variables,
        base=base,
        usage_file=usage_file,
        prices=prices,
    )
    report = build_gate_report(options)
    to_stdout = output is None or output == "-"
    _write(
        _guarded(render(report, options.output_format, options=options), options, to_stdout), output
    )
    posted = _publish(report, options, token, to_stdout)
    if not posted and not options.ignore_comment_errors:
        sys.exit(ExitCode.COULD_NOT_RUN)
    sys.exit(ExitCode.GATE_FAILED if gate_failed(report, options.fail_on) else ExitCode.PASS)


@cli.command("action", context_settings=_CONTEXT)
def action_command() -> None:
    """Run as the GitHub Action: read the action's INPUT_* variables and run `check`.

    This is the Docker image's command in action.yml; see the README's GitHub Action section.
    """
    from finops_gate.integrations.action import action_call

    known = frozenset(name for param in check_command.params for name in getattr(param, "opts", []))
    call = action_call(os.environ, known)
    os.environ.update(call.env)
    check_command.main(args=call.args, prog_name="finops-gate", standalone_mode=False)


@cli.group("policy", context_settings=_CONTEXT)
def policy_group() -> None:
    """Check policy files: `validate FILE`, `test DIR`."""


@policy_group.command("validate", context_settings=_CONTEXT)
@click.argument("file", metavar="FILE")
def policy_validate_command(file: str) -> None:
    """Validate a policy file (with what it extends): exit 0 valid, 2 invalid."""
    from finops_gate.policy.loader import load_policy

    policy_file, path = load_policy(file)
    kinds = ", ".join(f"{p.id} ({p.kind}, {p.level})" for p in policy_file.policies)
    count = len(policy_file.policies)
    waivers = len(policy_file.waivers)
    click.echo(f"{path}: valid: {count} policies: {kinds or 'none'}; {waivers} waiver(s)")


@policy_group.command("test", context_settings=_CONTEXT)
@click.argument("directory", metavar="DIR")
@click.option(
    "--policy",
    "policy",
    metavar="FILE|NAME",
    default=None,
    help="The policy under test. Default: DIR/policy.yml.",
)
def policy_test_command(directory: str, policy: str | None) -> None:
    """Run the plan fixtures in DIR against a policy and compare the findings with each
    case's expected.yml: exit 0 all pass, 1 a case failed, 2 could not run."""
    from finops_gate.policy.testing import run_policy_tests

    results = run_policy_tests(directory, policy)
    for result in results:
        click.echo(f"{'PASS' if result.passed else 'FAIL'} {result.name}")
        for problem in result.problems:
            click.echo(f"    {problem}")
    failed = sum(1 for r in results if not r.passed)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(ExitCode.GATE_FAILED if failed else ExitCode.PASS)


@cli.group("pricing", context_settings=_CONTEXT)
def pricing_group() -> None:
    """The price table: `info`, `build --from-aws-offer PATH`."""


@pricing_group.command("info", context_settings=_CONTEXT)
@click.option(
    "--table",
    "table",
    metavar="FILE",
    default=None,
    help="A price table file. Default: the bundled pricing/aws.json.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
def pricing_info_command(table: str | None, output_format: str) -> None:
    """Print the table's sources and their dates, its rules, and its prices per region."""
    from finops_gate.cost.prices import load_price_table
    from finops_gate.pricing.info import render_info_json, render_info_text, table_info

    prices = load_price_table(Path(table) if table else None)
    info = table_info(prices, table or "bundled pricing/aws.json")
    _write(render_info_json(info) if output_format == "json" else render_info_text(info), None)


@pricing_group.command("build", context_settings=_CONTEXT)
@click.option(
    "--from-aws-offer",
    "paths",
    metavar="PATH",
    multiple=True,
    required=True,
    help="AWS Price List file (offer CSV or JSON, GetProducts JSON) or a directory of "
    "them. Repeatable.",
)
@click.option(
    "--out",
    "out",
    metavar="FILE",
    default=None,
    help="Write the table to FILE instead of standard output.",
)
def pricing_build_command(paths: tuple[str, ...], out: str | None) -> None:
    """Build a price table in finops-gate's format from AWS's own Price List files.

    The bundled table is built from public price data by scripts/build_prices.py; this
    command lets you price from AWS's current files instead (use it with --table, or
    replace pricing/aws.json). Only on-demand USD prices are read.
    """
    from finops_gate.pricing.offer import ingest

    result = ingest([Path(path) for path in paths])
    text = result.render()
    if out is None or out == "-":
        _write(text, None)
    else:
        try:
            Path(out).write_text(text, encoding="utf-8", newline="\n")
        except OSError as error:
            raise OutputError(f"{out}: cannot write the price table: {error.strerror}") from None
    click.echo(result.summary(), err=True)


def main(args: list[str] | None = None) -> Any:
    with _error_handler():
        try:
            cli.main(args=args, prog_name="finops-gate", standalone_mode=False)
        except click.exceptions.NoArgsIsHelpError as error:
            click.echo(error.ctx.get_help() if error.ctx else str(error), err=True)
            sys.exit(ExitCode.COULD_NOT_RUN)
        except click.UsageError as error:
            error.show()
            sys.exit(ExitCode.COULD_NOT_RUN)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(ExitCode.COULD_NOT_RUN)
    sys.exit(ExitCode.PASS)
