"""What every command shares: the one error handler and report writing."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from finops_gate.errors import ExitCode, FinopsGateError, OutputError

CONTEXT = {"help_option_names": ["-h", "--help"]}
_DEBUG_ENV = "FINOPS_GATE_DEBUG"


@contextmanager
def error_handler() -> Iterator[None]:
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


def write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        raise OutputError(f"{output}: cannot write the report: {error.strerror}") from None
