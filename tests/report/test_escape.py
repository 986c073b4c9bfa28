"""Text from a plan cannot break the Markdown table, inject HTML or mention anyone."""

from __future__ import annotations

import re

from finops_gate.report.escape import markdown_code, markdown_text, terminal_text

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
