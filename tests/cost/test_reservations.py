"""Reservations a usage file declares: the monthly cost is the recurring charge.

The plan is `tests/fixtures/terraform/reservations` (made by terraform, us-east-1 and one
eu-west-1 cache), its usage file `usage.yml` beside it. Expected costs are worked by hand
from the recurring hourly rates named beside each constant (us-east-1 unless said), x 730
hours. The upfront fee of a Partial or All Upfront reservation is paid once, at purchase,
and is not a monthly cost; AWS publishes the recurring rate of every All Upfront offer as
0.00 (docs/reservations.md).
"""

from __future__ import annotations

import csv
import json
import re

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.cli.test_cli import run_cli
from tests.conftest import FIXTURES, ROOT, fixture_plan_path

HOURS = 730
PLAN = fixture_plan_path("reservations")
USAGE = FIXTURES / "reservations" / "usage.yml"
UPFRONT_NOTE = "recurring charge only; the upfront fee paid at purchase is not included"

# Recurring hourly rates, Linux, shared tenancy: the one four-decimal rate that gives
# Infracost's cent-rounded monthly figure (AWS quotes these rates to four decimals).
T3_MEDIUM_STANDARD_1Y_PARTIAL = 0.0124  # Infracost instance_test: 730 h = $9.05
T3_MEDIUM_CONVERTIBLE_1Y_PARTIAL = 0.0143  # Infracost instance_test: 730 h = $10.44
# RDS MySQL db.t3.large, recovered the same way
DB_T3_LARGE_MYSQL_1Y_PARTIAL_SINGLE_AZ = 0.0456  # Infracost db_instance_test: $33.29
DB_T3_LARGE_MYSQL_1Y_NO_UPFRONT_MULTI_AZ = 0.1914  # Infracost db_instance_test: $139.72
# Aurora MySQL db.r4.large, 3 years, Partial Upfront (Infracost rds_cluster_instance_test:
# 730 h = $43.80, $0.06 per hour)
DB_R4_LARGE_AURORA_3Y_PARTIAL = 0.06
# ElastiCache Redis cache.m6g.12xlarge (Infracost elasticache_cluster_test: 1 year Partial
# Upfront 730 h = $843.88, No Upfront $1,772.44; LeanerCloud's data: No Upfront 2.428)
CACHE_M6G_12XL_1Y_PARTIAL = 1.156
CACHE_M6G_12XL_1Y_NO_UPFRONT = 2.428
# eu-west-1, Redis cache.m6g.2xlarge, 3 years, No Upfront (LeanerCloud's data, 2025-04-24)
CACHE_M6G_2XL_EU_WEST_1_3Y_NO_UPFRONT = 0.339
# EC2 Dedicated Host c5, 1 year, Partial Upfront (Infracost ec2_host_test: $737.30) and
# on-demand (the same test: $2,457.18, $3.366 per hour)
HOST_C5_1Y_PARTIAL = 1.01
HOST_C5_ON_DEMAND = 3.366
# On-demand rates the reserved components must never fall back to
M5_LARGE_ON_DEMAND = 0.096  # EC2 pricing page, Linux
DB_M5_LARGE_MYSQL_ON_DEMAND = 0.171  # RDS pricing page, MySQL Single-AZ


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    usage = load_usage_file(str(USAGE))
    assert usage.warnings == ()
    plan = load_plan(str(PLAN))
    assert usage.unmatched_warnings(r.address for r in plan.resources) == []
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


def reserved_component(cost: ResourceCost) -> CostComponent:
    found = [c for c in cost.components if ":reserved:" in c.price_key]
    assert len(found) == 1, [c.name for c in cost.components]
    return found[0]


def test_ec2_instance_partial_upfront_is_its_recurring_rate(
    costs: dict[str, ResourceCost],
) -> None:
    usage = reserved_component(costs["aws_instance.standard_partial"])
    assert usage.monthly_cost == pytest.approx(HOURS * T3_MEDIUM_STANDARD_1Y_PARTIAL)  # $9.05
    assert usage.name == "Instance usage (Linux, reserved standard 1y partial-upfront, t3.medium)"
    assert UPFRONT_NOTE in (usage.note or "")
    assert not usage.approximate


def test_auto_scaling_group_partial_upfront(costs: dict[str, ResourceCost]) -> None:
    usage = reserved_component(costs["aws_autoscaling_group.web"])
    assert usage.monthly_quantity == 3 * HOURS  # desired_capacity 3
    # 3 x 730 x 0.0143 = $31.32
    assert usage.monthly_cost == pytest.approx(3 * HOURS * T3_MEDIUM_CONVERTIBLE_1Y_PARTIAL)
    assert UPFRONT_NOTE in (usage.note or "")


def test_db_instance_single_and_multi_az(costs: dict[str, ResourceCost]) -> None:
    single = reserved_component(costs["aws_db_instance.mysql_single_az"])
    # 730 x 0.0456 = $33.29
    assert single.monthly_cost == pytest.approx(HOURS * DB_T3_LARGE_MYSQL_1Y_PARTIAL_SINGLE_AZ)
    assert single.name == "Database instance (reserved, mysql, Single-AZ, db.t3.large)"
    assert UPFRONT_NOTE in (single.note or "")
    multi = reserved_component(costs["aws_db_instance.mysql_multi_az"])
    # 730 x 0.1914 = $139.72; No Upfront has no fee to leave out
    assert multi.monthly_cost == pytest.approx(HOURS * DB_T3_LARGE_MYSQL_1Y_NO_UPFRONT_MULTI_AZ)
    assert "Multi-AZ" in multi.name
    assert multi.note == "from the usage file: reserved, 1_year, no_upfront"


def test_rds_cluster_instance(costs: dict[str, ResourceCost]) -> None:
    instance = reserved_component(costs["aws_rds_cluster_instance.writer"])
    assert (
        instance.price_key == "rds:db.r4.large:aurora-mysql:single-az:reserved:3y:partial-upfront"
    )
    assert instance.monthly_cost == pytest.approx(HOURS * DB_R4_LARGE_AURORA_3Y_PARTIAL)  # $43.80


def test_elasticache_cluster_and_replication_group(costs: dict[str, ResourceCost]) -> None:
    cluster = reserved_component(costs["aws_elasticache_cluster.redis"])
    assert cluster.monthly_cost == pytest.approx(HOURS * CACHE_M6G_12XL_1Y_PARTIAL)  # $843.88
    group = reserved_component(costs["aws_elasticache_replication_group.sessions"])
    # num_cache_clusters 3: 3 x 730 x 2.428 = $5,317.32
    assert group.monthly_cost == pytest.approx(3 * HOURS * CACHE_M6G_12XL_1Y_NO_UPFRONT)
    europe = reserved_component(costs["aws_elasticache_cluster.redis_eu"])
    assert europe.monthly_cost == pytest.approx(HOURS * CACHE_M6G_2XL_EU_WEST_1_3Y_NO_UPFRONT)
    assert europe.source == "leanercloud-elasticache-reserved" and not europe.approximate


def test_ec2_host_partial_upfront_is_not_the_on_demand_rate(
    costs: dict[str, ResourceCost],
) -> None:
    """Regression: the host's usage file was ignored and the on-demand rate shown."""
    host = costs["aws_ec2_host.c5_partial"]
    component = reserved_component(host)
    assert component.name == "EC2 Dedicated Host (reserved, c5)"
    assert component.monthly_cost == pytest.approx(HOURS * HOST_C5_1Y_PARTIAL)  # $737.30
    assert host.monthly_cost_after == pytest.approx(737.30)
    assert host.monthly_cost_after != pytest.approx(HOURS * HOST_C5_ON_DEMAND)  # $2,457.18
    assert UPFRONT_NOTE in (component.note or "")


@pytest.mark.parametrize(
    "address",
    [
        "aws_instance.convertible_all_upfront",
        "aws_db_instance.postgres_all_upfront",
        "aws_ec2_host.m5d_all_upfront",
    ],
)
def test_all_upfront_is_priced_at_zero_with_the_note(
    costs: dict[str, ResourceCost], address: str
) -> None:
    cost = costs[address]
    component = reserved_component(cost)
    assert component.price_key.endswith(":all-upfront")
    assert (component.unit_price, component.monthly_cost) == (0.0, 0.0)
    assert not component.approximate and component.source is None
    assert UPFRONT_NOTE in (component.note or "") and "all_upfront" in (component.note or "")
    assert cost.status == Status.PRICED and cost.complete  # priced at 0, not free


@pytest.mark.parametrize(
    ("address", "on_demand"),
    [
        ("aws_instance.unknown_class_partial", M5_LARGE_ON_DEMAND),
        ("aws_db_instance.unknown_class_partial", DB_M5_LARGE_MYSQL_ON_DEMAND),
    ],
)
def test_a_class_without_a_rate_is_price_not_found_never_on_demand(
    costs: dict[str, ResourceCost], address: str, on_demand: float
) -> None:
    cost = costs[address]
    component = reserved_component(cost)
    assert component.price_key.endswith(":partial-upfront")
    assert component.unit_price is None and component.monthly_cost is None
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.monthly_cost_after is None
    assert all(c.unit_price != on_demand for c in cost.components)


def test_all_upfront_shows_zero_and_the_note_in_json_and_markdown(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = [str(PLAN), "--usage-file", str(USAGE), "--fail-on", "never"]
    code, out, err = run_cli([*args, "--format", "json"], capsys)
    assert code == 0, err
    resources = {r["address"]: r for r in json.loads(out)["resources"]}
    host = resources["aws_ec2_host.m5d_all_upfront"]
    assert host["status"] == "priced" and host["monthly_cost_after"] == 0.0
    (component,) = host["components"]
    assert component["unit_price"] == 0.0 and component["monthly_cost"] == 0.0
    assert UPFRONT_NOTE in component["note"]
    code, out, err = run_cli([*args, "--format", "markdown"], capsys)
    assert code == 0, err
    (row,) = [line for line in out.splitlines() if "EC2 Dedicated Host (reserved, m5d)" in line]
    assert UPFRONT_NOTE in row and row.endswith("| 730 | hour | $0.00 | $0.00 |")


GOLDEN_FACTS = ROOT.parent / "shared" / "price-sources" / "infracost-golden-facts"


@pytest.mark.skipif(not GOLDEN_FACTS.is_dir(), reason=f"price sources not at {GOLDEN_FACTS}")
def test_every_all_upfront_line_item_of_infracost_is_zero() -> None:
    """The published zero, as Infracost's cases show it for every family they test."""
    with (GOLDEN_FACTS / "infracost_aws_golden_line_items.csv").open(newline="") as fh:
        rows = [
            row
            for row in csv.DictReader(fh)
            if re.search(r"all[-_]upfront", row["resource"]) and "reserved" in row["line_item"]
        ]
    assert {row["test"] for row in rows} >= {
        "instance_test",
        "db_instance_test",
        "rds_cluster_instance_test",
        "ec2_host_test",
        "elasticache_cluster_test",
    }
    assert {row["monthly_cost_usd"] for row in rows} == {"0.00"}
