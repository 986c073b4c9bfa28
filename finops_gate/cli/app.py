"""The `finops-gate` command group and its entry point."""

from __future__ import annotations

import sys
from typing import NoReturn

import click

from finops_gate import __version__
from finops_gate.cli.check import action_command, check_command
from finops_gate.cli.common import (
    CONTEXT,
    discard_stdout,
    error_handler,
    flush_stdout,
    handle_sigterm,
    show_usage_error,
)
from finops_gate.cli.merge import merge_command
from finops_gate.cli.policy import policy_group
from finops_gate.cli.pricing import pricing_group
from finops_gate.cli.pricing_update import pricing_update_command
from finops_gate.errors import ExitCode

__all__ = ["check_command", "cli", "main"]


class _GateGroup(click.Group):
    """`finops-gate PLAN ...` is short for `finops-gate check PLAN ...`."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("-h", "--help", "--version"):
            args = ["check", *args]
        return super().parse_args(ctx, args)


@click.group(cls=_GateGroup, context_settings=CONTEXT)
@click.version_option(__version__, "--version", prog_name="finops-gate")
def cli() -> None:
    """Offline cost-and-policy gate for Terraform plans.

    `finops-gate PLAN [OPTIONS]` is short for `finops-gate check PLAN [OPTIONS]`.

    Exit codes: 0 pass (warnings allowed), 1 gate failed, 2 could not run,
    3 internal error.
    """


for _command in (check_command, action_command, merge_command, policy_group, pricing_group):
    cli.add_command(_command)
pricing_group.add_command(pricing_update_command)


def main(args: list[str] | None = None) -> NoReturn:
    handle_sigterm()
    with error_handler():
        # Reports are flushed as written; flushing here catches what a command echoed
        # last (`policy validate` to /dev/full) before the interpreter's silent flush.
        try:
            _run(args)
        except SystemExit:
            flush_stdout()
            raise
        flush_stdout()
    sys.exit(ExitCode.PASS)


def _run(args: list[str] | None) -> None:
    try:
        cli.main(args=args, prog_name="finops-gate", standalone_mode=False)
    except click.exceptions.NoArgsIsHelpError as error:
        click.echo(error.ctx.get_help() if error.ctx else str(error), err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except click.UsageError as error:
        show_usage_error(error)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except BrokenPipeError:
        discard_stdout()
        sys.stderr.close()
        sys.exit(ExitCode.COULD_NOT_RUN)
