"""Run the savings checks a policy file asks for over an estimate: each suggestion is
re-priced through the same estimator, price table and usage file as the estimate, and
kept when it costs less in the resource's own region."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from finops_gate.cost.engine import estimate_resource
from finops_gate.cost.model import ComponentSpec, Estimate, ResourceCost
from finops_gate.cost.prices import PriceLookup
from finops_gate.cost.tiers import TierIndex
from finops_gate.cost.view import PlanContext
from finops_gate.plan.resource import Plan, Resource
from finops_gate.policy.clock import today as clock_today
from finops_gate.policy.engine import address_glob, scope_actions, waiver_for
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.model import PolicyFile, SavingsPolicy
from finops_gate.records import record
from finops_gate.savings.model import Recommendation, SavingsCheck, SavingsContext, Suggestion
from finops_gate.savings.registry import SAVINGS_CHECKS
from finops_gate.savings.variants import WatchedContext, variant_key, with_after

if TYPE_CHECKING:
    from finops_gate.cost.usage import UsageFile

_DIGITS = 6
# A saving that shows as $0.00 is not worth a suggestion.
SMALLEST_SAVING = 0.005


@record
class SavingsOptions:
    environment: str | None = None  # --environment
    all_resources: bool = False  # --all-resources: unchanged resources too
    today: date | None = None  # None: the clock


@record
class SavingsResult:
    """Active recommendations (biggest saving first) and waived ones."""

    recommendations: tuple[Recommendation, ...] = ()
    waived: tuple[Recommendation, ...] = ()

    @property
    def everything(self) -> tuple[Recommendation, ...]:
        return (*self.recommendations, *self.waived)


class EstimateRepricer:
    """Prices a resource with changed attributes exactly as the estimate priced it.

    A variant whose estimate read nothing of the plan beyond the resource itself is
    priced once per run and reused for its copies (finops_gate/savings/variants.py).
    Until a variant of a resource type has been stored, variants of that type are
    priced without a key first (a key costs about a tenth of an estimate, and the
    estimates of some types, an MSK cluster's or an Aurora instance's, always read the
    plan); the key is made once an estimate turns out reusable."""

    def __init__(self, prices: PriceLookup, context: PlanContext, usage: UsageFile | None) -> None:
        self._prices = prices
        self._context = WatchedContext.around(context)
        self._usage = usage
        self._tiers = TierIndex(prices)
        self._variants: dict[bytes, tuple[float, bool] | None] = {}
        self._stored_types: set[str] = set()  # types with a variant in `_variants`

    def suggested_cost(
        self, cost: ResourceCost, after: Mapping[str, Any]
    ) -> tuple[float, bool] | None:
        resource = cost.resource
        usage = self._usage.for_resource(resource.address, resource.type) if self._usage else {}
        looked_up = resource.type in self._stored_types
        key = variant_key(resource, after, usage) if looked_up else None
        if key is not None and key in self._variants:
            return self._variants[key]
        self._context.watch.touched = False
        priced = estimate_resource(
            with_after(resource, after), self._prices, self._context, usage, self._tiers
        )
        # A price the table lacks: no suggestion, never a guess.
        found = None
        if priced.monthly_cost_after is not None:
            found = priced.monthly_cost_after, priced.approximate
        if not self._context.watch.touched:
            if not looked_up:
                key = variant_key(resource, after, usage)
            if key is not None:
                self._variants[key] = found
                self._stored_types.add(resource.type)
        return found

    def parts_cost(
        self, region: str, specs: tuple[ComponentSpec, ...]
    ) -> tuple[float, bool] | None:
        """The monthly cost of components with known quantities; None when a price is
        missing."""
        total, approximate = 0.0, False
        for spec in specs:
            price = self._prices.lookup(spec.region or region, spec.price_key)
            if price is None or price.unit_price is None or spec.monthly_quantity is None:
                return None
            total += price.unit_price * spec.monthly_quantity
            approximate = approximate or price.approximate
        return round(total, _DIGITS), approximate


def recommend(
    policy_file: PolicyFile,
    plan: Plan,
    estimate: Estimate,
    prices: PriceLookup,
    usage: UsageFile | None = None,
    options: SavingsOptions | None = None,
) -> SavingsResult:
    options = options or SavingsOptions()
    policies = [p for p in policy_file.policies if isinstance(p, SavingsPolicy) and p.enabled]
    if not policies:
        return SavingsResult()
    today = options.today or clock_today()
    environments = EnvironmentResolver(policy_file.environment, plan.variables, options.environment)
    # The estimate's index when it was built for the same day (it is costly on a large
    # plan), so variants are priced exactly as the estimate priced the resources.
    shared = estimate.context
    plan_context = (
        shared
        if shared is not None and shared.today == today
        else PlanContext.of(plan, today, usage)
    )
    context = SavingsContext(plan_context, today, environments.group, prices)
    repricer = EstimateRepricer(prices, context.plan, usage)
    checked = {kind for policy in policies for kind in SAVINGS_CHECKS[policy.check].RESOURCE_TYPES}
    # Only a resource that exists after the change can be changed.
    by_type: dict[str, list[ResourceCost]] = {}
    for cost in estimate.resources:
        resource = cost.resource
        if resource.type in checked and resource.after is not None and resource.action.has_after:
            by_type.setdefault(resource.type, []).append(cost)
    active: list[Recommendation] = []
    waived: list[Recommendation] = []
    for policy in policies:
        check = SAVINGS_CHECKS[policy.check]
        scope = _PolicyScope(policy, environments, options.all_resources)
        suggest = check.suggest
        for resource_type in check.RESOURCE_TYPES:
            for cost in scope.select(by_type.get(resource_type, [])):
                for suggestion in suggest(cost, context):
                    found = _recommendation(check, policy, cost, suggestion, repricer)
                    if found is None:
                        continue
                    waived_by = None
                    if policy_file.waivers:
                        probe = Finding(policy.id, "warning", found.address, found.change)
                        waived_by, _ = waiver_for(policy_file.waivers, probe, today)
                    (active if waived_by is None else waived).append(found)
    return SavingsResult(tuple(sorted(active, key=_order)), tuple(sorted(waived, key=_order)))


class _PolicyScope:
    """Which resources a savings policy looks at: in its `actions` (the same scope as every
    policy's, `scope_actions`, worked out once per policy), not excluded, in one of its
    `environments`."""

    def __init__(
        self, policy: SavingsPolicy, environments: EnvironmentResolver, all_resources: bool
    ) -> None:
        self._environments = environments
        self._actions = scope_actions(policy.actions, all_resources)
        self._wanted = (
            None
            if policy.environments is None
            else {environments.canonical(name) for name in policy.environments}
        )
        self._exclude = policy.exclude

    def select(self, costs: list[ResourceCost]) -> list[ResourceCost]:
        """The costs of the resources the policy looks at, in their order: `applies`,
        with the commonest question (the action) asked of all of them in one pass."""
        actions = self._actions
        found = [cost for cost in costs if cost.resource.action in actions]
        if self._exclude or self._wanted is not None:
            return [cost for cost in found if self.applies(cost.resource)]
        return found

    def applies(self, resource: Resource) -> bool:
        if resource.action not in self._actions:
            return False
        if self._exclude and any(
            address_glob(pattern, resource.address) for pattern in self._exclude
        ):
            return False
        return self._wanted is None or self._environments.group(resource) in self._wanted


def _costs(
    cost: ResourceCost, suggestion: Suggestion, repricer: EstimateRepricer
) -> tuple[float, float, bool] | None:
    """(monthly cost now, with the change, approximate); None when either is not priced."""
    if suggestion.parts is not None:
        now = repricer.parts_cost(cost.resource.region, suggestion.parts[0])
        then = repricer.parts_cost(cost.resource.region, suggestion.parts[1])
        if now is None or then is None:
            return None
        return now[0], then[0], now[1] or then[1]
    current = cost.monthly_cost_after
    if current is None:
        return None
    if suggestion.changed_after is None:  # removing the resource saves its whole cost
        return current, 0.0, cost.approximate
    priced = repricer.suggested_cost(cost, suggestion.changed_after)
    if priced is None:
        return None
    return current, priced[0], cost.approximate or priced[1]


def _recommendation(
    check: SavingsCheck,
    policy: SavingsPolicy,
    cost: ResourceCost,
    suggestion: Suggestion,
    repricer: EstimateRepricer,
) -> Recommendation | None:
    resource = cost.resource
    current = suggested_cost = savings = None
    approximate = False
    if suggestion.has_dollar_figure:
        costs = _costs(cost, suggestion, repricer)
        if costs is None:
            return None
        current, suggested_cost, approximate = costs
        savings = round(current - suggested_cost, _DIGITS)
        if savings < max(SMALLEST_SAVING, policy.min_monthly_savings):
            return None
    return Recommendation(
        check_id=check.ID,
        address=resource.address,
        resource_type=resource.type,
        region=resource.region,
        attribute=suggestion.attribute,
        current_value=suggestion.current_value,
        suggested_value=suggestion.suggested_value,
        monthly_savings=savings,
        approximate=approximate,
        caveat=suggestion.caveat,
        current_monthly_cost=current,
        suggested_monthly_cost=suggested_cost,
        file=resource.source_file,
        line=resource.source_line,
        policy_id=policy.id,
        per_unit=suggestion.per_unit,
    )


def _order(recommendation: Recommendation) -> tuple[float, str, str, str]:
    savings = recommendation.monthly_savings
    return (
        -savings if savings is not None else 1.0,
        recommendation.address,
        recommendation.attribute,
        recommendation.check_id,
    )
