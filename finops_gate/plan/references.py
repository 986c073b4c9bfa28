"""How a configuration expression's `references` reach a resource through modules.

A plan's `configuration` gives, for every module, the `references` of each output's
expression and, for every module call, the `references` of each input expression (in
the caller's scope). With them a reference such as `module.template.id` can be followed
into the module (`aws_launch_template.this[0].id` there), and `var.launch_template_id`
inside a module out to what its caller passed. Locals are not in plan JSON, so a
reference to `local.x` ends there (the cost layer then looks for evidence).

HCL mode knows values, not just syntax: it records where a value came from as an
*absolute* reference, the full address of a resource instance behind `ABSOLUTE`
(`/module.asg.aws_launch_template.this[0]`), which needs no module scope to resolve.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.plan.plan_json import Configuration, PlanModuleConfig

ABSOLUTE = "/"
"""Marks a reference that is a full resource instance address, not relative to a module."""

References = tuple[str, ...]


def absolute(address: str) -> str:
    return f"{ABSOLUTE}{address}"


@record(slots=True)
class ModuleLinks:
    """Per module configuration path (`""` for the root, `module.a.module.b`): the
    references of its outputs, and of the inputs its caller passes it."""

    outputs: Mapping[str, Mapping[str, References]] = field(default_factory=dict)
    inputs: Mapping[str, Mapping[str, References]] = field(default_factory=dict)

    @classmethod
    def of(cls, configuration: Configuration) -> ModuleLinks:
        outputs: dict[str, dict[str, References]] = {}
        inputs: dict[str, dict[str, References]] = {}
        _collect(configuration.root_module, "", outputs, inputs)
        return cls(outputs, inputs)

    def output(self, module_path: str, name: str) -> References | None:
        return self.outputs.get(module_path, {}).get(name)

    def input(self, module_path: str, name: str) -> References | None:
        return self.inputs.get(module_path, {}).get(name)


def _collect(
    module: PlanModuleConfig,
    path: str,
    outputs: dict[str, dict[str, References]],
    inputs: dict[str, dict[str, References]],
) -> None:
    found = {
        name: refs
        for name, output in module.outputs.items()
        if isinstance(output, dict) and (refs := _references(output.get("expression")))
    }
    if found:
        outputs[path] = found
    for name, call in module.module_calls.items():
        child = f"{path}.module.{name}" if path else f"module.{name}"
        passed = {
            key: refs for key, value in call.expressions.items() if (refs := _references(value))
        }
        if passed:
            inputs[child] = passed
        _collect(call.module, child, outputs, inputs)


def _references(expression: Any) -> References:
    if not isinstance(expression, dict):
        return ()
    references = expression.get("references")
    if not isinstance(references, list):
        return ()
    return tuple(ref for ref in references if isinstance(ref, str))


@lru_cache(maxsize=1 << 16)  # the same references recur across instances and modules
def split_reference(reference: str) -> tuple[str, ...]:
    """`module.x["a.b"].out[0]` -> ("module", "x", '["a.b"]', "out", "[0]")."""
    steps: list[str] = []
    current = ""
    depth = 0
    in_string = escaped = False
    for char in reference:
        if in_string:
            current += char
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"' and depth:
            in_string = True
            current += char
        elif char == "[":
            if current and not depth:
                steps.append(current)
                current = ""
            depth += 1
            current += char
        elif char == "]":
            current += char
            depth -= 1
            if not depth:
                steps.append(current)
                current = ""
        elif char == "." and not depth:
            if current:
                steps.append(current)
            current = ""
        else:
            current += char
    if current:
        steps.append(current)
    return tuple(steps)


@lru_cache(maxsize=1 << 16)  # asked for each resource of a module instance
def parent_module(module_address: str) -> tuple[str | None, str]:
    """`module.a[0].module.b["x"]` -> ("module.a[0]", "b"); `module.a` -> (None, "a")."""
    calls = module_calls(module_address)
    if not calls:
        return None, ""
    parent = "".join(f".module.{name}{key}" for name, key in calls[:-1])[1:]
    return parent or None, calls[-1][0]


def module_calls(module_address: str) -> list[tuple[str, str]]:
    """`module.a[0].module.b` -> [("a", "[0]"), ("b", "")]; a module may be named
    `module`, so the steps are read in pairs."""
    steps = split_reference(module_address)
    calls: list[tuple[str, str]] = []
    position = 0
    while position + 1 < len(steps) and steps[position] == "module":
        name = steps[position + 1]
        position += 2
        key = ""
        if position < len(steps) and steps[position].startswith("["):
            key = steps[position]
            position += 1
        calls.append((name, key))
    return calls


@lru_cache(maxsize=1 << 16)
def module_path(module_address: str | None) -> str:
    """A module instance's configuration path: `module.a[0].module.b` -> `module.a.module.b`."""
    if not module_address:
        return ""
    return _join(step for step in split_reference(module_address) if not step.startswith("["))


@lru_cache(maxsize=1 << 16)
def module_index(module_address: str) -> int | str | None:
    """The count/for_each key of the innermost module instance, if any."""
    last = split_reference(module_address)[-1]
    if not last.startswith("["):
        return None
    try:
        key = json.loads(last[1:-1])
    except ValueError:
        return None
    return key if isinstance(key, (int, str)) and not isinstance(key, bool) else None


def _join(steps: Any) -> str:
    text = ""
    for step in steps:
        text += step if step.startswith("[") or not text else f".{step}"
    return text
