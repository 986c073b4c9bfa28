"""Each policy kind on plans terraform produced."""

from __future__ import annotations

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import Estimate, Totals
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from finops_gate.policy.engine import evaluate
from finops_gate.policy.findings import Finding, Verdict, verdict_of
from finops_gate.policy.loader import parse_policy
from tests.conftest import fixture_plan_path

TAGS = """
policies:
  - id: tags
    kind: required_tags
    remediation: Tag it.
    tags:
      Team: {}
      Environment:
        allowed: [dev, staging, production]
      CostCenter:
        pattern: "CC-[0-9]{4}"
"""

SIZES = """
policies:
  - id: sizes
    kind: instance_size
    environments:
      dev:
        deny: ["*.metal*", "*.[0-9]*xlarge"]
      staging:
        allow: ["m5.large", "m5.xlarge", "t3.*"]
      prod:
        deny: []
"""


def run(policy_text: str, case: str, prices: PriceTable) -> list[Finding]:
    plan = load_plan(str(fixture_plan_path(case)))
    return evaluate(parse_policy(policy_text, "p.yml"), plan, estimate_plan(plan, prices))


def index(findings: list[Finding]) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        result.setdefault(finding.address or "", []).append((finding.severity, finding.message))
    return result


def test_required_tags_with_default_tags_values_and_unknowns(prices: PriceTable) -> None:
    found = index(run(TAGS, "tags_and_sizes", prices))
    # Team comes from the provider's default_tags: never reported as missing.
    assert not any("Team" in m for items in found.values() for _, m in items)
    assert found["aws_instance.missing_tags"] == [
        ("error", 'missing required tags "Environment", "CostCenter"')
    ]
    assert "aws_instance.prod_ok" not in found  # every tag present and valid
    # Tags unknown until apply: a warning, never a failure.
    unknown = found["aws_instance.unknown_tag"]
    assert {severity for severity, _ in unknown} == {"warning"}
    # aws_iam_role_policy has no tags attribute: not taggable, not checked.
    assert "aws_iam_role_policy.app" not in found
    # Free but taggable types are checked.
    assert ("error", 'missing required tags "Environment", "CostCenter"') in found[
        "aws_security_group.app"
    ]


def test_required_tags_allowed_values_and_severity(prices: PriceTable) -> None:
    policy = TAGS.replace("[dev, staging, production]", "[prod]")
    found = index(run(policy, "tags_and_sizes", prices))
    assert (
        "error",
        'tag "Environment" = "dev" is not one of: prod',
    ) in found["aws_instance.dev_metal"]
    short = index(run(TAGS.replace("{4}", "{3}"), "tags_and_sizes", prices))
    assert short["aws_instance.prod_ok"] == [
        ("error", 'tag "CostCenter" = "CC-1234" does not match "CC-[0-9]{3}"')
    ]
    as_warning = index(
        run(
            policy.replace("remediation:", "severity: warning\n    remediation:"),
            "tags_and_sizes",
            prices,
        )
    )
    assert {severity for items in as_warning.values() for severity, _ in items} == {"warning"}


def test_required_tags_skip_deletes_and_no_ops(prices: PriceTable) -> None:
    found = index(run(TAGS, "lifecycle", prices))
    assert "aws_ebs_volume.old_data" not in found  # delete
    assert "aws_nat_gateway.main" not in found  # no-op
    assert "aws_instance.new" in found  # create
    assert "aws_instance.resize" in found  # update


def test_instance_size_per_environment(prices: PriceTable) -> None:
    found = index(run(SIZES, "tags_and_sizes", prices))
    assert found["aws_instance.dev_too_big"] == [
        ("error", 'instance_type "m5.4xlarge" is denied (matches "*.[0-9]*xlarge") in dev')
    ]
    assert found["aws_instance.dev_metal"][0][1].startswith('instance_type "m5.metal" is denied')
    assert found["aws_db_instance.dev_db"][0][1].startswith(
        'instance_class "db.r5.4xlarge" is denied'
    )
    assert found["aws_eks_node_group.staging"][0][1].startswith(
        'instance_types "m5.8xlarge" is not allowed'
    )
    assert "aws_instance.prod_ok" not in found  # production -> prod alias, nothing denied


def test_environment_alias_and_default_entry(prices: PriceTable) -> None:
    policy = """
policies:
  - id: sizes
    kind: instance_size
    environments:
      prod:
        deny: ["m5.*"]
      default:
        deny: ["t3.small"]
"""
    found = index(run(policy, "tags_and_sizes", prices))
    assert found["aws_instance.prod_ok"][0][1].endswith("in prod")  # tag says "production"
    assert "aws_instance.missing_tags" in found  # no Environment tag: the default entry


def budget_estimate(before: float, after: float) -> Estimate:
    return Estimate((), Totals(before, after), approximate=False)


def budget_findings(policy_text: str, before: float, after: float) -> list[Finding]:
    plan = load_plan(str(fixture_plan_path("lifecycle")))
    return evaluate(parse_policy(policy_text, "p.yml"), plan, budget_estimate(before, after))


BUDGET = """
policies:
  - id: budget
    kind: budget
    total_monthly_cost: {warn: 800, fail: 1000}
    monthly_cost_delta: {warn: 100, fail: 200}
    percent_increase: {warn: 10, fail: 50}
"""


def test_budget_levels() -> None:
    assert budget_findings(BUDGET, 500, 550) == []
    warn = budget_findings(BUDGET, 700, 810)
    assert sorted(f.severity for f in warn) == ["warning", "warning", "warning"]
    assert verdict_of(warn) == Verdict.WARN
    fail = budget_findings(BUDGET, 600, 1100)
    assert [f.severity for f in fail] == ["error", "error", "error"]
    assert fail[0].message == "monthly cost $1,100.00 is above the fail threshold of $1,000.00"
    assert fail[2].message.startswith("monthly cost increase 83.3% is above the fail threshold")


def test_percent_increase_skips_a_zero_before() -> None:
    policy = "policies:\n  - {id: p, kind: budget, percent_increase: {fail: 10}}\n"
    assert budget_findings(policy, 0, 5000) == []


def test_incomplete_plan_is_a_warning(tmp_path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.2", "errored": true}')
    plan = load_plan(str(path))
    findings = evaluate(parse_policy("", "p.yml"), plan, budget_estimate(0, 0))
    assert [(f.policy_id, f.severity) for f in findings] == [("plan-incomplete", "warning")]
