"""JSON-syntax configuration (`*.tf.json`, e.g. from CDK for Terraform) as native HCL.

The JSON document is rewritten as HCL text and parsed like a .tf file, so evaluation is
the same. JSON strings are templates (`"${var.x}"`), except a variable's `default`,
which is a literal. In JSON a nested block and a map attribute look alike; the AWS
provider schema's block names (aws_schema.json) decide for resources, and elsewhere an
object (or list of objects) is a block unless its key is a map-valued attribute such as
`tags`. Block line numbers point at the resource's name in the JSON file.
"""

from __future__ import annotations

import json
import re
from typing import Any

from finops_gate.errors import PlanError
from finops_gate.plan.hcl import provider_schema
from finops_gate.plan.hcl.strings import quoted_template
from finops_gate.plan.hcl.syntax import Body, parse_text
from finops_gate.plan.hcl.values import EvalError

_MAP_ATTRIBUTES = {"tags", "tags_all", "labels", "variables", "environment", "parameters"}
_SKIPPED = {"lifecycle", "provisioner", "connection", "depends_on", "terraform"}
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def parse_json_text(text: str, shown: str) -> Body:
    try:
        document = json.loads(text)
    except ValueError as error:
        raise PlanError(f"{shown}: not valid JSON: {error}") from None
    except RecursionError:
        raise PlanError(f"{shown}: not valid JSON: nested too deeply") from None
    if not isinstance(document, dict):
        raise PlanError(f"{shown}: a .tf.json file must hold an object")
    lines: list[str] = []
    try:
        for kind, content in document.items():
            if kind in _SKIPPED or not isinstance(content, (dict, list)):
                continue
            for item in content if isinstance(content, list) else [content]:
                if isinstance(item, dict):
                    _top(kind, item, lines)
    except EvalError as error:  # a string that is not a valid template, such as "${"
        raise PlanError(f"{shown}: {error}") from None
    except RecursionError:
        raise PlanError(f"{shown}: nested too deeply") from None
    body = parse_text("\n".join(lines) + "\n", shown)
    for block in body.blocks:
        block.line = _line_of(text, (block.type, *block.labels))
    return body


def _line_of(text: str, keys: tuple[str, ...]) -> int:
    """The line of the last key, each searched after the one before."""
    position = 0
    for key in keys:
        found = text.find(json.dumps(key), position)
        if found < 0:
            break
        position = found
    return text.count("\n", 0, position) + 1


def _top(kind: str, content: dict[str, Any], out: list[str]) -> None:
    if kind == "locals":
        out.append("locals {")
        out.extend(f"  {_key(k)} = {_expr(v)}" for k, v in content.items())
        out.append("}")
        return
    if kind in ("resource", "data"):
        for resource_type, named in content.items():
            for name, body in _named(named):
                out.append(f"{kind} {json.dumps(resource_type)} {json.dumps(name)} {{")
                _body(body, out, resource_type if kind == "resource" else None, "  ")
                out.append("}")
        return
    for name, body in _named(content):
        out.append(f"{kind} {json.dumps(name)} {{")
        if kind == "variable":
            _variable(body, out)
        elif kind == "module":
            _body(body, out, None, "  ", module=True)
        else:
            _body(body, out, None, "  ")
        out.append("}")


def _named(content: Any) -> list[tuple[str, dict[str, Any]]]:
    found: list[tuple[str, dict[str, Any]]] = []
    if isinstance(content, dict):
        for name, body in content.items():
            for item in body if isinstance(body, list) else [body]:
                if isinstance(item, dict):
                    found.append((name, item))
    return found


def _variable(body: dict[str, Any], out: list[str]) -> None:
    for key, value in body.items():
        if key == "default":
            out.append(f"  default = {_literal(value)}")
        elif key == "type" and isinstance(value, str):
            out.append(f"  type = {value}")


def _body(
    body: dict[str, Any],
    out: list[str],
    resource_type: str | None,
    indent: str,
    module: bool = False,
) -> None:
    blocks = set(provider_schema.block_types(resource_type)) if resource_type else None
    for key, value in body.items():
        if key in _SKIPPED:
            continue
        if key == "provider" and isinstance(value, str):
            out.append(f"{indent}provider = {value.removeprefix('${').removesuffix('}')}")
        elif key == "providers" and module and isinstance(value, dict):
            pairs = ", ".join(f"{_key(k)} = {v}" for k, v in value.items() if isinstance(v, str))
            out.append(f"{indent}providers = {{ {pairs} }}")
        elif key == "dynamic" and isinstance(value, dict):
            for label, spec in _named(value):
                out.append(f"{indent}dynamic {json.dumps(label)} {{")
                content = spec.get("content", {})
                for meta in ("for_each", "iterator"):
                    if meta in spec:
                        raw = spec[meta]
                        text = raw if meta == "iterator" else _expr(raw)
                        out.append(f"{indent}  {meta} = {text}")
                out.append(f"{indent}  content {{")
                _body(content if isinstance(content, dict) else {}, out, None, indent + "    ")
                out.append(f"{indent}  }}")
                out.append(f"{indent}}}")
        elif not module and _is_block(key, value, blocks):
            for item in value if isinstance(value, list) else [value]:
                out.append(f"{indent}{key} {{")
                _body(item, out, None, indent + "  ")
                out.append(f"{indent}}}")
        else:
            out.append(f"{indent}{_key(key)} = {_expr(value)}")


def _is_block(key: str, value: Any, blocks: set[str] | None) -> bool:
    shaped = isinstance(value, dict) or (
        isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)
    )
    if not shaped:
        return False
    if blocks is not None:
        return key in blocks
    return key not in _MAP_ATTRIBUTES


def _key(key: str) -> str:
    return key if _IDENTIFIER.match(key) else json.dumps(key)


def _expr(value: Any) -> str:
    """A JSON value as an HCL expression; strings are templates."""
    if isinstance(value, str):
        return quoted_template(value)
    if isinstance(value, list):
        return "[" + ", ".join(_expr(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_expr(v)}" for k, v in value.items()) + "}"
    return _literal(value)


def _literal(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return json.dumps(value).replace("${", "$${").replace("%{", "%%{")
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_literal(v)}" for k, v in value.items()) + "}"
    return "null"
