"""`finops-gate check` (the default command) and `finops-gate action`."""

from __future__ import annotations

import math
import os
import sys
import uuid
from typing import TYPE_CHECKING

import click

from finops_gate.cli.common import (
    CONTEXT,
    allow_outside_repo_option,
    aws_region,
    in_github_actions,
    prices_only_option,
    prices_option,
    write_text,
)
from finops_gate.confine import outside_allowed
from finops_gate.errors import CommentError, ExitCode, one_line
from finops_gate.options import Behavior, FailOn, GateOptions, OutputFormat

if TYPE_CHECKING:
    from finops_gate.report.model import Report

# Same as --prices (the option wins): lets CI point every run at a refreshed table.


def _guarded(text: str, options: GateOptions, to_stdout: bool) -> str:
    """In GitHub Actions, stop workflow commands while a text report is in the log.

    Plan text (a `for_each` key such as `##[error]x`) must not be read as a command; the
    random token keeps the report itself from resuming them. JUnit XML may hold plan text
    with line breaks too, so it is guarded as well; JSON and SARIF escape every line break
    inside their strings and are left untouched for the scripts that read them.
    """
    if not (to_stdout and os.environ.get("GITHUB_ACTIONS") == "true"):
        return text
    from finops_gate.report.formats import output_format

    if not output_format(options.output_format.value).guard_in_actions_log:
        return text
    token = f"finops-gate-{uuid.uuid4().hex}"
    return f"::stop-commands::{token}\n{text}::{token}::\n"


def _publish(
    report: Report,
    options: GateOptions,
    token: str | None,
    report_on_stdout: bool,
    markdown: str | None = None,
) -> bool:
    """Step summary, annotations, the PR comment and step outputs; False if posting failed.

    The summary is written before posting, so a failed post still leaves the verdict there.
    `markdown` is the verdict when the report was already rendered as Markdown (a large
    plan's takes seconds to render again).
    """
    env = os.environ
    in_actions = in_github_actions(env)
    if not (in_actions or options.comment):
        return True
    from finops_gate.cli.publishing import CommentTarget, append_to, post_sticky_comment
    from finops_gate.integrations import workflow_commands
    from finops_gate.report.formats import output_format

    if markdown is None:
        from finops_gate.report.markdown import render_markdown

        markdown = render_markdown(report, options.project)
    if in_actions:
        append_to(env.get("GITHUB_STEP_SUMMARY"), markdown, "step summary")
        # Workflow commands are read from both streams; keep them out of a machine-readable
        # report on standard output.
        machine = not output_format(options.output_format.value).for_people
        stream = sys.stderr if report_on_stdout and machine else sys.stdout
        for line in workflow_commands.annotation_lines(report.findings):
            stream.write(line + "\n")
        stream.flush()
    posted, url = True, None
    if options.comment:
        target = CommentTarget(
            options.comment,
            options.comment_behavior,
            token,
            options.repository,
            options.pull_request,
            options.network_deadline,
            options.ignore_comment_errors,
        )
        posted, url = post_sticky_comment(markdown, target)
    if in_actions:
        outputs = workflow_commands.output_text(workflow_commands.outputs(report, url))
        append_to(env.get("GITHUB_OUTPUT"), outputs, "step outputs")
    return posted


def _suggest(report: Report, options: GateOptions, token: str | None) -> bool:
    """`--suggest github`: the savings suggestions as review comments; False if it failed."""
    from finops_gate.integrations.suggestions import post_suggestions

    try:
        result = post_suggestions(
            report.recommendations,
            os.environ,
            token=token,
            repository=options.repository,
            number=options.pull_request,
            network_deadline=options.network_deadline,
        )
    except CommentError as error:
        level = "warning" if options.ignore_comment_errors else "error"
        message = f"finops-gate: {level}: could not post the suggestions: {error}"
        click.echo(one_line(message), err=True)
        return False
    click.echo(f"finops-gate: suggestions: {result.summary()}", err=True)
    return True


def _finite(value: float | None, option: str) -> float | None:
    # FloatRange lets NaN through: every comparison with it is false.
    if value is not None and not math.isfinite(value):
        raise click.BadParameter(f"{value} is not a number of seconds", param_hint=option)
    return value


@click.command("check", context_settings=CONTEXT)
@click.argument("plan", metavar="PLAN", required=False)
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
    "--suggest",
    type=click.Choice(["github"]),
    default=None,
    help="Post each savings suggestion whose line is in the pull request's diff as a "
    "review comment with a one-click GitHub suggestion (HCL mode knows the lines).",
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
    "--network-deadline",
    "network_deadline",
    type=click.FloatRange(min=0, min_open=True, max=86_400),
    metavar="SECONDS",
    default=None,
    callback=lambda _ctx, _param, value: _finite(value, "--network-deadline"),
    help="Give up posting the comment after SECONDS in all, retries and waits included "
    "(default 120, or FINOPS_GATE_NETWORK_DEADLINE).",
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
    "--strict-usage",
    "strict_usage",
    is_flag=True,
    default=False,
    help="Exit 2 when the usage file names a key, resource type or address finops-gate "
    "does not use (default: a warning, and the entry is ignored).",
)
@prices_option
@prices_only_option
@click.option(
    "--region",
    metavar="REGION",
    default=None,
    callback=lambda _ctx, _param, value: aws_region(value),
    help="Region of AWS providers for which neither the plan, the configuration nor "
    "AWS_REGION / AWS_DEFAULT_REGION gives one. Default: us-east-1, with a warning.",
)
@click.option(
    "--config-dir",
    "config_dir",
    metavar="DIR",
    type=click.Path(exists=True, file_okay=False),
    default=None,
    help="The .tf files the plan was made from, to evaluate provider regions the plan does "
    "not record (region = local.x). Default: the plan file's directory if it has .tf files.",
)
@allow_outside_repo_option
@click.option(
    "--config",
    "config",
    metavar="FILE",
    default=None,
    help="Gate every project of a finops-gate.yml config file, with one verdict.",
)
@click.option(
    "--recursive",
    is_flag=True,
    default=False,
    help="PLAN is a repository: gate every root module found under it, with one verdict.",
)
@click.option(
    "--keep-going",
    is_flag=True,
    default=False,
    help="With --config or --recursive: a project that fails to load is reported as not "
    "evaluated (exit 1) instead of stopping the run (exit 2).",
)
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    metavar="N",
    default=None,
    help="With --config or --recursive: projects evaluated in N processes at once "
    "(default: the number of CPUs). The output is the same for every N.",
)
def check_command(
    plan: str | None,
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
    network_deadline: float | None = None,
    overrides: tuple[str, ...] = (),
    reasons: tuple[str, ...] = (),
    environment: str | None = None,
    all_resources: bool = False,
    var_files: tuple[str, ...] = (),
    variables: tuple[str, ...] = (),
    base: str | None = None,
    usage_file: str | None = None,
    strict_usage: bool = False,
    prices: str | None = None,
    prices_only: bool = False,
    region: str | None = None,
    config_dir: str | None = None,
    allow_outside_repo: bool = False,
    config: str | None = None,
    recursive: bool = False,
    keep_going: bool = False,
    jobs: int | None = None,
    suggest: str | None = None,
) -> None:
    """Estimate the monthly cost of a Terraform plan and gate it on policy.

    PLAN is the output of `terraform show -json tfplan`; `-` reads standard input.
    PLAN may also be a directory of .tf files, read without terraform (HCL mode).
    With GITHUB_ACTIONS=true the verdict also goes to the step summary, the step outputs
    and annotations.
    """
    if len(overrides) != len(reasons):
        raise click.UsageError("give one --reason TEXT for each --override ID")
    many = config is not None or recursive
    if plan is None and not (config is not None and not recursive):
        raise click.MissingParameter(param_hint="'PLAN'", param_type="argument")
    if plan is not None and config is not None and not recursive:
        raise click.UsageError("give PLAN or --config FILE, not both (or DIR --recursive)")
    if not many and (keep_going or jobs is not None):
        raise click.UsageError("--keep-going and --jobs need --config FILE or --recursive")
    if many and suggest is not None:
        # Review comments are placed per file and line of one configuration; a run over
        # many projects posts its one sticky comment only (say so rather than ignore it).
        raise click.UsageError(
            "--suggest works on one plan or directory, not with --config or --recursive"
        )
    options = GateOptions(
        plan=plan or ".",
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
        network_deadline=network_deadline,
        var_files=var_files,
        variables=variables,
        base=base,
        usage_file=usage_file,
        strict_usage=strict_usage,
        prices=prices,
        prices_only=prices_only,
        region=region,
        config_dir=config_dir,
        allow_outside_repo=outside_allowed(allow_outside_repo),
    )
    if many:
        from finops_gate.cli.projects import Publishing, run_many

        publishing = Publishing(
            comment,
            comment_behavior,
            project,
            token,
            repository,
            pull_request,
            ignore_comment_errors,
            network_deadline,
        )
        run_many(
            options,
            config=config,
            recursive=recursive,
            keep_going=keep_going,
            jobs=jobs,
            output=output,
            publishing=publishing,
        )
    # Imported here: `--help` and option errors need none of the pipeline.
    from finops_gate.pipeline import build_gate_report, gate_failed, render

    report = build_gate_report(options, _warn)
    to_stdout = output is None or output == "-"
    text = render(report, options.output_format, options=options)
    write_text(_guarded(text, options, to_stdout), output)
    # The summary and the comment are this same Markdown (same report, same project).
    markdown = text if options.output_format == OutputFormat.MARKDOWN else None
    del text  # not kept while publishing
    posted = _publish(report, options, token, to_stdout, markdown)
    if suggest is not None:
        posted = _suggest(report, options, token) and posted
    if not posted and not options.ignore_comment_errors:
        sys.exit(ExitCode.COULD_NOT_RUN)
    sys.exit(ExitCode.GATE_FAILED if gate_failed(report, options.fail_on) else ExitCode.PASS)


def _warn(line: str) -> None:
    click.echo(one_line(f"finops-gate: warning: {line}"), err=True)


@click.command("action", context_settings=CONTEXT)
def action_command() -> None:
    """Run as the GitHub Action: read the action's INPUT_* variables and run `check`.

    This is the Docker image's command in action.yml; see docs/ci.md.
    """
    from finops_gate.integrations.action_inputs import action_call

    known = frozenset(name for param in check_command.params for name in getattr(param, "opts", []))
    call = action_call(os.environ, known)
    os.environ.update(call.env)
    check_command.main(args=call.args, prog_name="finops-gate", standalone_mode=False)
