"""Costs of terraform-generated plans, component by component, against published prices.

Expected unit prices are written here from the public price lists (AWS pricing pages and
the figures in ../shared/price-sources/README.md), not read from finops-gate's table.
"""

from __future__ import annotations

from datetime import date

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import Estimate, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730

# us-east-1, USD
M5_LARGE = 0.096
T3_MICRO = 0.0104
C5_2XLARGE = 0.34
GP2 = 0.10
GP3 = 0.08
GP3_IOPS = 0.005
GP3_THROUGHPUT = 0.04
IO1 = 0.125
IO1_IOPS = 0.065
IO2 = 0.125
IO2_IOPS_TIERS = (0.065, 0.0455, 0.032)
ST1 = 0.045
SC1 = 0.015
STANDARD = 0.05
NAT_HOUR = 0.045
LB_HOUR = 0.0225
CLASSIC_LB_HOUR = 0.025
EKS_HOUR = 0.10
PUBLIC_IPV4_HOUR = 0.005
RDS_M5_LARGE_MYSQL = 0.171
RDS_GP2 = 0.115
RDS_GP3 = 0.115


# A fixed date, before RDS for MySQL 8.0 left standard support (2026-08-01): the
# fixtures' MySQL 8.0 instances have no Extended Support charge here (see
# tests/cost/test_rds_minimums.py for that charge).
PRICED_ON = date(2026, 7, 1)


def estimate(case: str, prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(case)))
    result: Estimate = estimate_plan(plan, prices, today=PRICED_ON)
    return {cost.resource.address: cost for cost in result.resources}


def lines(cost: ResourceCost) -> list[tuple[str, float | None, float | None]]:
    return [(c.price_key, c.monthly_quantity, c.unit_price) for c in cost.components]


@pytest.fixture(scope="module")
def us_east(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate("priced_us_east_1", prices)


def test_instance_with_root_and_block_device(us_east: dict[str, ResourceCost]) -> None:
    web = us_east["aws_instance.web"]
    assert lines(web) == [
        ("ec2:m5.large", HOURS, M5_LARGE),
        ("ebs:gp3:storage", 50, GP3),
        ("ebs:io1:storage", 100, IO1),
        ("ebs:io1:iops", 1000, IO1_IOPS),
    ]
    assert web.components[0].monthly_cost == pytest.approx(70.08)
    expected = M5_LARGE * HOURS + 50 * GP3 + 100 * IO1 + 1000 * IO1_IOPS
    assert web.monthly_cost_after == pytest.approx(expected)
    assert web.monthly_cost_before == 0 and web.status == Status.PRICED


def test_unknown_root_volume_is_assumed_8gb_gp2(us_east: dict[str, ResourceCost]) -> None:
    worker = us_east["aws_instance.worker"]
    assert lines(worker)[:2] == [("ec2:t3.micro", HOURS, T3_MICRO), ("ebs:gp2:storage", 8, GP2)]
    assert lines(worker)[2][:2] == ("ec2:cpu-credits:t3", None)  # t3 is unlimited by default
    assert worker.components[1].note and "assumed 8 GB gp2" in worker.components[1].note
    assert worker.monthly_cost_after == pytest.approx(T3_MICRO * HOURS + 8 * GP2)
    big = us_east["aws_instance.big"]
    assert lines(big)[0] == ("ec2:c5.2xlarge", HOURS, C5_2XLARGE)


@pytest.mark.parametrize(
    ("address", "expected_lines"),
    [
        ("aws_ebs_volume.gp2", [("ebs:gp2:storage", 100, GP2)]),
        (
            "aws_ebs_volume.gp3",
            [
                ("ebs:gp3:storage", 200, GP3),
                ("ebs:gp3:iops", 3000, GP3_IOPS),  # 6,000 provisioned, 3,000 included
                ("ebs:gp3:throughput", 125, GP3_THROUGHPUT),  # 250 MiBps, 125 included
            ],
        ),
        ("aws_ebs_volume.io1", [("ebs:io1:storage", 100, IO1), ("ebs:io1:iops", 2000, IO1_IOPS)]),
        (
            "aws_ebs_volume.io2",
            [
                ("ebs:io2:storage", 50, IO2),
                ("ebs:io2:iops", 32000, IO2_IOPS_TIERS[0]),
                ("ebs:io2:iops:tier2", 8000, IO2_IOPS_TIERS[1]),
            ],
        ),
        ("aws_ebs_volume.st1", [("ebs:st1:storage", 500, ST1)]),
        ("aws_ebs_volume.sc1", [("ebs:sc1:storage", 1000, SC1)]),
    ],
)
def test_ebs_volumes(
    us_east: dict[str, ResourceCost], address: str, expected_lines: list[tuple[str, float, float]]
) -> None:
    cost = us_east[address]
    assert lines(cost) == expected_lines
    assert cost.monthly_cost_after == pytest.approx(sum(q * p for _, q, p in expected_lines))


def test_standard_volume_io_is_usage_based(us_east: dict[str, ResourceCost]) -> None:
    cost = us_east["aws_ebs_volume.standard"]
    assert lines(cost)[0] == ("ebs:standard:storage", 20, STANDARD)
    io = cost.components[1]
    assert io.usage_based and io.monthly_quantity is None and io.monthly_cost is None
    assert cost.monthly_cost_after == pytest.approx(20 * STANDARD)
    assert cost.status == Status.PRICED


def test_networking(us_east: dict[str, ResourceCost]) -> None:
    nat = us_east["aws_nat_gateway.main"]
    assert lines(nat)[0] == ("natgw:hour", HOURS, NAT_HOUR)
    assert nat.components[1].usage_based and nat.components[1].unit_price == 0.045
    assert nat.monthly_cost_after == pytest.approx(32.85)
    for address in ("aws_eip.nat", "aws_eip.idle"):
        assert us_east[address].monthly_cost_after == pytest.approx(PUBLIC_IPV4_HOUR * HOURS)
    for address in ("aws_lb.app", "aws_alb.legacy_alb", "aws_lb.net"):
        assert us_east[address].monthly_cost_after == pytest.approx(LB_HOUR * HOURS)
    assert lines(us_east["aws_lb.net"])[0][0] == "elb:network:hour"
    assert us_east["aws_elb.classic"].monthly_cost_after == pytest.approx(CLASSIC_LB_HOUR * HOURS)


def test_eks(us_east: dict[str, ResourceCost]) -> None:
    assert us_east["aws_eks_cluster.main"].monthly_cost_after == pytest.approx(73.0)
    nodes = us_east["aws_eks_node_group.default"]
    assert lines(nodes) == [("ec2:m5.large", 3 * HOURS, M5_LARGE), ("ebs:gp2:storage", 150, GP2)]
    assert nodes.monthly_cost_after == pytest.approx(3 * HOURS * M5_LARGE + 150 * GP2)


def test_rds_single_az(us_east: dict[str, ResourceCost]) -> None:
    mysql = us_east["aws_db_instance.mysql"]
    assert lines(mysql)[:2] == [
        ("rds:db.m5.large:mysql:single-az", HOURS, RDS_M5_LARGE_MYSQL),
        ("rds:storage:gp2:single-az", 100, RDS_GP2),
    ]
    assert mysql.components[2].usage_based  # backups
    assert mysql.monthly_cost_after == pytest.approx(RDS_M5_LARGE_MYSQL * HOURS + 100 * RDS_GP2)


def test_rds_multi_az_io1(us_east: dict[str, ResourceCost]) -> None:
    postgres = us_east["aws_db_instance.postgres"]
    keys = [key for key, _, _ in lines(postgres)]
    assert keys[:3] == [
        "rds:db.r5.large:postgres:multi-az",
        "rds:storage:io1:multi-az",
        "rds:iops:io1:multi-az",
    ]
    quantities = [q for _, q, _ in lines(postgres)]
    assert quantities[:3] == [HOURS, 200, 3000]


def test_statuses(us_east: dict[str, ResourceCost]) -> None:
    assert us_east["aws_vpc.main"].status == Status.FREE
    assert us_east["aws_launch_template.web"].status == Status.FREE
    lam = us_east["aws_lambda_function.handler"]
    assert lam.status == Status.USAGE_BASED and lam.monthly_cost_after == 0
    fleet = us_east["aws_appstream_fleet.desktops"]
    assert fleet.status == Status.UNSUPPORTED
    assert fleet.monthly_cost_after is None and fleet.monthly_cost_delta is None


def test_eu_west_1_prices(prices: PriceTable) -> None:
    eu = estimate("priced_eu_west_1", prices)
    app = eu["aws_instance.app"]
    assert lines(app)[0] == ("ec2:m5.large", HOURS, 0.107)
    db = eu["aws_db_instance.db"]
    assert lines(db)[0][0] == "rds:db.t3.micro:mysql:single-az"
    assert db.status == Status.PRICED
    nodes = eu["aws_eks_node_group.default"]
    assert lines(nodes)[0] == ("ec2:t3.medium", 2 * HOURS, 0.0456)


def test_lifecycle_before_and_after(prices: PriceTable) -> None:
    costs = estimate("lifecycle", prices)
    resize = costs["aws_instance.resize"]
    assert resize.components_before[0].price_key == "ec2:m5.large"
    assert resize.components[0].price_key == "ec2:m5.xlarge"
    assert resize.monthly_cost_delta == pytest.approx((0.192 - M5_LARGE) * HOURS)
    deleted = costs["aws_ebs_volume.old_data"]
    assert deleted.monthly_cost_after == 0 and deleted.monthly_cost_before > 0
    assert deleted.monthly_cost_delta == -deleted.monthly_cost_before
    unchanged = costs["aws_nat_gateway.main"]
    assert unchanged.monthly_cost_before == unchanged.monthly_cost_after == pytest.approx(32.85)
    db = costs["aws_db_instance.main"]
    assert db.monthly_cost_delta == pytest.approx(100 * RDS_GP3)  # 100 -> 200 GB gp3
    for address in ("aws_instance.reimage", "aws_instance.reimage_cbd"):
        assert costs[address].monthly_cost_delta == pytest.approx(0)


def test_modules_price_each_instance_in_its_region(prices: PriceTable) -> None:
    costs = estimate("modules", prices)
    assert costs["aws_instance.eu_bastion"].resource.region == "eu-west-1"
    assert costs['module.workers["large"].aws_instance.this'].status == Status.PRICED
