"""Where a suggestion's value is written in the configuration, and that line rewritten:
what SARIF `fixes` and GitHub suggestion comments offer.

Only a value written as a literal string on a line of its own (`instance_type =
"m5.large"`) in the resource's block is rewritten: a value from a variable, a local, a
list or a dynamic block has no line to rewrite, and one that could be on either of two
lines (two `ebs_block_device` blocks both with `volume_type = "gp2"`) is left alone
rather than guessed. A suggested value "gp3 with iops = 6000, throughput = 250" becomes
`"gp3"` and the settings on new lines below it, indented as the line is.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from finops_gate.records import record
from finops_gate.savings.model import Recommendation

# A plain value, optionally followed by the settings that go with it (ebs-gp3's text).
_SUGGESTED = re.compile(r"^(?P<value>[A-Za-z0-9_.:/-]+)(?: with (?P<settings>.+))?$")
_SETTING = re.compile(r"^(?P<key>[a-z_]+) = (?P<value>[0-9.]+)$")
_ASSIGNMENT = re.compile(
    r"^(?P<indent>\s*)(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*=\s*"
    r'(?P<value>"[^"\\$]*"|true|false|[0-9]+(?:\.[0-9]+)?)\s*'
    r"(?:(?:#|//).*)?$"
)
_BARE = re.compile(r"true|false|[0-9]+(?:\.[0-9]+)?")
_KEY = re.compile(r"^\s*(?P<key>[A-Za-z_][A-Za-z0-9_-]*)\s*=")
_BLOCK_OPEN = re.compile(r'^\s*(?P<name>[A-Za-z_][A-Za-z0-9_-]*)(?:\s+"[^"]*")*\s*=?\s*\{\s*$')
_PATH_PART = re.compile(r"\[\d+\]")
# A resource block longer than this is not searched (a generated file, say).
_MAX_BLOCK_LINES = 2000


@record(slots=True)
class LineFix:
    """The quoted value at `column`..`end_column` (1-based, end exclusive, as SARIF's
    regions) of `line` in `path`, replaced by `inserted`."""

    path: str  # as finops-gate was given it: relative to where it runs, "/" separated
    line: int
    column: int
    end_column: int
    original: str  # the whole line as written
    inserted: str  # what replaces the quoted value (settings on new lines after it)

    @property
    def replacement(self) -> str:
        """The line rewritten (with any added lines)."""
        return (
            self.original[: self.column - 1] + self.inserted + self.original[self.end_column - 1 :]
        )


def with_line_fixes(
    recommendations: tuple[Recommendation, ...], root: str | Path
) -> tuple[Recommendation, ...]:
    """The recommendations, each with its `fix` when its line can be found under `root`
    (the directory HCL mode read; recommendation files are relative to it)."""
    files: dict[str, list[str] | None] = {}
    fixed: list[Recommendation] = []
    for item in recommendations:
        fix = None
        if item.file is not None and item.line is not None:
            if item.file not in files:
                files[item.file] = _read_lines(Path(root) / item.file)
            lines = files[item.file]
            if lines is not None:
                fix = line_fix(item, lines, _joined(root, item.file))
        fixed.append(replace(item, fix=fix) if fix is not None else item)
    return tuple(fixed)


def line_fix(item: Recommendation, lines: list[str], path: str) -> LineFix | None:
    """The fix for `item` in a file's `lines` (its resource block starts at item.line)."""
    suggested = _SUGGESTED.match(item.suggested_value)
    if item.line is None or suggested is None or not item.current_value:
        return None
    settings = _settings(suggested.group("settings"))
    if settings is None:
        return None
    *parents, key = _PATH_PART.sub("", item.attribute).split(".")
    # A boolean or a number may be written bare (multi_az = true), anything else quoted.
    wanted = {f'"{item.current_value}"'}
    if _BARE.fullmatch(item.current_value):
        wanted.add(item.current_value)
    candidates: list[tuple[int, re.Match[str]]] = []
    set_beside: dict[str, str] = {}
    for number, stack, text in _block_lines(lines, item.line):
        if stack != parents:
            continue
        match = _ASSIGNMENT.match(text)
        if match is not None and match.group("key") == key and match.group("value") in wanted:
            candidates.append((number, match))
        named = _KEY.match(text)
        if named is not None:
            set_beside[named.group("key")] = text[named.end() :].split("#", 1)[0].strip()
    if len(candidates) != 1:
        return None
    # A setting already written with the suggested value stays as it is; with another
    # value, the line alone cannot say what the block should become.
    if any(set_beside.get(name, value) != value for name, value in settings):
        return None
    settings = [(name, value) for name, value in settings if name not in set_beside]
    number, match = candidates[0]
    indent = match.group("indent")
    value = suggested.group("value")
    bare = not match.group("value").startswith('"') and _BARE.fullmatch(value) is not None
    inserted = (value if bare else f'"{value}"') + "".join(
        f"\n{indent}{name} = {value}" for name, value in settings
    )
    return LineFix(
        path=path,
        line=number,
        column=match.start("value") + 1,
        end_column=match.end("value") + 1,
        original=lines[number - 1],
        inserted=inserted,
    )


def _settings(text: str | None) -> list[tuple[str, str]] | None:
    if text is None:
        return []
    found: list[tuple[str, str]] = []
    for part in text.split(", "):
        match = _SETTING.match(part)
        if match is None:
            return None  # prose, not settings: nothing to write
        found.append((match.group("key"), match.group("value")))
    return found


def _block_lines(lines: list[str], start: int) -> Iterable[tuple[int, list[str], str]]:
    """(line number, names of the nested blocks it is in, text) for each line inside the
    resource block that starts on line `start`."""
    if not 1 <= start <= len(lines) or not lines[start - 1].rstrip().endswith("{"):
        return
    stack: list[str] = []
    depth = 1
    last = min(len(lines), start + _MAX_BLOCK_LINES)
    for number in range(start + 1, last + 1):
        text = lines[number - 1]
        opened = _BLOCK_OPEN.match(text)
        if opened is not None:
            stack.append(opened.group("name"))
            depth += 1
            continue
        yield number, list(stack), text
        depth += _braces(text)
        while len(stack) >= depth and stack:
            stack.pop()
        if depth <= 0:
            return


def _braces(text: str) -> int:
    code = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    code = re.split(r"#|//", code, maxsplit=1)[0]
    return code.count("{") - code.count("}")


def _read_lines(path: Path) -> list[str] | None:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None


def _joined(root: str | Path, file: str) -> str:
    joined = posixpath.normpath((Path(root) / file).as_posix())
    return joined.removeprefix("./")
