"""Where Terraform's file functions may read (filefunctions.py defines them).

HCL mode may run on configurations nobody has reviewed yet (a pull request, a pre-commit
hook), so a file function only reads a regular file inside the repository (the gated
directory's git top level, else the gated directory itself), never anything under
`.git`, never through a symlink that leads out, never more than MAX_FILE_BYTES. A call
that would break these rules gives an Unknown value that says why; nothing is opened.
Relative paths start where terraform runs: the root module's directory.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from finops_gate.input_files import SizeLimit
from finops_gate.plan.hcl.sets import SetList
from finops_gate.plan.hcl.values import EvalError, Unknown

MAX_FILE_BYTES = 1 << 20
FILE_FUNCTION_LIMIT = SizeLimit(
    "file read by a file function", MAX_FILE_BYTES, "FINOPS_GATE_MAX_FILE_FUNCTION_BYTES"
)
MAX_FILESET_ENTRIES = 10_000
MAX_FILESET_VISITS = 100_000


def repository_top(directory: Path) -> Path:
    """The nearest directory at or above `directory` holding `.git` (never the filesystem
    root), else `directory`."""
    for candidate in (directory, *directory.parents):
        if candidate == candidate.parent:  # a repository at / would open up /proc, /dev
            break
        if (candidate / ".git").exists():
            return candidate
    return directory


class FileAccess:
    """Reads files for one evaluation, confined to `boundary`; results are cached."""

    def __init__(self, cwd: Path, shown_cwd: str, boundary: Path) -> None:
        self.cwd = cwd
        self.shown_cwd = shown_cwd
        self.boundary = Path(os.path.realpath(boundary))
        self._contents: dict[str, bytes | Unknown] = {}

    def locate(self, raw: str) -> Path | Unknown:
        """The real path `raw` names, if it is inside the boundary (nothing is opened)."""
        if "\x00" in raw:
            return Unknown("a path with a NUL character; not read")
        if raw.startswith("~"):
            return Unknown(f"{raw!r} is in a home directory, outside the repository; not read")
        candidate = raw if os.path.isabs(raw) else os.path.join(self.cwd, raw)
        real = Path(os.path.realpath(candidate))
        if not real.is_relative_to(self.boundary):
            return Unknown(f"{raw!r} is outside the repository; not read")
        if ".git" in real.relative_to(self.boundary).parts:
            return Unknown(f"{raw!r} is inside .git; not read")
        return real

    def exists(self, raw: str) -> bool | Unknown:
        real = self.locate(raw)
        if isinstance(real, Unknown):
            return real
        try:
            mode = os.stat(real).st_mode
        except FileNotFoundError:
            return False
        except OSError as error:
            return Unknown(f"{raw!r} cannot be inspected: {error.strerror}")
        if not stat.S_ISREG(mode):
            return Unknown(f"{raw!r} is not a regular file; not read")
        return True

    def read(self, raw: str) -> bytes | Unknown:
        if raw not in self._contents:
            self._contents[raw] = self._read(raw)
        return self._contents[raw]

    def _read(self, raw: str) -> bytes | Unknown:
        real = self.locate(raw)
        if isinstance(real, Unknown):
            return real
        try:
            info = os.stat(real)
        except FileNotFoundError:
            raise EvalError(f"no file exists at {raw!r}") from None
        except OSError as error:
            return Unknown(f"{raw!r} cannot be read: {error.strerror}")
        if not stat.S_ISREG(info.st_mode):
            return Unknown(f"{raw!r} is not a regular file; not read")
        limit = FILE_FUNCTION_LIMIT.bytes()
        if info.st_size > limit:
            return Unknown(
                f"{raw!r} is larger than {limit} bytes; not read "
                f"({FILE_FUNCTION_LIMIT.env} raises the limit)"
            )
        content = read_regular_file(real, limit)
        if isinstance(content, str):
            return Unknown(f"{raw!r}: {content}")
        return content

    def fileset(self, raw: str, pattern: str) -> list[str] | Unknown:
        """Terraform's fileset: the regular files under `raw` matching `pattern`, relative
        to `raw`, sorted; links that lead out of the repository are left out."""
        from finops_gate.plan.hcl.globbing import glob_regex

        top = self.locate(raw)
        if isinstance(top, Unknown):
            return top
        matcher = glob_regex(pattern)
        found: list[str] = []
        visited = 0
        for directory, folders, files in os.walk(top):
            here = Path(directory)
            folders[:] = sorted(f for f in folders if f != ".git")
            visited += len(files)
            if visited > MAX_FILESET_VISITS:
                return Unknown(f"fileset({raw!r}, {pattern!r}): too many files to look at")
            for name in files:
                relative = (here / name).relative_to(top).as_posix()
                if not matcher.fullmatch(relative):
                    continue
                real = self.locate(str(here / name))
                if isinstance(real, Unknown) or not real.is_file():
                    continue
                found.append(relative)
                if len(found) > MAX_FILESET_ENTRIES:
                    return Unknown(f"fileset({raw!r}, {pattern!r}) matches too many files")
        return SetList(sorted(found))

    def text(self, raw: str) -> str | Unknown:
        data = self.read(raw)
        if isinstance(data, Unknown):
            return data
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            raise EvalError(f"the contents of {raw!r} are not valid UTF-8") from None


MAX_SOURCE_BYTES = 8 << 20
SOURCE_LIMIT = SizeLimit("configuration file", MAX_SOURCE_BYTES, "FINOPS_GATE_MAX_TF_BYTES")


def read_source_text(path: Path, shown: str, confined: bool = True) -> str:
    """The text of a configuration file (`.tf`, `.tf.json`, `.tfvars`) HCL mode reads by
    itself. A pull request may hold any of them, so: only a regular file (never a FIFO
    or a device, which could hang or stream forever), of at most MAX_SOURCE_BYTES, and,
    when `confined`, never through a link that leaves the repository (a `main.tf` linked
    to /proc/self/environ must not end up quoted in an error). Errors name the file, not
    its content."""
    from finops_gate.errors import PlanError

    real = Path(os.path.realpath(path))
    if confined:
        boundary = Path(os.path.realpath(repository_top(Path(os.path.abspath(path)).parent)))
        if not real.is_relative_to(boundary):
            raise PlanError(f"{shown}: a link to a file outside the repository; not read")
    if not real.exists():
        raise PlanError(f"{shown}: no such file")
    limit = SOURCE_LIMIT.bytes()
    content = read_regular_file(real, limit)
    if isinstance(content, str):
        if content.startswith("larger than"):
            content += f" ({SOURCE_LIMIT.env} raises the limit)"
        raise PlanError(f"{shown}: {content}")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PlanError(f"{shown}: not UTF-8 text") from None


def read_regular_file(real: Path, limit: int) -> bytes | str:
    """The bytes of a regular file of at most `limit` bytes, else why not (a phrase to
    put after the file's name and a colon).

    O_NONBLOCK, O_NOFOLLOW and the check on the open descriptor: a file swapped for a
    FIFO or a symlink after any earlier check is still never waited on or followed."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
    try:
        descriptor = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        return f"cannot read: {error.strerror}"
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            return "not a regular file; not read"
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(descriptor, limit + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(descriptor)
    if size > limit:
        return f"larger than {limit} bytes; not read"
    return b"".join(chunks)
