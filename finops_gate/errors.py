"""One error hierarchy; every user-facing failure is a subclass with a one-line message.

The CLI maps these to exit codes, so no layer decides how the process ends.
"""

from __future__ import annotations

import re
from enum import IntEnum


class ExitCode(IntEnum):
    PASS = 0
    GATE_FAILED = 1
    COULD_NOT_RUN = 2
    INTERNAL_ERROR = 3


class FinopsGateError(Exception):
    """Base for errors caused by input or environment: exit 2, one line, no traceback."""

    exit_code = ExitCode.COULD_NOT_RUN


class PlanError(FinopsGateError):
    """The plan file cannot be read as a `terraform show -json` plan."""


class PolicyError(FinopsGateError):
    """The policy file is missing or invalid."""


class PriceTableError(FinopsGateError):
    """The price table is missing or malformed."""


class OutputError(FinopsGateError):
    """The report could not be written."""


class CommentError(FinopsGateError):
    """The verdict could not be posted as a pull-request or merge-request comment."""


# Bidirectional controls reorder what a reviewer sees (CVE-2021-42574); line and paragraph
# separators end a line in some viewers.
INVISIBLE = frozenset(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
MAX_MESSAGE_CHARS = 2000


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_control(char: str) -> bool:
    """A C0 or C1 control character, DEL included."""
    code = ord(char)
    return code < 0x20 or 0x7F <= code < 0xA0


def visible_escape(char: str) -> str:
    """A control or bidirectional character as printable ASCII (`\\n`, `\\x1b`, `\\u202e`);
    any other character as it is."""
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if is_control(char):
        return f"\\x{code:02x}"
    if char in INVISIBLE:
        return f"\\u{code:04x}"
    return char


# Control characters (C0, DEL, C1) and bidirectional ones: what `printable` escapes.
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f" + re.escape("".join(sorted(INVISIBLE))) + "]")


def printable(text: str) -> str:
    """`text` with every control and bidirectional character as a visible escape.

    One search returns most text (plan addresses, messages) as it is, and the regex
    engine rewrites the rest: a call per character was most of the JUnit report's time."""
    if UNPRINTABLE.search(text) is None:
        return text
    return UNPRINTABLE.sub(lambda match: visible_escape(match.group()), text)


def one_line(text: str) -> str:
    """`text` as one printable line: control and bidirectional characters escaped, so
    text from a plan or a file name can neither start a new line (a CI workflow command
    such as `::error::`) nor reorder what is shown; overlong text keeps its two ends."""
    line = printable(text)
    if len(line) > MAX_MESSAGE_CHARS:
        half = MAX_MESSAGE_CHARS // 2
        line = f"{line[:half]} ...[{len(line) - 2 * half} characters]... {line[-half:]}"
    return line
