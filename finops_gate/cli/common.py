"""What every command shares: the one error handler and report writing."""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import NoReturn

import click

from finops_gate.errors import ExitCode, FinopsGateError, OutputError, one_line

CONTEXT = {"help_option_names": ["-h", "--help"]}
# A price table laid over the bundled one for every run (the --prices option wins).
PRICES_ENV = "FINOPS_GATE_PRICES"

# Options `check` and the pre-commit hook share, declared once.
prices_option = click.option(
    "--prices",
    "prices",
    metavar="FILE",
    default=None,
    envvar=PRICES_ENV,
    show_envvar=True,
    help="A price table (e.g. from `pricing update`) laid over the bundled one: its figures "
    "win, the bundled table prices the rest.",
)
prices_only_option = click.option(
    "--prices-only",
    "prices_only",
    is_flag=True,
    default=False,
    help='Price from the --prices table alone: what it lacks is "price not found".',
)
allow_outside_repo_option = click.option(
    "--allow-outside-repo",
    is_flag=True,
    default=False,
    help="Read `extends:` policy files and local modules outside the repository too "
    "(also FINOPS_GATE_ALLOW_OUTSIDE_REPO=1). Default: refused.",
)
_DEBUG_ENV = "FINOPS_GATE_DEBUG"
# errno values that only writing produces.
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE})


@contextmanager
def error_handler() -> Iterator[None]:
    """The one place that decides how a failure ends the process."""
    try:
        yield
    except FinopsGateError as error:
        show_gate_error(error)
        sys.exit(error.exit_code)
    except click.exceptions.Exit as exit_:
        sys.exit(exit_.exit_code)
    except click.exceptions.Abort:
        click.echo("finops-gate: interrupted", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except click.ClickException as error:
        show_usage_error(error)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except KeyboardInterrupt:
        click.echo("finops-gate: interrupted", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except Terminated:
        discard_stdout()
        click.echo("finops-gate: error: terminated (SIGTERM)", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except OSError as error:
        if error.errno not in _WRITE_ERRORS:
            _internal_error(error)
        # Only writing fails this way: standard output on a full disk or a closed pipe.
        discard_stdout()
        click.echo(f"finops-gate: error: cannot write the output: {error.strerror}", err=True)
        sys.exit(ExitCode.COULD_NOT_RUN)
    except Exception as error:
        _internal_error(error)


def show_gate_error(error: FinopsGateError) -> None:
    """The one line a bad input gets on standard error (the hook prints it for a
    directory and goes on with the others)."""
    click.echo(f"finops-gate: error: {one_line(str(error))}", err=True)


def _internal_error(error: Exception) -> NoReturn:
    if os.environ.get(_DEBUG_ENV):
        raise error
    click.echo(
        f"finops-gate: internal error: {type(error).__name__}: {one_line(str(error))} "
        f"(set {_DEBUG_ENV}=1 for a traceback, and please report it)",
        err=True,
    )
    sys.exit(ExitCode.INTERNAL_ERROR)


def in_github_actions(env: Mapping[str, str] = os.environ) -> bool:
    return env.get("GITHUB_ACTIONS") == "true"


def aws_region(value: str | None) -> str | None:
    """A `--region` value: an AWS region code, or None."""
    from finops_gate.plan.aws_regions import AWS_REGIONS

    if value is not None and value not in AWS_REGIONS:
        raise click.BadParameter(f"{value!r} is not an AWS region code (e.g. eu-west-1)")
    return value


def show_usage_error(error: click.ClickException) -> None:
    """click's own message (usage line and hint), each line escaped: a bad option value
    may come from a workflow input."""
    if isinstance(error, click.UsageError) and error.ctx is not None:
        click.echo(error.ctx.get_usage(), err=True)
        if error.ctx.command.get_help_option(error.ctx) is not None:
            hint = f"Try '{error.ctx.command_path} {error.ctx.help_option_names[0]}' for help."
            click.echo(hint, err=True)
    click.echo(f"Error: {one_line(error.format_message())}", err=True)


class Terminated(BaseException):
    """SIGTERM arrived (a CI job cancelled or timed out). A BaseException, like
    KeyboardInterrupt, so no `except Exception` on the way up can swallow it."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated


def handle_sigterm() -> None:
    """End on SIGTERM through the error handler: one line and exit 2, no partial report
    (`--output` is only renamed into place once complete)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _on_sigterm)


def discard_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's final flush of what is
    still buffered cannot fail again (a full disk, a closed pipe) after we reported it."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def flush_stdout() -> None:
    """Flush standard output; a failure (ENOSPC on /dev/full) is an OutputError."""
    try:
        sys.stdout.flush()
    except OSError as error:
        discard_stdout()
        raise OutputError(f"standard output: cannot write: {error.strerror}") from None


def write_text(text: str, output: str | None) -> None:
    if output is None or output == "-":
        try:
            sys.stdout.write(text)
        except OSError as error:
            discard_stdout()
            raise OutputError(f"standard output: cannot write: {error.strerror}") from None
        flush_stdout()
        return
    write_file_atomically(output, text, "the report")


def write_file_atomically(output: str, text: str, what: str) -> None:
    """Write `text` to `output` so that a reader (or an interrupted run) never sees an
    empty or partial file: a temporary file in the same directory, renamed into place.

    A path that exists and is not a regular file (a FIFO, /dev/stdout) is written
    directly: renaming over it would replace the device or pipe itself. A symbolic link
    keeps pointing where it did: its target is replaced."""
    data = text.encode("utf-8")
    try:
        if os.path.exists(output) and not os.path.isfile(output):
            with open(output, "wb") as stream:
                stream.write(data)
            return
        target = os.path.realpath(output)
        directory = os.path.dirname(target) or "."
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{os.path.basename(target)}.", suffix=".tmp", dir=directory
        )
    except OSError as error:
        raise OutputError(f"{output}: cannot write {what}: {error.strerror}") from None
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise OutputError(f"{output}: cannot write {what}: {error.strerror}") from None
        raise


def _mode_for(target: str) -> int:
    """The replaced file's permissions, or those a new file gets (mkstemp's are 0600)."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        return 0o666 & ~mask
