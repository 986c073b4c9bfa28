"""`python -m finops_gate`, the `finops-gate` command and the `finops-gate-hook` command.

Importing the CLI takes a noticeable fraction of a second; Ctrl-C in that window must end
like Ctrl-C anywhere else (one line, exit 2), not with a traceback of the import.
"""

from __future__ import annotations

import sys
from typing import NoReturn


def entry() -> NoReturn:
    try:
        from finops_gate.cli import main
    except KeyboardInterrupt:
        sys.stderr.write("finops-gate: interrupted\n")
        sys.exit(2)  # ExitCode.COULD_NOT_RUN, not imported: it is what was interrupted
    main()
    sys.exit(0)


def hook_entry() -> NoReturn:
    """The pre-commit hook (`finops_gate.cli.hook`)."""
    try:
        from finops_gate.cli.hook import main
    except KeyboardInterrupt:
        sys.stderr.write("finops-gate: interrupted\n")
        sys.exit(2)
    sys.exit(main())


if __name__ == "__main__":
    entry()
