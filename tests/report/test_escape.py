"""Text from a plan cannot break the Markdown table, inject HTML or mention anyone."""

from __future__ import annotations

import re

from finops_gate.errors import INVISIBLE, printable, visible_escape
from finops_gate.report.escape import markdown_code, markdown_text, shows_as_it_is, terminal_text

HOSTILE = 'aws_instance.x["a|b</code><script>alert(1)</script> @octocat **bold** [l](http://e)`\n"]'


def test_markdown_text_has_no_active_characters() -> None:
    escaped = markdown_text(HOSTILE)
    for char in "|<>*[]`\n@":
        assert char not in escaped, char
    assert "&#124;" in escaped and "&#60;script&#62;" in escaped
    assert "&#64;&#8203;octocat" in escaped


def test_markdown_code_keeps_only_its_own_tags() -> None:
    rendered = markdown_code(HOSTILE)
    assert rendered.startswith("<code>") and rendered.endswith("</code>")
    assert re.findall(r"</?[a-z]+>", rendered) == ["<code>", "</code>"]


def test_terminal_text_drops_control_sequences() -> None:
    assert terminal_text("web\x1b[31m\x07") == "web?[31m?"


# Written out rather than imported, so the test checks the set the code uses.
BIDI_AND_LINE_SEPARATORS = frozenset(
    "\u061c\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


def _markdown_text_one_character_at_a_time(text: str) -> str:
    """The definition markdown_text must keep, written the slow, obvious way."""
    safe = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,.-/:;=+%$_\"'()"
    out = []
    for char in text:
        if char in safe:
            out.append(char)
        elif char in "\r\n\t":
            out.append(" ")
        elif char == "@":
            out.append("&#64;&#8203;")
        elif 0 <= ord(char) <= 0x1F or 0x7F <= ord(char) <= 0x9F:
            continue
        elif char in BIDI_AND_LINE_SEPARATORS:
            out.append(f"&#92;u{ord(char):04x}")  # shown as \u202e, never rendered
        else:
            out.append(f"&#{ord(char)};")
    return "".join(out)


def test_markdown_text_escapes_every_code_point_as_defined() -> None:
    every_character = "".join(chr(point) for point in range(0x110000))
    assert markdown_text(every_character) == _markdown_text_one_character_at_a_time(every_character)


def test_markdown_text_returns_safe_text_as_it_is() -> None:
    address = 'module.web.aws_instance.app (create) "prod-eu-west-1"'
    assert markdown_text(address) is address


def test_markdown_text_mixes_safe_runs_and_entities() -> None:
    text = "a|b\n@c\x07d\u00e9"
    assert markdown_text(text) == _markdown_text_one_character_at_a_time(text)
    assert markdown_text(text) == "a&#124;b &#64;&#8203;cd&#233;"


def _terminal_text_one_character_at_a_time(char: str) -> str:
    """The definition terminal_text must keep, written the slow, obvious way."""
    if 0 <= ord(char) <= 0x1F or 0x7F <= ord(char) <= 0x9F:
        return "?"
    if char in BIDI_AND_LINE_SEPARATORS:
        return f"\\u{ord(char):04x}"
    return char


def test_terminal_text_escapes_every_code_point_as_defined() -> None:
    """Each character alone, so the fast path for safe text is tested on every one."""
    for point in range(0x110000):
        char = chr(point)
        assert terminal_text(f"a{char}b") == f"a{_terminal_text_one_character_at_a_time(char)}b"


def test_terminal_text_returns_safe_text_as_it_is() -> None:
    address = 'module.web.aws_instance.app["prod-é"]'
    assert terminal_text(address) is address


def test_text_shows_as_it_is_exactly_when_printable_leaves_it() -> None:
    """JUnit skips errors.printable for such text: on every code point it would have
    changed nothing."""
    for point in range(0x110000):
        text = f"a{chr(point)}b"
        assert shows_as_it_is(text) == (printable(text) == text), point


def test_printable_escapes_each_character_as_visible_escape_does() -> None:
    """Text with nothing to escape comes back as it is; otherwise every character is what
    `visible_escape` makes of it, wherever it sits in the text."""
    points = [*range(0x00, 0x2A0), *(ord(char) for char in INVISIBLE), 0x1F600]
    for point in points:
        char = chr(point)
        for text in (char, f"a{char}b", f"{char}{char}x\n"):
            assert printable(text) == "".join(visible_escape(c) for c in text), point
    plain = 'aws_instance.web["é"] 😀'
    assert printable(plain) is plain
    assert printable("a\u202eb\x1b[31m\r\n") == "a\\u202eb\\x1b[31m\\r\\n"
