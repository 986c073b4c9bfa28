"""Command line: parse arguments, run the pipeline, map every failure to an exit code.

Only this package does terminal and file I/O; one error handler (`common.error_handler`)
decides how every failure ends the process.

The commands (`main`, `cli`, `check_command`, in `app`) load on first use: the pre-commit
hook (`hook`) shares the error handler in `common` and runs on every commit, so it must
not pay for importing every command and renderer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from finops_gate.cli.app import check_command, cli, main

__all__ = ["check_command", "cli", "main"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from finops_gate.cli import app

        return getattr(app, name)
    raise AttributeError(name)
