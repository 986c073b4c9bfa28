"""Compute forms priced through assumptions or sparse price data, on the `compute_gaps`
plan (made by terraform).

Unit prices (USD): t3.medium Linux on-demand us-east-1 $0.0416/hour (AWS EC2 pricing
page, via Karpenter's table); Windows t3.medium us-east-1 $0.06/hour (Infracost's golden
output of autoscaling_group_test, 43.80 / 730 h), eu-west-1 $0.064/hour (AWS offer file,
terracost dump 2023-02-23); gp2 $0.10/GB-month and gp3 eu-west-1 $0.088/GB-month (AWS EBS
pricing page); detailed monitoring 7 metrics x $0.30; DocumentDB db.t3.medium us-east-1
$0.078/hour (Infracost's golden output of docdb_cluster_instance_test, 56.94 / 730 h),
which us-east-2 charges too (its EC2 price ratio to us-east-1 is exactly 1).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.region import RegionOptions
from tests.conftest import fixture_plan_path

HOURS = 730


def _costs(prices: PriceTable, usage_path: Path | None = None) -> dict[str, ResourceCost]:
    usage = load_usage_file(str(usage_path)) if usage_path else None
    plan = load_plan(str(fixture_plan_path("compute_gaps")))
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs(prices)


def test_group_scaling_from_zero_is_priced_as_one_instance(
    costs: dict[str, ResourceCost],
) -> None:
    """1 x t3.medium x 730 h x $0.0416 + 8 GB gp2 root x $0.10 + 7 metrics x $0.30."""
    group = costs["aws_autoscaling_group.scale_from_zero"]
    assert group.status == Status.PRICED
    assert group.monthly_cost_after == pytest.approx(HOURS * 0.0416 + 8 * 0.10 + 7 * 0.30)
    usage = group.components[0]
    assert usage.monthly_quantity == HOURS
    assert usage.note is not None and "min_size 0 and no desired_capacity" in usage.note


def test_group_with_desired_capacity_zero_costs_nothing(costs: dict[str, ResourceCost]) -> None:
    group = costs["aws_autoscaling_group.stopped"]
    assert group.monthly_cost_after == 0.0
    assert all("min_size 0" not in (c.note or "") for c in group.components)


def test_eks_windows_ami_type_runs_windows(costs: dict[str, ResourceCost]) -> None:
    """2 x t3.medium Windows x 730 h x $0.06 + 2 x 50 GB (the Windows default) gp2."""
    group = costs["aws_eks_node_group.windows"]
    usage = group.components[0]
    assert usage.price_key == "ec2:t3.medium:windows"
    assert usage.name.startswith("Instance usage (Windows")
    assert group.monthly_cost_after == pytest.approx(2 * HOURS * 0.06 + 100 * 0.10)
    # Windows CPU credits: no us-east-1 source, so price not found (never the Linux rate)
    (credits,) = [c for c in group.components if c.name == "Unlimited CPU credits"]
    assert (credits.price_key, credits.unit_price) == ("ec2:cpu-credits:t3:windows", None)


def test_windows_from_the_usage_file(prices: PriceTable, tmp_path: Path) -> None:
    """eu-west-1: t3.medium Windows $0.064/hour x 730 h + 30 GB gp3 x $0.088."""
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_instance.ireland:\n    operating_system: windows\n",
        encoding="utf-8",
    )
    instance = _costs(prices, usage)["aws_instance.ireland"]
    assert instance.status == Status.PRICED
    assert instance.components[0].price_key == "ec2:t3.medium:windows"
    assert instance.monthly_cost_after == pytest.approx(HOURS * 0.064 + 30 * 0.088)


def test_windows_without_a_rate_is_price_not_found(prices: PriceTable, tmp_path: Path) -> None:
    """us-east-1 has a Windows rate for t3.medium only: m5.large on Windows finds none
    (never the Linux rate); the t3.medium group gets $0.06/hour."""
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n"
        "  aws_autoscaling_group.scale_from_zero:\n    operating_system: windows\n"
        "  aws_instance.m5:\n    operating_system: windows\n",
        encoding="utf-8",
    )
    found = _costs(prices, usage)
    group = found["aws_autoscaling_group.scale_from_zero"]
    assert group.components[0].price_key == "ec2:t3.medium:windows"
    assert group.monthly_cost_after == pytest.approx(HOURS * 0.06 + 8 * 0.10 + 7 * 0.30)
    instance = found["aws_instance.m5"]
    usage_component = instance.components[0]
    assert usage_component.price_key == "ec2:m5.large:windows"
    assert usage_component.unit_price is None and usage_component.monthly_cost is None
    assert instance.status != Status.PRICED


def test_docdb_instance_in_us_east_2_is_approximate(costs: dict[str, ResourceCost]) -> None:
    instance = costs["aws_docdb_cluster_instance.ohio"]
    assert instance.status == Status.PRICED
    assert instance.monthly_cost_after == pytest.approx(HOURS * 0.078)
    assert instance.components[0].approximate


def test_eks_template_without_instance_type_uses_the_eks_default(
    costs: dict[str, ResourceCost],
) -> None:
    """3 x t3.medium (EKS's default) x 730 h x $0.0416 + 3 x 20 GB gp2 x $0.10."""
    group = costs["aws_eks_node_group.template_default_type"]
    assert group.status == Status.PRICED
    usage = group.components[0]
    assert usage.price_key == "ec2:t3.medium"
    assert usage.note is not None and "t3.medium, the EKS default" in usage.note
    assert group.monthly_cost_after == pytest.approx(3 * HOURS * 0.0416 + 60 * 0.10)


@pytest.mark.parametrize("mode", ["plan", "hcl"])
def test_eks_template_named_by_prefix_through_a_local(prices: PriceTable, mode: str) -> None:
    """3 x m5.large x 730 h x $0.096 + 3 x 100 GB gp3 x $0.08: the template is found
    although its name is known only after apply (`name = null`, `name_prefix`); a plan
    alone cannot follow the local, its configuration directory can."""
    path = fixture_plan_path("compute_gaps")
    if mode == "plan":
        plan = load_plan(str(path), RegionOptions(config_dir=str(path.parent)))
    else:
        plan = load_directory(path.parent)
    group = next(
        c
        for c in estimate_plan(plan, prices).resources
        if c.resource.address == "aws_eks_node_group.prefixed_template"
    )
    assert group.monthly_cost_after == pytest.approx(3 * HOURS * 0.096 + 300 * 0.08)


def test_hcl_null_computed_attribute_is_known_after_apply() -> None:
    """`name = null` beside `name_prefix`: the provider names the template, so a
    reference to its name is unknown and still leads to the template."""
    plan = load_directory(fixture_plan_path("compute_gaps").parent)
    group = next(r for r in plan.resources if r.address.endswith("prefixed_template"))
    (template,) = group.config_expressions["launch_template"]
    assert "/aws_launch_template.prefixed" in template["name"]["references"]


T3_SMALL = 0.0208  # us-east-1 Linux on-demand, AWS EC2 pricing page
IO1_GB, IO1_IOPS, GP3_GB = 0.125, 0.065, 0.08  # us-east-1, AWS EBS pricing page


def test_instance_placed_by_host_id_is_billed_on_the_host(
    costs: dict[str, ResourceCost],
) -> None:
    """host_id and no tenancy: host tenancy; only the 50 GB gp2 root volume ($0.10)."""
    instance = costs["aws_instance.on_host"]
    assert [c.price_key for c in instance.components] == ["ebs:gp2:storage"]
    assert instance.monthly_cost_after == pytest.approx(50 * 0.10)


def test_template_data_device_comes_beside_the_ami_root(costs: dict[str, ResourceCost]) -> None:
    """t3.small + the AMI's root (8 GB gp2 assumed) + the template's 10 GB io1, 100 IOPS."""
    instance = costs["aws_instance.template_data_disk"]
    expected = HOURS * T3_SMALL + 8 * 0.10 + 10 * IO1_GB + 100 * IO1_IOPS
    assert instance.monthly_cost_after == pytest.approx(expected)


def test_template_root_device_replaces_the_assumed_root(costs: dict[str, ResourceCost]) -> None:
    instance = costs["aws_instance.template_root_disk"]
    assert instance.monthly_cost_after == pytest.approx(HOURS * T3_SMALL + 30 * GP3_GB)
    assert not any(c.name.startswith("Root volume") for c in instance.components)


def test_instance_mapping_of_a_template_device_replaces_it(
    costs: dict[str, ResourceCost],
) -> None:
    """/dev/sdf mapped again with 20 GB: one device, io1 and 100 IOPS from the template."""
    instance = costs["aws_instance.template_data_disk_resized"]
    sdf = [c for c in instance.components if "/dev/sdf" in c.name]
    assert [(c.price_key, c.monthly_quantity) for c in sdf] == [
        ("ebs:io1:storage", 20),
        ("ebs:io1:iops", 100),
    ]
    expected = HOURS * T3_SMALL + 8 * 0.10 + 20 * IO1_GB + 100 * IO1_IOPS
    assert instance.monthly_cost_after == pytest.approx(expected)


def test_template_volume_without_type_is_gp2(costs: dict[str, ResourceCost]) -> None:
    """2 x t3.small x 730 h + 2 x 10 GB gp2 x $0.10: EC2 creates an untyped volume as gp2."""
    group = costs["aws_autoscaling_group.untyped_disk"]
    disks = [c for c in group.components if c.price_key.startswith("ebs:")]
    assert [(c.price_key, c.monthly_quantity) for c in disks] == [("ebs:gp2:storage", 20)]
    assert group.monthly_cost_after == pytest.approx(2 * HOURS * T3_SMALL + 20 * 0.10)
