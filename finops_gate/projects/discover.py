"""Find the root modules of a repository (`finops-gate DIR --recursive`).

A root module is a directory with `.tf` files that is not only called as a module by
others: a directory some `module` block points at (`source = "../modules/vpc"`) is a
module, unless nothing calls it. `.terraform/` and hidden directories are skipped, and
so is every directory matched by a pattern of `.finops-gateignore` (one glob a line,
`#` comments, relative to DIR) or of the config file's `exclude:` list.
"""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Iterable
from pathlib import Path

IGNORE_FILE = ".finops-gateignore"
# `source = "./x"` or `source = "../x"` inside a module block; registry and git sources
# are not directories of this repository.
_LOCAL_SOURCE = re.compile(r'^\s*source\s*=\s*"(\.\.?/[^"]*)"', re.MULTILINE)


def ignore_patterns(root: Path) -> list[str]:
    path = root / IGNORE_FILE
    if not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _excluded(relative: str, patterns: Iterable[str]) -> bool:
    """`relative` (POSIX, from the root) or one of its parents matches a pattern."""
    parts = relative.split("/")
    prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
    for pattern in patterns:
        pattern = pattern.strip("/")
        if any(fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes):
            return True
    return False


def _tf_directories(root: Path) -> list[Path]:
    found: list[Path] = []
    for current, directories, files in os.walk(root):
        # Pruned in place: os.walk does not descend into what is removed.
        directories[:] = sorted(d for d in directories if not d.startswith("."))
        if any(name.endswith(".tf") for name in files):
            found.append(Path(current))
    return found


def _called_modules(directory: Path) -> set[Path]:
    called: set[Path] = set()
    for tf in sorted(directory.glob("*.tf")):
        text = tf.read_text(encoding="utf-8", errors="replace")
        for source in _LOCAL_SOURCE.findall(text):
            called.add((directory / source).resolve())
    return called


def discover_root_modules(root: Path, exclude: Iterable[str] = ()) -> list[Path]:
    """Root module directories under `root`, sorted by their path relative to it."""
    patterns = [*ignore_patterns(root), *exclude]
    directories = _tf_directories(root)
    # Calls from excluded directories count too: a module stays a module when only its
    # callers are excluded.
    called: set[Path] = set()
    for directory in directories:
        called |= _called_modules(directory)
    roots = [
        d
        for d in directories
        if d.resolve() not in called and not _excluded(d.relative_to(root).as_posix(), patterns)
    ]
    return sorted(roots, key=lambda d: d.relative_to(root).as_posix())
