"""Capacity reservations, instances in them, spot requests and OpenSearch coordinator nodes:
fixture `capacity`, component by component against published figures (written here, not
read from the price table):

- EC2 Linux on-demand, us-east-1 m5.large 0.096/h (Karpenter's us-east-1 table and
  ec2instances.info, aws-karpenter-ondemand/ and aws-ec2instancesinfo-derived/
  ec2_ondemand_linux_by_region_opszero_pr735_2024-04.json); its average spot price there
  0.0384/h (the same ec2instances.info file, `spot_avg`).
- EC2 Linux dedicated, eu-west-1 m5.large 0.114/h: AWS offer file (terracost dump of
  2023-02-23), usage type EU-DedicatedUsage:m5.large, sku 2QK4TCN6NN4E5C7J; Windows
  there 0.199/h (the same dump, sku TGJEYGHH2KKTY22H).
- EBS us-east-1: gp2 0.10, gp3 0.08 per GB-month; public IPv4 0.005/h
  (price-sources/README.md).
- OpenSearch us-east-1 on-demand (LeanerCloud opensearch_instances_2025-04-24.json):
  r6g.large.search 0.167, c6g.large.search 0.113, m6g.large.search 0.128 per hour; gp3
  storage 0.122 and gp2 0.135 per GB-month (Infracost golden elasticsearch_domain_test,
  lines 6 and 12).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from finops_gate.cost.engine import estimate_plan, estimate_resource
from finops_gate.cost.estimators._reservation import without_reserved_hours
from finops_gate.cost.estimators.aws_ec2_capacity_reservation import platform_suffix
from finops_gate.cost.model import ComponentSpec, CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable, PriceTableEnvelope
from finops_gate.cost.view import AttributeView
from finops_gate.plan import load_plan
from finops_gate.plan.hcl import load_directory
from tests.conftest import FIXTURES, ROOT, fixture_plan_path

HOURS = 730
M5_LARGE = 0.096
M5_LARGE_SPOT = 0.0384
USAGE = "Instance usage (Linux, on-demand, m5.large)"


@pytest.fixture(scope="module", params=["plan", "hcl"])
def costs(request: pytest.FixtureRequest, prices: PriceTable) -> dict[str, ResourceCost]:
    if request.param == "plan":
        plan = load_plan(str(fixture_plan_path("capacity")))
    else:
        plan = load_directory(FIXTURES / "capacity")
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def component(cost: ResourceCost, name: str) -> CostComponent:
    (found,) = [c for c in cost.components if c.name == name]
    return found


def test_reservation_is_billed_at_the_on_demand_rate(costs: dict[str, ResourceCost]) -> None:
    reservation = costs["aws_ec2_capacity_reservation.linux"]
    assert reservation.status == Status.PRICED
    (usage,) = reservation.components
    assert (usage.price_key, usage.unit, usage.monthly_quantity, usage.unit_price) == (
        "ec2:m5.large",
        "hour",
        2 * HOURS,
        M5_LARGE,
    )
    assert "2 x m5.large" in usage.name
    assert not usage.approximate
    assert reservation.monthly_cost_after == pytest.approx(2 * HOURS * M5_LARGE)  # 140.16


def test_dedicated_reservation(costs: dict[str, ResourceCost]) -> None:
    dedicated = costs["aws_ec2_capacity_reservation.dedicated"]
    (usage,) = dedicated.components
    assert usage.price_key == "ec2:m5.large:dedicated"
    assert dedicated.resource.region == "eu-west-1"
    assert dedicated.monthly_cost_after == pytest.approx(HOURS * 0.114)  # 83.22


def test_windows_reservation_at_the_windows_rate(
    costs: dict[str, ResourceCost], prices: PriceTable
) -> None:
    """eu-west-1 m5.large Windows (licence included) 0.199/h: AWS offer file (terracost
    dump of 2023-02-23), usage type EU-BoxUsage:m5.large, sku TGJEYGHH2KKTY22H. A
    platform no source has stays "price not found", never the Linux rate."""
    windows = costs["aws_ec2_capacity_reservation.windows"]
    (usage,) = windows.components
    assert (usage.price_key, usage.monthly_quantity) == ("ec2:m5.large:windows", HOURS)
    assert windows.status == Status.PRICED
    assert windows.monthly_cost_after == pytest.approx(HOURS * 0.199)  # 145.27
    assert prices.lookup("eu-west-1", "ec2:m5.large:red-hat-enterprise-linux") is None


@pytest.mark.parametrize(
    ("platform", "suffix"),
    [
        ("Linux/UNIX", ""),
        ("Windows", ":windows"),
        ("Red Hat Enterprise Linux", ":red-hat-enterprise-linux"),
        ("Windows with SQL Server Standard", ":windows-with-sql-server-standard"),
    ],
)
def test_platform_price_key_suffix(platform: str, suffix: str) -> None:
    assert platform_suffix(platform) == suffix


@pytest.mark.parametrize(
    ("address", "disk"),
    [
        ("aws_instance.in_reservation", 20 * 0.08),  # its gp3 20 GB root volume
        ("aws_instance.from_reserved_template", 8 * 0.10),  # AMI root assumed 8 GB gp2
    ],
)
def test_instance_in_a_targeted_reservation_has_no_hours(
    costs: dict[str, ResourceCost], address: str, disk: float
) -> None:
    instance = costs[address]
    usage = component(instance, USAGE)
    assert (usage.price_key, usage.monthly_quantity, usage.monthly_cost) == ("ec2:m5.large", 0, 0)
    assert usage.note is not None
    assert "aws_ec2_capacity_reservation.linux" in usage.note
    assert instance.status == Status.PRICED
    assert instance.monthly_cost_after == pytest.approx(disk)  # the disk is still billed


def test_target_the_plan_cannot_follow_is_one_of_the_reservations_it_creates(
    costs: dict[str, ResourceCost],
) -> None:
    """A module variable: the instance's configuration names no reservation and its id is
    unknown, so any m5.large reservation this plan creates in the region may be the one."""
    instance = costs["module.reserved_instance.aws_instance.this"]
    usage = component(instance, USAGE)
    assert (usage.price_key, usage.monthly_quantity) == ("ec2:m5.large", 0)
    assert usage.note is not None
    assert "aws_ec2_capacity_reservation.linux" in usage.note
    assert "aws_ec2_capacity_reservation.dedicated" not in usage.note  # eu-west-1
    assert instance.monthly_cost_after == pytest.approx(20 * 0.08)


def test_group_instances_beyond_the_reservation_are_billed(
    costs: dict[str, ResourceCost],
) -> None:
    group = costs["aws_autoscaling_group.reserved"]  # 3 instances, a reservation of 2
    usage = component(group, "Instance usage (Linux, on-demand, 3 x m5.large)")
    assert (usage.price_key, usage.monthly_quantity) == ("ec2:m5.large", HOURS)
    assert usage.note is not None
    assert "2 instance(s) run in aws_ec2_capacity_reservation.group" in usage.note
    assert group.monthly_cost_after == pytest.approx(HOURS * M5_LARGE + 3 * 8 * 0.10)  # 72.48


def test_open_preference_is_not_a_target(costs: dict[str, ResourceCost]) -> None:
    instance = costs["aws_instance.open_preference"]
    usage = component(instance, USAGE)
    assert usage.monthly_quantity == HOURS
    assert usage.note is None
    assert instance.monthly_cost_after == pytest.approx(HOURS * M5_LARGE + 20 * 0.08)  # 71.68


def test_instance_of_another_type_is_billed(costs: dict[str, ResourceCost]) -> None:
    instance = costs["aws_instance.other_type"]
    usage = component(instance, "Instance usage (Linux, on-demand, m5.xlarge)")
    assert (usage.price_key, usage.monthly_quantity) == ("ec2:m5.xlarge", HOURS)


def test_spot_request_is_priced_on_the_spot_market(costs: dict[str, ResourceCost]) -> None:
    spot = costs["aws_spot_instance_request.worker"]
    usage = component(spot, "Instance usage (Linux, spot, m5.large)")
    assert (usage.price_key, usage.monthly_quantity, usage.unit_price) == (
        "ec2:m5.large:spot",
        HOURS,
        M5_LARGE_SPOT,
    )
    assert usage.approximate  # an average of a moving market price
    assert usage.rule == "spot-average"
    assert usage.note is not None and "average spot price" in usage.note
    names = {c.name: c.monthly_cost for c in spot.components}
    assert names["Root volume (gp3)"] == pytest.approx(30 * 0.08)
    assert names["Public IPv4 address"] == pytest.approx(HOURS * 0.005)
    assert spot.approximate
    assert spot.monthly_cost_after == pytest.approx(HOURS * M5_LARGE_SPOT + 2.40 + 3.65)


def test_opensearch_coordinator_nodes(costs: dict[str, ResourceCost]) -> None:
    domain = costs["aws_opensearch_domain.search"]
    rows = [(c.name, c.price_key, c.monthly_quantity, c.unit_price) for c in domain.components]
    assert rows == [
        ("Instances (3 x r6g.large.search)", "opensearch:r6g.large.search", 3 * HOURS, 0.167),
        (
            "Dedicated master nodes (3 x c6g.large.search)",
            "opensearch:c6g.large.search",
            3 * HOURS,
            0.113,
        ),
        (
            "Coordinator nodes (2 x m6g.large.search)",
            "opensearch:m6g.large.search",
            2 * HOURS,
            0.128,
        ),
        ("Storage (gp3, 3 x 20 GB)", "opensearch:storage:gp3", 60, 0.122),  # data nodes only
    ]
    assert domain.monthly_cost_after == pytest.approx(
        3 * HOURS * 0.167 + 3 * HOURS * 0.113 + 2 * HOURS * 0.128 + 60 * 0.122  # 807.40
    )


def test_disabled_coordinator_nodes_are_not_billed(costs: dict[str, ResourceCost]) -> None:
    domain = costs["aws_opensearch_domain.coordinators_off"]
    assert not [c for c in domain.components if c.name.startswith("Coordinator")]
    assert domain.monthly_cost_after == pytest.approx(HOURS * 0.167 + 3 * HOURS * 0.113 + 1.35)


def test_opensearch_gp3_outside_us_east_1_is_never_the_us_east_1_figure(
    costs: dict[str, ResourceCost],
) -> None:
    """No source publishes eu-west-1's OpenSearch gp3 price: the table's figure there, if it
    has one, is derived by a documented rule and shown as approximate."""
    storage = component(costs["aws_opensearch_domain.eu"], "Storage (gp3, 2 x 20 GB)")
    assert storage.price_key == "opensearch:storage:gp3"
    assert storage.unit_price != 0.122
    if storage.unit_price is not None:
        assert storage.approximate and storage.rule is not None


def test_opensearch_gp3_without_a_regional_price_is_price_not_found(prices: PriceTable) -> None:
    plan = load_plan(str(fixture_plan_path("capacity")))
    (domain,) = [r for r in plan.resources if r.address == "aws_opensearch_domain.eu"]
    without_gp3 = {region: _prices(prices, region) for region in ("eu-west-1", "us-east-1")}
    del without_gp3["eu-west-1"]["opensearch:storage:gp3"]
    envelope = PriceTableEnvelope(
        schema_version=1, currency="USD", sources=prices.sources, rules=prices.rules
    )
    cost = estimate_resource(domain, PriceTable(envelope, without_gp3))
    storage = component(cost, "Storage (gp3, 2 x 20 GB)")
    assert storage.unit_price is None
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.monthly_cost_after is None
    assert cost.notes == ("price not found for opensearch:storage:gp3 in eu-west-1",)


def _prices(table: PriceTable, region: str) -> dict[str, list[float | str]]:
    """A region's prices in the table file's layout: key -> [price, source(, rule)]."""
    found: dict[str, list[float | str]] = {}
    for key in table.keys(region):
        price = table.lookup(region, key)
        assert price is not None
        found[key] = [price.unit_price, price.source, *([price.rule] if price.rule else [])]
    return found


def test_only_on_demand_hours_of_the_reserved_type_move_to_the_reservation() -> None:
    plan = load_plan(str(fixture_plan_path("capacity")))
    (resource,) = [r for r in plan.resources if r.address == "aws_ec2_capacity_reservation.linux"]
    reservation = AttributeView(resource, resource.current, {})  # 2 x m5.large
    usage = ComponentSpec("Instance usage (Linux, on-demand, 3 x m5.large)", "hour", "", 0)
    specs = [
        replace(usage, price_key="ec2:m5.large:spot", monthly_quantity=HOURS),
        replace(usage, price_key="ec2:m5.xlarge", monthly_quantity=HOURS),
        replace(usage, price_key="ec2:m5.large:dedicated", monthly_quantity=HOURS),
        replace(usage, price_key="ec2:m5.large", monthly_quantity=3 * HOURS),
        replace(usage, price_key="ec2:m5.large", monthly_quantity=HOURS),
        ComponentSpec("Root volume (gp2)", "GB-month", "ebs:gp2:storage", 8),
    ]
    moved = without_reserved_hours(specs, [reservation])
    # spot, another type and another tenancy untouched; 2 of 3 instances fill the
    # reservation, so nothing is left for the next component
    assert [spec.monthly_quantity for spec in moved] == [HOURS, HOURS, HOURS, HOURS, HOURS, 8]
    assert [spec.note for spec in moved] == [
        None,
        None,
        None,
        "2 instance(s) run in aws_ec2_capacity_reservation.linux: "
        "their hours are billed on the reservation",
        None,
        None,
    ]
    assert without_reserved_hours(specs, []) == specs


@pytest.mark.parametrize("reservation", ["open", "targeted"])
def test_dynamic_target_in_a_real_plan(prices: PriceTable, reservation: str) -> None:
    """terraform-aws-modules/ec2-instance builds the target with `dynamic` blocks from a
    variable: terraform's plan leaves the whole `capacity_reservation_target` unknown, and
    the plan creates two t3.micro reservations: either one bills the instance's hours."""
    plan = load_plan(str(ROOT / "tests/fixtures/realworld/ec2_instance_complete/plan.json"))
    costs = {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}
    instance = costs[f"module.ec2_{reservation}_capacity_reservation.aws_instance.this[0]"]
    usage = component(instance, "Instance usage (Linux, on-demand, t3.micro)")
    assert (usage.price_key, usage.monthly_quantity) == ("ec2:t3.micro", 0)
    assert usage.note is not None
    assert "1 instance(s) run in " in usage.note
    assert f"aws_ec2_capacity_reservation.{reservation}" in usage.note
