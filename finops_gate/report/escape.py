"""Make text taken from a plan safe to show.

Addresses, tag values and names come from whoever wrote the Terraform. In Markdown they
must not break a table, inject HTML, start formatting or @-mention anyone; in a terminal
they must not carry control sequences; in no format may a bidirectional control reorder
what a reviewer reads (CVE-2021-42574): it is shown as a visible `\\u202e`, or in JSON and
XML as the format's own escape, never as the raw character.
"""

from __future__ import annotations

import re

from finops_gate.errors import INVISIBLE, UNPRINTABLE, is_control, visible_escape

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
    if char in INVISIBLE:
        # An entity would render as the character itself and still reorder the line.
        return "&#92;" + visible_escape(char)[1:]
    return f"&#{ord(char)};"


def markdown_code(text: str) -> str:
    """Plan text shown as inline code, safe inside a table cell."""
    return f"<code>{markdown_text(text)}</code>"


# Control characters (C0, DEL, C1) and bidirectional ones: what a terminal must not receive.
_UNSAFE_TERMINAL = UNPRINTABLE


def shows_as_it_is(text: str) -> bool:
    """No control or bidirectional character: `terminal_text` and `errors.printable` leave
    the text as it is. Nearly all plan text: one search instead of a test per character."""
    return _UNSAFE_TERMINAL.search(text) is None


def terminal_text(text: str) -> str:
    """Control characters become `?`, bidirectional ones a visible `\\u202e`."""
    if shows_as_it_is(text):
        return text
    return "".join(
        "?" if is_control(char) else visible_escape(char) if char in INVISIBLE else char
        for char in text
    )


_HIDDEN = "".join(sorted(INVISIBLE | {chr(code) for code in range(0x7F, 0xA0)}))
_HIDDEN_IN_SERIALIZED = re.compile(f"[{re.escape(_HIDDEN)}]")


def json_document(serialized: str) -> str:
    """A JSON document with no raw C1 control or bidirectional character: each becomes a
    `\\uXXXX` escape (the same string to a JSON reader).

    JSON requires escaping only below U+0020, and outside strings a document is ASCII, so
    every such character is inside a string and may be replaced in place.
    """
    return _HIDDEN_IN_SERIALIZED.sub(lambda match: f"\\u{ord(match.group()):04x}", serialized)


def xml_document(serialized: str) -> str:
    """An XML document with C1 control and bidirectional characters as character
    references (`&#x202e;`): the same text to an XML reader, never the raw character.

    The serializer wrote only names of its own and escaped text, so every such character
    is in a text or attribute value, where a character reference means the same.
    """
    return _HIDDEN_IN_SERIALIZED.sub(lambda match: f"&#x{ord(match.group()):x};", serialized)
