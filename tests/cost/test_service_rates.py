"""OpenSearch magnetic and io1 storage, DynamoDB global-table replicas, SNS FIFO topics and
CloudWatch anomaly detection alarms, against published prices (us-east-1 unless named):

- OpenSearch (aws.amazon.com/opensearch-service/pricing): m5.large.search $0.142 per hour;
  magnetic storage $0.067 per GB-month; io1 storage $0.169 per GB-month and $0.088 per
  provisioned IOPS-month;
- DynamoDB (aws.amazon.com/dynamodb/pricing): $0.00065 per WCU-hour, $0.00013 per RCU-hour;
  replicated WCU $0.000725 per hour in us-west-1; on-demand writes $0.625 per 1M,
  replicated writes $0.705 per 1M in eu-west-1 and $0.695 in us-west-1;
- SNS FIFO (aws.amazon.com/sns/pricing): $0.30 per 1M publish requests, $0.017 per GB of
  publish payload;
- CloudWatch (aws.amazon.com/cloudwatch/pricing): $0.10 per standard alarm metric; an
  anomaly detection alarm is billed as 3 metrics.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import FIXTURES, fixture_plan_path

HOURS = 730
M5_LARGE_SEARCH = 0.142
MAGNETIC = 0.067
IO1_STORAGE = 0.169
IO1_IOPS = 0.088
WCU, RCU, RWCU_US_WEST_1 = 0.00065, 0.00013, 0.000725
WRITES, RWRITES_EU_WEST_1, RWRITES_US_WEST_1 = 0.625, 0.705, 0.695
SNS_FIFO_1M, SNS_FIFO_GB = 0.30, 0.017
ALARM_METRIC = 0.10


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("service_rates")))
    usage = load_usage_file(str(FIXTURES / "service_rates" / "usage.yml"))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices, usage).resources}


def by_key(cost: ResourceCost, key: str) -> list[CostComponent]:
    return [c for c in cost.components if c.price_key == key]


def test_opensearch_magnetic_storage(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_opensearch_domain.magnetic"]
    assert cost.monthly_cost_after == pytest.approx(
        2 * HOURS * M5_LARGE_SEARCH + 2 * 100 * MAGNETIC
    )


def test_opensearch_io1_storage_and_iops(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_opensearch_domain.io1"]
    (iops,) = by_key(cost, "opensearch:io1:iops")
    assert iops.monthly_quantity == 3000
    assert cost.monthly_cost_after == pytest.approx(
        HOURS * M5_LARGE_SEARCH + 1000 * IO1_STORAGE + 3000 * IO1_IOPS
    )


def test_dynamodb_provisioned_replica_in_its_region(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_dynamodb_table.global"]
    (replica,) = by_key(cost, "dynamodb:replicated:wcu")
    assert replica.name == "Replicated write capacity (us-west-1, 20 rWCU)"
    assert replica.monthly_cost == pytest.approx(20 * HOURS * RWCU_US_WEST_1)
    assert cost.monthly_cost_after == pytest.approx(
        20 * HOURS * WCU + 30 * HOURS * RCU + 20 * HOURS * RWCU_US_WEST_1
    )


def test_dynamodb_on_demand_replicas_replicate_every_write(
    costs: dict[str, ResourceCost],
) -> None:
    cost = costs["aws_dynamodb_table.global_on_demand"]
    replicas = by_key(cost, "dynamodb:ondemand:replicated-write")
    assert [c.monthly_cost for c in replicas] == pytest.approx(
        [3 * RWRITES_EU_WEST_1, 3 * RWRITES_US_WEST_1]
    )
    assert cost.monthly_cost_after == pytest.approx(
        3 * WRITES + 3 * RWRITES_EU_WEST_1 + 3 * RWRITES_US_WEST_1
    )


def test_sns_fifo_topic_at_its_own_rates(costs: dict[str, ResourceCost]) -> None:
    """1M publishes of 128 KB: 1M requests (FIFO requests are not counted in 64 KB
    chunks) and 128 GB of payload (10^6 KB a GB)."""
    cost = costs["aws_sns_topic.orders"]
    assert [(c.price_key, c.monthly_quantity) for c in cost.components] == [
        ("sns:fifo:requests", 1),
        ("sns:fifo:payload-gb", 128),
    ]
    assert cost.monthly_cost_after == pytest.approx(SNS_FIFO_1M + 128 * SNS_FIFO_GB)


def test_anomaly_detection_alarm_is_three_metrics(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_cloudwatch_metric_alarm.latency_anomaly"]
    (alarm,) = cost.components
    assert alarm.monthly_quantity == 3
    assert cost.monthly_cost_after == pytest.approx(3 * ALARM_METRIC)
