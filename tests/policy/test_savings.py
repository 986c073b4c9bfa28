"""The `savings` policy kind: a savings check configured like any other policy (on/off,
enforcement, environments, minimum saving, exclusions, waivers), on the terraform-made
`savings` fixture."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable
from finops_gate.errors import PolicyError
from finops_gate.plan import load_plan
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Verdict
from finops_gate.policy.loader import parse_policy
from finops_gate.policy.model import SavingsPolicy
from finops_gate.savings.engine import _PolicyScope
from tests.conftest import fixture_plan_path
from tests.savings.helpers import one_check, report_for

GP3_ADDRESSES = {
    f"module.{region}.{name}"
    for region in ("us", "eu")
    for name in (
        "aws_ebs_volume.data",
        "aws_ebs_volume.big",
        "aws_instance.web",
        "aws_launch_template.app",
    )
}


def test_advisory_by_default_lists_suggestions_and_never_fails(tmp_path: Path) -> None:
    report = report_for(one_check("ebs-gp3"), tmp_path)
    assert {r.address for r in report.recommendations} == GP3_ADDRESSES
    assert report.findings == ()
    assert report.verdict == Verdict.PASS
    assert dict(report.enforcement) == {"ebs-gp3": "advisory"}


@pytest.mark.parametrize("setting", ["enforcement: hard-mandatory", "severity: error"])
def test_error_enforcement_fails_the_gate(tmp_path: Path, setting: str) -> None:
    report = report_for(one_check("ebs-gp3", f"    {setting}\n"), tmp_path)
    assert report.verdict == Verdict.FAIL
    assert {f.address for f in report.findings} == GP3_ADDRESSES
    assert {f.severity for f in report.findings} == {"error"}
    big = next(f for f in report.findings if f.address == "module.us.aws_ebs_volume.big")
    assert big.message == "type: gp2 → gp3 with iops = 6000, throughput = 250 saves $20.00/month"


def test_soft_mandatory_can_be_overridden(tmp_path: Path) -> None:
    text = one_check("ebs-gp3", "    enforcement: soft-mandatory\n")
    report = report_for(text, tmp_path, overrides=(("ebs-gp3", "planned for next sprint"),))
    assert report.verdict == Verdict.WARN
    assert {f.severity for f in report.findings} == {"warning"}


def test_a_waived_resource_is_silent(tmp_path: Path) -> None:
    text = one_check("ebs-gp3", "    enforcement: hard-mandatory\n") + """
waivers:
  - policy: ebs-gp3
    address: module.*.aws_ebs_volume.big
    reason: throughput tested on gp2 only
    expires: 2027-01-01
"""
    report = report_for(text, tmp_path)
    shown = {r.address for r in report.recommendations}
    assert shown == GP3_ADDRESSES - {"module.us.aws_ebs_volume.big", "module.eu.aws_ebs_volume.big"}
    assert {f.address for f in report.waived} == {
        "module.us.aws_ebs_volume.big",
        "module.eu.aws_ebs_volume.big",
    }
    assert {f.address for f in report.findings} == shown


def test_an_expired_waiver_no_longer_silences(tmp_path: Path) -> None:
    text = one_check("idle-eip") + """
waivers:
  - policy: idle-eip
    address: "*"
    reason: kept for the partner's allow-list
    expires: 2026-01-01
"""
    assert len(report_for(text, tmp_path).recommendations) == 2


def test_off_minimum_and_exclusions(tmp_path: Path) -> None:
    off = report_for(one_check("ebs-gp3", "    enabled: false\n"), tmp_path)
    assert off.recommendations == ()
    minimum = report_for(one_check("ebs-gp3", "    min_monthly_savings: 2\n"), tmp_path)
    # only the 2,000 GiB volumes ($20, $22) and the eu 100 GiB one ($2.068) save $2 or more
    assert {r.address for r in minimum.recommendations} == {
        "module.us.aws_ebs_volume.big",
        "module.eu.aws_ebs_volume.big",
        "module.eu.aws_ebs_volume.data",
    }
    excluded = report_for(one_check("ebs-gp3", '    exclude: ["module.eu.*"]\n'), tmp_path)
    assert {r.address for r in excluded.recommendations} == {
        a for a in GP3_ADDRESSES if a.startswith("module.us.")
    }


def test_environments_narrow_the_check(tmp_path: Path) -> None:
    # data is tagged Environment=prod, big Environment=dev, the rest untagged
    prod = report_for(one_check("ebs-gp3", "    environments: [production]\n"), tmp_path)
    assert {r.address for r in prod.recommendations} == {
        "module.us.aws_ebs_volume.data",
        "module.eu.aws_ebs_volume.data",
    }
    dev = report_for(one_check("ebs-gp3", "    environments: [dev]\n"), tmp_path)
    assert {r.address for r in dev.recommendations} == {
        "module.us.aws_ebs_volume.big",
        "module.eu.aws_ebs_volume.big",
    }


def test_an_unknown_check_is_named() -> None:
    text = "version: 1\npolicies:\n  - {id: x, kind: savings, check: gp2}\n"
    with pytest.raises(PolicyError, match="unknown savings check 'gp2'"):
        parse_policy(text, "p.yml")


def test_the_bundled_savings_policy_extends_the_default(tmp_path: Path) -> None:
    report = report_for("version: 1\nextends: savings\n", tmp_path)
    assert {r.check_id for r in report.recommendations} == {
        "ebs-gp3",
        "previous-generation",
        "graviton",
        "idle-eip",
        "eks-extended-support",
        "log-retention",
        "s3-lifecycle",
    }
    levels = dict(report.enforcement)
    assert levels["required-tags"] == "soft-mandatory"
    assert {levels[r.policy_id] for r in report.recommendations} == {"advisory"}


def test_a_policy_scope_selects_what_it_applies_to(prices: PriceTable) -> None:
    """`_PolicyScope.select` (the actions of all the costs asked in one pass) keeps what
    asking `applies` of each resource keeps, in order: with `actions`, exclusions,
    environments and --all-resources, over plans with every kind of change."""
    policy_file = parse_policy(
        """
policies:
  - {id: plain, kind: savings, check: ebs-gp3}
  - {id: created, kind: savings, check: ebs-gp3, actions: [create]}
  - {id: excluded, kind: savings, check: ebs-gp3, exclude: ["module.eu.*", "*.web"]}
  - {id: dev, kind: savings, check: ebs-gp3, environments: [dev]}
  - {id: both, kind: savings, check: ebs-gp3, environments: [prod], exclude: ["*[1]*"]}
""",
        "p.yml",
    )
    left_out: Counter[tuple[str, bool]] = Counter()
    for case in ("savings", "savings_nonprod", "lifecycle", "environments"):
        plan = load_plan(str(fixture_plan_path(case)))
        costs = list(estimate_plan(plan, prices).resources)
        environments = EnvironmentResolver(policy_file.environment, plan.variables)
        for policy in policy_file.policies:
            assert isinstance(policy, SavingsPolicy)
            for all_resources in (False, True):
                scope = _PolicyScope(policy, environments, all_resources)
                expected = [cost for cost in costs if scope.applies(cost.resource)]
                assert scope.select(costs) == expected, (case, policy.id, all_resources)
                left_out[policy.id, all_resources] += len(costs) - len(expected)
    # Every policy left some resources out, and --all-resources kept more.
    for policy in policy_file.policies:
        assert 0 < left_out[policy.id, True] <= left_out[policy.id, False], policy.id
    assert left_out["plain", True] < left_out["plain", False]
