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
address (nested keys are merged). The keys an estimator reads are its `USAGE_KEYS`
(quantities) and `USAGE_TEXT_KEYS` (words such as `operating_system: windows`). Anything
else - an unknown key, a type with no usage pricing, an entry that is no resource address -
is ignored with a warning naming it (Infracost ignores such entries silently); with
`strict=True` (`--strict-usage`) it is an error naming the file and key path. A value of
the wrong kind under a known key is always an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from finops_gate.cost.number_text import number_text
from finops_gate.cost.usage_resources import (
    REGION_KEY,
    RegionProblem,
    entry_region,
    is_usage_resource,
    usage_resource,
)
from finops_gate.errors import FinopsGateError
from finops_gate.input_files import (
    USAGE_LIMIT,
    YamlProblem,
    decode_utf8,
    parse_yaml,
    read_input_file,
)
from finops_gate.plan.resource import Resource
from finops_gate.records import record


class UsageFileError(FinopsGateError):
    """The usage file is missing or invalid."""


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


_INDEX = re.compile(r"\[[^\]]*\]")


def _unindexed(address: str) -> str:
    """The address with every `[...]` index replaced by `[*]`."""
    return _INDEX.sub("[*]", address)


@record(slots=True)
class UsageFile:
    path: str
    defaults: Mapping[str, Mapping[str, Any]]
    exact: Mapping[str, Mapping[str, Any]]
    wildcards: tuple[tuple[re.Pattern[str], Mapping[str, Any]], ...]
    # Entries ignored (unknown keys and types), one line each, naming file and key path.
    warnings: tuple[str, ...] = ()
    wildcard_addresses: tuple[str, ...] = ()
    # (address, region) of each entry that is a resource of its own (`aws_data_transfer`)
    usage_only: tuple[tuple[str, str], ...] = ()

    def usage_resources(self) -> list[Resource]:
        """A record for each entry that is a resource of its own (no plan has them)."""
        return [usage_resource(address, region, self.path) for address, region in self.usage_only]

    def for_resource(self, address: str, resource_type: str) -> Mapping[str, Any]:
        usage: dict[str, Any] = dict(self.defaults.get(resource_type, {}))
        for pattern, values in self.wildcards:
            if pattern.match(address):
                usage = _merge(usage, values)
        if address in self.exact:
            usage = _merge(usage, self.exact[address])
        return usage

    def unmatched_warnings(self, addresses: Iterable[str]) -> list[str]:
        """A warning for each `resource_usage` address that matches none of `addresses`
        (the plan's), naming the closest address of the plan of the same type."""
        present = set(addresses)
        by_shape: dict[str, list[str]] = {}
        for address in present:
            by_shape.setdefault(_unindexed(address), []).append(address)
        missing = [a for a in self.exact if a not in present and not is_usage_resource(a)]
        for address, (pattern, _) in zip(self.wildcard_addresses, self.wildcards, strict=True):
            candidates = by_shape.get(_unindexed(address), ())
            if not any(pattern.match(candidate) for candidate in candidates):
                missing.append(address)
        if not missing:
            return []
        by_type: dict[str | None, list[str]] = {}
        for address in sorted(present):
            by_type.setdefault(address_type(address), []).append(address)
        warnings = []
        for address in sorted(missing):
            candidates = by_type.get(address_type(address)) or sorted(present)
            close = difflib.get_close_matches(address, candidates, n=1)
            hint = f"; closest: {close[0]}" if close else ""
            warnings.append(
                f"{self.path}: resource_usage.{address}: no resource of the plan has this "
                f"address{hint}: ignored"
            )
        return warnings


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


MAX_LISTED_KEYS = 8


@record(slots=True)
class KnownKeys:
    """The usage keys the estimator of a resource type reads."""

    numbers: tuple[str, ...]
    words: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # key -> allowed

    def listed(self, unknown: str = "") -> str:
        """The known keys, or for a long list the one closest to `unknown`."""
        every = (*self.numbers, *self.words)
        if len(every) <= MAX_LISTED_KEYS:
            return "known: " + (", ".join(every) or "none")
        close = difflib.get_close_matches(unknown, every, n=1, cutoff=0.5)
        hint = f"closest known: {close[0]}; " if close else ""
        return f"{hint}{len(every)} keys known, see docs/usage-file.md"


def usage_keys() -> dict[str, KnownKeys]:
    """Resource type -> the usage keys its estimator reads."""
    from finops_gate.cost.registry import ESTIMATOR_MODULES

    keys: dict[str, KnownKeys] = {}
    # Keys an estimator reads from resources of another type (`RELATED_USAGE_KEYS`: the
    # `capacity` of the auto scaling targets of a DynamoDB table), by that type.
    related: dict[str, dict[str, None]] = {}
    for module in ESTIMATOR_MODULES:
        known = KnownKeys(
            tuple(getattr(module, "USAGE_KEYS", ())), dict(getattr(module, "USAGE_TEXT_KEYS", {}))
        )
        for resource_type in module.RESOURCE_TYPES:
            keys[resource_type] = known
        for resource_type, names in getattr(module, "RELATED_USAGE_KEYS", {}).items():
            related.setdefault(resource_type, {}).update(dict.fromkeys(names))
    for resource_type, names in sorted(related.items()):
        own = keys.get(resource_type, KnownKeys(()))
        keys[resource_type] = KnownKeys(tuple(dict.fromkeys((*own.numbers, *names))), own.words)
    return keys


class _Checker:
    """Checks the entries of one usage file: problems with a value are errors; entries
    finops-gate cannot use are warnings, or errors when strict."""

    def __init__(self, path: str, strict: bool) -> None:
        self.path = path
        self.strict = strict
        self.known = usage_keys()
        self.warnings: list[str] = []

    def ignored(self, message: str) -> None:
        if self.strict:
            raise UsageFileError(message)
        self.warnings.append(f"{message}: ignored")

    def usage_only_region(self, where: str, values: Mapping[str, Any]) -> str | None:
        """The region of an entry that is a resource of its own; None when it is ignored."""
        try:
            return entry_region(f"{self.path}: {where}", values)
        except RegionProblem as problem:
            if not problem.ignorable:
                raise UsageFileError(problem.message) from None
            self.ignored(problem.message)
            return None

    def check(self, where: str, resource_type: str, values: Mapping[str, Any]) -> None:
        known = self.known.get(resource_type)
        if known is None or not (known.numbers or known.words):
            self.ignored(
                f"{self.path}: {where}: resource type {resource_type} has no usage-based "
                "costs in finops-gate"
            )
            return
        for key_path, value in _leaf_paths(values):
            if key_path in known.numbers:
                if not _plausible_quantity(value):
                    raise UsageFileError(
                        f"{self.path}: {where}.{key_path}: expected a non-negative number "
                        f"no larger than {number_text(MAX_QUANTITY)}"
                    )
            elif key_path in known.words:
                allowed = known.words[key_path]
                if not isinstance(value, str):
                    raise UsageFileError(
                        f"{self.path}: {where}.{key_path}: expected one of {', '.join(allowed)}"
                    )
                if value not in allowed:
                    self.ignored(
                        f"{self.path}: {where}.{key_path}: {value!r} is not one of "
                        f"{', '.join(allowed)}"
                    )
            else:
                self.ignored(
                    f"{self.path}: {where}.{key_path}: unknown usage key for "
                    f"{resource_type} ({known.listed(key_path)})"
                )


def parse_usage(data: Any, path: str, strict: bool = False) -> UsageFile:
    # The schema (pydantic) only when a run has a usage file: most runs have none.
    from pydantic import ValidationError

    from finops_gate.cost.usage_schema import UsageFileModel

    try:
        model = UsageFileModel.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"] if not str(part)[:1].isupper())
        raise UsageFileError(f"{path}: {location}: {first['msg']}") from None
    checker = _Checker(path, strict)
    for resource_type, values in model.resource_type_default_usage.items():
        checker.check(f"resource_type_default_usage.{resource_type}", resource_type, values)
    exact: dict[str, Mapping[str, Any]] = {}
    wildcards: list[tuple[str, re.Pattern[str], Mapping[str, Any]]] = []
    usage_only: list[tuple[str, str]] = []
    for address, values in model.resource_usage.items():
        address_kind = address_type(address)
        if address_kind is None:
            checker.ignored(f"{path}: resource_usage.{address}: not a resource address")
            continue
        if is_usage_resource(address):
            region = checker.usage_only_region(f"resource_usage.{address}", values)
            if region is not None:
                quantities = {k: v for k, v in values.items() if k != REGION_KEY}
                checker.check(f"resource_usage.{address}", address_kind, quantities)
                exact[address] = quantities
                usage_only.append((address, region))
            continue
        checker.check(f"resource_usage.{address}", address_kind, values)
        if "[*]" in address:
            wildcards.append((address, _pattern(address), values))
        else:
            exact[address] = values
    return UsageFile(
        path,
        model.resource_type_default_usage,
        exact,
        tuple((pattern, values) for _, pattern, values in wildcards),
        tuple(checker.warnings),
        tuple(address for address, _, _ in wildcards),
        tuple(usage_only),
    )


def load_usage_file(path: str, strict: bool = False) -> UsageFile:
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
    return parse_usage(data, path, strict)
