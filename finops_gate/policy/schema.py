"""The policy file format (YAML), validated strictly: unknown keys are errors."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Severity = Literal["error", "warning"]


class EnvironmentDetection(_Strict):
    tag_keys: list[str] = Field(
        default_factory=lambda: ["Environment", "environment", "Env", "env", "Stage", "stage"]
    )
    aliases: dict[str, list[str]] = Field(
        default_factory=lambda: {
            "prod": ["production", "prd", "live"],
            "staging": ["stage", "stg"],
            "dev": ["development", "develop"],
        }
    )


class TagRule(_Strict):
    allowed: list[str] | None = None
    pattern: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                re.compile(value)
            except re.error as error:
                raise ValueError(f"not a valid regular expression: {error}") from None
        return value


class _PolicyBase(_Strict):
    id: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
    description: str = ""
    remediation: str = ""


class RequiredTagsPolicy(_PolicyBase):
    kind: Literal["required_tags"]
    severity: Severity = "error"
    tags: dict[str, TagRule | None]
    resource_types: list[str] | None = None

    @field_validator("tags")
    @classmethod
    def _not_empty(cls, value: dict[str, TagRule | None]) -> dict[str, TagRule | None]:
        if not value:
            raise ValueError("list at least one tag key")
        return value


class SizeRule(_Strict):
    allow: list[str] | None = None
    deny: list[str] = Field(default_factory=list)


class InstanceSizePolicy(_PolicyBase):
    kind: Literal["instance_size"]
    severity: Severity = "error"
    environments: dict[str, SizeRule]


class Threshold(_Strict):
    warn: Annotated[float, Field(ge=0)] | None = None
    fail: Annotated[float, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Threshold:
        if self.warn is None and self.fail is None:
            raise ValueError("give warn, fail or both")
        if self.warn is not None and self.fail is not None and self.warn > self.fail:
            raise ValueError("warn must not be above fail")
        return self


class BudgetPolicy(_PolicyBase):
    kind: Literal["budget"]
    total_monthly_cost: Threshold | None = None
    monthly_cost_delta: Threshold | None = None
    percent_increase: Threshold | None = None

    @model_validator(mode="after")
    def _has_threshold(self) -> BudgetPolicy:
        if not (self.total_monthly_cost or self.monthly_cost_delta or self.percent_increase):
            raise ValueError(
                "give at least one of total_monthly_cost, monthly_cost_delta, percent_increase"
            )
        return self


Policy = Annotated[
    RequiredTagsPolicy | InstanceSizePolicy | BudgetPolicy, Field(discriminator="kind")
]


class PolicyFile(_Strict):
    version: Literal[1] = 1
    environment: EnvironmentDetection = Field(default_factory=EnvironmentDetection)
    policies: list[Policy] = Field(default_factory=list)

    @field_validator("policies")
    @classmethod
    def _unique_ids(cls, policies: list[Policy]) -> list[Policy]:
        seen: set[str] = set()
        for policy in policies:
            if policy.id in seen:
                raise ValueError(f"duplicate policy id {policy.id!r}")
            seen.add(policy.id)
        return policies
