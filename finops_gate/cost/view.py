"""A read-only view of one side (before or after) of a resource, for estimators.

The plan-wide index it follows references through is `PlanContext`
(finops_gate/cost/plan_context.py), importable from here too."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import field
from datetime import date
from typing import Any

from finops_gate.cost.evidence import Link
from finops_gate.cost.plan_context import EMPTY_CONTEXT as EMPTY_CONTEXT
from finops_gate.cost.plan_context import MAX_DEPTH as MAX_DEPTH
from finops_gate.cost.plan_context import PlanContext as PlanContext
from finops_gate.cost.plan_context import bare_address, external_reference
from finops_gate.plan.resource import Resource
from finops_gate.policy import clock
from finops_gate.records import record


class UnknownAttributeError(Exception):
    """An attribute a price depends on is unknown until apply (or cannot be resolved)."""

    def __init__(self, attribute: str, message: str | None = None) -> None:
        super().__init__(attribute)
        self.attribute = attribute
        self.message = message or f"{attribute} is unknown until apply"


# Not frozen: a view is built for every side of every resource, every nested block and
# every linked resource an estimator reads (about 17,000 for a 10,000-resource plan), and
# a frozen slotted record sets each field through its slot's descriptor, several times
# the cost of a plain store (5% of estimating). Nothing assigns to a view after it is
# built; a view is not hashable.
@record(slots=True, frozen=False)
class AttributeView:
    resource: Resource
    values: Mapping[str, Any]
    unknown: Mapping[str, Any]
    context: PlanContext = EMPTY_CONTEXT
    usage: Mapping[str, Any] = field(default_factory=dict)
    expressions: Mapping[str, Any] | None = None
    before_side: bool = False  # pricing the "before" side: references show their before
    inferred: str | None = None  # how this resource was inferred to be the one referenced

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
        if not raw or not isinstance(raw, list):
            return []  # most blocks estimators ask for are absent or empty
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
        references = self._references(name)
        if not references:  # a literal, or unknown: most attributes asked about
            return None
        target = self.context.resolve(self.resource, references)
        return None if target is None else self.view_of(Link(target))

    def linked(self, attributes: Sequence[str], target_type: str) -> AttributeView | None:
        """The `target_type` resource one of `attributes` points to: through the
        configuration's expressions, else inferred from evidence (`inferred` says how).

        Evidence stays strict when an attribute is set to a literal, a root variable or
        a data source (the target is then outside the plan unless a known id matches);
        when the expression names nothing this plan explains (a local, a `dynamic` block,
        a module output reaching a local), a name match or the only candidate counts too.
        """
        trail: list[str] = []
        weak_evidence = True
        for name in attributes:
            expression = self._expressions().get(name)
            if isinstance(expression, dict) and "constant_value" in expression:
                weak_evidence = False
            references = self._references(name)
            target = self.context.resolve(self.resource, references, trail, target_type)
            if target is not None:
                return self.view_of(Link(target))
            if any(external_reference(ref, self.resource.module_address) for ref in references):
                weak_evidence = False
        values = [v for name in attributes if isinstance(v := self.values.get(name), str) and v]
        scopes = [*trail, self.resource.module_address]
        link = self.context.infer(self.resource, target_type, values, scopes, weak_evidence)
        return None if link is None else self.view_of(link)

    def instances_named(self, name: str, target_type: str) -> tuple[str, ...]:
        """Every instance of the `target_type` resources an attribute's expression names
        (`subnet_ids = module.vpc.private_subnets` -> the three `aws_subnet.private`),
        for a list whose values are known only after apply. A resource named with
        count or for_each counts with all its instances."""
        bases: dict[str, None] = {}
        for reference in self._references(name):
            target = self.context.resolve(self.resource, [reference], None, target_type)
            if target is not None:
                bases[bare_address(target.address)] = None
        found: list[str] = []
        for base in bases:
            found.extend(self.context.by_base.get(base, ()) or (base,))
        return tuple(found)

    def configured(self, name: str) -> bool:
        """Whether the configuration sets an attribute (an unknown value alone may be one
        the provider computes)."""
        return name in self._expressions() or self.values.get(name) not in (None, "", [], {})

    def view_of(self, link: Link) -> AttributeView:
        """A linked resource, on the side being priced."""
        target = link.target
        if self.before_side and target.before is not None:
            return AttributeView(
                target, target.before, {}, self.context, before_side=True, inferred=link.inferred
            )
        unknown = target.after_unknown if target.after is not None else {}
        return AttributeView(target, target.current, unknown, self.context, inferred=link.inferred)

    def _references(self, name: str) -> list[str]:
        expression = self._expressions().get(name)
        references = expression.get("references") if isinstance(expression, dict) else None
        if not isinstance(references, list):
            return []
        return [ref for ref in references if isinstance(ref, str)]

    # Usage (from the usage file) ----------------------------------------------------

    # No usage file entry for the resource (the usual case) answers at once: estimators
    # ask for every usage key they read.
    def usage_number(self, path: str) -> float | None:
        """A quantity from the usage file, by dotted key path (e.g. `standard.storage_gb`)."""
        return as_number(self._usage_value(path)) if self.usage else None

    def usage_string(self, path: str) -> str | None:
        value = self._usage_value(path) if self.usage else None
        return value if isinstance(value, str) else None

    def _usage_value(self, path: str) -> Any:
        value: Any = self.usage
        for part in path.split("."):
            if not isinstance(value, Mapping):
                return None
            value = value.get(part)
        return value


def as_number(value: Any, default: float | None = None) -> float | None:
    """A finite, non-negative number, or the default (bools and absurd values rejected)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return default
    number = float(value)
    if not math.isfinite(number) or number < 0 or number > 1e12:
        return default
    return number
