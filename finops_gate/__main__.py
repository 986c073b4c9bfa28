"""`python -m finops_gate`, the `finops-gate` command and the `finops-gate-hook` command.

Importing the CLI takes a noticeable fraction of a second; Ctrl-C or SIGTERM (a cancelled
CI job) in that window must end like they do anywhere else (one line, exit 2), not with a
traceback of the import or death by signal.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
from typing import NoReturn

# ExitCode.COULD_NOT_RUN, not imported: importing is what gets interrupted.
_COULD_NOT_RUN = 2


def _terminated_while_starting(signum: int, frame: object) -> None:
    sys.stderr.write("finops-gate: error: terminated (SIGTERM)\n")
    raise SystemExit(_COULD_NOT_RUN)


def _without_collector() -> None:
    """A run of the command goes without Python's cyclic garbage collector.

    A run builds millions of objects and next to no reference cycles, and it ends with
    the process: the collector's passes over everything built so far cost about a tenth
    of a large plan's run and would free nothing. Objects are still freed when their last
    reference goes; a stray cycle is freed with the process."""
    gc.disable()


def entry() -> NoReturn:
    _without_collector()
    if sys.argv[1:] == ["--version"]:
        # Answered before importing the CLI, which is most of a run's start-up.
        from finops_gate import __version__

        sys.stdout.write(f"finops-gate, version {__version__}\n")
        sys.exit(0)
    # The CLI installs its own handler (cli.common.handle_sigterm) once it is imported.
    signal.signal(signal.SIGTERM, _terminated_while_starting)
    try:
        from finops_gate.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("finops-gate: interrupted\n")
        sys.exit(_COULD_NOT_RUN)
    try:
        main()
    except SystemExit as exit_:
        _end_now(exit_)
        raise
    sys.exit(0)


def _end_now(exit_: SystemExit) -> None:
    """End the process with the run's exit code without freeing what it built.

    The report is written and flushed by then; freeing a large plan's millions of
    objects one by one, only for the process to end, takes about a second at 100,000
    resources. Returns (the caller exits as usual) when the streams cannot be flushed
    or the code is not a number."""
    code = 0 if exit_.code is None else exit_.code
    if not isinstance(code, int):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code)


def hook_entry() -> NoReturn:
    """The pre-commit hook (`finops_gate.cli.hook`)."""
    _without_collector()
    signal.signal(signal.SIGTERM, _terminated_while_starting)
    try:
        from finops_gate.cli.hook import main
    except KeyboardInterrupt:
        sys.stderr.write("finops-gate: interrupted\n")
        sys.exit(_COULD_NOT_RUN)
    sys.exit(main())


if __name__ == "__main__":
    entry()
