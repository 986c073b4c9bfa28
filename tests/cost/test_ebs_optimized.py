"""The EBS-optimized fee (`ebs_optimized = true`), fixture `ebs_optimized`, component by
component against published figures (written here, not read from the price table):

- us-east-1: Infracost's golden outputs (../shared/price-sources/infracost-golden-facts/),
  instance_test.golden lines 8-11, aws_instance.instance2_ebsOptimized: "Instance usage
  (Linux/UNIX, on-demand, r3.xlarge)" 730 h 243.09, "EBS-optimized usage" 730 h 14.60,
  "Storage (general purpose SSD, gp2)" 8 GB 0.80; autoscaling_group_test.golden lines 6-9
  and 13-14 (asg_lc_ebs_optimized / asg_lt_ebs_optimized, 2 x r3.xlarge): 1,460 h 486.18,
  EBS-optimized 1,460 h 29.20, gp2 16 GB 1.60.
- eu-west-1: the AWS offer file (terracost dump of 2023-02-23), usage type
  "EU-EBSOptimized:<type>", on-demand USD per hour: r3.xlarge 0.02 (sku W4BKWJDZQ9PVKCGD),
  m1.large 0.025 (sku 6E5RFX4YXR8HX99S), c4.large / m4.large / m5.large 0 (included).
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
FEE = "EBS-optimized usage"


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path("ebs_optimized"))), prices)
    return {cost.resource.address: cost for cost in result.resources}


def fee(cost: ResourceCost) -> tuple[str, float | None, float | None, float | None]:
    (component,) = [c for c in cost.components if c.name == FEE]
    return (
        component.price_key,
        component.monthly_quantity,
        component.unit_price,
        component.monthly_cost,
    )


def test_charged_type_in_us_east_1(costs: dict[str, ResourceCost]) -> None:
    r3 = costs["aws_instance.r3"]
    assert fee(r3) == ("ec2:r3.xlarge:ebs-optimized", HOURS, 0.02, pytest.approx(14.60))
    assert r3.status == Status.PRICED
    assert r3.monthly_cost_after == pytest.approx(243.09 + 14.60 + 0.80)  # the golden total
    assert not next(c for c in r3.components if c.name == FEE).approximate


def test_no_fee_without_ebs_optimized(costs: dict[str, ResourceCost]) -> None:
    plain = costs["aws_instance.r3_plain"]
    assert [c.name for c in plain.components if c.name == FEE] == []
    assert plain.monthly_cost_after == pytest.approx(243.09 + 0.80)


@pytest.mark.parametrize("address", ["aws_instance.m4", "aws_instance.m5", "aws_instance.eu_c4"])
def test_included_types_get_no_component(costs: dict[str, ResourceCost], address: str) -> None:
    cost = costs[address]
    assert all("ebs-optimized" not in c.price_key for c in cost.components)
    assert cost.status == Status.PRICED


def test_charged_type_without_a_price_is_price_not_found(
    costs: dict[str, ResourceCost],
) -> None:
    c3 = costs["aws_instance.c3"]  # no us-east-1 source has c3.xlarge's fee
    assert fee(c3)[:3] == ("ec2:c3.xlarge:ebs-optimized", HOURS, None)
    assert c3.status == Status.PRICE_NOT_FOUND
    assert c3.monthly_cost_after is None


@pytest.mark.parametrize(
    "address", ["aws_autoscaling_group.r3_template", "aws_autoscaling_group.r3_configuration"]
)
def test_auto_scaling_groups_through_template_and_configuration(
    costs: dict[str, ResourceCost], address: str
) -> None:
    group = costs[address]
    assert fee(group) == ("ec2:r3.xlarge:ebs-optimized", 2 * HOURS, 0.02, pytest.approx(29.20))
    assert group.monthly_cost_after == pytest.approx(486.18 + 29.20 + 1.60)  # the golden total


def test_eu_west_1_fees_from_the_offer_file(costs: dict[str, ResourceCost]) -> None:
    assert fee(costs["aws_instance.eu_r3"]) == (
        "ec2:r3.xlarge:ebs-optimized",
        HOURS,
        0.02,
        pytest.approx(0.02 * HOURS),
    )
    assert fee(costs["aws_instance.eu_m1"]) == (
        "ec2:m1.large:ebs-optimized",
        HOURS,
        0.025,
        pytest.approx(0.025 * HOURS),
    )


def test_monthly_hours_from_the_usage_file_apply_to_the_fee(prices: PriceTable) -> None:
    # The fee is billed per instance-hour, like the instance: instance_test.golden lines
    # 31-35 (instance_ebsOptimized_withMonthlyHours, r3.xlarge, monthly_hrs = 100):
    # 100 h x $0.333 = $33.30, EBS-optimized 100 h x $0.02 = $2.00, gp2 8 GB $0.80.
    usage = parse_usage(
        {"version": 0.1, "resource_usage": {"aws_instance.r3": {"monthly_hrs": 100}}}, "u.yml"
    )
    plan = load_plan(str(fixture_plan_path("ebs_optimized")))
    result = {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}
    r3 = result["aws_instance.r3"]
    assert fee(r3) == ("ec2:r3.xlarge:ebs-optimized", 100, 0.02, pytest.approx(2.00))
    assert r3.monthly_cost_after == pytest.approx(100 * 0.333 + 100 * 0.02 + 8 * 0.10)
