"""Pydantic models of the parts of `terraform show -json` that finops-gate reads.

Lenient on purpose: unknown keys are ignored (Terraform adds keys in minor format
versions) and attribute values stay untyped, so validation cost does not grow with the
size of each resource.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Change(_Lenient):
    actions: list[str]
    before: Any = None
    after: Any = None
    after_unknown: Any = None


class ResourceChange(_Lenient):
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


class ResourceConfig(_Lenient):
    address: str = ""
    mode: str = "managed"
    type: str = ""
    provider_config_key: str | None = None
    expressions: dict[str, Any] = Field(default_factory=dict)


class PlanModuleConfig(_Lenient):
    resources: list[ResourceConfig] = Field(default_factory=list)
    module_calls: dict[str, ModuleCall] = Field(default_factory=dict)
    outputs: dict[str, Any] = Field(default_factory=dict)


class ModuleCall(_Lenient):
    source: str = ""
    module: PlanModuleConfig = Field(default_factory=PlanModuleConfig)
    expressions: dict[str, Any] = Field(default_factory=dict)  # the module's inputs


class PlanProviderConfig(_Lenient):
    name: str = ""
    full_name: str | None = None
    alias: str | None = None
    module_address: str | None = None
    expressions: dict[str, Any] = Field(default_factory=dict)


class Configuration(_Lenient):
    provider_config: dict[str, PlanProviderConfig] = Field(default_factory=dict)
    root_module: PlanModuleConfig = Field(default_factory=PlanModuleConfig)


class Variable(_Lenient):
    value: Any = None


class StateResource(_Lenient):
    address: str = ""
    mode: str = "managed"
    type: str = ""
    provider_name: str = ""
    values: Any = None


class StateModule(_Lenient):
    resources: list[StateResource] | None = None
    child_modules: list[StateModule] | None = None


class StateValues(_Lenient):
    root_module: StateModule | None = None


class PriorState(_Lenient):
    """The state terraform planned from, data sources read during the plan included."""

    values: StateValues | None = None


class PlanDocument(_Lenient):
    format_version: str
    terraform_version: str | None = None
    variables: dict[str, Variable] = Field(default_factory=dict)
    resource_changes: list[ResourceChange] = Field(default_factory=list)
    configuration: Configuration = Field(default_factory=Configuration)
    prior_state: PriorState | None = None
    errored: bool = False
    complete: bool = True


PlanModuleConfig.model_rebuild()
StateModule.model_rebuild()
