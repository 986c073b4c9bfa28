"""Reference walking: the names an expression refers to, as a plan's configuration
lists them (`references`), and the resources an evaluated value comes from. The cost
layer follows these links (an Auto Scaling policy to its group, a task to its service)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from finops_gate.plan.hcl.instance_values import (
    META_ATTRIBUTES,
    META_BLOCKS,
    BlockList,
    DynamicContent,
    UnreadDataValue,
)
from finops_gate.plan.hcl.strings import literal_string
from finops_gate.plan.hcl.syntax import Block, Body, Node, is_tree, subtrees
from finops_gate.plan.hcl.values import ResourceValue, Unknown
from finops_gate.plan.references import absolute


def strip_expr(node: Node) -> Node:
    while is_tree(node, "expr_term") and len(subtrees(node)) == 1 and len(node.children) == 1:
        node = subtrees(node)[0]
    return node


def traversal_name(node: Node) -> str:
    """`aws.eu` -> "aws.eu"; `aws` -> "aws" (provider references are not values)."""
    node = strip_expr(node)
    if is_tree(node, "identifier"):
        return str(node.children[0])
    if is_tree(node, "get_attr_expr_term"):
        target, attr = subtrees(node)
        return f"{traversal_name(target)}.{subtrees(attr)[0].children[0]}"
    if is_tree(node, "expr_term") or is_tree(node, "object_elem_key"):
        inner = subtrees(node)
        return traversal_name(inner[0]) if inner else ""
    if is_tree(node, "string"):
        return literal_string(node)
    return ""


def references_of(node: Node, prefix: str) -> list[str]:
    """Terraform-style `references` of an expression (longest traversal first)."""
    found: list[str] = []

    def chain(term: Node) -> list[str] | None:
        term = strip_expr(term)
        if is_tree(term, "identifier"):
            return [str(term.children[0])]
        if is_tree(term, "get_attr_expr_term"):
            target, attr = subtrees(term)
            base = chain(target)
            return None if base is None else [*base, f".{subtrees(attr)[0].children[0]}"]
        if is_tree(term, "index_expr_term"):
            target, index = subtrees(term)
            base = chain(target)
            key = strip_expr(subtrees(index)[0]) if index.data == "braces_index" else None
            if base is None:
                return None
            if index.data == "short_index":
                return [*base, f"[{index.children[-1]}]"]
            if key is not None and is_tree(key, "int_lit"):
                return [*base, f"[{key.children[0]}]"]
            if key is not None and is_tree(key, "string") and len(key.children) <= 3:
                return [*base, f"[{json.dumps(literal_string(key))}]"]
            return base
        return None

    def walk(current: Node) -> None:
        parts = chain(current) if is_tree(current) else None
        if parts is not None and len(parts) >= 2:
            text = "".join(parts)
            if text not in found:
                found.append(text)
            for cut in range(len(parts) - 1, 1, -1):
                shorter = "".join(parts[:cut])
                if shorter not in found:
                    found.append(shorter)
            for child in subtrees(current):
                if is_tree(child, "braces_index"):
                    walk(child)
            return
        for child in subtrees(current) if is_tree(current) else []:
            walk(child)

    walk(node)
    return found


def config_expressions(body: Body | None, prefix: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """`references` per attribute, as a plan's configuration has them, plus what the
    evaluated values name: the resources their unknowns come from, as absolute
    references, first (they hold through locals, modules and `dynamic` blocks)."""
    result: dict[str, Any] = {}
    attributes = body.attributes if body is not None else {}
    for name, value in values.items():
        if isinstance(value, BlockList) or (body is not None and name in META_ATTRIBUTES):
            continue
        attribute = attributes.get(name)
        syntactic = references_of(attribute.expr, prefix) if attribute is not None else []
        references = list(dict.fromkeys([*origins(value), *syntactic]))
        if references:
            result[name] = {"references": references}
    static: dict[str, list[Block]] = {}
    for block in body.blocks if body is not None else []:
        if block.type not in META_BLOCKS and block.type != "dynamic":
            static.setdefault(block.type, []).append(block)
    for name, value in values.items():
        if not isinstance(value, BlockList):
            continue
        blocks = iter(static.get(name, []))
        items: list[dict[str, Any]] = []
        for item in value:
            written = None if isinstance(item, DynamicContent) else next(blocks, None)
            inner = written.body if written is not None else None
            items.append(config_expressions(inner, prefix, item if isinstance(item, dict) else {}))
        result[name] = items
    return result


def origins(value: Any) -> list[str]:
    """Absolute references to the resource instances a value comes from."""
    found: list[str] = []
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, Unknown):
            if current.origin:
                found.append(absolute(current.origin))
        elif isinstance(current, ResourceValue):
            if current.address and not isinstance(current, UnreadDataValue):
                found.append(absolute(current.address))
        elif isinstance(current, dict):
            pending.extend(reversed(list(current.values())))
        elif isinstance(current, list):
            pending.extend(reversed(current))
    return list(dict.fromkeys(found))

