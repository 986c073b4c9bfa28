"""The policies a run enforces, as plain frozen dataclasses.

`finops_gate/policy/schema.py` is the one schema of the policy file format: a file a user
writes is validated there (pydantic, for its error messages) and converted to these
classes (`from_data`). The bundled policies, the package's own files, are built straight
from their YAML with `from_data`, so a run with a bundled policy never imports pydantic
(about a third of the start-up of `finops-gate plan.json`);
tests/policy/test_policy_model.py proves both ways give equal objects for every bundled
policy. Field names, defaults and helper properties mirror the schema's models one to one.
They are `@record`s (finops_gate/records.py): dataclasses whose methods are compiled when
first used, not at every start-up.
"""

from __future__ import annotations

import dataclasses
import datetime
import types
import typing
from collections.abc import Mapping
from dataclasses import field
from functools import cache
from typing import Any, Literal, TypeVar, Union

from finops_gate.records import record

Severity = Literal["error", "warning"]
Enforcement = Literal["advisory", "soft-mandatory", "hard-mandatory"]
CheckedAction = Literal["create", "update"]
OnUnknown = Literal["pass", "warn", "fail"]
OnUnpriced = Literal["pass", "warn", "fail"]
Source = Literal["tag", "variable", "module"]
DEFAULT_ORDER: tuple[Source, ...] = ("tag", "module", "variable")
DEFAULT_ACTIONS: tuple[CheckedAction, ...] = ("create", "update")
DEFAULT_TAG_KEYS = ("Environment", "environment", "Env", "env", "Stage", "stage")


def default_aliases() -> dict[str, list[str]]:
    return {
        "prod": ["production", "prd", "live"],
        "staging": ["stage", "stg"],
        "dev": ["development", "develop"],
    }


@record(kw_only=True)
class UnknownEnvironment:
    """What to do when no source names a resource's environment."""

    action: Literal["use-default", "skip", "warn", "fail"] = "use-default"
    assume: str | None = None


@record(kw_only=True)
class EnvironmentDetection:
    order: list[Source] = field(default_factory=lambda: list(DEFAULT_ORDER))
    tag_keys: list[str] = field(default_factory=lambda: list(DEFAULT_TAG_KEYS))
    variable: str | None = None
    module_patterns: list[str] = field(default_factory=list)
    aliases: dict[str, list[str]] = field(default_factory=default_aliases)
    unknown: UnknownEnvironment = field(default_factory=UnknownEnvironment)


@record(kw_only=True)
class TagRule:
    allowed: list[str] | None = None
    pattern: str | None = None


@record(kw_only=True)
class PolicyEntry:
    """What every policy entry has (id, kind, level...), whatever its kind."""

    id: str
    description: str = ""
    remediation: str = ""
    enforcement: Enforcement | None = None
    severity: Severity | None = None

    @property
    def level(self) -> Enforcement:
        """The enforcement level; `severity: warning` (older files) means advisory."""
        if self.enforcement is not None:
            return self.enforcement
        return "advisory" if self.severity == "warning" else "hard-mandatory"


@record(kw_only=True)
class _ResourcePolicy(PolicyEntry):
    actions: list[CheckedAction] = field(default_factory=lambda: list(DEFAULT_ACTIONS))
    on_unknown: OnUnknown = "warn"


@record(kw_only=True)
class TagSpecifications:
    launch_template: bool = True
    asg_require_propagate_at_launch: bool = True


@record(kw_only=True)
class RequiredTagsPolicy(_ResourcePolicy):
    kind: Literal["required_tags"]
    tags: dict[str, TagRule | None]
    case_sensitive: bool = True
    resource_types: list[str] | None = None
    exclude_types: list[str] = field(default_factory=list)
    instance_tags: TagSpecifications = field(default_factory=TagSpecifications)


@record(kw_only=True)
class SizeRule:
    allow: list[str] | None = None
    deny: list[str] = field(default_factory=list)
    max_size: str | None = None
    families: list[str] | None = None
    no_previous_generation: bool = False


@record(kw_only=True)
class InstanceSizePolicy(_ResourcePolicy):
    kind: Literal["instance_size"]
    environments: dict[str, SizeRule]


@record(kw_only=True)
class Threshold:
    """Absolute `warn`/`fail` levels, or a `budget` with levels in percent of it."""

    warn: float | None = None
    fail: float | None = None
    budget: float | None = None
    warn_at: float | None = None
    fail_at: float | None = None

    @property
    def levels(self) -> tuple[float | None, float | None]:
        """(warn, fail) as amounts."""
        if self.budget is None:
            return self.warn, self.fail
        fail_at = 100.0 if self.fail_at is None else self.fail_at
        warn = None if self.warn_at is None else self.budget * self.warn_at / 100
        return warn, self.budget * fail_at / 100


@record(kw_only=True)
class Thresholds:
    total_monthly_cost: Threshold | None = None
    monthly_cost_delta: Threshold | None = None
    percent_increase: Threshold | None = None

    @property
    def empty(self) -> bool:
        return not (self.total_monthly_cost or self.monthly_cost_delta or self.percent_increase)


@record(kw_only=True)
class TagGroups:
    key: str
    values: dict[str, Thresholds] = field(default_factory=dict)
    default: Thresholds | None = None


@record(kw_only=True)
class UnitCost:
    unit: str = "unit"
    per: float = 1
    count: float | None = None
    count_variable: str | None = None
    max: Threshold


@record(kw_only=True)
class BudgetPolicy(PolicyEntry, Thresholds):
    kind: Literal["budget"]
    on_unpriced: OnUnpriced = "warn"
    environments: dict[str, Thresholds] = field(default_factory=dict)
    tag_groups: list[TagGroups] = field(default_factory=list)
    unit_cost: UnitCost | None = None


@record(kw_only=True)
class SavingsPolicy(PolicyEntry):
    """One savings check (finops_gate/savings/checks/): what it looks at and whether its
    suggestions fail the gate (advisory unless `enforcement` or `severity` says so)."""

    kind: Literal["savings"]
    check: str
    enabled: bool = True
    actions: list[CheckedAction] = field(default_factory=lambda: list(DEFAULT_ACTIONS))
    # Only resources in these environments (canonical names, aliases allowed); None: all.
    environments: list[str] | None = None
    min_monthly_savings: float = 0.0
    exclude: list[str] = field(default_factory=list)  # address globs

    @property
    def level(self) -> Enforcement:
        if self.enforcement is not None:
            return self.enforcement
        return "hard-mandatory" if self.severity == "error" else "advisory"


Policy = RequiredTagsPolicy | InstanceSizePolicy | BudgetPolicy | SavingsPolicy


@record(kw_only=True)
class Waiver:
    policy: str
    address: str = "*"
    reason: str
    approver: str | None = None
    expires: datetime.date


@record(kw_only=True)
class PolicyFile:
    version: Literal[1] = 1
    extends: str | None = None
    remove: list[str] = field(default_factory=list)
    environment: EnvironmentDetection = field(default_factory=EnvironmentDetection)
    policies: list[Policy] = field(default_factory=list)
    waivers: list[Waiver] = field(default_factory=list)

    def policy(self, policy_id: str) -> Policy | None:
        return next((p for p in self.policies if p.id == policy_id), None)


# Building from data -----------------------------------------------------------------

T = TypeVar("T")


class NotBuilt(Exception):
    """The data does not have the exact shape of the class (the schema then says why)."""


def from_data(cls: type[T], data: Any) -> T:
    """An instance of the dataclass `cls` from parsed YAML (or a pydantic model's
    `model_dump(exclude_unset=True)`): keys absent take the class's defaults, a float
    field given an int holds a float (as pydantic converts it).

    Only the shape is checked (known keys, required ones present, value types, literal
    values); the schema's other rules (patterns, sizes, thresholds in order, unique ids)
    are not: use it for data the schema has validated, or for the bundled policies
    (proved valid by the tests). Raises NotBuilt on any mismatch."""
    built = _value(cls, data)
    if not isinstance(built, cls):
        raise NotBuilt(cls.__name__)
    return built


@cache
def _field_types(cls: type) -> Mapping[str, Any]:
    """Field name -> its type, resolved once per class (classes never change)."""
    hints = typing.get_type_hints(cls)
    return {item.name: hints[item.name] for item in dataclasses.fields(cls)}


_SCALARS: dict[Any, tuple[type, ...]] = {
    str: (str,),
    bool: (bool,),
    int: (int,),
    float: (float, int),
    datetime.date: (datetime.date,),
}


def _value(kind: Any, value: Any) -> Any:
    if kind is Any:
        return value
    scalar = _SCALARS.get(kind)
    if scalar is not None:
        if type(value) not in scalar:
            raise NotBuilt(f"{value!r} is not a {kind.__name__}")
        return float(value) if kind is float else value
    if dataclasses.is_dataclass(kind):
        return _instance(kind, value)
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if origin is Literal:
        if value not in args or type(value) not in {type(arg) for arg in args}:
            raise NotBuilt(f"{value!r} is not one of {args}")
        return value
    if origin is list:
        if type(value) is not list:
            raise NotBuilt(f"{value!r} is not a list")
        return [_value(args[0], item) for item in value]
    if origin is dict:
        if type(value) is not dict or not all(type(key) is str for key in value):
            raise NotBuilt(f"{value!r} is not a mapping of names")
        return {key: _value(args[1], item) for key, item in value.items()}
    if origin in (Union, types.UnionType):
        return _one_of(args, value)
    raise NotBuilt(f"no way to build a {kind!r}")


def _instance(cls: Any, value: Any) -> Any:
    if type(value) is not dict:
        raise NotBuilt(f"{cls.__name__}: {value!r} is not a mapping")
    fields = _field_types(cls)
    unknown = set(value) - set(fields)
    if unknown:
        raise NotBuilt(f"{cls.__name__}: unknown keys {sorted(unknown)}")
    try:
        return cls(**{key: _value(fields[key], item) for key, item in value.items()})
    except TypeError as error:  # a required field is missing
        raise NotBuilt(str(error)) from None


def _one_of(kinds: tuple[Any, ...], value: Any) -> Any:
    """`X | None`, or the policy union (told apart by `kind`, as the schema does)."""
    if value is None:
        if type(None) in kinds:
            return None
        raise NotBuilt("a value is required")
    choices = [kind for kind in kinds if kind is not type(None)]
    if len(choices) == 1:
        return _value(choices[0], value)
    tag = value.get("kind") if type(value) is dict else None
    for kind in choices:
        if typing.get_args(_field_types(kind).get("kind")) == (tag,):
            return _instance(kind, value)
    raise NotBuilt(f"no policy kind {tag!r}")
