"""Application Auto Scaling targets: their min_capacity replaces the scaled resource's own
figure (as Infracost prices them), against published us-east-1 prices.

- DynamoDB provisioned capacity (aws.amazon.com/dynamodb/pricing/provisioned):
  $0.00065 per WCU-hour, $0.00013 per RCU-hour;
- ElastiCache cache.m5.large, Redis OSS on-demand (aws.amazon.com/elasticache/pricing):
  $0.156 per node-hour;
- MSK (aws.amazon.com/msk/pricing): kafka.m5.large $0.21 per broker-hour, broker storage
  $0.10 per GB-month.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
WCU = 0.00065
RCU = 0.00013
CACHE_M5_LARGE = 0.156
KAFKA_M5_LARGE = 0.21
MSK_STORAGE = 0.10


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("app_autoscaling")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def named(cost: ResourceCost, prefix: str) -> CostComponent:
    (found,) = [c for c in cost.components if c.name.startswith(prefix)]
    return found


def test_dynamodb_capacity_is_the_targets_minimum(costs: dict[str, ResourceCost]) -> None:
    orders = costs["aws_dynamodb_table.orders"]
    write, read = named(orders, "Write capacity"), named(orders, "Read capacity")
    assert (write.name, read.name) == ("Write capacity (10 WCU)", "Read capacity (20 RCU)")
    assert write.monthly_cost == pytest.approx(10 * HOURS * WCU)
    assert read.monthly_cost == pytest.approx(20 * HOURS * RCU)
    assert write.note is not None and "aws_appautoscaling_target.orders_write" in write.note
    assert orders.monthly_cost_after == pytest.approx(10 * HOURS * WCU + 20 * HOURS * RCU)


def test_dynamodb_without_a_target_keeps_its_own_capacity(
    costs: dict[str, ResourceCost],
) -> None:
    fixed = costs["aws_dynamodb_table.fixed"]
    assert fixed.monthly_cost_after == pytest.approx(5 * HOURS * WCU + 5 * HOURS * RCU)
    assert all(c.note is None for c in fixed.components)


def test_elasticache_shards_and_replicas_at_their_minimum(
    costs: dict[str, ResourceCost],
) -> None:
    sessions = costs["aws_elasticache_replication_group.sessions"]
    (nodes,) = sessions.components
    # 3 shards x (2 replicas + 1 primary) = 9 nodes, not the configured 2 x (1 + 1)
    assert nodes.name == "Cache nodes (redis, 9 x cache.m5.large, autoscaling)"
    assert nodes.monthly_cost == pytest.approx(9 * HOURS * CACHE_M5_LARGE)


def test_msk_storage_at_the_targets_minimum(costs: dict[str, ResourceCost]) -> None:
    events = costs["aws_msk_cluster.events"]
    storage = named(events, "Broker storage")
    assert storage.monthly_quantity == 2 * 123
    assert storage.monthly_cost == pytest.approx(2 * 123 * MSK_STORAGE)
    assert events.monthly_cost_after == pytest.approx(
        2 * HOURS * KAFKA_M5_LARGE + 2 * 123 * MSK_STORAGE
    )
