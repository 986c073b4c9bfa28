"""The policy file format (YAML), validated strictly: unknown keys are errors.

These pydantic models are the one schema of policy files; a validated file is converted
(`to_policy_file`) to the plain dataclasses of finops_gate/policy/model.py, which the
rest of the gate uses. The classes and defaults here mirror those one to one.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from finops_gate.bounded_regex import compile_bounded
from finops_gate.policy import model
from finops_gate.policy.model import (
    DEFAULT_ACTIONS,
    DEFAULT_ORDER,
    DEFAULT_TAG_KEYS,
    CheckedAction,
    Enforcement,
    OnUnknown,
    OnUnpriced,
    Severity,
    Source,
    default_aliases,
)
from finops_gate.policy.sizes import SIZE_ORDER


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _regex(value: str | None) -> str | None:
    if value is not None:
        try:
            compile_bounded(value)
        except re.error as error:
            raise ValueError(f"not a valid regular expression: {error}") from None
    return value


class UnknownEnvironment(_Strict):
    """What to do when no source names a resource's environment."""

    action: Literal["use-default", "skip", "warn", "fail"] = "use-default"
    assume: str | None = None


class EnvironmentDetection(_Strict):
    order: list[Source] = Field(default_factory=lambda: list(DEFAULT_ORDER))
    tag_keys: list[str] = Field(default_factory=lambda: list(DEFAULT_TAG_KEYS))
    variable: str | None = None
    module_patterns: list[str] = Field(default_factory=list)
    aliases: dict[str, list[str]] = Field(default_factory=default_aliases)
    unknown: UnknownEnvironment = Field(default_factory=UnknownEnvironment)

    @field_validator("module_patterns")
    @classmethod
    def _patterns(cls, value: list[str]) -> list[str]:
        for pattern in value:
            _regex(pattern)
            if compile_bounded(pattern).groups < 1:
                raise ValueError(
                    f"pattern {pattern!r} needs a capture group (or (?P<env>...)) for the name"
                )
        return value


class TagRule(_Strict):
    allowed: list[str] | None = None
    pattern: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        return _regex(value)


class _PolicyBase(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
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

    @model_validator(mode="after")
    def _one_of(self) -> _PolicyBase:
        if self.enforcement is not None and self.severity is not None:
            raise ValueError("give enforcement or the older severity, not both")
        return self


# What every policy entry has (id, kind, level...), whatever its kind.
PolicyEntry = _PolicyBase


class _ResourcePolicyBase(_PolicyBase):
    actions: list[CheckedAction] = Field(default_factory=lambda: list(DEFAULT_ACTIONS))
    on_unknown: OnUnknown = "warn"


class TagSpecifications(_Strict):
    launch_template: bool = True
    asg_require_propagate_at_launch: bool = True


class RequiredTagsPolicy(_ResourcePolicyBase):
    kind: Literal["required_tags"]
    tags: dict[str, TagRule | None]
    case_sensitive: bool = True
    resource_types: list[str] | None = None
    exclude_types: list[str] = Field(default_factory=list)
    instance_tags: TagSpecifications = Field(default_factory=TagSpecifications)

    @field_validator("tags")
    @classmethod
    def _not_empty(cls, value: dict[str, TagRule | None]) -> dict[str, TagRule | None]:
        if not value:
            raise ValueError("list at least one tag key")
        return value


class SizeRule(_Strict):
    allow: list[str] | None = None
    deny: list[str] = Field(default_factory=list)
    max_size: str | None = None
    families: list[str] | None = None
    no_previous_generation: bool = False

    @field_validator("max_size")
    @classmethod
    def _known_size(cls, value: str | None) -> str | None:
        known = value is None or value in SIZE_ORDER or re.fullmatch(r"[0-9]+xlarge", value)
        if not known:
            sizes = ", ".join(SIZE_ORDER)
            raise ValueError(f"unknown size {value!r} (use one of {sizes} or NNxlarge)")
        return value


class InstanceSizePolicy(_ResourcePolicyBase):
    kind: Literal["instance_size"]
    environments: dict[str, SizeRule]


class Threshold(_Strict):
    """Absolute `warn`/`fail` levels, or a `budget` with levels in percent of it."""

    warn: Annotated[float, Field(ge=0)] | None = None
    fail: Annotated[float, Field(ge=0)] | None = None
    budget: Annotated[float, Field(ge=0)] | None = None
    warn_at: Annotated[float, Field(gt=0)] | None = None
    fail_at: Annotated[float, Field(gt=0)] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Threshold:
        if self.budget is not None:
            if self.warn is not None or self.fail is not None:
                raise ValueError(
                    "give warn/fail amounts or a budget with warn_at/fail_at, not both"
                )
        elif self.warn_at is not None or self.fail_at is not None:
            raise ValueError("warn_at and fail_at are percentages of `budget`: give budget")
        elif self.warn is None and self.fail is None:
            raise ValueError("give warn, fail or both (or a budget)")
        warn, fail = self.levels
        if warn is not None and fail is not None and warn > fail:
            raise ValueError("warn must not be above fail")
        return self

    @property
    def levels(self) -> tuple[float | None, float | None]:
        """(warn, fail) as amounts."""
        if self.budget is None:
            return self.warn, self.fail
        fail_at = 100.0 if self.fail_at is None else self.fail_at
        warn = None if self.warn_at is None else self.budget * self.warn_at / 100
        return warn, self.budget * fail_at / 100


class Thresholds(_Strict):
    total_monthly_cost: Threshold | None = None
    monthly_cost_delta: Threshold | None = None
    percent_increase: Threshold | None = None

    @property
    def empty(self) -> bool:
        return not (self.total_monthly_cost or self.monthly_cost_delta or self.percent_increase)


class TagGroups(_Strict):
    key: str
    values: dict[str, Thresholds] = Field(default_factory=dict)
    default: Thresholds | None = None


class UnitCost(_Strict):
    unit: str = "unit"
    per: Annotated[float, Field(gt=0)] = 1
    count: Annotated[float, Field(gt=0)] | None = None
    count_variable: str | None = None
    max: Threshold

    @model_validator(mode="after")
    def _has_count(self) -> UnitCost:
        if (self.count is None) == (self.count_variable is None):
            raise ValueError("give exactly one of count, count_variable")
        return self


class BudgetPolicy(_PolicyBase, Thresholds):
    kind: Literal["budget"]
    # Resources in the budget's scope that are not fully priced: judge the known sum
    # silently (pass), with a warning naming them (warn), or never pass (fail).
    on_unpriced: OnUnpriced = "warn"
    environments: dict[str, Thresholds] = Field(default_factory=dict)
    tag_groups: list[TagGroups] = Field(default_factory=list)
    unit_cost: UnitCost | None = None

    @model_validator(mode="after")
    def _has_threshold(self) -> BudgetPolicy:
        if self.empty and not (self.environments or self.tag_groups or self.unit_cost):
            raise ValueError(
                "give at least one of total_monthly_cost, monthly_cost_delta, percent_increase, "
                "environments, tag_groups, unit_cost"
            )
        return self


class SavingsPolicy(_PolicyBase):
    """One savings check (finops_gate/savings/checks/): what it looks at and whether its
    suggestions fail the gate (advisory unless `enforcement` or `severity` says so)."""

    kind: Literal["savings"]
    check: str
    enabled: bool = True
    actions: list[CheckedAction] = Field(default_factory=lambda: list(DEFAULT_ACTIONS))
    # Only resources in these environments (canonical names, aliases allowed); None: all.
    environments: list[str] | None = None
    min_monthly_savings: Annotated[float, Field(ge=0)] = 0.0
    exclude: list[str] = Field(default_factory=list)  # address globs

    @property
    def level(self) -> Enforcement:
        if self.enforcement is not None:
            return self.enforcement
        return "hard-mandatory" if self.severity == "error" else "advisory"

    @field_validator("check")
    @classmethod
    def _known_check(cls, value: str) -> str:
        from finops_gate.savings.registry import SAVINGS_CHECKS

        if value not in SAVINGS_CHECKS:
            known = ", ".join(sorted(SAVINGS_CHECKS))
            raise ValueError(f"unknown savings check {value!r} (use one of {known})")
        return value


Policy = Annotated[
    RequiredTagsPolicy | InstanceSizePolicy | BudgetPolicy | SavingsPolicy,
    Field(discriminator="kind"),
]


class Waiver(_Strict):
    policy: str
    address: str = "*"
    reason: Annotated[str, Field(min_length=1)]
    approver: str | None = None
    expires: date

    @field_validator("reason")
    @classmethod
    def _real_reason(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a waiver needs a reason")
        return value


class PolicyFile(_Strict):
    version: Literal[1] = 1
    extends: str | None = None
    remove: list[str] = Field(default_factory=list)
    environment: EnvironmentDetection = Field(default_factory=EnvironmentDetection)
    policies: list[Policy] = Field(default_factory=list)
    waivers: list[Waiver] = Field(default_factory=list)

    @field_validator("policies")
    @classmethod
    def _unique_ids(cls, policies: list[Policy]) -> list[Policy]:
        seen: set[str] = set()
        for policy in policies:
            if policy.id in seen:
                raise ValueError(f"duplicate policy id {policy.id!r}")
            seen.add(policy.id)
        return policies

    def policy(self, policy_id: str) -> Policy | None:
        return next((p for p in self.policies if p.id == policy_id), None)


def to_policy_file(validated: PolicyFile) -> model.PolicyFile:
    """The run's form of a validated file (only what the file sets is carried over: the
    rest takes the same defaults, unconverted, as here)."""
    return model.from_data(model.PolicyFile, validated.model_dump(exclude_unset=True))


def to_budget_policy(validated: BudgetPolicy) -> model.BudgetPolicy:
    """A validated budget (of a multi-project config file) in the run's form."""
    return model.from_data(model.BudgetPolicy, validated.model_dump(exclude_unset=True))
