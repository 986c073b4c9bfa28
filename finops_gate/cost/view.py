"""A read-only view of one side (before or after) of a resource, for estimators."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from finops_gate.plan.resource import Plan, Resource
from finops_gate.policy import clock


class UnknownAttributeError(Exception):
    """An attribute a price depends on is unknown until apply (or cannot be resolved)."""

    def __init__(self, attribute: str, message: str | None = None) -> None:
        super().__init__(attribute)
        self.attribute = attribute
        self.message = message or f"{attribute} is unknown until apply"


_INDEX = re.compile(r"\[[^\]]*\]$")


@dataclass(frozen=True, slots=True)
class PlanContext:
    """Every resource of the plan by address, so estimators can follow references, and
    the date the plan is priced on (prices that follow a calendar compare with it)."""

    by_address: Mapping[str, Resource] = field(default_factory=dict)
    by_type: Mapping[str, tuple[Resource, ...]] = field(default_factory=dict)
    by_base: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    today: date | None = None  # None: the clock (finops_gate.policy.clock)

    @classmethod
    def of(cls, plan: Plan, today: date | None = None) -> PlanContext:
        by_type: dict[str, list[Resource]] = {}
        by_base: dict[str, list[str]] = {}
        for resource in plan.resources:
            by_type.setdefault(resource.type, []).append(resource)
            if resource.address.endswith("]"):
                by_base.setdefault(_bare(resource.address), []).append(resource.address)
        return cls(
            {resource.address: resource for resource in plan.resources},
            {
                kind: tuple(sorted(found, key=lambda r: r.address))
                for kind, found in by_type.items()
            },
            {base: tuple(sorted(addresses)) for base, addresses in by_base.items()},
            today,
        )

    def resolve(self, source: Resource, references: list[str]) -> Resource | None:
        """The first resource named by a `references` list of a configuration expression.

        References are relative to the module of `source`; `aws_x.y.id`, `aws_x.y[0]` and
        `aws_x.y` (with count/for_each: the instance with the same index, else the first)
        all resolve.
        """
        prefix = f"{source.module_address}." if source.module_address else ""
        for reference in references:
            parts = reference.split(".")
            if len(parts) < 2 or parts[0] in ("var", "local", "data", "module", "each", "count"):
                continue
            base = f"{prefix}{parts[0]}.{parts[1]}"
            found = self._instance(base, source.index)
            if found is not None:
                return found
        return None

    def _instance(self, base: str, index: int | str | None) -> Resource | None:
        if base in self.by_address:
            return self.by_address[base]
        bare = _bare(base)
        if index is not None:
            same = f"{bare}[{index}]" if isinstance(index, int) else f'{bare}["{index}"]'
            if same in self.by_address:
                return self.by_address[same]
        candidates = self.by_base.get(bare, ())
        return self.by_address[candidates[0]] if candidates else None

    def references_changed(self, resource: Resource) -> bool:
        """Whether a resource this one's configuration references is being changed."""
        return any(
            (found := self.resolve(resource, references)) is not None and found.action.changes
            for references in _reference_lists(resource.config_expressions)
        )

    def referencing(self, target: Resource, resource_type: str, attribute: str) -> Resource | None:
        """The first resource of `resource_type` whose `attribute` references `target`."""
        for resource in self.by_type.get(resource_type, ()):
            expression = resource.config_expressions.get(attribute)
            references = expression.get("references") if isinstance(expression, dict) else None
            if isinstance(references, list) and self.resolve(resource, references) is target:
                return resource
        return None


def _reference_lists(expressions: Any) -> list[list[str]]:
    found: list[list[str]] = []
    if isinstance(expressions, dict):
        references = expressions.get("references")
        if isinstance(references, list):
            found.append([ref for ref in references if isinstance(ref, str)])
        for value in expressions.values():
            if isinstance(value, (dict, list)):
                found.extend(_reference_lists(value))
    elif isinstance(expressions, list):
        for item in expressions:
            found.extend(_reference_lists(item))
    return found


def _bare(address: str) -> str:
    """The address without its final count/for_each index."""
    return _INDEX.sub("", address) if address.endswith("]") else address


EMPTY_CONTEXT = PlanContext()


@dataclass(frozen=True, slots=True)
class AttributeView:
    resource: Resource
    values: Mapping[str, Any]
    unknown: Mapping[str, Any]
    context: PlanContext = EMPTY_CONTEXT
    usage: Mapping[str, Any] = field(default_factory=dict)
    expressions: Mapping[str, Any] | None = None
    before_side: bool = False  # pricing the "before" side: references show their before

    @property
    def region(self) -> str:
        return self.resource.region

    @property
    def today(self) -> date:
        """The date the plan is priced on (`FINOPS_GATE_TODAY` pins the clock's)."""
        return self.context.today or clock.today()

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
        value = self.values.get(name)
        if isinstance(value, str):
            try:
                value = float(value)
            except ValueError:
                return default
        return as_number(value, default)

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
        expressions = self._expressions().get(name)
        expression_list = expressions if isinstance(expressions, list) else []
        views = []
        for position, item in enumerate(raw):
            if not isinstance(item, dict):
                continue
            item_unknown = unknown_list[position] if position < len(unknown_list) else {}
            item_expressions = expression_list[position] if position < len(expression_list) else {}
            views.append(
                AttributeView(
                    self.resource,
                    item,
                    item_unknown if isinstance(item_unknown, dict) else {},
                    self.context,
                    self.usage,
                    item_expressions if isinstance(item_expressions, dict) else {},
                    self.before_side,
                )
            )
        return views

    def strings(self, name: str) -> list[str]:
        raw = self.values.get(name)
        if not isinstance(raw, list):
            return []
        return [item for item in raw if isinstance(item, str)]

    # Cross-references -------------------------------------------------------------

    def _expressions(self) -> Mapping[str, Any]:
        if self.expressions is not None:
            return self.expressions
        return self.resource.config_expressions

    def referenced(self, name: str) -> AttributeView | None:
        """The resource an attribute's configuration expression references, if in the plan.

        The view shows that resource as it will be after the change (or as it was, when
        it is being deleted; on the before side, as it was when it existed), with no usage
        of its own.
        """
        expression = self._expressions().get(name)
        if not isinstance(expression, dict):
            return None
        references = expression.get("references")
        if not isinstance(references, list):
            return None
        target = self.context.resolve(
            self.resource, [ref for ref in references if isinstance(ref, str)]
        )
        if target is None:
            return None
        if self.before_side and target.before is not None:
            return AttributeView(target, target.before, {}, self.context, before_side=True)
        unknown = target.after_unknown if target.after is not None else {}
        return AttributeView(target, target.current, unknown, self.context)

    # Usage (from the usage file) ----------------------------------------------------

    def usage_number(self, path: str) -> float | None:
        """A quantity from the usage file, by dotted key path (e.g. `standard.storage_gb`)."""
        value: Any = self.usage
        for part in path.split("."):
            if not isinstance(value, Mapping):
                return None
            value = value.get(part)
        return as_number(value)

    def usage_string(self, path: str) -> str | None:
        value: Any = self.usage
        for part in path.split("."):
            if not isinstance(value, Mapping):
                return None
            value = value.get(part)
        return value if isinstance(value, str) else None


def as_number(value: Any, default: float | None = None) -> float | None:
    """A finite, non-negative number, or the default (bools and absurd values rejected)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > 1e12:
        return default
    return number
