"""Defaults AWS applies to omitted arguments, and components known only after apply.

Every case is a resource of the terraform-made plan `tests/fixtures/terraform/defaults`.
Tests check components, price keys, quantities and notes; a price is checked only where
the bundled table has the key (a key it lacks must leave the resource price-not-found,
never $0).
"""

from __future__ import annotations

from datetime import date

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import Plan

PRICED_ON = date(2026, 11, 29)


@pytest.fixture(scope="module")
def plan(load_case: object) -> Plan:
    return load_case("defaults")  # type: ignore[operator, no-any-return]


def costs(plan: Plan, prices: PriceTable, today: date = PRICED_ON) -> dict[str, ResourceCost]:
    return {c.resource.address: c for c in estimate_plan(plan, prices, today=today).resources}


@pytest.fixture(scope="module")
def defaults(plan: Plan, prices: PriceTable) -> dict[str, ResourceCost]:
    return costs(plan, prices)


def component(cost: ResourceCost, key: str) -> CostComponent:
    found = [c for c in cost.components if c.price_key == key]
    assert len(found) == 1, [c.price_key for c in cost.components]
    return found[0]


def keys(cost: ResourceCost) -> list[str]:
    return [c.price_key for c in cost.components]


def check_total(cost: ResourceCost, prices: PriceTable) -> None:
    """Priced when the table has every key it needs, price-not-found otherwise; the total
    is the sum of the components whose quantity is known."""
    missing = [
        c.price_key
        for c in cost.components
        if c.monthly_quantity is not None and prices.lookup("us-east-1", c.price_key) is None
    ]
    if missing:
        assert cost.status == Status.PRICE_NOT_FOUND
        assert cost.monthly_cost_after is None
        return
    assert cost.status == Status.PRICED
    known = [c.monthly_cost for c in cost.components if c.monthly_quantity is not None]
    assert cost.monthly_cost_after == pytest.approx(sum(c or 0.0 for c in known))


# RDS ------------------------------------------------------------------------------


def test_snapshot_restore_prices_the_instance_and_leaves_storage_unknown(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_db_instance.from_snapshot"]
    assert cost.status == Status.PRICED
    instance = component(cost, "rds:db.m5.large:postgres:single-az")
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity is None and storage.monthly_cost is None
    assert storage.unknown == "allocated_storage comes from the snapshot: known only after apply"
    assert cost.monthly_cost_after == pytest.approx(instance.monthly_cost)


def test_storage_type_defaults_to_gp3(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_db_instance.default_storage"]
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity == 100
    assert storage.note == "storage_type not set: gp3, the RDS default"
    assert "rds:db.t4g.large:mysql:single-az" in keys(cost)
    check_total(cost, prices)


def test_replica_takes_engine_and_size_from_its_source(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_db_instance.replica"]
    instance = component(cost, "rds:db.t4g.large:mysql:single-az")
    assert "engine of aws_db_instance.default_storage, the replica's source" in (
        instance.note or ""
    )
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity == 100
    assert "size of aws_db_instance.default_storage, the replica's source" in (storage.note or "")
    check_total(cost, prices)


@pytest.mark.parametrize(
    ("address", "extra_iops"),
    [
        # Oracle 250 GB: the baseline is 12,000 from 200 GB, so 12,000 IOPS cost nothing.
        ("aws_db_instance.oracle_gp3", None),
        # SQL Server never stripes: 3,000 baseline at 500 GB, 4,000 IOPS bill 1,000.
        ("aws_db_instance.sqlserver_gp3", 1000.0),
        # PostgreSQL 500 GB: 12,000 baseline from 400 GB, 15,000 IOPS bill 3,000.
        ("aws_db_instance.postgres_gp3", 3000.0),
    ],
)
def test_gp3_baseline_iops_per_engine(
    defaults: dict[str, ResourceCost], address: str, extra_iops: float | None
) -> None:
    cost = defaults[address]
    assert cost.status == Status.PRICED
    iops = [c for c in cost.components if c.price_key == "rds:iops:gp3:single-az"]
    assert [c.monthly_quantity for c in iops] == ([extra_iops] if extra_iops else [])


# EKS clusters ---------------------------------------------------------------------


def test_old_version_costs_extended_support(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_eks_cluster.old"]
    assert keys(cost) == ["eks:cluster:extended:hour"]
    cluster = cost.components[0]
    assert cluster.monthly_quantity == 730
    assert cluster.note == (
        "Kubernetes 1.24: extended support ended 2025-01-31; AWS upgrades the control plane "
        "to the oldest version in extended support"
    )
    extended = prices.lookup("us-east-1", "eks:cluster:extended:hour")
    assert extended is not None
    assert cost.monthly_cost_after == pytest.approx(730 * extended.unit_price)


def test_version_in_extended_support_on_the_pricing_date(plan: Plan, prices: PriceTable) -> None:
    cost = costs(plan, prices, date(2024, 6, 1))["aws_eks_cluster.old"]
    assert keys(cost) == ["eks:cluster:extended:hour"]
    assert cost.components[0].note == (
        "Kubernetes 1.24: standard support ended 2024-01-31, extended support until 2025-01-31"
    )
    before = costs(plan, prices, date(2024, 1, 30))["aws_eks_cluster.old"]
    assert keys(before) == ["eks:cluster:hour"]


def test_recent_version_switches_on_the_day_standard_support_ends(
    plan: Plan, prices: PriceTable
) -> None:
    last_standard_day = costs(plan, prices, date(2026, 12, 1))["aws_eks_cluster.recent"]
    assert keys(last_standard_day) == ["eks:cluster:hour"]
    assert last_standard_day.components[0].note == (
        "Kubernetes 1.34: standard support until 2026-12-02"
    )
    first_extended_day = costs(plan, prices, date(2026, 12, 2))["aws_eks_cluster.recent"]
    assert keys(first_extended_day) == ["eks:cluster:extended:hour"]


def test_unset_version_is_standard_support(defaults: dict[str, ResourceCost]) -> None:
    cost = defaults["aws_eks_cluster.latest"]
    assert keys(cost) == ["eks:cluster:hour"]
    assert cost.components[0].note == (
        "version not set: AWS uses its default version, in standard support"
    )


def test_pricing_date_defaults_to_the_pinned_clock(
    plan: Plan, prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINOPS_GATE_TODAY", "2024-01-01")
    pinned = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    assert keys(pinned["aws_eks_cluster.old"]) == ["eks:cluster:hour"]
