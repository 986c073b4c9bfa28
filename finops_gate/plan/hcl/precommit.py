"""Which directories a commit's changed Terraform files ask the pre-commit hook to gate.

Files are grouped by directory. A directory that another directory uses as a local
module (`source = "./..."`, `"../..."` or an absolute path) is gated through that caller,
up to the root modules that give it its inputs and providers. Sources leading out of the
repository are not followed unless allowed (finops_gate/confine.py). The hook itself
(arguments, pipeline, output, exit codes) is `finops_gate.cli.hook`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

from finops_gate.confine import is_inside, real
from finops_gate.plan.hcl.files import SOURCE_LIMIT, read_regular_file, repository_top

# Within one line: `\s` or `[^"]` spanning lines makes a file of blank lines (or of
# unclosed quotes) take quadratic time, and every .tf file of the repository is scanned.
_SOURCE = re.compile(r'^[ \t]*source[ \t]*=[ \t]*"((?:\.\.?)?/[^"\n]*)"', re.M)


def _local_sources(directory: Path, top: Path, boundary: Path | None) -> set[Path]:
    """Local module directories the .tf files of `directory` call. Read like every file
    HCL mode reads: a regular file of bounded size inside the scanned tree, so that a
    FIFO, a device or a link out of it named `x.tf` is skipped, never waited on. With a
    `boundary` (a real path), only modules inside it count."""
    found: set[Path] = set()
    limit = SOURCE_LIMIT.bytes()
    for path in sorted(directory.glob("*.tf")):
        real_path = Path(os.path.realpath(path))
        if not real_path.is_relative_to(top):
            continue
        content = read_regular_file(real_path, limit)
        if isinstance(content, str):  # why it was not read: gating the directory says it
            continue
        for source in _SOURCE.findall(content.decode("utf-8", errors="replace")):
            module = (directory / source).resolve()
            if boundary is None or is_inside(module, [boundary]):
                found.add(module)
    return found


# The files that make a directory worth gating again (.pre-commit-hooks.yaml's `files`).
HOOK_SUFFIXES = (".tf", ".tf.json", ".tfvars", ".tfvars.json")


def root_directories(
    files: Sequence[str], top: Path, allow_outside_repo: bool = False
) -> list[Path]:
    """Directories to gate for the changed files: a directory that other directories use
    as a local module is replaced by its callers, up to the root modules."""
    top = top.resolve()
    wanted: set[Path] = set()
    for file in files:
        if not file.endswith(HOOK_SUFFIXES):
            continue
        directory = Path(file).resolve().parent
        if directory.is_dir():
            wanted.add(directory)
    callers = _callers(top, allow_outside_repo) if wanted else {}
    roots: set[Path] = set()
    pending = sorted(wanted)
    seen: set[Path] = set()
    while pending:
        directory = pending.pop()
        if directory in seen:
            continue
        seen.add(directory)
        users = callers.get(directory, set()) - {directory}
        if users:
            pending.extend(sorted(users))
        else:
            roots.add(directory)
    return sorted(roots)


_SKIPPED_DIRS = {".git", ".terraform", "node_modules", ".venv", "venv", "__pycache__"}


def _callers(top: Path, allow_outside_repo: bool) -> dict[Path, set[Path]]:
    """Module directory -> directories under `top` that call it with a local source."""
    boundary = None if allow_outside_repo else real(repository_top(top))
    callers: dict[Path, set[Path]] = {}
    for current, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith("."))
        if not any(name.endswith(".tf") for name in names):
            continue
        directory = Path(current)
        for module in _local_sources(directory, top, boundary):
            callers.setdefault(module, set()).add(directory)
    return callers
