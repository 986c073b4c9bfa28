"""Kinesis Data Analytics v1 / v2 applications and v2 snapshots on the `kinesis_analytics`
plan (made by terraform), against published prices.

Europe (London) prices from Infracost's golden outputs
(../shared/price-sources/infracost-golden-facts/infracost_aws_golden_line_items.csv,
kinesisanalytics*_test, all in eu-west-2), AWS's list prices
(https://aws.amazon.com/managed-service-apache-flink/pricing/): "$92.71 per KPU" a month
(0.127 per KPU-hour), running storage 500 GB = $58.00 (0.116 per GB-month), backup 0.024
per GB-month. No source has these prices for other regions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
CASE = "kinesis_analytics"
KPU_HOUR = 0.127
RUNNING_STORAGE = 0.116
BACKUP = 0.024


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(CASE)))
    usage = load_usage_file(usage_path) if usage_path else None
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


def lines(cost: ResourceCost) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.unit, c.price_key, c.monthly_quantity) for c in cost.components]


def test_flink_application_pays_one_orchestration_kpu(costs: dict[str, ResourceCost]) -> None:
    flink = costs["aws_kinesisanalyticsv2_application.flink"]
    assert lines(flink) == [
        ("Processing (stream)", "KPU-hour", "kinesisanalytics:kpu", None),
        ("Processing (orchestration)", "KPU-hour", "kinesisanalytics:kpu", HOURS),
        ("Running storage", "GB-month", "kinesisanalytics:running-storage", None),
        ("Backup", "GB-month", "kinesisanalytics:backup", None),
    ]
    assert flink.monthly_cost_after == pytest.approx(HOURS * KPU_HOUR)  # 92.71


def test_sql_applications_are_usage_based(costs: dict[str, ResourceCost]) -> None:
    for address in (
        "aws_kinesis_analytics_application.sql_v1",
        "aws_kinesisanalyticsv2_application.sql_v2",
    ):
        cost = costs[address]
        assert lines(cost) == [("Processing (stream)", "KPU-hour", "kinesisanalytics:kpu", None)]
        assert cost.status == Status.USAGE_BASED
        assert cost.components[0].unit_price == pytest.approx(KPU_HOUR)


def test_region_without_a_source_is_price_not_found(costs: dict[str, ResourceCost]) -> None:
    virginia = costs["aws_kinesisanalyticsv2_application.flink_virginia"]
    assert virginia.status == Status.PRICE_NOT_FOUND
    assert virginia.monthly_cost_after is None


def test_usage_file(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_kinesisanalyticsv2_application.flink:
    kinesis_processing_units: 10
    durable_application_backup_gb: 100
  aws_kinesis_analytics_application.sql_v1:
    kinesis_processing_units: 10
  aws_kinesisanalyticsv2_application_snapshot.flink:
    durable_application_backup_gb: 100
""",
        encoding="utf-8",
    )
    costs = estimate(prices, str(path))
    flink = costs["aws_kinesisanalyticsv2_application.flink"]
    assert [c.monthly_quantity for c in flink.components] == [10 * HOURS, HOURS, 500, 100]
    # golden: 927.10 + 92.71 + 58.00 + 2.40
    assert flink.monthly_cost_after == pytest.approx(
        11 * HOURS * KPU_HOUR + 500 * RUNNING_STORAGE + 100 * BACKUP
    )
    sql = costs["aws_kinesis_analytics_application.sql_v1"]
    assert sql.monthly_cost_after == pytest.approx(10 * HOURS * KPU_HOUR)  # 927.10
    snapshot = costs["aws_kinesisanalyticsv2_application_snapshot.flink"]
    assert snapshot.monthly_cost_after == pytest.approx(100 * BACKUP)  # 2.40
