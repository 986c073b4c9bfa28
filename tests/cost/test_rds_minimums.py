"""RDS minimums (io1 IOPS, storage when allocated_storage is not set) and read replicas,
against published us-east-1 prices (aws.amazon.com/rds/postgresql/pricing, /mysql/pricing):
db.m5.large PostgreSQL Single-AZ $0.178 per hour, db.t3.medium MySQL Single-AZ $0.068 per
hour; io1 storage $0.125 per GB-month and $0.10 per IOPS-month; gp3 storage $0.115 per
GB-month. RDS's minimums (docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html):
io1 at least 100 GiB and 1,000 IOPS; gp2/gp3 at least 20 GiB.
"""

from __future__ import annotations

from datetime import date

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
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


# RDS Extended Support, years 1-2: $0.100 per vCPU-hour in us-east-1 (RDS pricing pages,
# "Extended Support"; Infracost's db_instance_test.golden: db.t3.large, 1,460 vCPU-hours,
# $146.00). The dates are AWS's release calendars (rds_extended_support.json).
EXTENDED_SUPPORT_YEARS_1_2 = 0.100
M5_LARGE_MYSQL = 0.171  # RDS for MySQL pricing page, us-east-1, Single-AZ
GP2_STORAGE = 0.115


def costs_on(prices: PriceTable, today: date) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("rds_minimums")))
    result = estimate_plan(plan, prices, today=today)
    return {cost.resource.address: cost for cost in result.resources}


def test_mysql_57_in_extended_support_years_1_2(prices: PriceTable) -> None:
    cost = costs_on(prices, date(2025, 6, 1))["aws_db_instance.mysql_57"]
    support = by_key(cost, "rds:extended-support:years-1-2")
    assert support.monthly_quantity == 2 * HOURS  # db.m5.large: 2 vCPUs
    assert support.monthly_cost == pytest.approx(2 * HOURS * EXTENDED_SUPPORT_YEARS_1_2)  # $146
    assert cost.monthly_cost_after == pytest.approx(
        HOURS * M5_LARGE_MYSQL + 2 * HOURS * EXTENDED_SUPPORT_YEARS_1_2 + 20 * GP2_STORAGE
    )  # $124.83 + $146.00 + $2.30


def test_extended_support_year_3_has_no_price(prices: PriceTable) -> None:
    # MySQL 5.7's third year of extended support began on 2026-03-01; no source has its rate
    cost = costs_on(prices, date(2026, 6, 1))["aws_db_instance.mysql_57"]
    support = by_key(cost, "rds:extended-support:year-3")
    assert support.unit_price is None
    assert cost.monthly_cost_after is None


def test_no_extended_support_before_standard_support_ends(prices: PriceTable) -> None:
    cost = costs_on(prices, date(2024, 2, 1))["aws_db_instance.mysql_57"]
    assert not [c for c in cost.components if "extended-support" in c.price_key]
    assert cost.monthly_cost_after == pytest.approx(HOURS * M5_LARGE_MYSQL + 20 * GP2_STORAGE)


def test_aurora_instance_takes_its_clusters_version(prices: PriceTable) -> None:
    # Aurora PostgreSQL 12: extended support since 2025-03-01; db.r5.2xlarge has 8 vCPUs
    cost = costs_on(prices, date(2025, 6, 1))["aws_rds_cluster_instance.aurora_postgresql_12"]
    support = by_key(cost, "rds:extended-support:years-1-2")
    assert support.monthly_cost == pytest.approx(8 * HOURS * EXTENDED_SUPPORT_YEARS_1_2)  # $584


def test_aurora_engine_backup_at_auroras_rate(prices: PriceTable) -> None:
    # Aurora pricing page, us-east-1: backup storage $0.021 per GB-month (RDS's is $0.095);
    # Infracost's db_instance_test.golden: aws_db_instance.aurora, 1,000 GB, $21.00
    usage = parse_usage(
        {
            "version": 0.1,
            "resource_usage": {
                "aws_db_instance.aurora_legacy_engine": {"additional_backup_storage_gb": 1000}
            },
        },
        "u.yml",
    )
    plan = load_plan(str(fixture_plan_path("rds_minimums")))
    result = {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}
    backup = by_key(result["aws_db_instance.aurora_legacy_engine"], "aurora:backup")
    assert backup.monthly_cost == pytest.approx(1000 * 0.021)


def test_performance_insights_retention_beyond_7_days(costs: dict[str, ResourceCost]) -> None:
    # Long-term retention, us-east-1, db.m5 family: $3.815 per vCPU-month (Infracost's
    # db_instance_test.golden, mysql-performance-insights: db.m5.large, 2 vCPU-month, $7.63)
    cost = costs["aws_db_instance.insights_long"]
    retention = by_key(cost, "rds:performance-insights:retention:m5")
    assert retention.monthly_quantity == 2
    assert retention.monthly_cost == pytest.approx(2 * 3.815)
    assert cost.monthly_cost_after == pytest.approx(
        HOURS * M5_LARGE_MYSQL + 20 * GP2_STORAGE + 2 * 3.815
    )  # $124.83 + $2.30 + $7.63
    free = costs["aws_db_instance.insights_free"]
    assert not [c for c in free.components if "retention" in c.price_key]
