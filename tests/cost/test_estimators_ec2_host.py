"""EC2 Dedicated Hosts on the `dedicated_hosts` plan (made by terraform), against published
on-demand prices (https://aws.amazon.com/ec2/dedicated-hosts/pricing/):

- us-east-1 from Infracost's golden outputs (infracost-golden-facts, ec2_host_test):
  c5 730 h = $2,457.18 (3.366/h), mac1 730 h = $790.59 (1.083/h);
- eu-west-1 from AWS's offer file of 2023-02-23 (aws-terracost-eu-west-1-2023-02-23,
  usage type EU-HostUsage:m5): m5 5.65/h.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
C5_US_EAST_1 = 3.366
MAC1_US_EAST_1 = 1.083
M5_EU_WEST_1 = 5.65


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path("dedicated_hosts"))), prices)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.mark.parametrize(
    ("address", "family", "hourly"),
    [
        ("c5", "c5", C5_US_EAST_1),  # instance_family
        ("mac", "mac1", MAC1_US_EAST_1),  # instance_type mac1.metal
        ("ireland_m5", "m5", M5_EU_WEST_1),  # instance_type m5.large
    ],
)
def test_host_by_family(
    costs: dict[str, ResourceCost], address: str, family: str, hourly: float
) -> None:
    host = costs[f"aws_ec2_host.{address}"]
    (usage,) = host.components
    assert (usage.name, usage.unit, usage.price_key, usage.monthly_quantity) == (
        f"EC2 Dedicated Host (on-demand, {family})",
        "hour",
        f"ec2-host:{family}",
        HOURS,
    )
    assert host.monthly_cost_after == pytest.approx(HOURS * hourly)


def test_region_without_a_source_is_price_not_found(costs: dict[str, ResourceCost]) -> None:
    host = costs["aws_ec2_host.oregon_c5"]
    assert host.status == Status.PRICE_NOT_FOUND
    assert host.monthly_cost_after is None
