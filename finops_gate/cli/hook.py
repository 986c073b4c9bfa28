"""`finops-gate-hook`, the pre-commit hook: gate each directory holding a changed
Terraform file, in HCL mode.

    finops-gate-hook [--policy FILE|NAME] [--var-file FILE] [--var NAME=VALUE]
        [--fail-on error|warning|never] [--base REF] [--region REGION] FILE...

Each directory (`plan.hcl.precommit.root_directories`) goes through the CLI's pipeline,
priced as the change since `--base` (HEAD by default, so budgets see what the commit
adds; outside a git repository or before the first commit, everything counts as new),
and prints a short verdict. Exit codes are the CLI's, through its error handler: 1 when
a directory fails the gate, 2 when one could not be gated (its error line is printed and
the other directories are still gated), 3 on an internal error.

Kept light on purpose (no Markdown, SARIF or comment code is imported): pre-commit runs
it on every commit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

import click

from finops_gate.cli.common import (
    CONTEXT,
    allow_outside_repo_option,
    aws_region,
    error_handler,
    flush_stdout,
    handle_sigterm,
    prices_only_option,
    prices_option,
    show_gate_error,
    write_text,
)
from finops_gate.confine import outside_allowed
from finops_gate.errors import ExitCode, FinopsGateError
from finops_gate.pipeline import FailOn, GateOptions, build_gate_report, gate_failed
from finops_gate.plan.hcl.precommit import root_directories
from finops_gate.report.hook_text import render_hook_text


@click.command("finops-gate-hook", context_settings=CONTEXT)
@click.option(
    "--policy",
    metavar="FILE|NAME",
    default=None,
    help="Policy YAML file, or the name of a bundled policy. Default: the bundled `default`.",
)
@click.option(
    "--var-file",
    "var_files",
    metavar="FILE",
    multiple=True,
    help="A .tfvars file for every gated directory, after terraform.tfvars and "
    "*.auto.tfvars (repeatable; relative to where pre-commit runs).",
)
@click.option(
    "--var",
    "variables",
    metavar="NAME=VALUE",
    multiple=True,
    help="Set a root module variable (repeatable; wins over files).",
)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default=FailOn.ERROR.value,
    show_default=True,
    help="Exit 1 on an error finding, on any finding (warning), or never (report only).",
)
@click.option(
    "--base",
    metavar="REF",
    default="HEAD",
    show_default=True,
    help="Git revision priced as before (what the commit changes); --base '' prices "
    "each directory as all new.",
)
@click.option(
    "--region",
    metavar="REGION",
    default=None,
    callback=lambda _ctx, _param, value: aws_region(value),
    help="Region of AWS providers for which neither the configuration nor AWS_REGION / "
    "AWS_DEFAULT_REGION gives one. Default: us-east-1, with a note.",
)
@prices_option
@prices_only_option
@allow_outside_repo_option
@click.argument("files", nargs=-1)
def hook_command(
    policy: str | None,
    var_files: tuple[str, ...],
    variables: tuple[str, ...],
    fail_on: str,
    base: str,
    region: str | None,
    prices: str | None,
    prices_only: bool,
    allow_outside_repo: bool,
    files: tuple[str, ...],
) -> int:
    """Gate each directory holding one of FILES (the changed files pre-commit passes) in
    HCL mode, and print a short verdict for each."""
    top = Path.cwd()
    status = ExitCode.PASS
    allow_outside_repo = outside_allowed(allow_outside_repo)
    for directory in root_directories(files, top, allow_outside_repo):
        options = GateOptions(
            plan=os.path.relpath(directory, top),
            policy=policy,
            fail_on=FailOn(fail_on),
            var_files=var_files,
            variables=variables,
            base=base or None,
            base_optional=True,
            region=region,
            prices=prices,
            prices_only=prices_only,
            allow_outside_repo=allow_outside_repo,
        )
        try:
            report = build_gate_report(options)
        except FinopsGateError as error:
            # This directory could not be gated; the others still are.
            show_gate_error(error)
            status = max(status, error.exit_code)
            continue
        shown = options.plan.replace(os.sep, "/")
        write_text(render_hook_text(report, shown, options.base), None)
        if gate_failed(report, options.fail_on):
            status = max(status, ExitCode.GATE_FAILED)
    return status


def main(args: Sequence[str] | None = None) -> int:
    """The hook's exit code for `args` (default: the command line). Every failure ends
    through the CLI's error handler, so an exit code means what it means for the CLI."""
    handle_sigterm()
    try:
        with error_handler():
            status = hook_command.main(
                args=None if args is None else list(args),
                prog_name="finops-gate-hook",
                standalone_mode=False,
            )
            flush_stdout()
    except SystemExit as exit_:
        return _code(exit_)
    return int(status)


def _code(exit_: SystemExit) -> int:
    if exit_.code is None:
        return ExitCode.PASS
    return exit_.code if isinstance(exit_.code, int) else ExitCode.COULD_NOT_RUN


if __name__ == "__main__":
    sys.exit(main())
