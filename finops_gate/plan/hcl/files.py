"""Terraform's file functions (`file`, `fileexists`, `filebase64`, `templatefile`), confined.

HCL mode may run on configurations nobody has reviewed yet (a pull request, a pre-commit
hook), so a file function only reads a regular file inside the repository (the gated
directory's git top level, else the gated directory itself), never anything under
`.git`, never through a symlink that leads out, never more than MAX_FILE_BYTES. A call
that would break these rules gives an Unknown value that says why; nothing is opened.
Relative paths start where terraform runs: the root module's directory.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import os
import stat
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.paths import abspath_from
from finops_gate.plan.hcl.sets import SetList
from finops_gate.plan.hcl.values import (
    EvalError,
    Unknown,
    contains_unknown,
    to_string,
)

MAX_FILE_BYTES = 1 << 20
MAX_FILESET_ENTRIES = 10_000
MAX_FILESET_VISITS = 100_000
_IDENTIFIER_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_"


def _base64_digest(algorithm: str) -> Callable[[bytes], str]:
    return lambda data: base64.b64encode(hashlib.new(algorithm, data).digest()).decode("ascii")


FILE_DIGESTS: dict[str, Callable[[bytes], str]] = {
    "filebase64": lambda data: base64.b64encode(data).decode("ascii"),
    "filemd5": lambda data: hashlib.md5(data).hexdigest(),
    "filesha1": lambda data: hashlib.sha1(data).hexdigest(),
    "filesha256": lambda data: hashlib.sha256(data).hexdigest(),
    "filesha512": lambda data: hashlib.sha512(data).hexdigest(),
    "filebase64sha256": _base64_digest("sha256"),
    "filebase64sha512": _base64_digest("sha512"),
}


def repository_top(directory: Path) -> Path:
    """The nearest directory at or above `directory` holding `.git`, else `directory`."""
    for candidate in (directory, *directory.parents):
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
        if info.st_size > MAX_FILE_BYTES:
            return Unknown(f"{raw!r} is larger than {MAX_FILE_BYTES} bytes; not read")
        # O_NONBLOCK and the second check on the open descriptor: a file swapped for a
        # FIFO or a symlink after the stat above is still never waited on or followed.
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0)
        try:
            descriptor = os.open(real, flags | getattr(os, "O_CLOEXEC", 0))
        except OSError as error:
            return Unknown(f"{raw!r} cannot be read: {error.strerror}")
        try:
            if not stat.S_ISREG(os.fstat(descriptor).st_mode):
                return Unknown(f"{raw!r} is not a regular file; not read")
            chunks: list[bytes] = []
            size = 0
            while size <= MAX_FILE_BYTES:
                chunk = os.read(descriptor, MAX_FILE_BYTES + 1 - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        finally:
            os.close(descriptor)
        if size > MAX_FILE_BYTES:
            return Unknown(f"{raw!r} is larger than {MAX_FILE_BYTES} bytes; not read")
        return b"".join(chunks)

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


def file_functions(
    access: FileAccess, functions: Mapping[str, Callable[..., Any]]
) -> dict[str, Callable[..., Any]]:
    """The functions that need the filesystem or the working directory, on top of
    `functions` (which templates may call too)."""

    def path_argument(value: Any) -> str | Unknown:
        if isinstance(value, Unknown):
            return value
        return to_string(value)

    def file(path: Any) -> Any:
        raw = path_argument(path)
        return raw if isinstance(raw, Unknown) else access.text(raw)

    def fileexists(path: Any) -> Any:
        raw = path_argument(path)
        return raw if isinstance(raw, Unknown) else access.exists(raw)

    def digest_of_file(name: str, digest: Callable[[bytes], str]) -> Callable[[Any], Any]:
        def function(path: Any) -> Any:
            raw = path_argument(path)
            data = raw if isinstance(raw, Unknown) else access.read(raw)
            return data if isinstance(data, Unknown) else digest(data)

        function.__name__ = name
        return function

    def fileset(path: Any, pattern: Any) -> Any:
        directory, glob = path_argument(path), path_argument(pattern)
        if isinstance(directory, Unknown):
            return directory
        if isinstance(glob, Unknown):
            return glob
        return access.fileset(directory, glob)

    def abspath(path: Any) -> Any:
        return path if isinstance(path, Unknown) else abspath_from(access.shown_cwd)(path)

    result: dict[str, Callable[..., Any]] = dict(functions)
    result.update(file=file, fileexists=fileexists, fileset=fileset, abspath=abspath)
    result.update({name: digest_of_file(name, digest) for name, digest in FILE_DIGESTS.items()})
    in_templates = dict(result)  # templatefile may not call itself

    def templatefile(path: Any, variables: Any) -> Any:
        raw = path_argument(path)
        if isinstance(raw, Unknown):
            return raw
        if isinstance(variables, Unknown):
            return variables
        if not isinstance(variables, dict):
            raise EvalError("templatefile: the second argument must be a map")
        for name in variables:
            if not name or name[0] not in _IDENTIFIER_START:
                raise EvalError(f"templatefile: {name!r} is not a valid variable name")
        text = access.text(raw)
        if isinstance(text, Unknown):
            return text
        return render_template(text, variables, in_templates, raw)

    result["templatefile"] = templatefile
    return result


def render_template(
    text: str,
    variables: Mapping[str, Any],
    functions: Mapping[str, Callable[..., Any]],
    shown: str,
) -> Any:
    """Terraform template syntax (`${...}`, `%{ if }`, `%{ for }`) with `variables` only."""
    from finops_gate.plan.hcl.evaluate import Evaluator

    def resolve(name: str) -> Any:
        if name in variables:
            return variables[name]
        raise EvalError(f"{shown}: the template refers to {name}, which vars does not set")

    try:
        expression = _parsed_template(text, shown)
    except (PlanError, EvalError) as error:
        return Unknown(f"{shown} is not a template HCL mode can read: {error}")
    value = Evaluator(resolve, functions).evaluate(expression)
    unknown = contains_unknown(value)
    return unknown if unknown is not None else value


@functools.lru_cache(maxsize=64)
def _parsed_template(text: str, shown: str) -> Any:
    """The template as an expression tree (parsed once, however many instances use it)."""
    from finops_gate.plan.hcl.evaluate import _quoted_template
    from finops_gate.plan.hcl.syntax import parse_text

    return parse_text(f"x = {_quoted_template(text)}\n", shown).attributes["x"].expr
