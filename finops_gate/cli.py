"""Command line: parse arguments, run the pipeline, map every failure to an exit code."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from finops_gate import __version__
from finops_gate.errors import ExitCode, FinopsGateError, OutputError
from finops_gate.pipeline import GateOptions, OutputFormat, run_gate

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
def check_command(plan: str, policy: str | None, output_format: str, output: str | None) -> None:
    """Estimate the monthly cost of a Terraform plan and gate it on policy.

    PLAN is the output of `terraform show -json tfplan`; `-` reads standard input.
    """
    options = GateOptions(plan=plan, policy=policy, output_format=OutputFormat(output_format))
    text, verdict_failed = run_gate(options)
    _write(text, output)
    sys.exit(ExitCode.GATE_FAILED if verdict_failed else ExitCode.PASS)


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
