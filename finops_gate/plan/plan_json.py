"""Typed structs of the parts of `terraform show -json` that finops-gate reads.

The plan is decoded straight into these (msgspec), in one pass over the bytes: keys not
named here (`planned_values`, `relevant_attributes`, the `*_sensitive` maps, Terraform's
future keys) are checked as JSON and skipped, never built as Python objects, and
attribute values stay untyped, so decoding costs little more than reading the input.
`prior_state` is kept as the raw JSON text and decoded only when a region must be looked
for in it (`decode_prior_state`). User-written files (policies, usage files) keep
pydantic, whose messages say more about what to fix.
"""

from __future__ import annotations

import re
import types
import typing
from typing import Any

import msgspec

ABSENT = msgspec.Raw()
"""The value of a Raw field the plan does not have."""


class _Lenient(msgspec.Struct, frozen=True, gc=False):
    """Unknown keys are ignored (Terraform adds keys in minor format versions). No
    reference cycles: the instances stay out of the cyclic collector (`gc=False`)."""


class Change(_Lenient, frozen=True, gc=False):
    actions: list[str]
    before: Any = None
    after: Any = None
    # Raw JSON, decoded resource by resource and cut down to its `true` markers: as
    # decoded, it is nearly as large as `after`.
    after_unknown: msgspec.Raw = ABSENT


class ResourceChange(_Lenient, frozen=True, gc=False, kw_only=True):
    address: str
    module_address: str | None = None
    mode: str = "managed"
    type: str
    name: str
    index: Any = None
    provider_name: str = ""
    change: Change
    previous_address: str | None = None
    deposed: str | None = None


class ResourceConfig(_Lenient, frozen=True, gc=False):
    address: str = ""
    mode: str = "managed"
    type: str = ""
    provider_config_key: str | None = None
    expressions: dict[str, Any] = msgspec.field(default_factory=dict)


class PlanModuleConfig(_Lenient, frozen=True, gc=False):
    resources: list[ResourceConfig] = msgspec.field(default_factory=list)
    module_calls: dict[str, ModuleCall] = msgspec.field(default_factory=dict)
    outputs: dict[str, Any] = msgspec.field(default_factory=dict)


class ModuleCall(_Lenient, frozen=True, gc=False):
    source: str = ""
    module: PlanModuleConfig = msgspec.field(default_factory=PlanModuleConfig)
    expressions: dict[str, Any] = msgspec.field(default_factory=dict)  # the module's inputs


class PlanProviderConfig(_Lenient, frozen=True, gc=False):
    name: str = ""
    full_name: str | None = None
    alias: str | None = None
    module_address: str | None = None
    expressions: dict[str, Any] = msgspec.field(default_factory=dict)


class Configuration(_Lenient, frozen=True, gc=False):
    provider_config: dict[str, PlanProviderConfig] = msgspec.field(default_factory=dict)
    root_module: PlanModuleConfig = msgspec.field(default_factory=PlanModuleConfig)


class Variable(_Lenient, frozen=True, gc=False):
    value: Any = None


class StateResource(_Lenient, frozen=True, gc=False):
    address: str = ""
    mode: str = "managed"
    type: str = ""
    provider_name: str = ""
    values: Any = None


class StateModule(_Lenient, frozen=True, gc=False):
    resources: list[StateResource] | None = None
    child_modules: list[StateModule] | None = None


class StateValues(_Lenient, frozen=True, gc=False):
    root_module: StateModule | None = None


class PriorState(_Lenient, frozen=True, gc=False):
    """The state terraform planned from, data sources read during the plan included."""

    values: StateValues | None = None


class PlanDocument(_Lenient, frozen=True, gc=False):
    format_version: str
    terraform_version: str | None = None
    variables: dict[str, Variable] = msgspec.field(default_factory=dict)
    resource_changes: list[ResourceChange] = msgspec.field(default_factory=list)
    configuration: Configuration = msgspec.field(default_factory=Configuration)
    # Raw JSON: most plans never need it, and it is as large as the changes themselves.
    prior_state: msgspec.Raw = ABSENT
    # Only to tell a shown state (top-level `values`) from a plan.
    values: msgspec.Raw = ABSENT
    errored: bool = False
    complete: bool = True


class PlanShapeError(Exception):
    """A part of the plan does not have the shape terraform gives it."""

    def __init__(self, location: str, problem: str) -> None:
        super().__init__(f"{location}: {problem}")
        self.location = location
        self.problem = problem


class _SkimmedStateResource(_Lenient, frozen=True, gc=False):
    type: str = ""
    values: msgspec.Raw = ABSENT


class _SkimmedStateModule(_Lenient, frozen=True, gc=False):
    resources: list[_SkimmedStateResource] | None = None
    child_modules: list[_SkimmedStateModule] | None = None


class _SkimmedStateValues(_Lenient, frozen=True, gc=False):
    root_module: _SkimmedStateModule | None = None


class _SkimmedState(_Lenient, frozen=True, gc=False):
    values: _SkimmedStateValues | None = None


PLAN_DECODER = msgspec.json.Decoder(PlanDocument)
_SKIMMED_STATE_DECODER = msgspec.json.Decoder(_SkimmedState | None)
_PRIOR_STATE_DECODER = msgspec.json.Decoder(PriorState | None)


def shape_error(error: msgspec.ValidationError, within: str = "") -> PlanShapeError:
    """`Expected `str`, got `int` - at `$.resource_changes[0].address`` -> location
    `resource_changes[0].address`, problem `expected `str`, got `int``."""
    text = str(error)
    problem, separator, where = text.rpartition(" - at `")
    if not separator:
        problem, where = text, "$`"
    path = where[:-1].removeprefix("$").removeprefix(".")
    if within:
        path = f"{within}.{path}" if path and not path.startswith("[") else within + path
    message = problem[:1].lower() + problem[1:]
    return PlanShapeError(path or "top level", message)


def decode_raw(raw: msgspec.Raw, location: str) -> Any:
    """A Raw part of the plan as plain values (None when absent); PlanShapeError naming
    `location` when it holds a number no float can hold."""
    if not raw:
        return None
    try:
        return msgspec.json.decode(raw)
    except msgspec.ValidationError as error:
        raise shape_error(error, location) from None


def decode_prior_state(raw: msgspec.Raw) -> PriorState | None:
    """The plan's `prior_state`; PlanShapeError when it is not shaped like one."""
    if not raw:
        return None
    try:
        state: PriorState | None = _PRIOR_STATE_DECODER.decode(raw)
    except msgspec.ValidationError as error:
        raise shape_error(error, "prior_state") from None
    return state


def prior_state_values_of(raw: msgspec.Raw, types: frozenset[str]) -> list[Any]:
    """The `values` of the `prior_state` resources whose type is one of `types`, in state
    order, decoding only those (a large state's other resources stay undecoded text);
    PlanShapeError when the state is not shaped like one."""
    if not raw:
        return []
    try:
        state: _SkimmedState | None = _SKIMMED_STATE_DECODER.decode(raw)
    except msgspec.ValidationError as error:
        raise shape_error(error, "prior_state") from None
    root = state.values.root_module if state and state.values else None
    modules: list[_SkimmedStateModule] = [root] if root else []
    found: list[Any] = []
    while modules:
        module = modules.pop()
        found.extend(
            decode_raw(resource.values, "prior_state")
            for resource in module.resources or ()
            if resource.type in types
        )
        modules.extend(reversed(module.child_modules or ()))
    return found


_STEP = re.compile(r"\.?([A-Za-z_]\w*)|\[(\d+|\.\.\.)\]")


def name_the_keys(location: str, document: Any) -> str:
    """The decoder's location with each map key it leaves out (`[...]`) named, found in
    the plain-JSON `document`: `variables[...]` -> `variables.region`."""
    if "[...]" not in location:
        return location
    node: Any = document
    hint: Any = PlanDocument
    named = ""
    for field, index in _STEP.findall(location):
        hint = _without_none(hint)
        if field:
            named += f".{field}" if named else field
            node = node.get(field) if isinstance(node, dict) else None
            hint = _field_hint(hint, field)
        elif index == "...":
            value_hint = typing.get_args(hint)[1] if typing.get_origin(hint) is dict else Any
            key = _failing_key(node, value_hint)
            if key is None:
                return location
            named += f".{key}"
            node, hint = node[key], value_hint
        else:
            named += f"[{index}]"
            node = node[int(index)] if isinstance(node, list) and int(index) < len(node) else None
            hint = typing.get_args(hint)[0] if typing.get_origin(hint) is list else Any
    return named


def _without_none(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        others = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return others[0] if len(others) == 1 else hint
    return hint


def _field_hint(struct: Any, field: str) -> Any:
    if isinstance(struct, type) and issubclass(struct, msgspec.Struct):
        return typing.get_type_hints(struct).get(field, Any)
    return Any


def _failing_key(node: Any, value_hint: Any) -> str | None:
    if not isinstance(node, dict):
        return None
    for key, value in node.items():
        try:
            msgspec.convert(value, value_hint)
        except msgspec.ValidationError:
            return str(key)
    return None
