"""The non-production checks (spot-share, rds-single-az, single-nat-gateway) on the
terraform-made `savings_nonprod` fixture: one stack planned in us-east-1 and eu-west-1,
every resource in dev (a suggestion) and in prod (silent). Savings worked by hand from the
unit prices of the bundled table, each cited with its source:

- ec2:m5.large on-demand: us-east-1 $0.096 (karpenter-aws), eu-west-1 $0.107 (AWS EC2
  pricing page); ec2:m5.large:spot average: $0.0384 and $0.04387 (ec2instances.info
  spot_avg, approximate by nature).
- RDS MySQL db.m5.large: Multi-AZ $0.342 / $0.378, Single-AZ $0.171 / $0.189; gp3 storage
  Multi-AZ $0.23 / $0.254, Single-AZ $0.115 / $0.127 per GB-month (AWS RDS pricing page).
- NAT gateway hour: $0.045 / $0.048 (AWS VPC pricing page).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.model import Report
from tests.conftest import FIXTURES

CASE = FIXTURES / "savings_nonprod"
CHECKS = ("spot-share", "rds-single-az", "single-nat-gateway")
HOURS = 730
REGIONS = {
    "us": {"od": 0.096, "spot": 0.0384, "rds": (0.342, 0.171), "gp3": (0.23, 0.115), "nat": 0.045},
    "eu": {
        "od": 0.107,
        "spot": 0.04387,
        "rds": (0.378, 0.189),
        "gp3": (0.254, 0.127),
        "nat": 0.048,
    },
}


def _report(plan: Path, policy: str | None = None) -> Report:
    return build_gate_report(GateOptions(plan=str(plan), policy=policy, allow_outside_repo=True))


def _ours(report: Report) -> dict[tuple[str, str], tuple[float | None, bool]]:
    return {
        (r.address, r.attribute): (r.monthly_savings, r.approximate)
        for r in report.recommendations
        if r.check_id in CHECKS
    }


def _expected() -> dict[tuple[str, str], tuple[float, bool]]:
    expected: dict[tuple[str, str], tuple[float, bool]] = {}
    for module, price in REGIONS.items():
        spot_saving = price["od"] - price["spot"]  # type: ignore[operator]
        node_group = f'module.{module}.aws_eks_node_group.workers["dev"]'
        expected[node_group, "capacity_type"] = (3 * HOURS * spot_saving, True)
        group = f'module.{module}.aws_autoscaling_group.app["dev"]'
        expected[group, "mixed_instances_policy"] = (2 * HOURS * spot_saving, True)
        (multi, single), (multi_gb, single_gb) = price["rds"], price["gp3"]  # type: ignore[misc]
        database = f'module.{module}.aws_db_instance.main["dev"]'
        expected[database, "multi_az"] = (
            HOURS * (multi - single) + 100 * (multi_gb - single_gb),
            False,
        )
        for index in (1, 2):  # [0] stays
            nat = f"module.{module}.aws_nat_gateway.dev[{index}]"
            expected[nat, "resource"] = (HOURS * price["nat"], False)  # type: ignore[operator]
    return expected


@pytest.mark.parametrize("plan", [CASE / "plan.json", CASE], ids=["plan", "hcl"])
def test_savings_by_hand_in_two_regions_and_prod_silent(plan: Path) -> None:
    found = _ours(_report(plan))
    expected = _expected()
    assert set(found) == set(expected)  # nothing in prod, nor the node group already on spot
    for key, (saving, approximate) in expected.items():
        assert found[key][0] == pytest.approx(saving, abs=1e-6), key
        assert found[key][1] is approximate, key
    # The figures in docs/savings.md.
    assert found['module.us.aws_eks_node_group.workers["dev"]', "capacity_type"][
        0
    ] == pytest.approx(126.144)
    assert found['module.us.aws_db_instance.main["dev"]', "multi_az"][0] == pytest.approx(136.33)
    assert found["module.eu.aws_nat_gateway.dev[1]", "resource"][0] == pytest.approx(35.04)


def test_hcl_mode_rewrites_the_lines_it_can() -> None:
    fixes = {
        (r.address, r.attribute): r.fix.replacement
        for r in _report(CASE).recommendations
        if r.check_id in CHECKS and r.fix is not None
    }
    assert fixes == {
        (
            'module.us.aws_eks_node_group.workers["dev"]',
            "capacity_type",
        ): '  capacity_type   = "SPOT"',
        (
            'module.eu.aws_eks_node_group.workers["dev"]',
            "capacity_type",
        ): '  capacity_type   = "SPOT"',
        ('module.us.aws_db_instance.main["dev"]', "multi_az"): "  multi_az            = false",
        ('module.eu.aws_db_instance.main["dev"]', "multi_az"): "  multi_az            = false",
    }


def _policy(tmp_path: Path, text: str) -> str:
    path = tmp_path / "policy.yml"
    path.write_text(text)
    return str(path)


def test_an_unknown_environment_is_silent(tmp_path: Path) -> None:
    # Only the module decides the environment here, and no module pattern matches.
    policy = _policy(
        tmp_path,
        "version: 1\nextends: default\nenvironment:\n  order: [module]\n"
        "  module_patterns: ['module\\.(?P<env>staging)']\n",
    )
    assert _ours(_report(CASE / "plan.json", policy)) == {}


def test_tags_win_over_the_environment_option() -> None:
    # Tags first: --environment does not move a resource tagged prod out of production.
    report = build_gate_report(GateOptions(plan=str(CASE / "plan.json"), environment="prod"))
    assert set(_ours(report)) == set(_expected())


def test_a_waived_resource_is_silent(tmp_path: Path) -> None:
    policy = _policy(
        tmp_path,
        """version: 1
extends: default
waivers:
  - policy: savings-single-nat-gateway
    address: module.us.aws_nat_gateway.dev[*]
    reason: the AZ outage test needs all three
    expires: 2099-01-01
""",
    )
    found = _ours(_report(CASE / "plan.json", policy))
    assert not any(address.startswith("module.us.aws_nat_gateway") for address, _ in found)
    assert ("module.eu.aws_nat_gateway.dev[1]", "resource") in found
