"""Known values of a resource's planned attributes, and copies with one value changed."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def known_string(values: Mapping[str, Any], name: str) -> str | None:
    value = values.get(name)
    return value if isinstance(value, str) and value else None


def known_number(values: Mapping[str, Any], name: str) -> float | None:
    value = values.get(name)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def blocks(values: Mapping[str, Any], name: str) -> list[Mapping[str, Any]]:
    found = values.get(name)
    if not isinstance(found, list):
        return []
    return [block if isinstance(block, Mapping) else {} for block in found]


def with_values(values: Mapping[str, Any], **changes: Any) -> dict[str, Any]:
    return {**values, **changes}


def with_block_values(
    values: Mapping[str, Any], name: str, index: int, **changes: Any
) -> dict[str, Any]:
    """A copy of `values` whose `name` block number `index` has `changes` applied."""
    changed = [dict(block) for block in blocks(values, name)]
    changed[index].update(changes)
    return {**values, name: changed}


def is_unknown(unknown: Mapping[str, Any], name: str, index: int | None = None) -> bool:
    """Whether `name` (or a value inside its block number `index`) is known only after
    apply: the plan marks the attribute, or the block, True."""
    value = unknown.get(name)
    if value is True:
        return True
    if index is not None and isinstance(value, list) and index < len(value):
        return value[index] is True
    return False
