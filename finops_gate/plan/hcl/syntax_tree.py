"""Walking python-hcl2's Lark trees: the node helpers every HCL module shares (the
lowest layer of HCL mode: it imports nothing of it)."""

from __future__ import annotations

from typing import Any

Node = Any  # a lark Tree or Token


def is_tree(node: Node, name: str | None = None) -> bool:
    data = getattr(node, "data", None)
    return data is not None and (name is None or data == name)


def children(node: Node) -> list[Node]:
    """Children without newlines/comments."""
    return [c for c in node.children if not is_tree(c, "new_line_or_comment")]


def subtrees(node: Node) -> list[Node]:
    return [c for c in node.children if is_tree(c) and c.data != "new_line_or_comment"]


def line_of(node: Node) -> int:
    line = getattr(node, "line", None)
    if line is None:
        meta = getattr(node, "meta", None)
        line = getattr(meta, "line", None) if meta is not None and not meta.empty else None
    return int(line) if isinstance(line, int) else 0
