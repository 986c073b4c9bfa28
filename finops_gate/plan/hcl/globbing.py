"""Terraform's `fileset` patterns (Go doublestar syntax) as regular expressions:
`*` and `?` within one path segment, `**` across segments, `{a,b}` alternatives and
`[...]` character classes."""

from __future__ import annotations

import functools
import re

from finops_gate.bounded_regex import BoundedPattern
from finops_gate.plan.hcl.values import EvalError


@functools.lru_cache(maxsize=256)
def glob_regex(pattern: str) -> BoundedPattern:
    """The pattern as a regular expression matched in bounded time (RE2): `{a,b}` nested
    in `**` must not backtrack over a repository's paths."""
    try:
        return BoundedPattern(_translate(pattern))
    except re.error as error:
        raise EvalError(f"fileset: invalid pattern {pattern!r}: {error}") from None


def _translate(pattern: str) -> str:
    out: list[str] = []
    i = 0
    depth = 0  # inside {...}
    while i < len(pattern):
        char = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:[^/]*/)*")
            i += 3
        elif pattern.startswith("**", i):
            out.append(".*")
            i += 2
        elif char == "*":
            out.append("[^/]*")
            i += 1
        elif char == "?":
            out.append("[^/]")
            i += 1
        elif char == "[":
            end = pattern.find("]", i + 2)
            if end < 0:
                raise EvalError(f"fileset: unterminated character class in {pattern!r}")
            body = pattern[i + 1 : end]
            negated = body.startswith(("!", "^"))
            body = body[1:] if negated else body
            out.append(("[^" if negated else "[") + body.replace("\\", "\\\\") + "]")
            i = end + 1
        elif char == "{":
            out.append("(?:")
            depth += 1
            i += 1
        elif char == "}" and depth:
            out.append(")")
            depth -= 1
            i += 1
        elif char == "," and depth:
            out.append("|")
            i += 1
        elif char == "\\" and i + 1 < len(pattern):
            out.append(re.escape(pattern[i + 1]))
            i += 2
        else:
            out.append(re.escape(char))
            i += 1
    if depth:
        raise EvalError(f"fileset: unterminated {{ in {pattern!r}")
    return "".join(out)
