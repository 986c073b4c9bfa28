"""Every savings check on the terraform-made `savings` fixture (one stack planned in
us-east-1 and eu-west-1), with each saving worked out by hand from the published unit
prices the bundled table cites, and the cases where a check must stay silent.

Unit prices (USD, on-demand, Linux):
- EBS, https://aws.amazon.com/ebs/pricing/ (table source aws-pricing-page-ebs):
  gp2 $0.10 / $0.11 per GB-month (us-east-1 / eu-west-1), gp3 $0.08 / $0.088, gp3 IOPS
  above 3,000 $0.005 / $0.0055 per IOPS-month, gp3 throughput above 125 MiB/s
  $0.04 / $0.044 per MiB/s-month.
- EC2, https://aws.amazon.com/ec2/pricing/on-demand/ (karpenter-aws in us-east-1,
  aws-pricing-page-ec2 in eu-west-1): m4.large $0.100 / $0.111 an hour, m5.large
  $0.096 / $0.107, m7g.large $0.0816 / $0.091.
- Aurora PostgreSQL, https://aws.amazon.com/rds/aurora/pricing/ (ec2instancesinfo-rds in
  us-east-1, terracost-eu-west-1): db.r5.large $0.29 / $0.32, db.r6g.large $0.26 / $0.286.
- RDS, https://aws.amazon.com/rds/pricing/ (aws-pricing-page-rds), Single-AZ:
  PostgreSQL db.m5.large $0.178 / $0.197, db.m6g.large $0.159 / $0.176; MySQL
  db.m4.large $0.175 / $0.193, db.m5.large $0.171 / $0.189; gp2 and gp3 storage
  $0.115 / $0.127 per GB-month alike.
- Public IPv4 address $0.005 an hour; EKS cluster $0.10 an hour in standard support,
  $0.60 in extended support (https://aws.amazon.com/eks/pricing/).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.savings.registry import SAVINGS_CHECKS
from tests.savings.helpers import of_check, one_check, report_for, savings_by

HOURS = 730
REGIONS = ("us", "eu")


def _address(region: str, rest: str) -> str:
    return f"module.{region}.{rest}"


@pytest.mark.parametrize(
    ("region", "gp2", "gp3", "iops", "throughput"),
    [("us", 0.10, 0.08, 0.005, 0.04), ("eu", 0.11, 0.088, 0.0055, 0.044)],
)
def test_gp2_to_gp3_pays_for_gp2s_baseline_performance(
    tmp_path: Path, region: str, gp2: float, gp3: float, iops: float, throughput: float
) -> None:
    found = savings_by(report_for(one_check("ebs-gp3"), tmp_path))
    # 100 GiB: gp2 gives 300 IOPS (under gp3's free 3,000) and 128 MiB/s (3 above 125).
    data = found[(_address(region, "aws_ebs_volume.data"), "type")]
    assert data == pytest.approx(100 * gp2 - (100 * gp3 + 3 * throughput))
    # 2,000 GiB: gp2 gives 6,000 IOPS and 250 MiB/s: 3,000 IOPS and 125 MiB/s are paid for.
    big = found[(_address(region, "aws_ebs_volume.big"), "type")]
    assert big == pytest.approx(2000 * gp2 - (2000 * gp3 + 3000 * iops + 125 * throughput))
    web = _address(region, "aws_instance.web")
    root = found[(web, "root_block_device.volume_type")]
    assert root == pytest.approx(20 * gp2 - (20 * gp3 + 3 * throughput))
    disk = found[(web, "ebs_block_device[0].volume_type")]
    assert disk == pytest.approx(50 * gp2 - (50 * gp3 + 3 * throughput))
    # a launch template's 30 GiB device: the saving per instance launched from it
    template = (
        _address(region, "aws_launch_template.app"),
        "block_device_mappings[0].ebs.volume_type",
    )
    assert found[template] == pytest.approx(30 * gp2 - (30 * gp3 + 3 * throughput))


def test_gp3_suggestion_says_what_to_provision(tmp_path: Path) -> None:
    report = report_for(one_check("ebs-gp3"), tmp_path)
    big = next(r for r in of_check(report, "ebs-gp3") if r.address.endswith("volume.big"))
    assert big.suggested_value == "gp3 with iops = 6000, throughput = 250"
    assert big.current_value == "gp2"


def test_gp3_is_silent_when_not_cheaper_or_not_known(tmp_path: Path) -> None:
    found = {r.address for r in of_check(report_for(one_check("ebs-gp3"), tmp_path), "ebs-gp3")}
    for region in REGIONS:
        # 5 GiB: gp2 $0.50 < gp3 $0.40 + 3 MiB/s x $0.04 = $0.52
        assert _address(region, "aws_ebs_volume.tiny") not in found
        assert _address(region, "aws_ebs_volume.current") not in found  # gp3 already
        # the root volume is left to the AMI: its type is not guessed
        assert _address(region, "aws_instance.legacy") not in found
        # RDS bills gp2 and gp3 storage at the same rate: nothing to save
        assert _address(region, "aws_db_instance.pg") not in found


@pytest.mark.parametrize(
    ("region", "m4", "m5", "db_m4", "db_m5"),
    [("us", 0.100, 0.096, 0.175, 0.171), ("eu", 0.111, 0.107, 0.193, 0.189)],
)
def test_previous_generation_to_the_same_size(
    tmp_path: Path, region: str, m4: float, m5: float, db_m4: float, db_m5: float
) -> None:
    report = report_for(one_check("previous-generation"), tmp_path)
    found = savings_by(report)
    legacy = (_address(region, "aws_instance.legacy"), "instance_type")
    assert found[legacy] == pytest.approx((m4 - m5) * HOURS)
    old = (_address(region, "aws_db_instance.old"), "instance_class")
    assert found[old] == pytest.approx((db_m4 - db_m5) * HOURS)
    suggested = {(r.address, r.suggested_value) for r in report.recommendations}
    assert (legacy[0], "m5.large") in suggested and (old[0], "db.m5.large") in suggested
    # current-generation types are left alone
    assert len(found) == 4


@pytest.mark.parametrize(
    ("region", "m5", "m4", "m7g", "db_m5", "db_m6g", "aurora_r5", "aurora_r6g"),
    [
        ("us", 0.096, 0.100, 0.0816, 0.178, 0.159, 0.29, 0.26),
        ("eu", 0.107, 0.111, 0.091, 0.197, 0.176, 0.32, 0.286),
    ],
)
def test_graviton_same_size(
    tmp_path: Path,
    region: str,
    m5: float,
    m4: float,
    m7g: float,
    db_m5: float,
    db_m6g: float,
    aurora_r5: float,
    aurora_r6g: float,
) -> None:
    report = report_for(one_check("graviton"), tmp_path)
    found = savings_by(report)
    assert found[(_address(region, "aws_instance.web"), "instance_type")] == pytest.approx(
        (m5 - m7g) * HOURS
    )
    assert found[(_address(region, "aws_instance.legacy"), "instance_type")] == pytest.approx(
        (m4 - m7g) * HOURS
    )
    pg = (_address(region, "aws_db_instance.pg"), "instance_class")
    assert found[pg] == pytest.approx((db_m5 - db_m6g) * HOURS)
    aurora = (_address(region, "aws_rds_cluster_instance.aurora"), "instance_class")
    assert found[aurora] == pytest.approx((aurora_r5 - aurora_r6g) * HOURS)
    # two nodes (scaling_config.desired_size)
    workers = (_address(region, "aws_eks_node_group.workers"), "instance_types")
    assert found[workers] == pytest.approx(2 * (m5 - m7g) * HOURS)
    caveats = {r.caveat for r in report.recommendations if r.resource_type == "aws_instance"}
    assert caveats == {"needs arm64 builds of your software and an arm64 AMI"}
    node_group = next(r for r in report.recommendations if r.address == workers[0])
    assert node_group.suggested_value == "m7g.large (ami_type = AL2023_ARM_64_STANDARD)"


@pytest.mark.parametrize(("region", "t3", "t4g"), [("us", 0.0104, 0.0084), ("eu", 0.0114, 0.0092)])
def test_graviton_on_a_launch_template(tmp_path: Path, region: str, t3: float, t4g: float) -> None:
    # Not billed itself: an instance-month of t3.micro and of t4g.micro (karpenter-aws in
    # us-east-1, the AWS EC2 pricing page in eu-west-1), per instance launched from it.
    report = report_for(one_check("graviton"), tmp_path)
    [template] = [
        r
        for r in report.recommendations
        if r.address == _address(region, "aws_launch_template.app")
    ]
    assert (template.current_value, template.suggested_value) == ("t3.micro", "t4g.micro")
    assert template.monthly_savings == pytest.approx((t3 - t4g) * HOURS)
    assert template.caveat.endswith(
        "per instance launched from the template (Auto Scaling groups, EKS node groups)"
    )


def test_graviton_is_silent_without_an_equivalent(tmp_path: Path) -> None:
    found = {r.address for r in report_for(one_check("graviton"), tmp_path).recommendations}
    for region in REGIONS:
        assert _address(region, "aws_instance.huge") not in found  # no m7g.24xlarge
        assert _address(region, "aws_instance.gpu") not in found  # p3: no Graviton family
        assert _address(region, "aws_db_instance.sql") not in found  # SQL Server: x86 only
        assert _address(region, "aws_db_instance.old") not in found  # db.m4: no entry
        assert _address(region, "aws_eks_node_group.gpu") not in found  # GPU AMI type
    assert len(found) == 12  # with the launch template (test_graviton_on_a_launch_template)


def test_idle_elastic_ip_saves_its_whole_cost(tmp_path: Path) -> None:
    report = report_for(one_check("idle-eip"), tmp_path)
    found = savings_by(report)
    assert found == {
        (_address(region, "aws_eip.idle"), "resource"): pytest.approx(HOURS * 0.005)
        for region in REGIONS
    }  # the NAT gateway's address is silent


def test_eks_extended_support_to_the_oldest_standard_version(tmp_path: Path) -> None:
    report = report_for(one_check("eks-extended-support"), tmp_path)
    assert {(r.address, r.current_value, r.suggested_value) for r in report.recommendations} == {
        (_address(region, "aws_eks_cluster.old"), "1.29", "1.34") for region in REGIONS
    }
    for item in report.recommendations:
        assert item.monthly_savings == pytest.approx((0.60 - 0.10) * HOURS)


@pytest.mark.parametrize(
    ("check", "silent", "loud"),
    [
        ("log-retention", "aws_cloudwatch_log_group.kept", "aws_cloudwatch_log_group.forever"),
        ("s3-lifecycle", "aws_s3_bucket.logs", "aws_s3_bucket.raw"),
    ],
)
def test_growth_without_a_bound_has_no_dollar_figure(
    tmp_path: Path, check: str, silent: str, loud: str
) -> None:
    report = report_for(one_check(check), tmp_path)
    assert {r.address for r in report.recommendations} == {
        _address(region, loud) for region in REGIONS
    }
    assert all(r.monthly_savings is None for r in report.recommendations)
    assert report.potential_monthly_savings == 0
    assert silent not in {r.address for r in report.recommendations}


def test_every_check_is_registered_documented_and_tested() -> None:
    root = Path(__file__).resolve().parents[2]
    docs = (root / "docs" / "savings.md").read_text(encoding="utf-8")
    # Checks are tested here or in another test module of this folder.
    tests = "".join(p.read_text(encoding="utf-8") for p in Path(__file__).parent.glob("test_*.py"))
    checks = root / "finops_gate" / "savings" / "checks"
    modules = {p.stem for p in checks.glob("*.py") if p.stem != "__init__"}
    assert modules == {check.__name__.rsplit(".", 1)[1] for check in SAVINGS_CHECKS.values()}
    for check_id, check in SAVINGS_CHECKS.items():
        assert check_id == check.ID
        assert f"`{check_id}`" in docs, check_id
        assert f'"{check_id}"' in tests, check_id
        assert "PASS" in (check.__doc__ or "") and "FAIL" in (check.__doc__ or ""), check_id
