"""Reading untrusted input files (plan, policy, usage, price table) within bounds.

The gate runs on pull requests, so a file may be `/dev/zero`, a 50 MB policy or YAML
nested a hundred thousand levels deep. Each kind of file has a size
cap (raised through an environment variable); a device or socket is refused before it is
read; YAML is parsed with a depth cap and every value the YAML library cannot build (an
impossible date, a 5,000-digit integer) becomes one clear error, never a crash.
"""

from __future__ import annotations

import os
import stat
from typing import Any

import yaml

from finops_gate.errors import FinopsGateError
from finops_gate.records import record

_MIB = 1024 * 1024


@record(slots=True)
class SizeLimit:
    """The most bytes read from one kind of file, and the variable that raises it."""

    what: str
    default: int
    env: str

    def bytes(self) -> int:
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        if not raw.isascii() or not raw.isdigit() or len(raw) > 18 or int(raw) <= 0:
            raise FinopsGateError(f"{self.env}: expected a positive number of bytes")
        return int(raw)


PLAN_LIMIT = SizeLimit("plan", 2048 * _MIB, "FINOPS_GATE_MAX_PLAN_BYTES")
POLICY_LIMIT = SizeLimit("policy file", 4 * _MIB, "FINOPS_GATE_MAX_POLICY_BYTES")
USAGE_LIMIT = SizeLimit("usage file", 4 * _MIB, "FINOPS_GATE_MAX_USAGE_BYTES")
PRICE_LIMIT = SizeLimit("price table", 256 * _MIB, "FINOPS_GATE_MAX_PRICES_BYTES")

# Deeper than any policy or usage file needs (they nest four or five levels).
MAX_YAML_DEPTH = 64
# Values once aliases are expanded: a few kilobytes of `&a [*b, *b, ...]` reach 10^9
# ("billion laughs"), which validation would walk one by one. A file within the size
# cap that uses no aliases stays below this.
MAX_YAML_VALUES = 2_000_000
# No quantity, percentage or amount in these files needs more.
MAX_YAML_INTEGER_DIGITS = 100


def read_input_file(path: str, limit: SizeLimit, error: type[FinopsGateError]) -> bytes:
    """The bytes of `path`, at most `limit` of them, else `error` naming the file.

    Regular files, pipes and process substitution (`<(terraform show -json tfplan)`) are
    read; devices, sockets and directories are refused before any byte is read."""
    most = limit.bytes()
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except OSError as failure:
        raise error(f"{path}: cannot read: {failure.strerror}") from None
    try:
        info = os.fstat(descriptor)
        mode = info.st_mode
        if stat.S_ISDIR(mode):
            raise error(f"{path}: is a directory, expected a {limit.what}")
        if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
            raise error(f"{path}: not a regular file or pipe; not read")
        # A regular file is read in one piece of its size: joining pieces would hold the
        # bytes of a large plan twice for a moment.
        first = info.st_size + 1 if stat.S_ISREG(mode) else 0
        data = _read_at_most(descriptor, most, path, error, first)
    finally:
        os.close(descriptor)
    if len(data) > most:
        raise error(
            f"{path}: larger than the {limit.what} limit of {most} bytes "
            f"(raise it with {limit.env})"
        )
    return data


def read_standard_input(limit: SizeLimit, error: type[FinopsGateError]) -> bytes:
    """Standard input, at most `limit` bytes; `< /dev/zero` is refused like the path."""
    import io
    import sys

    most = limit.bytes()
    try:
        descriptor: int | None = sys.stdin.fileno()
    except (OSError, ValueError, AttributeError):
        descriptor = None  # not a file descriptor (an in-memory stream): read it as it is
    if descriptor is None:
        try:
            data = sys.stdin.buffer.read(most + 1)
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            raise error("<stdin>: standard input cannot be read") from None
    else:
        try:
            mode = os.fstat(descriptor).st_mode
        except OSError:
            raise error("<stdin>: standard input is closed") from None
        if (stat.S_ISCHR(mode) and not os.isatty(descriptor)) or stat.S_ISBLK(mode):
            raise error("<stdin>: a device, not a file or pipe; not read")
        data = _read_at_most(descriptor, most, "<stdin>", error)
    if len(data) > most:
        raise error(
            f"<stdin>: larger than the {limit.what} limit of {most} bytes "
            f"(raise it with {limit.env})"
        )
    return data


def _read_at_most(
    descriptor: int, most: int, path: str, error: type[FinopsGateError], first: int = 0
) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while size <= most:
        wanted = max(first, 16 * _MIB) if not chunks else 16 * _MIB
        try:
            chunk = os.read(descriptor, min(most + 1 - size, wanted))
        except OSError as failure:
            raise error(f"{path}: cannot read: {failure.strerror}") from None
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


class YamlProblem(Exception):
    """Why a YAML text could not be loaded: one line, with the place when known."""

    def __init__(self, problem: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.line = line
        self.column = column

    @property
    def where(self) -> str:
        """` at line L, column C`, or nothing when the place is unknown."""
        if self.line is None:
            return ""
        column = f", column {self.column}" if self.column is not None else ""
        return f" at line {self.line}{column}"


class _BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses nesting deeper than MAX_YAML_DEPTH before building it, and
    names the place of a value it cannot build (`2026-13-45`, 5,000 digits)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def construct_object(self, node: Any, deep: bool = False) -> Any:
        # Python's own cap (4,300 digits) depends on the Python release; this one does not.
        if node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_YAML_INTEGER_DIGITS:
            mark = node.start_mark
            raise YamlProblem(
                "invalid value: an integer with too many digits", mark.line + 1, mark.column + 1
            )
        try:
            return super().construct_object(node, deep)
        except (ValueError, OverflowError) as failure:
            # The YAML library builds dates and integers itself.
            reason = str(failure)
            if "digits" in reason:
                reason = "an integer with too many digits"
            mark = node.start_mark
            raise YamlProblem(f"invalid value: {reason}", mark.line + 1, mark.column + 1) from None

    def compose_node(self, parent: Any, index: Any) -> Any:
        self._depth += 1
        try:
            if self._depth > MAX_YAML_DEPTH:
                mark = self.peek_event().start_mark  # type: ignore[no-untyped-call]
                raise YamlProblem(f"nested deeper than {MAX_YAML_DEPTH} levels", mark.line + 1)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _expanded_size(node: yaml.Node, sizes: dict[int, int]) -> int:
    """How many values `node` stands for with every alias expanded: linear in the
    composed nodes (an aliased node is sized once), never in the expansion."""
    known = sizes.get(id(node))
    if known is not None:
        if known < 0:
            raise YamlProblem("an alias refers to a value that contains it")
        return known
    sizes[id(node)] = -1
    size = 1
    if isinstance(node, yaml.SequenceNode):
        size += sum(_expanded_size(child, sizes) for child in node.value)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            size += _expanded_size(key, sizes) + _expanded_size(value, sizes)
    sizes[id(node)] = min(size, MAX_YAML_VALUES + 1)
    return sizes[id(node)]


def _unreadable(failure: yaml.reader.ReaderError) -> YamlProblem:
    character = failure.character
    code = character if isinstance(character, int) else ord(character[:1] or "\0")
    return YamlProblem(f"character U+{code:04X} at offset {failure.position} is not allowed")


def parse_yaml(text: str) -> Any:
    """`yaml.safe_load`, bounded: every failure is a YamlProblem."""
    try:
        loader = _BoundedLoader(text)  # checks every character up front
    except yaml.reader.ReaderError as failure:
        raise _unreadable(failure) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_YAML_VALUES:
            raise YamlProblem(f"more than {MAX_YAML_VALUES} values once aliases are expanded")
        return loader.construct_document(node)
    except yaml.reader.ReaderError as failure:
        raise _unreadable(failure) from None
    except yaml.MarkedYAMLError as failure:
        mark = failure.problem_mark
        problem = failure.problem or "invalid YAML"
        if mark is None:
            raise YamlProblem(problem) from None
        raise YamlProblem(problem, mark.line + 1, mark.column + 1) from None
    except yaml.YAMLError as failure:
        raise YamlProblem(str(failure)) from None
    except RecursionError:
        raise YamlProblem("nested too deeply") from None
    finally:
        loader.dispose()


def load_yaml(text: str, name: str, error: type[FinopsGateError]) -> Any:
    """parse_yaml, with a failure as `error`: `NAME: invalid YAML at line L, column C: why`."""
    try:
        return parse_yaml(text)
    except YamlProblem as problem:
        raise error(f"{name}: invalid YAML{problem.where}: {problem.problem}") from None


def decode_utf8(data: bytes, name: str, what: str, error: type[FinopsGateError]) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        offset = failure.start
        raise error(f"{name}: {what} is not UTF-8 text (invalid byte at offset {offset})") from None
