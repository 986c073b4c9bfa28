"""previous-generation / graviton on launch configurations and Auto Scaling groups' mixed
instances policies, and ebs-io1 on instance and launch-template devices, on the
terraform-made `savings_groups` fixture (one stack planned in us-east-1 and eu-west-1).
Savings worked by hand from the bundled table's unit prices (us-east-1: karpenter-aws,
eu-west-1: the AWS EC2 pricing page; EBS: the AWS EBS pricing page):

- EC2 Linux on-demand, us-east-1 / eu-west-1: m4.large $0.100 / $0.111, m5.large $0.096 /
  $0.107, m7g.large $0.0816 / $0.091, c5.large $0.085 / $0.096, c7g.large $0.0725 /
  $0.0775 an hour.
- EBS: io1 storage $0.125 / $0.138 per GB-month, io1 IOPS and io2's first tier $0.065 /
  $0.072, io2 32,001-64,000 $0.0455 / $0.0504; gp3 $0.08 / $0.088 per GB-month, IOPS above
  3,000 $0.005 / $0.0055, MiB/s above 125 $0.04 / $0.044.
"""

from __future__ import annotations

import pytest

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.model import Report
from finops_gate.savings.model import potential_monthly_savings
from tests.conftest import FIXTURES

H = 730
US, EU = "module.us.", "module.eu."
OVERRIDES = "mixed_instances_policy.launch_template.override.instance_type"
EC2 = {
    US: {"m4": 0.100, "m5": 0.096, "m7g": 0.0816, "c5": 0.085, "c7g": 0.0725},
    EU: {"m4": 0.111, "m5": 0.107, "m7g": 0.091, "c5": 0.096, "c7g": 0.0775},
}
EBS = {
    US: {
        "io1": 0.125,
        "io1_iops": 0.065,
        "io2_tier2": 0.0455,
        "gp3": 0.08,
        "gp3_iops": 0.005,
        "gp3_mibps": 0.04,
    },
    EU: {
        "io1": 0.138,
        "io1_iops": 0.072,
        "io2_tier2": 0.0504,
        "gp3": 0.088,
        "gp3_iops": 0.0055,
        "gp3_mibps": 0.044,
    },
}


@pytest.fixture(scope="module")
def report() -> Report:
    return build_gate_report(GateOptions(plan=str(FIXTURES / "savings_groups" / "plan.json")))


def _found(report: Report, check: str) -> dict[tuple[str, str], tuple[str, str, float | None]]:
    return {
        (r.address, r.attribute): (r.current_value, r.suggested_value, r.monthly_savings)
        for r in report.recommendations
        if r.check_id == check
    }


@pytest.mark.parametrize("region", [US, EU])
def test_graviton_on_launch_configurations_and_group_overrides(report: Report, region: str) -> None:
    p = EC2[region]
    found = _found(report, "graviton")
    legacy = found[f"{region}aws_launch_configuration.legacy", "instance_type"]
    assert legacy[:2] == ("m4.large", "m7g.large")
    assert legacy[2] == pytest.approx(H * (p["m4"] - p["m7g"]))  # per instance launched
    web = found[f"{region}aws_launch_configuration.web", "instance_type"]
    assert web[:2] == ("c5.large", "c7g.large")
    assert web[2] == pytest.approx(H * (p["c5"] - p["c7g"]))
    # Every override moves; the group's estimator prices its 4 on-demand instances at the
    # first override's type.
    mixed = found[f"{region}aws_autoscaling_group.mixed", OVERRIDES]
    assert mixed[:2] == ("m5.large, m5a.large, c5.large", "m7g.large, c7g.large")
    assert mixed[2] == pytest.approx(4 * H * (p["m5"] - p["m7g"]))


def test_graviton_is_silent_for_groups_it_cannot_price_or_move(report: Report) -> None:
    found = {address for address, _ in _found(report, "graviton")}
    for region in (US, EU):
        assert f"{region}aws_autoscaling_group.partial" not in found  # p3.2xlarge override
        assert f"{region}aws_autoscaling_group.weighted" not in found  # weights 1 and 2
        assert f"{region}aws_autoscaling_group.legacy" not in found  # its configuration's
        assert f"{region}aws_launch_configuration.gpu" not in found  # p3: no Graviton
        assert f"{region}aws_launch_template.group" not in found  # m7g already
    assert len(found) == 6


@pytest.mark.parametrize("region", [US, EU])
def test_previous_generation_on_a_launch_configuration(report: Report, region: str) -> None:
    found = _found(report, "previous-generation")
    assert found == {
        (f"{r}aws_launch_configuration.legacy", "instance_type"): (
            "m4.large",
            "m5.large",
            pytest.approx(H * (EC2[r]["m4"] - EC2[r]["m5"])),
        )
        for r in (US, EU)
    }
    caveat = next(
        x.caveat
        for x in report.recommendations
        if x.check_id == "previous-generation" and x.address.startswith(region)
    )
    assert caveat.endswith("per instance launched from the configuration (Auto Scaling groups)")


def test_alternatives_on_one_configuration_count_once(report: Report) -> None:
    # m4.large -> m5.large and -> m7g.large are alternatives: the total counts the larger.
    recommendations = tuple(
        r for r in report.recommendations if r.address.endswith("launch_configuration.legacy")
    )
    assert len(recommendations) == 4
    assert potential_monthly_savings(recommendations) == pytest.approx(
        round(sum(H * (EC2[r]["m4"] - EC2[r]["m7g"]) for r in (US, EU)), 2)
    )


@pytest.mark.parametrize("region", [US, EU])
def test_io1_on_instance_and_template_devices(report: Report, region: str) -> None:
    e = EBS[region]
    found = _found(report, "ebs-io1")
    # 100 GiB, 4,000 IOPS -> gp3 keeping the IOPS, 1,000 MiB/s (0.25 MiB/s per IOPS)
    io1 = 100 * e["io1"] + 4000 * e["io1_iops"]
    gp3 = 100 * e["gp3"] + 1000 * e["gp3_iops"] + 875 * e["gp3_mibps"]
    text = "gp3 with iops = 4000, throughput = 1000"
    root = found[f"{region}aws_instance.database", "root_block_device.volume_type"]
    assert root == ("io1", text, pytest.approx(io1 - gp3))
    template = found[
        f"{region}aws_launch_template.database", "block_device_mappings[0].ebs.volume_type"
    ]
    assert template == ("io1", text, pytest.approx(io1 - gp3))  # per instance launched
    # 1,000 GiB, 50,000 IOPS -> io2: 18,000 IOPS at the second tier
    big = found[f"{region}aws_instance.database", "ebs_block_device[0].volume_type"]
    assert big == ("io1", "io2", pytest.approx(18000 * (e["io1_iops"] - e["io2_tier2"])))
    # silent: 20,000 IOPS on 400 GiB (too many for gp3, io2 the same price below 32,000)
    # and the template's io2 device
    assert (f"{region}aws_instance.database", "ebs_block_device[1].volume_type") not in found
    assert (
        f"{region}aws_launch_template.database",
        "block_device_mappings[1].ebs.volume_type",
    ) not in found
    assert len(found) == 6


def test_msk_brokers_are_counted_once() -> None:
    # MSK's standard brokers are T3, M5 and M7g (none previous-generation): kafka.m5 ->
    # kafka.m7g is the Graviton suggestion only, so the total cannot count it twice.
    services = build_gate_report(GateOptions(plan=str(FIXTURES / "savings_services" / "plan.json")))
    brokers = [r for r in services.recommendations if r.resource_type == "aws_msk_cluster"]
    assert {(r.address, r.check_id) for r in brokers} == {
        (f"{region}aws_msk_cluster.events", "graviton") for region in (US, EU)
    }
