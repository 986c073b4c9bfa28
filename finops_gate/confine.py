"""Files a configuration refers to stay inside its repository unless the user allows more.

A pull request controls `extends:` in a policy file and every module `source`, so either
could point at any directory of the machine running the gate (a home directory, another
checkout, /etc). What they refer to is read only when its real path (symlinks resolved)
is inside the repository of the file that refers to it: the nearest directory at or
above that file's directory holding `.git`, else that directory itself.
`--allow-outside-repo` or FINOPS_GATE_ALLOW_OUTSIDE_REPO=1 lifts the rule.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from enum import Enum
from pathlib import Path

from finops_gate.errors import FinopsGateError

OPTION = "--allow-outside-repo"
ENV_VAR = "FINOPS_GATE_ALLOW_OUTSIDE_REPO"
HOW_TO_ALLOW = f"{OPTION} or {ENV_VAR}=1 allows it"

_TRUE = ("1", "true", "yes", "on")
_FALSE = ("", "0", "false", "no", "off")


class OutsideRepo(str, Enum):
    """What to do with a module directory outside the repository."""

    REFUSE = "refuse"  # exit 2 naming the file, the field and the option (HCL mode)
    SKIP = "skip"  # leave it out with a note (plan mode's optional configuration reading)
    READ = "read"  # allowed by the user


def allowed_by_environment(environ: Mapping[str, str]) -> bool:
    """FINOPS_GATE_ALLOW_OUTSIDE_REPO as a flag; any other value than a yes or a no is a
    mistake worth stopping for (a typo must not silently keep or lift the rule)."""
    value = environ.get(ENV_VAR, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise FinopsGateError(f"{ENV_VAR}: expected 1 or 0, got {value[:20]!r}")


def outside_allowed(option: bool, environ: Mapping[str, str] | None = None) -> bool:
    """Whether the command line's `--allow-outside-repo` or the environment (default: the
    process's) allows reading outside the repository."""
    return option or allowed_by_environment(os.environ if environ is None else environ)


def real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def is_inside(target: Path, boundaries: Iterable[Path]) -> bool:
    """Whether `target`'s real path is inside one of `boundaries` (real paths)."""
    resolved = real(target)
    return any(resolved.is_relative_to(boundary) for boundary in boundaries)


def refusal(where: str, field: str, written: str, consequence: str = "not read") -> str:
    """The one-line message for a reference that leaves the repository: the path as
    written, never the absolute path it resolves to on this machine."""
    outside = f"{written!r} leads outside the repository"
    return f"{where}: {field}: {outside}; {consequence} ({HOW_TO_ALLOW})"
