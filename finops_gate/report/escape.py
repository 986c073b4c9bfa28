"""Make text taken from a plan safe to show.

Addresses, tag values and names come from whoever wrote the Terraform. In Markdown they
must not break a table, inject HTML, start formatting or @-mention anyone; in a terminal
they must not carry control sequences.
"""

from __future__ import annotations

import re

_SAFE_CHARACTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-/:;=+%$_\"'()"
# One search finds the first character needing an entity, so most plan text (addresses,
# tag values) is returned as it is, and the rest is rewritten by the regex engine rather
# than a character at a time.
_UNSAFE_MARKDOWN = re.compile(f"[^{re.escape(_SAFE_CHARACTERS)}]")
_ZERO_WIDTH_SPACE = "&#8203;"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def markdown_text(text: str) -> str:
    """Every character outside a small safe set becomes a numeric entity.

    Entities render as the literal character with no Markdown meaning, so `|` cannot end a
    table cell, `<` cannot open a tag and `[` cannot start a link; `@` is followed by a
    zero-width space so GitHub does not turn it into a mention. Quotes, parentheses and
    underscores stay readable: without `<`, `[` or a line start they can do no harm.
    """
    if _UNSAFE_MARKDOWN.search(text) is None:
        return text
    return _UNSAFE_MARKDOWN.sub(_markdown_entity, text)


def _markdown_entity(match: re.Match[str]) -> str:
    char = match.group()
    if char in "\r\n\t":
        return " "
    if char == "@":
        return "&#64;" + _ZERO_WIDTH_SPACE
    if _CONTROL.match(char):
        return ""
    return f"&#{ord(char)};"


def markdown_code(text: str) -> str:
    """Plan text shown as inline code, safe inside a table cell."""
    return f"<code>{markdown_text(text)}</code>"


def terminal_text(text: str) -> str:
    return _CONTROL.sub("?", text)
