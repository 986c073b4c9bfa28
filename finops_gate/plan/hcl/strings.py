"""HCL string literals and templates as text: what the grammar layer (syntax.py,
jsonsyntax.py) and the evaluator share, so that neither imports the other for them."""

from __future__ import annotations

from typing import Any

from finops_gate.plan.hcl.hcl2_parts import process_escape_sequences
from finops_gate.plan.hcl.syntax_tree import Node, children, is_tree
from finops_gate.plan.hcl.values import EvalError


def literal_string(node: Node) -> str:
    """A quoted string without interpolation (block labels)."""
    text = []
    for part in children(node):
        if is_tree(part, "string_part"):
            for piece in part.children:
                if not is_tree(piece):
                    text.append(string_chars(piece))
    return "".join(text)


def string_chars(token: Any) -> str:
    kind = getattr(token, "type", "")
    value = str(token)
    if kind == "ESCAPED_INTERPOLATION" or kind == "ESCAPED_DIRECTIVE":
        return value[1:]
    return process_escape_sequences(value)


def quoted_template(text: str) -> str:
    """A heredoc body as a quoted HCL template: literal text escaped, `${...}` and
    `%{...}` sequences copied as they are (with their nested strings and braces)."""
    out = ['"']
    i = 0
    while i < len(text):
        if text.startswith(("$${", "%%{"), i):
            out.append(text[i : i + 3])
            i += 3
        elif text.startswith(("${", "%{"), i):
            end = closing_brace(text, i + 2)
            out.append(text[i : end + 1])
            i = end + 1
        else:
            char = text[i]
            out.append({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"}.get(char, char))
            i += 1
    out.append('"')
    return "".join(out)


def closing_brace(text: str, start: int) -> int:
    depth, i, in_string = 1, start, False
    while i < len(text):
        char = text[i]
        if in_string:
            if char == "\\":
                i += 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    raise EvalError("a template with an unterminated ${ or %{ sequence")
