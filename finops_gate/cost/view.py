"""A read-only view of one side (before or after) of a resource, for estimators."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from finops_gate.plan.resource import Resource


class UnknownAttributeError(Exception):
    """An attribute a price depends on is unknown until apply."""

    def __init__(self, attribute: str) -> None:
        super().__init__(attribute)
        self.attribute = attribute


@dataclass(frozen=True, slots=True)
class AttributeView:
    resource: Resource
    values: Mapping[str, Any]
    unknown: Mapping[str, Any]

    @property
    def region(self) -> str:
        return self.resource.region

    def is_unknown(self, name: str) -> bool:
        return self.unknown.get(name) is True

    def string(self, name: str, default: str | None = None) -> str | None:
        value = self.values.get(name)
        return value if isinstance(value, str) and value else default

    def required_string(self, name: str) -> str:
        value = self.string(name)
        if value is None:
            raise UnknownAttributeError(name)
        return value

    def number(self, name: str, default: float | None = None) -> float | None:
        return as_number(self.values.get(name), default)

    def boolean(self, name: str, default: bool = False) -> bool:
        value = self.values.get(name)
        return value if isinstance(value, bool) else default

    def blocks(self, name: str) -> list[AttributeView]:
        """Nested blocks (lists of objects), each with its own unknown markers."""
        raw = self.values.get(name)
        if not isinstance(raw, list):
            return []
        unknown = self.unknown.get(name)
        unknown_list = unknown if isinstance(unknown, list) else []
        views = []
        for position, item in enumerate(raw):
            if not isinstance(item, dict):
                continue
            item_unknown = unknown_list[position] if position < len(unknown_list) else {}
            views.append(
                AttributeView(
                    self.resource, item, item_unknown if isinstance(item_unknown, dict) else {}
                )
            )
        return views

    def strings(self, name: str) -> list[str]:
        raw = self.values.get(name)
        if not isinstance(raw, list):
            return []
        return [item for item in raw if isinstance(item, str)]


def as_number(value: Any, default: float | None = None) -> float | None:
    """A finite, non-negative number, or the default (bools and absurd values rejected)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > 1e12:
        return default
    return number
