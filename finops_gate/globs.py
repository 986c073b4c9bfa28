"""Shell-style globs matched without regular expressions, in time bounded by
len(pattern) * len(text).

`fnmatch` translates a glob to a regular expression whose `.*` parts backtrack: the
waiver glob `*a*a*a*a*a*a*b` took 20 s on one policy id. Here a `*` only ever resumes
from the last star seen, which is enough for globs (a later star can absorb anything an
earlier one would), so no input makes the match exponential.

`glob_match` has `fnmatchcase`'s syntax: `*`, `?`, `[seq]`, `[!seq]` with ranges.
`address_glob_match` knows only `*` and `?`, so that brackets and quotes of a resource
address (`aws_instance.web["a"]`) are literal.
"""

from __future__ import annotations

from functools import lru_cache

Ranges = tuple[tuple[str, str], ...]
Token = tuple[str, str, Ranges, bool]
"""(kind, characters, ranges, negated); kind is "star", "any", "literal" or "class"."""

_STAR: Token = ("star", "", (), False)
_ANY: Token = ("any", "", (), False)


def _literal(char: str) -> Token:
    return ("literal", char, (), False)


def glob_match(text: str, pattern: str) -> bool:
    """`fnmatch.fnmatchcase(text, pattern)`, without its worst cases."""
    return _match(text, _tokens(pattern, classes=True))


def address_glob_match(pattern: str, address: str) -> bool:
    """`*` matches any text, `?` one character; everything else is literal."""
    return _match(address, _tokens(pattern, classes=False))


@lru_cache(maxsize=1024)
def _tokens(pattern: str, classes: bool) -> tuple[Token, ...]:
    tokens: list[Token] = []
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "*":
            if not tokens or tokens[-1] != _STAR:  # "**" is one star
                tokens.append(_STAR)
            i += 1
        elif char == "?":
            tokens.append(_ANY)
            i += 1
        elif char == "[" and classes:
            parsed = _character_class(pattern, i + 1)
            if parsed is None:  # no closing bracket: a literal "["
                tokens.append(_literal(char))
                i += 1
            else:
                token, i = parsed
                tokens.append(token)
        else:
            tokens.append(_literal(char))
            i += 1
    return tuple(tokens)


def _character_class(pattern: str, start: int) -> tuple[Token, int] | None:
    """The class starting after "[" at `start`, and the position after its "]"."""
    i = start
    negated = i < len(pattern) and pattern[i] == "!"
    if negated:
        i += 1
    body_start = i
    if i < len(pattern) and pattern[i] == "]":  # a "]" first is literal
        i += 1
    while i < len(pattern) and pattern[i] != "]":
        i += 1
    if i >= len(pattern):
        return None
    body = pattern[body_start:i]
    singles: list[str] = []
    ranges: list[tuple[str, str]] = []
    j = 0
    while j < len(body):
        if j + 2 < len(body) and body[j + 1] == "-":
            if body[j] <= body[j + 2]:  # fnmatch drops reversed ranges
                ranges.append((body[j], body[j + 2]))
            j += 3
        else:
            singles.append(body[j])
            j += 1
    return ("class", "".join(singles), tuple(ranges), negated), i + 1


def _one(token: Token, char: str) -> bool:
    kind, characters, ranges, negated = token
    if kind == "any":
        return True
    if kind == "literal":
        return characters == char
    inside = char in characters or any(low <= char <= high for low, high in ranges)
    return inside != negated


def _match(text: str, tokens: tuple[Token, ...]) -> bool:
    t = p = 0
    star = -1  # position in tokens after the last star
    resume = 0  # position in text the last star would absorb up to
    while t < len(text):
        if p < len(tokens) and tokens[p] != _STAR and _one(tokens[p], text[t]):
            t += 1
            p += 1
        elif p < len(tokens) and tokens[p] == _STAR:
            p += 1
            star, resume = p, t
        elif star >= 0:
            resume += 1
            t, p = resume, star
        else:
            return False
    while p < len(tokens) and tokens[p] == _STAR:
        p += 1
    return p == len(tokens)
