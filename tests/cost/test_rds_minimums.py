"""RDS minimums (io1 IOPS, storage when allocated_storage is not set) and read replicas,
against published us-east-1 prices (aws.amazon.com/rds/postgresql/pricing, /mysql/pricing):
db.m5.large PostgreSQL Single-AZ $0.178 per hour, db.t3.medium MySQL Single-AZ $0.068 per
hour; io1 storage $0.125 per GB-month and $0.10 per IOPS-month; gp3 storage $0.115 per
GB-month. RDS's minimums (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html):
io1 at least 100 GiB and 1,000 IOPS; gp2/gp3 at least 20 GiB.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
M5_LARGE_POSTGRES = 0.178
T3_MEDIUM_MYSQL = 0.068
IO1_STORAGE = 0.125
IO1_IOPS = 0.10
GP3_STORAGE = 0.115


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("rds_minimums")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def by_key(cost: ResourceCost, key: str) -> CostComponent:
    (found,) = [c for c in cost.components if c.price_key == key]
    return found


def test_io1_is_billed_for_at_least_1000_iops(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_db_instance.io1_small"]
    iops = by_key(cost, "rds:iops:io1:single-az")
    assert iops.monthly_quantity == 1000  # 500 configured
    assert iops.note == "iops 500: billed at least 1,000 for io1"
    assert cost.monthly_cost_after == pytest.approx(
        HOURS * M5_LARGE_POSTGRES + 100 * IO1_STORAGE + 1000 * IO1_IOPS
    )


def test_storage_without_allocated_storage_is_assumed(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_db_instance.no_storage"]
    storage = by_key(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity == 20
    assert storage.note is not None and "20 GB assumed" in storage.note
    assert cost.complete
    assert cost.monthly_cost_after == pytest.approx(HOURS * T3_MEDIUM_MYSQL + 20 * GP3_STORAGE)


def test_replica_takes_its_sources_engine_and_size(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_db_instance.no_storage_replica"]
    instance = by_key(cost, "rds:db.t3.medium:mysql:single-az")
    assert instance.note is not None and "engine of aws_db_instance.no_storage" in instance.note
    assert by_key(cost, "rds:storage:gp3:single-az").monthly_quantity == 20
    assert cost.monthly_cost_after == pytest.approx(HOURS * T3_MEDIUM_MYSQL + 20 * GP3_STORAGE)


def test_legacy_aurora_engine_is_priced_as_aurora_mysql(costs: dict[str, ResourceCost]) -> None:
    # Aurora pricing page (aws.amazon.com/rds/aurora/pricing), us-east-1, Aurora MySQL
    # db.t3.small $0.041 per hour; RDS gp2 storage $0.115 per GB-month. Infracost's
    # db_instance_test.golden (aws_db_instance.aurora) shows the same $29.93 + $2.30.
    cost = costs["aws_db_instance.aurora_legacy_engine"]
    instance = by_key(cost, "rds:db.t3.small:aurora-mysql:single-az")
    assert instance.unit_price == pytest.approx(0.041)
    assert cost.monthly_cost_after == pytest.approx(HOURS * 0.041 + 20 * 0.115)  # $32.23
