"""Cost results: what estimators ask for, and what the engine answers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from finops_gate.plan.resource import Resource

HOURS_PER_MONTH = 730


class Status(str, Enum):
    PRICED = "priced"
    FREE = "free"
    USAGE_BASED = "usage_based"
    UNSUPPORTED = "unsupported"
    PRICE_NOT_FOUND = "price_not_found"


@dataclass(frozen=True, slots=True)
class ComponentSpec:
    """One line of a resource's bill, as an estimator describes it (no prices here).

    `monthly_quantity` is None for a usage-based component whose usage is not known
    (a usage file can give it), or for a component whose quantity is known only after
    apply: then `unknown` says why, and the rest of the resource is still priced.
    `region` overrides the resource's region for the price lookup: global services
    (CloudFront, Route 53) are priced in us-east-1.
    """

    name: str
    unit: str
    price_key: str
    monthly_quantity: float | None
    usage_based: bool = False
    note: str | None = None
    region: str | None = None
    unknown: str | None = None


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class ResourceCost:
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


@dataclass(frozen=True, slots=True)
class Totals:
    monthly_cost_before: float
    monthly_cost_after: float

    @property
    def monthly_cost_delta(self) -> float:
        return round(self.monthly_cost_after - self.monthly_cost_before, 6)

    @property
    def percent_change(self) -> float | None:
        if self.monthly_cost_before == 0:
            return None
        return self.monthly_cost_delta / self.monthly_cost_before * 100


@dataclass(frozen=True, slots=True)
class Estimate:
    resources: tuple[ResourceCost, ...]
    totals: Totals
    approximate: bool
