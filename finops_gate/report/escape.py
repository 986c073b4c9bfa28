"""Make text taken from a plan safe to show.

Addresses, tag values and names come from whoever wrote the Terraform. In Markdown they
must not break a table, inject HTML, start formatting or @-mention anyone; in a terminal
they must not carry control sequences.
"""

from __future__ import annotations

import re

_SAFE_MARKDOWN = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-/:;=+%$_\"'()"
)
_ZERO_WIDTH_SPACE = "&#8203;"
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def markdown_text(text: str) -> str:
    """Every character outside a small safe set becomes a numeric entity.

    Entities render as the literal character with no Markdown meaning, so `|` cannot end a
    table cell, `<` cannot open a tag and `[` cannot start a link; `@` is followed by a
    zero-width space so GitHub does not turn it into a mention. Quotes, parentheses and
    underscores stay readable: without `<`, `[` or a line start they can do no harm.
    """
    out: list[str] = []
    for char in text:
        if char in _SAFE_MARKDOWN:
            out.append(char)
        elif char in "\r\n\t":
            out.append(" ")
        elif char == "@":
            out.append("&#64;" + _ZERO_WIDTH_SPACE)
        elif _CONTROL.match(char):
            continue
        else:
            out.append(f"&#{ord(char)};")
    return "".join(out)


def markdown_code(text: str) -> str:
    """Plan text shown as inline code, safe inside a table cell."""
    return f"<code>{markdown_text(text)}</code>"


def terminal_text(text: str) -> str:
    return _CONTROL.sub("?", text)
