"""The usage file: quantities for usage-based components (Infracost's `infracost-usage.yml`).

```yaml
version: 0.1
resource_type_default_usage:      # applies to every resource of the type
  aws_lambda_function:
    monthly_requests: 1000000
resource_usage:                   # by address; `[*]` matches any count/for_each index
  aws_lambda_function.api:
    request_duration_ms: 250
  module.app[*].aws_s3_bucket.data:
    standard:
      storage_gb: 500
```

Precedence, lowest first: the type's defaults, then wildcard addresses, then the exact
address (nested keys are merged). Only the keys an estimator reads (its `USAGE_KEYS`) are
accepted; anything else is an error naming the file and key path.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from finops_gate.errors import FinopsGateError
from finops_gate.input_files import (
    USAGE_LIMIT,
    YamlProblem,
    decode_utf8,
    parse_yaml,
    read_input_file,
)


class UsageFileError(FinopsGateError):
    """The usage file is missing or invalid."""


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


_MODULE_PREFIX = re.compile(r'^(module\.[A-Za-z0-9_-]+(\[(\*|\d+|"[^"]*")\])?\.)*')
_ADDRESS = re.compile(r"^(?P<type>[A-Za-z0-9_]+)\.[A-Za-z0-9_-]+(\[(\*|\d+|\"[^\"]*\")\])?$")


def address_type(address: str) -> str | None:
    """The resource type of a (possibly wildcarded) resource address, or None if invalid."""
    rest = address[_MODULE_PREFIX.match(address).end() :]  # type: ignore[union-attr]
    match = _ADDRESS.match(rest)
    return match.group("type") if match else None


def _pattern(address: str) -> re.Pattern[str]:
    return re.compile(re.escape(address).replace(r"\[\*\]", r"\[[^\]]+\]") + "$")


def _merge(base: dict[str, Any], extra: Mapping[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge(dict(merged[key]), value)
        else:
            merged[key] = value
    return merged


@dataclass(frozen=True, slots=True)
class UsageFile:
    path: str
    defaults: Mapping[str, Mapping[str, Any]]
    exact: Mapping[str, Mapping[str, Any]]
    wildcards: tuple[tuple[re.Pattern[str], Mapping[str, Any]], ...]

    def for_resource(self, address: str, resource_type: str) -> Mapping[str, Any]:
        usage: dict[str, Any] = dict(self.defaults.get(resource_type, {}))
        for pattern, values in self.wildcards:
            if pattern.match(address):
                usage = _merge(usage, values)
        if address in self.exact:
            usage = _merge(usage, self.exact[address])
        return usage


def _leaf_paths(values: Mapping[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    paths: list[tuple[str, Any]] = []
    for key, value in values.items():
        path = f"{prefix}{key}"
        if isinstance(value, Mapping):
            paths.extend(_leaf_paths(value, f"{path}."))
        else:
            paths.append((path, value))
    return paths


# A quantity beyond this (YAML's `.inf`, `1e308`) is no estimate: a cost computed from it
# would overflow to infinity and print as `$inf` or invalid JSON.
MAX_QUANTITY = 1e15


def _plausible_quantity(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    return 0 <= value <= MAX_QUANTITY  # NaN compares false


def usage_keys() -> dict[str, tuple[str, ...]]:
    """Resource type -> the usage keys its estimator reads."""
    from finops_gate.cost.registry import ESTIMATOR_MODULES

    keys: dict[str, tuple[str, ...]] = {}
    module: ModuleType
    for module in ESTIMATOR_MODULES:
        for resource_type in module.RESOURCE_TYPES:
            keys[resource_type] = tuple(getattr(module, "USAGE_KEYS", ()))
    return keys


def usage_string_keys() -> dict[str, frozenset[str]]:
    """Resource type -> the usage keys whose values are words, not quantities (an estimator
    module's `USAGE_STRING_KEYS`, e.g. `instance_tier: advanced`)."""
    from finops_gate.cost.registry import ESTIMATOR_MODULES

    words: dict[str, frozenset[str]] = {}
    for module in ESTIMATOR_MODULES:
        for resource_type in module.RESOURCE_TYPES:
            words[resource_type] = frozenset(getattr(module, "USAGE_STRING_KEYS", ()))
    return words


def parse_usage(data: Any, path: str) -> UsageFile:
    try:
        model = UsageFileModel.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"] if not str(part)[:1].isupper())
        raise UsageFileError(f"{path}: {location}: {first['msg']}") from None
    known = usage_keys()
    words = usage_string_keys()

    def check(section: str, name: str, resource_type: str, values: Mapping[str, Any]) -> None:
        if resource_type not in known:
            raise UsageFileError(
                f"{path}: {section}.{name}: resource type {resource_type} has no usage-based "
                "costs in finops-gate"
            )
        allowed = known[resource_type]
        for key_path, value in _leaf_paths(values):
            if key_path not in allowed:
                listed = ", ".join(allowed) or "none"
                raise UsageFileError(
                    f"{path}: {section}.{name}.{key_path}: unknown usage key for "
                    f"{resource_type} (known: {listed})"
                )
            if key_path in words.get(resource_type, ()):
                if not isinstance(value, str) or not value:
                    raise UsageFileError(
                        f"{path}: {section}.{name}.{key_path}: expected a word (a string)"
                    )
                continue
            if not _plausible_quantity(value):
                raise UsageFileError(
                    f"{path}: {section}.{name}.{key_path}: expected a non-negative number "
                    f"no larger than {MAX_QUANTITY:g}"
                )

    for resource_type, values in model.resource_type_default_usage.items():
        check("resource_type_default_usage", resource_type, resource_type, values)
    exact: dict[str, Mapping[str, Any]] = {}
    wildcards: list[tuple[re.Pattern[str], Mapping[str, Any]]] = []
    for address, values in model.resource_usage.items():
        address_kind = address_type(address)
        if address_kind is None:
            raise UsageFileError(f"{path}: resource_usage.{address}: not a resource address")
        check("resource_usage", address, address_kind, values)
        if "[*]" in address:
            wildcards.append((_pattern(address), values))
        else:
            exact[address] = values
    return UsageFile(path, model.resource_type_default_usage, exact, tuple(wildcards))


def load_usage_file(path: str) -> UsageFile:
    if not Path(path).exists():
        raise UsageFileError(f"{path}: usage file not found")
    raw = read_input_file(path, USAGE_LIMIT, UsageFileError)
    text = decode_utf8(raw, path, "the usage file", UsageFileError)
    try:
        data = parse_yaml(text)
    except YamlProblem as problem:
        where = f" (line {problem.line})" if problem.line is not None else ""
        raise UsageFileError(f"{path}: not valid YAML{where}: {problem.problem}") from None
    if not isinstance(data, dict):
        raise UsageFileError(f"{path}: expected a mapping with version and resource_usage")
    return parse_usage(data, path)
