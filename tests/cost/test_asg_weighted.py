"""Auto Scaling groups with weighted instance types (`weighted_capacity`): capacities count
units, so instances = units / the overrides' weight, rounded up (Infracost's rule), when
every override weighs the same; otherwise the count is AWS's choice and stays unknown.

Published us-east-1 Linux on-demand prices (aws.amazon.com/ec2/pricing/on-demand):
m5.xlarge $0.192 per hour, c5.large $0.085 per hour; gp2 $0.10 per GB-month.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
M5_XLARGE = 0.192
C5_LARGE = 0.085
GP2 = 0.10


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("asg_weighted")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def test_weighted_units_split_on_demand_and_spot(costs: dict[str, ResourceCost]) -> None:
    """10 units at weight 2 = 5 m5.xlarge; on demand 2 + 50% of 8 = 6 units = 3 instances."""
    group = costs["aws_autoscaling_group.mixed"]
    on_demand, spot, root = group.components
    assert on_demand.name == "Instance usage (Linux, on-demand, 3 x m5.xlarge)"
    assert on_demand.monthly_cost == pytest.approx(3 * HOURS * M5_XLARGE)
    assert spot.price_key == "ec2:m5.xlarge:spot"
    assert spot.monthly_quantity == 2 * HOURS
    assert root.monthly_quantity == 5 * 8  # 8 GB gp2 root volume per instance
    assert on_demand.note is not None and "weighted_capacity 2" in on_demand.note


def test_weighted_units_round_up_to_whole_instances(costs: dict[str, ResourceCost]) -> None:
    """7 units at weight 3 = 3 c5.large (2.33 rounded up)."""
    group = costs["aws_autoscaling_group.weighted_on_demand"]
    assert group.monthly_cost_after == pytest.approx(3 * HOURS * C5_LARGE + 3 * 8 * GP2)


def test_different_weights_are_not_guessed(costs: dict[str, ResourceCost]) -> None:
    """8 units of m5.xlarge (2) or m5.2xlarge (4): 2 to 4 instances, AWS decides."""
    group = costs["aws_autoscaling_group.unequal"]
    assert group.status == Status.PRICE_NOT_FOUND
    assert group.monthly_cost_after is None
    assert "weighted instance types" in group.notes[0]
