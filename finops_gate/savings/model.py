"""What a savings check reports, and what every check is (a Protocol, as policy kinds)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal, Protocol

from finops_gate.cost.config_references import NamedReferences
from finops_gate.cost.model import ComponentSpec, ResourceCost
from finops_gate.cost.prices import PriceLookup
from finops_gate.cost.view import PlanContext
from finops_gate.plan.resource import Resource
from finops_gate.records import record
from finops_gate.savings.families import equivalent, tables

if TYPE_CHECKING:
    from finops_gate.savings.line_fix import LineFix


# Slotted: a run builds a record per suggestion (about 3,700 on a plan of 10,000
# resources), and a slotted record's __init__ sets its slots directly (records.py).
@record(slots=True)
class Recommendation:
    """One change that would cost less, priced in the resource's own region.

    `monthly_savings` is the resource's monthly cost now minus its cost with the change,
    both from the same estimator and price table; None for a check that has no dollar
    figure (growth without a bound: log retention, S3 lifecycle).
    """

    check_id: str
    address: str
    resource_type: str
    region: str
    attribute: str
    current_value: str
    suggested_value: str
    monthly_savings: float | None
    approximate: bool = False
    caveat: str = ""
    current_monthly_cost: float | None = None
    suggested_monthly_cost: float | None = None
    file: str | None = None
    line: int | None = None
    policy_id: str = ""  # the policy-file entry that asked for the check
    # The line that sets the value, rewritten (HCL mode, a literal value; line_fix.py).
    fix: LineFix | None = None
    # Without a dollar figure for a usage-based price: the unit prices now and suggested.
    per_unit: str = ""

    @property
    def change(self) -> str:
        return f"{self.attribute}: {self.current_value} → {self.suggested_value}"


@record(slots=True)
class Suggestion:
    """What a check proposes for one resource before pricing: the attribute as shown, the
    values, and the resource's attributes with the change made (None: nothing to
    re-price: the saving is the resource's whole cost, is priced from `parts`, or has no
    dollar figure)."""

    attribute: str
    current_value: str
    suggested_value: str
    changed_after: Mapping[str, Any] | None
    caveat: str = ""
    whole_cost: bool = False  # removing the resource saves what it costs
    # For a resource not priced on its own (a launch template): the components now and
    # with the change, priced in the resource's region.
    parts: tuple[tuple[ComponentSpec, ...], tuple[ComponentSpec, ...]] | None = None
    # No dollar figure (usage unknown), but the unit prices say how much cheaper it is.
    per_unit: str = ""

    @property
    def has_dollar_figure(self) -> bool:
        return self.whole_cost or self.changed_after is not None or self.parts is not None


@record(slots=True)
class SavingsContext:
    """What a check may look at besides the resource: every resource of the plan (to
    follow references) and the date the plan is priced on."""

    plan: PlanContext
    today: date
    # The environment a resource counts in (the policy file's detection; None: unknown).
    environment_of: Callable[[Resource], str | None] | None = field(
        default=None, compare=False, repr=False
    )
    # Unit prices, for suggestions shown per unit (None: no per-unit suggestions).
    prices: PriceLookup | None = field(default=None, compare=False, repr=False)
    _siblings: dict[str, dict[tuple[str, str, str], list[Resource]]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _referenced: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    _unresolved: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)
    _equivalents: dict[tuple[str, str, str], str | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def equivalent(self, instance_type: str, kind: FamilyKind, service: str) -> str | None:
        """The same size in the family that `kind`'s table of `service` maps this type's
        family to (None: no entry). Worked out once per distinct type in a run: copies of
        a resource share their type, and a plan of 10,000 resources asks about 3,400
        times about a few dozen types."""
        key = (kind, service, instance_type)
        if key not in self._equivalents:
            families = tables()
            table = families.graviton if kind == "graviton" else families.previous_generation
            self._equivalents[key] = equivalent(instance_type, table.get(service, {}))
        return self._equivalents[key]

    def non_production(self, resource: Resource) -> bool:
        """Whether the resource is known to be outside production: its environment is
        detected and is not production (an unknown environment is not assumed either way)."""
        if self.environment_of is None:
            return False
        environment = self.environment_of(resource)
        return environment is not None and environment.lower() not in PRODUCTION

    def siblings(self, resource: Resource) -> list[Resource]:
        """The resources of the same block (its `count` or `for_each` instances) in the
        same module and region, in address order, the resource itself included."""
        if resource.type not in self._siblings:
            groups: dict[tuple[str, str, str], list[Resource]] = {}
            for item in self.plan.by_type.get(resource.type, ()):
                groups.setdefault(_block_key(item), []).append(item)
            for members in groups.values():
                members.sort(key=lambda r: r.address)
            self._siblings[resource.type] = groups
        return self._siblings[resource.type].get(_block_key(resource), [resource])

    def referenced(self, resource: Resource) -> bool:
        """Whether another resource's configuration references this one (through module
        outputs too)."""
        if resource.type not in self._referenced:
            self._referenced[resource.type] = self._referenced_of_type(resource.type)
        return resource.address in self._referenced[resource.type]

    def _referenced_of_type(self, resource_type: str) -> frozenset[str]:
        found: set[str] = set()
        # Every resource of the plan is read: the plan's methods are looked up once.
        references_of, resolve = self.plan.references_of, self.plan.resolve
        for source in self.plan.by_address.values():
            for _, references in references_of(source):
                for reference in references:
                    if resource_type not in reference and not reference.startswith("module."):
                        continue
                    target = resolve(source, [reference], target_type=resource_type)
                    if target is not None and target is not source:
                        found.add(target.address)
        return frozenset(found)

    def references_of(self, resource: Resource) -> NamedReferences:
        """(attribute name, its non-empty `references`) for every attribute of the
        resource's configuration, at any depth; walked once per run, for the estimate
        and the checks alike (`PlanContext.references_of`)."""
        return self.plan.references_of(resource)

    def unresolved_use(
        self,
        attributes: frozenset[str],
        resource_type: str,
        source_types: frozenset[str] | None = None,
    ) -> bool:
        """Whether a resource (of `source_types`, None: any) sets one of `attributes` (at
        any depth) from references none of which resolves to a `resource_type` of the
        plan: through a local, a variable or a data source, say, which plan mode cannot
        follow."""
        sources = ",".join(sorted(source_types)) if source_types is not None else "*"
        key = f"{resource_type}:{','.join(sorted(attributes))}:{sources}"
        if key not in self._unresolved:
            references_of, resolve = self.plan.references_of, self.plan.resolve
            self._unresolved[key] = any(
                all(resolve(source, [r], target_type=resource_type) is None for r in references)
                for source in self._sources(source_types)
                for name, references in references_of(source)
                if name in attributes
            )
        return self._unresolved[key]

    def _sources(self, source_types: frozenset[str] | None) -> list[Resource]:
        if source_types is None:
            return list(self.plan.by_address.values())
        return [r for kind in sorted(source_types) for r in self.plan.by_type.get(kind, ())]


# The equivalence tables of `finops_gate/savings/data/instance_families.json`.
FamilyKind = Literal["graviton", "previous_generation"]

# Environment names (after the policy file's aliases) that mean production.
PRODUCTION = frozenset({"prod", "production", "prd", "live"})


def _block_key(resource: Resource) -> tuple[str, str, str]:
    return (resource.module_address or "", resource.name, resource.region)


class SavingsCheck(Protocol):
    """What every check module provides: `ID` (its `check:` in the policy file), `TITLE`,
    the resource types it looks at, and `suggest`."""

    @property
    def ID(self) -> str: ...

    @property
    def TITLE(self) -> str: ...

    @property
    def RESOURCE_TYPES(self) -> tuple[str, ...]: ...

    def suggest(self, cost: ResourceCost, context: SavingsContext) -> list[Suggestion]: ...


def potential_monthly_savings(recommendations: tuple[Recommendation, ...]) -> float:
    """The total of the suggestions, counting one per resource attribute (the largest):
    a previous-generation and a Graviton suggestion for one instance are alternatives."""
    best: dict[tuple[str, str], float] = {}
    for item in recommendations:
        if item.monthly_savings is None:
            continue
        key = (item.address, item.attribute)
        best[key] = max(best.get(key, 0.0), item.monthly_savings)
    return round(sum(best.values()), 2) + 0.0
