"""Cost results: what estimators ask for, and what the engine answers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import field
from enum import Enum
from typing import TYPE_CHECKING, Literal

from finops_gate.plan.resource import Action, Resource
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.cost.plan_context import PlanContext

HOURS_PER_MONTH = 730


class Status(str, Enum):
    PRICED = "priced"
    FREE = "free"
    USAGE_BASED = "usage_based"
    UNSUPPORTED = "unsupported"
    PRICE_NOT_FOUND = "price_not_found"


# Not frozen, like AttributeView: a spec lives from its estimator to the engine, which
# reads it once, and about 18,000 are built for a 10,000-resource plan; a frozen slotted
# record sets each field through its slot's descriptor, several times the cost of a plain
# store (frozen, building the specs was 7% of estimating). Estimators make a changed copy
# with `dataclasses.replace` and never assign a field; a spec is not hashable.
@record(slots=True, frozen=False)
class ComponentSpec:
    """One line of a resource's bill, as an estimator describes it (no prices here).

    `monthly_quantity` is None for a usage-based component whose usage is not known
    (a usage file can give it), or for a component whose quantity is known only after
    apply: then `unknown` says why, and the rest of the resource is still priced.
    `region` overrides the resource's region for the price lookup: global services
    (CloudFront, Route 53) are priced in us-east-1. A `tiered` component's quantity is split
    across the price table's tiers of its key (`finops_gate.cost.tiers`).
    `published_zero`: the price list publishes this item's unit price as 0.00 for every
    region and type (the recurring rate of an All Upfront reservation), so it is priced at
    0 without a table lookup; the table, which holds positive prices only, never has it.
    `usage_price` is a
    unit price the usage file gives (SNS `sms_notification_price`: AWS bills SMS by
    destination country, so only the user knows it); it replaces the table's price and the
    component names `USAGE_PRICE_SOURCE` as its source.
    """

    name: str
    unit: str
    price_key: str
    monthly_quantity: float | None
    usage_based: bool = False
    note: str | None = None
    region: str | None = None
    unknown: str | None = None
    tiered: bool = False
    published_zero: bool = False
    usage_price: float | None = None


USAGE_PRICE_SOURCE = "usage-file"
# Built once: looking an enum member up on its class costs more than the test itself.
_PRICED_APART = (Action.UPDATE, Action.REPLACE)


@record(slots=True)
class CostComponent:
    name: str
    unit: str
    price_key: str
    monthly_quantity: float | None
    unit_price: float | None
    monthly_cost: float | None
    usage_based: bool
    approximate: bool
    source: str | None
    note: str | None
    rule: str | None = None  # the price table's derivation rule of an approximate price
    unknown: str | None = None  # why the quantity is known only after apply

    @property
    def quantity_unknown(self) -> bool:
        return self.unknown is not None

    @property
    def price_missing(self) -> bool:
        return self.unit_price is None


class NotPricedCause(str, Enum):
    """Why a resource's cost is missing, or only partly known."""

    UNSUPPORTED = "unsupported"
    PRICE_NOT_FOUND = "price_not_found"
    UNKNOWN_COMPONENTS = "unknown_components"


@record(slots=True)
class ResourceCost:
    """A resource's monthly cost on each side of the change.

    A resource with a component whose quantity is known only after apply keeps its status
    (`priced`) and its cost covers the known components: `complete` is then False, and
    the cost on that side is a lower bound.
    """

    resource: Resource
    status: Status
    monthly_cost_before: float | None
    monthly_cost_after: float | None
    components: tuple[CostComponent, ...]
    components_before: tuple[CostComponent, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def monthly_cost_delta(self) -> float | None:
        if self.monthly_cost_before is None or self.monthly_cost_after is None:
            return None
        return round(self.monthly_cost_after - self.monthly_cost_before, 6)

    @property
    def approximate(self) -> bool:
        return any(c.approximate for c in (*self.components, *self.components_before))

    @property
    def unknown_components(self) -> tuple[CostComponent, ...]:
        """Components (either side) whose quantity is known only after apply."""
        return tuple(c for c in (*self.components_before, *self.components) if c.unknown)

    def _side_components(self, after: bool) -> tuple[CostComponent, ...]:
        action = self.resource.action
        if after:
            return self.components if action.has_after else ()
        if self.components_before or action in _PRICED_APART:
            return self.components_before
        # A no-op or a delete shows its before side as its components.
        return self.components if action.has_before else ()

    def missing_on(self, after: bool) -> bool:
        """This side of the change exists and its cost is not fully known."""
        # Every stage asks this of every resource (about 44,000 times in a 10k-resource
        # run): the after side, the usual question, reads its components directly.
        action = self.resource.action
        if after:
            if not action.has_after:
                return False
            if self.monthly_cost_after is None:
                return True
            components = self.components
        else:
            if not action.has_before:
                return False
            if self.monthly_cost_before is None:
                return True
            components = self._side_components(after=False)
        return bool(components) and any(c.unknown for c in components)

    @property
    def missing_before(self) -> bool:
        return self.missing_on(after=False)

    @property
    def missing_after(self) -> bool:
        return self.missing_on(after=True)

    @property
    def complete(self) -> bool:
        """Every side the change has is fully priced (free and usage-based count as priced)."""
        return not (self.missing_before or self.missing_after)

    @property
    def delta_bound(self) -> Bound:
        return bound_of(self.missing_before, self.missing_after)

    @property
    def not_priced_cause(self) -> NotPricedCause | None:
        """None when complete; otherwise one cause, the most severe first."""
        if self.complete:
            return None
        return self.incomplete_cause()

    def incomplete_cause(self) -> NotPricedCause:
        """The cause of a resource known not to be complete (`not_priced_cause` without
        asking both sides again)."""
        if self.status == Status.UNSUPPORTED:
            return NotPricedCause.UNSUPPORTED
        if self.status == Status.PRICE_NOT_FOUND:
            return NotPricedCause.PRICE_NOT_FOUND
        return NotPricedCause.UNKNOWN_COMPONENTS


@record(slots=True)
class NotPriced:
    """How many resources are not fully priced, by cause."""

    unsupported: int = 0
    price_not_found: int = 0
    unknown_components: int = 0

    @property
    def total(self) -> int:
        return self.unsupported + self.price_not_found + self.unknown_components

    def as_dict(self) -> dict[str, int]:
        return {
            NotPricedCause.UNSUPPORTED.value: self.unsupported,
            NotPricedCause.PRICE_NOT_FOUND.value: self.price_not_found,
            NotPricedCause.UNKNOWN_COMPONENTS.value: self.unknown_components,
        }


Bound = Literal["exact", "lower", "upper", "partial"]
"""How a known sum relates to the real one: equal, at most it, at least it, either way."""


def bound_of(missing_before: bool, missing_after: bool) -> Bound:
    """The bound of a change (after - before) when costs are missing on those sides."""
    if missing_after:
        return "partial" if missing_before else "lower"
    return "upper" if missing_before else "exact"


@record(slots=True)
class Totals:
    """The plan's monthly costs, summed over what is priced.

    `not_priced` counts the changed resources (create, update, replace, delete, forget)
    that are not fully priced, by cause; `unchanged_not_priced` the unchanged ones. A
    side with a missing cost makes that total a lower bound; the change is a lower bound
    when only "after" sides are missing (creates), an upper bound when only "before" sides
    are (deletes), and partial when both are. Unchanged resources cost the same on both
    sides, so they make the totals lower bounds but leave the change exact.
    """

    monthly_cost_before: float
    monthly_cost_after: float
    not_priced: NotPriced = NotPriced()
    unchanged_not_priced: int = 0
    before_lower_bound: bool = False
    after_lower_bound: bool = False
    delta_bound: Bound = "exact"

    @classmethod
    def of(cls, costs: Iterable[ResourceCost], digits: int = 6) -> Totals:
        before = after = 0.0
        causes = dict.fromkeys(NotPricedCause, 0)
        unchanged = 0
        before_missing = after_missing = delta_up = delta_down = False
        for cost in costs:
            before += cost.monthly_cost_before or 0.0
            after += cost.monthly_cost_after or 0.0
            # Each side is asked once: `not_priced_cause` would ask both again.
            missing_before, missing_after = cost.missing_before, cost.missing_after
            if not (missing_before or missing_after):
                continue
            before_missing |= missing_before
            after_missing |= missing_after
            if cost.resource.action.changes:
                causes[cost.incomplete_cause()] += 1
                delta_up |= missing_after
                delta_down |= missing_before
            else:
                unchanged += 1
        return cls(
            round(before, digits),
            round(after, digits),
            NotPriced(
                causes[NotPricedCause.UNSUPPORTED],
                causes[NotPricedCause.PRICE_NOT_FOUND],
                causes[NotPricedCause.UNKNOWN_COMPONENTS],
            ),
            unchanged,
            before_missing,
            after_missing,
            bound_of(missing_before=delta_down, missing_after=delta_up),
        )

    @property
    def monthly_cost_delta(self) -> float:
        return round(self.monthly_cost_after - self.monthly_cost_before, 6)

    @property
    def percent_change(self) -> float | None:
        if self.monthly_cost_before == 0:
            return None
        return self.monthly_cost_delta / self.monthly_cost_before * 100

    @property
    def complete(self) -> bool:
        """Both totals are exact: every resource is fully priced on each side it has."""
        return not (self.before_lower_bound or self.after_lower_bound)


@record(slots=True)
class Estimate:
    resources: tuple[ResourceCost, ...]
    totals: Totals
    approximate: bool
    # The plan-wide reference index the estimate followed, for later stages that price
    # variants of the same resources (savings); not part of the estimate's value.
    context: PlanContext | None = field(default=None, compare=False, repr=False)
