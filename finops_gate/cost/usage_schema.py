"""The usage file's schema (finops_gate/cost/usage.py reads and checks the rest)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator


class UsageFileModel(BaseModel):
    """The on-disk schema (Infracost's `infracost-usage.yml`, version 0.1)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    version: str
    resource_type_default_usage: dict[str, dict[str, Any]] = Field(default_factory=dict)
    resource_usage: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("version", mode="before")
    @classmethod
    def _version(cls, value: Any) -> str:
        text = str(value)
        if text not in ("0.1", "v0.1"):
            raise ValueError(f"unsupported version {text!r} (expected 0.1)")
        return "0.1"

    @field_validator("resource_type_default_usage", "resource_usage", mode="before")
    @classmethod
    def _none_is_empty(cls, value: Any) -> Any:
        return {} if value is None else value

