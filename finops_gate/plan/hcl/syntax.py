"""Parse .tf files with python-hcl2's grammar into bodies of attributes and blocks.

The raw Lark tree (what `hcl2.api.parses_to_tree` gives, from hcl2_parts.py) is used
rather than `hcl2.loads`: it keeps expressions as syntax trees (evaluated by
`evaluate.py`) and every node's line number.
"""

from __future__ import annotations

from dataclasses import field
from functools import lru_cache
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.strings import literal_string
from finops_gate.plan.hcl.syntax_tree import Node, children, is_tree, line_of, subtrees
from finops_gate.records import record

__all__ = ["Attribute", "Block", "Body", "Node", "children", "is_tree", "line_of", "subtrees"]


@record(slots=True)
class Attribute:
    name: str
    expr: Node
    file: str
    line: int


@record(frozen=False, slots=True)
class Block:
    type: str
    labels: tuple[str, ...]
    body: Body
    file: str
    line: int


@record(frozen=False, slots=True)
class Body:
    attributes: dict[str, Attribute] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)

    def blocks_of(self, kind: str) -> list[Block]:
        return [block for block in self.blocks if block.type == kind]


def name_of(node: Node) -> str:
    """The text of an identifier, keyword, literal or simple string label."""
    if is_tree(node, "string"):
        return literal_string(node)
    if is_tree(node):
        return "".join(name_of(child) for child in node.children)
    return str(node)


def parse_text(text: str, file: str) -> Body:
    try:
        tree = _syntax_tree(text)
    except Exception as error:  # lark raises many exception types
        line = getattr(error, "line", None)
        column = getattr(error, "column", None)
        where = f" at line {line}" if isinstance(line, int) and line > 0 else ""
        if where and isinstance(column, int) and column > 0:
            where += f", column {column}"
        # The parser's own message quotes the offending text, which may be anything
        # (a file linked to /proc/self/environ): say what went wrong, not what was there.
        raise PlanError(f"{file}: not valid HCL{where}: {_parse_problem(error)}") from None
    body = next(c for c in tree.children if is_tree(c, "body"))
    return _body(body, file)


@lru_cache(maxsize=512)
def _syntax_tree(text: str) -> Any:
    """The Lark tree of a file's text, parsed once per content: the pre-commit hook and
    `--base` read each file as it is and as it was at the base, mostly the same text.
    Nothing changes a tree once built, so one can serve both."""
    from finops_gate.plan.hcl.hcl2_parts import parse_to_tree

    return parse_to_tree(text)


def _parse_problem(error: Exception) -> str:
    name = type(error).__name__
    if "EOF" in name:
        return "unexpected end of file"
    if name == "UnexpectedCharacters":
        return "unexpected character"
    if name == "UnexpectedToken":
        return "unexpected token"
    return "syntax error"


def _body(node: Node, file: str) -> Body:
    body = Body()
    for child in subtrees(node):
        if child.data == "attribute":
            parts = children(child)
            name = name_of(parts[0])
            body.attributes[name] = Attribute(name, parts[-1], file, line_of(child))
        elif child.data == "block":
            parts = children(child)
            kind = name_of(parts[0])
            labels = []
            inner: Node = None
            for part in parts[1:]:
                if is_tree(part, "body"):
                    inner = part
                elif is_tree(part):
                    labels.append(name_of(part))
            body.blocks.append(
                Block(
                    kind,
                    tuple(labels),
                    _body(inner, file) if inner is not None else Body(),
                    file,
                    line_of(child),
                )
            )
    return body


def merge_bodies(bodies: list[Body]) -> Body:
    merged = Body()
    for body in bodies:
        merged.attributes.update(body.attributes)
        merged.blocks.extend(body.blocks)
    return merged
