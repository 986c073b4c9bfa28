"""Instances launched from AMIs the plan knows, on the `windows_images` plan (made by
terraform from a state holding two `aws_ami`): EC2 bills the AMI's platform
(`platform_details`).

Unit prices (USD): eu-west-1 Windows (licence included) t3.medium $0.064/hour and
m5.large $0.199/hour (AWS offer file, terracost dump 2023-02-23, skus of usage type
EU-BoxUsage); eu-west-1 gp2 $0.11 and gp3 $0.088 per GB-month, us-east-1 gp3 $0.08 (AWS
EBS pricing page). No source has RHEL rates.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
WINDOWS_AMI = "ami-0a1b2c3d4e5f6a001"


def _costs(prices: PriceTable, usage_path: Path | None = None) -> dict[str, ResourceCost]:
    usage = load_usage_file(str(usage_path)) if usage_path else None
    plan = load_plan(str(fixture_plan_path("windows_images")))
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs(prices)


def test_plan_knows_the_platform_of_each_ami() -> None:
    plan = load_plan(str(fixture_plan_path("windows_images")))
    assert dict(plan.image_platforms) == {
        WINDOWS_AMI: "Windows",
        "ami-0a1b2c3d4e5f6a002": "Red Hat Enterprise Linux",
    }


def test_instance_from_a_windows_ami(costs: dict[str, ResourceCost]) -> None:
    """t3.medium Windows x 730 h x $0.064 + 30 GB gp3 x $0.088."""
    instance = costs["aws_instance.windows"]
    usage = instance.components[0]
    assert usage.price_key == "ec2:t3.medium:windows"
    assert usage.note is not None and WINDOWS_AMI in usage.note
    assert instance.monthly_cost_after == pytest.approx(HOURS * 0.064 + 30 * 0.088)


def test_group_from_a_template_on_a_windows_ami(costs: dict[str, ResourceCost]) -> None:
    """2 x m5.large Windows x 730 h x $0.199 + 2 x 8 GB gp2 (assumed) x $0.11."""
    group = costs["aws_autoscaling_group.windows"]
    assert group.components[0].price_key == "ec2:m5.large:windows"
    assert group.monthly_cost_after == pytest.approx(2 * HOURS * 0.199 + 16 * 0.11)


def test_rhel_ami_is_price_not_found(costs: dict[str, ResourceCost]) -> None:
    instance = costs["aws_instance.rhel"]
    assert instance.components[0].price_key == "ec2:m5.large:red-hat-enterprise-linux"
    assert instance.components[0].unit_price is None
    assert instance.status == Status.PRICE_NOT_FOUND


def test_usage_file_operating_system_wins(prices: PriceTable, tmp_path: Path) -> None:
    """operating_system = linux: m5.large Linux us-east-1 $0.096/hour + 10 GB gp3."""
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_instance.rhel:\n    operating_system: linux\n",
        encoding="utf-8",
    )
    instance = _costs(prices, usage)["aws_instance.rhel"]
    assert instance.components[0].price_key == "ec2:m5.large"
    assert instance.monthly_cost_after == pytest.approx(HOURS * 0.096 + 10 * 0.08)


def test_windows_cpu_credits_at_the_windows_rate(prices: PriceTable, tmp_path: Path) -> None:
    """100 surplus credit-hours x 2 vCPUs at eu-west-1's Windows rate, $0.096 per vCPU-hour
    (AWS offer data, terracost dump 2023-02-23, EU-CPUCredits:t3, Windows; Linux: $0.05)."""
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_instance.windows:\n"
        "    monthly_cpu_credit_hrs: 100\n    vcpu_count: 2\n",
        encoding="utf-8",
    )
    instance = _costs(prices, usage)["aws_instance.windows"]
    (credits,) = [c for c in instance.components if c.name == "Unlimited CPU credits"]
    assert credits.price_key == "ec2:cpu-credits:t3:windows"
    assert credits.monthly_cost == pytest.approx(200 * 0.096)
