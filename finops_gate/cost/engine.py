"""Resources + price table -> monthly costs before and after the change."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
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

if TYPE_CHECKING:
    from finops_gate.cost.usage import UsageFile

_COST_DIGITS = 6


@dataclass(frozen=True, slots=True)
class _Side:
    components: tuple[CostComponent, ...]
    monthly_cost: float | None
    note: str | None = None

    @property
    def usage_only(self) -> bool:
        """Every component depends on usage that nobody gave (so the cost is unknown)."""
        return bool(self.components) and all(
            c.usage_based and c.monthly_quantity is None for c in self.components
        )


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
    action = resource.action
    tiers = tiers or TierIndex(prices)
    if is_free(resource.provider, resource.type):
        return ResourceCost(resource, Status.FREE, 0.0, 0.0, components=())
    estimator = ESTIMATORS.get(resource.type)
    if estimator is None:
        return ResourceCost(resource, Status.UNSUPPORTED, None, None, components=())

    after = before = None
    if action.has_after and resource.after is not None:
        after_view = AttributeView(
            resource, resource.after, resource.after_unknown, context, usage or {}
        )
        after = _price_side(estimator, after_view, prices, tiers)
    # An unchanged resource costs the same before and after, unless something it is priced
    # through changes (an auto scaling group whose launch template gets a new type).
    unchanged = action in (Action.NO_OP, Action.READ) and not (
        resource.before is not None and context.references_changed(resource)
    )
    if unchanged and after is not None:
        before = after
    elif action.has_before and resource.before is not None:
        before_view = AttributeView(
            resource, resource.before, {}, context, usage or {}, before_side=True
        )
        before = _price_side(estimator, before_view, prices, tiers)

    cost_before = 0.0 if action == Action.CREATE else (before.monthly_cost if before else None)
    cost_after = 0.0 if not action.has_after else (after.monthly_cost if after else None)
    shown = after or before
    sides = [side for side in (before, after) if side is not None]
    notes = tuple(dict.fromkeys(side.note for side in sides if side.note))
    if resource.from_usage_file is not None:
        notes = (f"from the usage file {resource.from_usage_file}; not in the plan", *notes)
    if cost_before is None or cost_after is None:
        status = Status.PRICE_NOT_FOUND
    elif sides and all(side.usage_only for side in sides):
        status = Status.USAGE_BASED
    elif sides and not any(side.components for side in sides):
        status = Status.FREE  # e.g. a gateway VPC endpoint, an ECS service on EC2
    else:
        status = Status.PRICED
    priced_apart = action in (Action.UPDATE, Action.REPLACE) or (before is not after)
    components_before = before.components if before and after and priced_apart else ()
    return ResourceCost(
        resource,
        status,
        cost_before,
        cost_after,
        components=shown.components if shown else (),
        components_before=components_before,
        notes=notes,
    )


def _price_side(
    estimator: Estimator, view: AttributeView, prices: PriceLookup, tiers: TierIndex
) -> _Side:
    resource = view.resource
    try:
        described = estimator(view)
    except UnknownAttributeError as error:
        return _Side((), None, error.message)
    specs = [
        part
        for spec in described
        for part in (
            split_tiers(spec, tiers.tiers(spec.region or resource.region, spec.price_key))
            if spec.tiered and spec.monthly_quantity is not None
            else (spec,)
        )
    ]
    components = tuple(
        _price_component(spec, spec.region or resource.region, prices) for spec in specs
    )
    total = 0.0
    for spec, component in zip(specs, components, strict=True):
        if component.monthly_quantity is None and (component.usage_based or component.unknown):
            continue
        if component.monthly_cost is None:
            region = spec.region or resource.region
            missing = f"price not found for {component.price_key} in {region}"
            return _Side(components, None, missing)
        else:
            total += component.monthly_cost
    return _Side(components, round(total, _COST_DIGITS))


def _price_component(spec: ComponentSpec, region: str, prices: PriceLookup) -> CostComponent:
    unit_price: float | None
    if spec.published_zero:
        price, unit_price = None, 0.0
    elif spec.usage_price is not None:
        price, unit_price = None, spec.usage_price
    else:
        price = prices.lookup(region, spec.price_key)
        unit_price = price.unit_price if price else None
    source = price.source if price else None
    if spec.usage_price is not None and not spec.published_zero:
        source = USAGE_PRICE_SOURCE
    monthly_cost = None
    if unit_price is not None and spec.monthly_quantity is not None:
        monthly_cost = round(unit_price * spec.monthly_quantity, _COST_DIGITS)
    return CostComponent(
        name=spec.name,
        unit=spec.unit,
        price_key=spec.price_key,
        monthly_quantity=spec.monthly_quantity,
        unit_price=unit_price,
        monthly_cost=monthly_cost,
        usage_based=spec.usage_based,
        approximate=price.approximate if price else False,
        source=source,
        note=spec.note,
        rule=price.rule if price else None,
        unknown=spec.unknown,
    )
