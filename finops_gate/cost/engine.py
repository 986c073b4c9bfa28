"""Resources + price table -> monthly costs before and after the change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from finops_gate.cost.free import is_free
from finops_gate.cost.model import (
    USAGE_PRICE_SOURCE,
    ComponentSpec,
    CostComponent,
    Estimate,
    ResourceCost,
    Status,
    Totals,
)
from finops_gate.cost.prices import PriceLookup
from finops_gate.cost.registry import ESTIMATORS, Estimator
from finops_gate.cost.tiers import TierIndex, split_tiers
from finops_gate.cost.view import EMPTY_CONTEXT, AttributeView, PlanContext, UnknownAttributeError
from finops_gate.plan.resource import Action, Plan, Resource
from finops_gate.policy import clock
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.cost.usage import UsageFile

_COST_DIGITS = 6
# Built once: looking an enum member up on its class costs more than the test itself.
_UNCHANGED = frozenset((Action.NO_OP, Action.READ))
_PRICED_APART = frozenset((Action.UPDATE, Action.REPLACE))
_CREATE = Action.CREATE
_PRICED, _FREE, _USAGE_BASED = Status.PRICED, Status.FREE, Status.USAGE_BASED
_PRICE_NOT_FOUND, _UNSUPPORTED = Status.PRICE_NOT_FOUND, Status.UNSUPPORTED


# Not frozen: built per side of every resource and read once by `estimate_resource`; a
# mutable record is built with plain stores, a frozen one through slot descriptors.
@record(slots=True, frozen=False)
class _Side:
    components: tuple[CostComponent, ...]
    monthly_cost: float | None
    note: str | None = None
    # Every component depends on usage that nobody gave (so the cost is unknown); found
    # while the components are priced.
    usage_only: bool = False


def estimate_plan(
    plan: Plan,
    prices: PriceLookup,
    usage: UsageFile | None = None,
    today: date | None = None,
) -> Estimate:
    """`today` (None: the clock) is the date prices that follow a calendar are taken on,
    e.g. whether an EKS cluster's Kubernetes version is in extended support."""
    context = PlanContext.of(plan, today or clock.today(), usage)
    tiers = TierIndex(prices)
    costs = tuple(
        estimate_resource(
            resource,
            prices,
            context,
            usage.for_resource(resource.address, resource.type) if usage else {},
            tiers,
        )
        for resource in plan.resources
    )
    totals = Totals.of(costs, _COST_DIGITS)
    return Estimate(
        costs, totals, approximate=any(cost.approximate for cost in costs), context=context
    )


def estimate_resource(
    resource: Resource,
    prices: PriceLookup,
    context: PlanContext = EMPTY_CONTEXT,
    usage: Mapping[str, Any] | None = None,
    tiers: TierIndex | None = None,
) -> ResourceCost:
    """`tiers`: the price table's tiers, shared by every resource of a plan (None: read
    from `prices` when a tiered component needs them)."""
    if is_free(resource.provider, resource.type):
        return ResourceCost(resource, _FREE, 0.0, 0.0, ())
    estimator = ESTIMATORS.get(resource.type)
    if estimator is None:
        return ResourceCost(resource, _UNSUPPORTED, None, None, ())
    tiers = tiers or TierIndex(prices)
    action = resource.action
    has_after = action.has_after
    usage = usage or {}

    after = before = None
    if has_after and resource.after is not None:
        after_view = AttributeView(resource, resource.after, resource.after_unknown, context, usage)
        after = _price_side(estimator, after_view, prices, tiers)
    if action is not _CREATE:  # a create has no before side (most resources of a plan)
        # An unchanged resource costs the same before and after, unless something it is
        # priced through changes (an auto scaling group whose launch template gets a new
        # type).
        unchanged = action in _UNCHANGED and not (
            resource.before is not None and context.references_changed(resource)
        )
        if unchanged and after is not None:
            before = after
        elif action.has_before and resource.before is not None:
            before_view = AttributeView(
                resource, resource.before, {}, context, usage, before_side=True
            )
            before = _price_side(estimator, before_view, prices, tiers)

    cost_before = 0.0 if action is _CREATE else (before.monthly_cost if before else None)
    cost_after = 0.0 if not has_after else (after.monthly_cost if after else None)
    notes, status = _notes_and_status(before, after, cost_before is None or cost_after is None)
    if resource.from_usage_file is not None:
        notes = (f"from the usage file {resource.from_usage_file}; not in the plan", *notes)
    shown = after or before
    priced_apart = action in _PRICED_APART or (before is not after)
    components_before = before.components if before and after and priced_apart else ()
    return ResourceCost(
        resource,
        status,
        cost_before,
        cost_after,
        shown.components if shown else (),
        components_before,
        notes,
    )


def _notes_and_status(
    before: _Side | None, after: _Side | None, cost_missing: bool
) -> tuple[tuple[str, ...], Status]:
    """The sides' notes (each once) and the resource's status."""
    if before is None or after is None:  # one side or none: no merging to do
        side = after or before
        if side is None:
            return (), _PRICE_NOT_FOUND if cost_missing else _PRICED
        notes: tuple[str, ...] = (side.note,) if side.note else ()
        usage_only = side.usage_only
        has_components = bool(side.components)
    else:
        notes = tuple(dict.fromkeys([note for note in (before.note, after.note) if note]))
        usage_only = before.usage_only and after.usage_only
        has_components = bool(before.components or after.components)
    if cost_missing:
        return notes, _PRICE_NOT_FOUND
    if usage_only:
        return notes, _USAGE_BASED
    if not has_components:
        return notes, _FREE  # e.g. a gateway VPC endpoint, an ECS service on EC2
    return notes, _PRICED


def _price_side(
    estimator: Estimator, view: AttributeView, prices: PriceLookup, tiers: TierIndex
) -> _Side:
    """One side's components, priced in one pass: the cost is the sum of the known
    components, or None with a note naming the first price the table lacks."""
    resource_region = view.resource.region
    try:
        described = estimator(view)
    except UnknownAttributeError as error:
        return _Side((), None, error.message)
    components: list[CostComponent] = []
    total = 0.0
    missing = None
    usage_only = True
    for spec in described:
        region = spec.region or resource_region
        if spec.tiered and spec.monthly_quantity is not None:
            parts: Sequence[ComponentSpec] = split_tiers(spec, tiers.tiers(region, spec.price_key))
        else:
            parts = (spec,)
        for part in parts:
            component = _price_component(part, region, prices)
            components.append(component)
            waiting = component.monthly_quantity is None  # for usage or for apply
            usage_only = usage_only and waiting and component.usage_based
            if missing is not None or (waiting and (component.usage_based or component.unknown)):
                continue
            if component.monthly_cost is None:
                missing = f"price not found for {component.price_key} in {region}"
            else:
                total += component.monthly_cost
    usage_only = usage_only and bool(components)
    if missing is not None:
        return _Side(tuple(components), None, missing, usage_only)
    return _Side(tuple(components), round(total, _COST_DIGITS), None, usage_only)


def _price_component(spec: ComponentSpec, region: str, prices: PriceLookup) -> CostComponent:
    price = None
    unit_price: float | None
    if spec.published_zero:
        unit_price = 0.0
    elif spec.usage_price is not None:
        unit_price = spec.usage_price
    else:
        price = prices.lookup(region, spec.price_key)
        unit_price = price.unit_price if price else None
    if spec.usage_price is not None and not spec.published_zero:
        source: str | None = USAGE_PRICE_SOURCE
    else:
        source = price.source if price else None
    quantity = spec.monthly_quantity
    monthly_cost = None
    if unit_price is not None and quantity is not None:
        monthly_cost = round(unit_price * quantity, _COST_DIGITS)
    return CostComponent(
        spec.name,
        spec.unit,
        spec.price_key,
        quantity,
        unit_price,
        monthly_cost,
        spec.usage_based,
        price.approximate if price else False,
        source,
        spec.note,
        price.rule if price else None,
        spec.unknown,
    )
