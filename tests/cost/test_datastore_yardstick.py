"""Data stores priced as AWS bills them beyond their own arguments: auto scaling targets
named by a literal resource_id or given a usage `capacity`, EFS One Zone Infrequent Access
and provisioned throughput above the baseline. The plan is
`tests/fixtures/terraform/datastore_yardstick` (made by terraform); expected costs are
worked by hand from AWS's published us-east-1 prices:

- DynamoDB provisioned capacity (aws.amazon.com/dynamodb/pricing/provisioned):
  $0.00065 per WCU-hour, $0.00013 per RCU-hour;
- ElastiCache cache.m5.large, Redis OSS on-demand (aws.amazon.com/elasticache/pricing):
  $0.156 per node-hour;
- MSK (aws.amazon.com/msk/pricing): kafka.m5.large $0.21 per broker-hour, broker storage
  $0.10 per GB-month;
- EFS (aws.amazon.com/efs/pricing; AWS's pricing-page data of 2025-11-04): Standard
  $0.30, One Zone $0.16, One Zone Infrequent Access $0.0133 per GB-month; provisioned
  throughput $6.00 per MB/s-month.
"""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
WCU = 0.00065
RCU = 0.00013
CACHE_M5_LARGE = 0.156
KAFKA_M5_LARGE = 0.21
MSK_STORAGE = 0.10
EFS_STANDARD = 0.30
EFS_ONE_ZONE = 0.16
EFS_ONE_ZONE_IA = 0.0133
EFS_THROUGHPUT = 6.00


def costs(prices: PriceTable, resource_usage: dict[str, Any]) -> dict[str, ResourceCost]:
    usage = parse_usage({"version": 0.1, "resource_usage": resource_usage}, "u.yml")
    assert usage.warnings == ()  # `capacity` of a target is a known key
    plan = load_plan(str(fixture_plan_path("datastore_yardstick")))
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


def named(cost: ResourceCost, prefix: str) -> CostComponent:
    (found,) = [c for c in cost.components if c.name.startswith(prefix)]
    return found


def test_a_literal_resource_id_names_the_table_it_scales(prices: PriceTable) -> None:
    table = costs(prices, {})["aws_dynamodb_table.literal"]
    read, write = named(table, "Read capacity"), named(table, "Write capacity")
    assert read.name == "Read capacity (56 RCU)"  # the target's min_capacity, not 30
    assert read.note is not None and "aws_appautoscaling_target.literal_read" in read.note
    assert write.name == "Write capacity (20 WCU)"  # no write target: the table's own
    # 56 x 730 x $0.00013 = $5.31; 20 x 730 x $0.00065 = $9.49
    assert table.monthly_cost_after == pytest.approx(56 * HOURS * RCU + 20 * HOURS * WCU)


def test_the_usage_capacity_of_a_target_replaces_its_minimum(prices: PriceTable) -> None:
    usage = {
        "aws_appautoscaling_target.expected_write": {"capacity": 77},
        "aws_appautoscaling_target.expected_read": {"capacity": 76},
    }
    table = costs(prices, usage)["aws_dynamodb_table.expected"]
    write, read = named(table, "Write capacity"), named(table, "Read capacity")
    assert (write.name, read.name) == ("Write capacity (77 WCU)", "Read capacity (76 RCU)")
    assert write.note is not None and "usage file's capacity" in write.note
    # 77 x 730 x $0.00065 = $36.54; 76 x 730 x $0.00013 = $7.21
    assert table.monthly_cost_after == pytest.approx(77 * HOURS * WCU + 76 * HOURS * RCU)


def test_without_usage_the_targets_minimum_stays(prices: PriceTable) -> None:
    table = costs(prices, {})["aws_dynamodb_table.expected"]
    assert table.monthly_cost_after == pytest.approx(7 * HOURS * WCU + 8 * HOURS * RCU)


@pytest.mark.parametrize(("usage", "shards"), [({}, 1), ({"capacity": 10}, 10)])
def test_elasticache_shards_from_a_literal_target(
    prices: PriceTable, usage: dict[str, float], shards: int
) -> None:
    resource_usage = {"aws_appautoscaling_target.literal_shards": usage} if usage else {}
    group = costs(prices, resource_usage)["aws_elasticache_replication_group.literal"]
    (nodes,) = group.components
    # shards x (3 replicas + 1 primary): 10 x 4 x 730 x $0.156 = $4,555.20
    assert nodes.monthly_quantity == shards * 4 * HOURS
    assert nodes.monthly_cost == pytest.approx(shards * 4 * HOURS * CACHE_M5_LARGE)


def test_msk_storage_at_the_usage_capacity(prices: PriceTable) -> None:
    usage = {"aws_appautoscaling_target.events_storage": {"capacity": 1234}}
    cluster = costs(prices, usage)["aws_msk_cluster.events"]
    storage = named(cluster, "Broker storage")
    assert storage.monthly_quantity == 2 * 1234  # per broker
    # 2 x 730 x $0.21 + 2,468 x $0.10 = $306.60 + $246.80
    assert cluster.monthly_cost_after == pytest.approx(
        2 * HOURS * KAFKA_M5_LARGE + 2 * 1234 * MSK_STORAGE
    )


def test_efs_one_zone_infrequent_access_at_its_own_rate(prices: PriceTable) -> None:
    usage = {
        "aws_efs_file_system.one_zone": {"storage_gb": 230, "infrequent_access_storage_gb": 100}
    }
    cost = costs(prices, usage)["aws_efs_file_system.one_zone"]
    ia = named(cost, "Infrequent access storage")
    assert ia.price_key == "efs:one-zone:ia:storage"
    assert ia.monthly_cost == pytest.approx(100 * EFS_ONE_ZONE_IA)  # $1.33
    # 230 x $0.16 = $36.80
    assert cost.monthly_cost_after == pytest.approx(230 * EFS_ONE_ZONE + 100 * EFS_ONE_ZONE_IA)


def test_efs_provisioned_throughput_above_the_storage_baseline(prices: PriceTable) -> None:
    cost = costs(prices, {"aws_efs_file_system.provisioned": {"storage_gb": 230}})[
        "aws_efs_file_system.provisioned"
    ]
    throughput = named(cost, "Provisioned throughput")
    # 230 GB earn 230 / 20 = 11.5 MiBps: 100 - 11.5 = 88.5 x $6.00 = $531.00
    assert throughput.monthly_quantity == pytest.approx(88.5)
    assert throughput.monthly_cost == pytest.approx(88.5 * EFS_THROUGHPUT)
    assert cost.monthly_cost_after == pytest.approx(230 * EFS_STANDARD + 88.5 * EFS_THROUGHPUT)


def test_efs_provisioned_throughput_without_storage_usage_is_all_billed(
    prices: PriceTable,
) -> None:
    cost = costs(prices, {})["aws_efs_file_system.provisioned"]
    throughput = named(cost, "Provisioned throughput")
    assert throughput.monthly_cost == pytest.approx(100 * EFS_THROUGHPUT)  # $600.00


def test_subnet_associations_carry_the_az_hours_of_an_endpoint_without_subnets(
    prices: PriceTable,
) -> None:
    result = costs(prices, {})
    # PrivateLink pricing page, us-east-1: $0.01 per VPC endpoint per AZ-hour
    for address in ("existing", "created"):
        association = result[f"aws_vpc_endpoint_subnet_association.{address}"]
        (hours,) = association.components
        assert hours.monthly_cost == pytest.approx(HOURS * 0.01)  # $7.30
    endpoint = named(result["aws_vpc_endpoint.associated"], "Interface endpoint")
    assert endpoint.name == "Interface endpoint (0 AZ of its own)"
    assert endpoint.monthly_cost == 0
    assert endpoint.note is not None and "aws_vpc_endpoint_subnet_association.created" in (
        endpoint.note
    )


def test_an_association_of_a_subnet_the_endpoint_lists_is_not_counted_twice(
    prices: PriceTable,
) -> None:
    result = costs(prices, {})
    assert result["aws_vpc_endpoint_subnet_association.listed_again"].components == ()
    endpoint = named(result["aws_vpc_endpoint.listed"], "Interface endpoint")
    assert endpoint.name == "Interface endpoint (1 AZ)"
    assert endpoint.monthly_cost == pytest.approx(HOURS * 0.01)
