"""budget: staged levels, per-environment and per-team sums, unit cost, a zero before.

Expected amounts come from the published us-east-1 on-demand Linux prices, 730 hours a
month: m5.large $0.096/h, m5.2xlarge $0.384/h, m5.4xlarge $0.768/h, t3.medium $0.0416/h,
and each instance's 8 GB gp2 root volume at $0.10 per GB-month ($0.80).
"""

from __future__ import annotations

import pytest

from finops_gate.cost.prices import PriceTable
from finops_gate.errors import PolicyError
from finops_gate.policy.loader import parse_policy
from finops_gate.policy.schema import Threshold
from tests.policy.helpers import result_for

ROOT_VOLUME = 8 * 0.10
DEV_APP = 0.384 * 730 + ROOT_VOLUME  # module.dev, Team = payments
PROD_APP = 0.768 * 730 + ROOT_VOLUME  # module.prod, Team = search
SHARED = 0.0416 * 730 + ROOT_VOLUME  # staging (var.environment), Team = payments
LEGACY = 0.096 * 730 + ROOT_VOLUME  # Environment = Development (dev), Team = search
MODULES = r"""
environment:
  variable: environment
  module_patterns: ['^module\.(dev|prod)$']
"""


def messages(policy: str, prices: PriceTable, **kwargs: object) -> list[tuple[str, str]]:
    result = result_for(MODULES + policy, "environments", prices, **kwargs)  # type: ignore[arg-type]
    return [(f.severity, f.message) for f in result.findings]


def test_staged_levels_of_a_budget() -> None:
    threshold = Threshold(budget=1000, warn_at=80)
    assert threshold.levels == (800, 1000)
    assert Threshold(budget=1000, warn_at=50, fail_at=120).levels == (500, 1200)
    with pytest.raises(ValueError, match="not both"):
        Threshold(budget=1000, warn=5)
    with pytest.raises(ValueError, match="give budget"):
        Threshold(warn_at=80)


def test_per_environment_budgets(prices: PriceTable) -> None:
    policy = """
policies:
  - id: env
    kind: budget
    environments:
      dev: {total_monthly_cost: {budget: 400, warn_at: 80}}
      prod: {total_monthly_cost: {budget: 550, warn_at: 80}}
      staging: {total_monthly_cost: {budget: 100, warn_at: 80}}
"""
    dev = DEV_APP + LEGACY
    assert round(dev, 2) == 352.0 and round(PROD_APP, 2) == 561.44
    assert messages(policy, prices) == [
        # dev 352.00 > 320 (80% of 400): a warning; prod 561.44 > 550: a failure.
        (
            "warning",
            f"monthly cost of environment dev ${dev:,.2f} is above the warn threshold of $320.00 (80% of the budget $400.00)",
        ),
        (
            "error",
            f"monthly cost of environment prod ${PROD_APP:,.2f} is above the fail threshold of $550.00 (100% of the budget $550.00)",
        ),
    ]


def test_per_team_budgets(prices: PriceTable) -> None:
    policy = """
policies:
  - id: teams
    kind: budget
    tag_groups:
      - key: Team
        values:
          payments: {total_monthly_cost: {budget: 300, warn_at: 80}}
        default: {total_monthly_cost: {warn: 600, fail: 700}}
"""
    payments, search = DEV_APP + SHARED, PROD_APP + LEGACY
    assert round(payments, 2) == 312.29 and round(search, 2) == 632.32
    assert messages(policy, prices) == [
        (
            "error",
            f"monthly cost of Team=payments ${payments:,.2f} is above the fail threshold of $300.00 (100% of the budget $300.00)",
        ),
        (
            "warning",
            f"monthly cost of Team=search ${search:,.2f} is above the warn threshold of $600.00",
        ),
    ]


def test_unit_cost_from_policy_and_plan_variable(prices: PriceTable) -> None:
    total = DEV_APP + PROD_APP + SHARED + LEGACY
    per_thousand = total / 20  # var.expected_mau = 20000
    policy = """
policies:
  - id: unit
    kind: budget
    unit_cost: {unit: "1,000 monthly active users", per: 1000, count_variable: expected_mau, max: {warn: 40, fail: 50}}
"""
    assert messages(policy, prices) == [
        (
            "warning",
            f"monthly cost per 1,000 monthly active users ${per_thousand:,.4f} is above the warn threshold of $40.0000 (20,000 expected, total ${total:,.2f})",
        )
    ]
    fixed = policy.replace("count_variable: expected_mau", "count: 10000")
    assert messages(fixed, prices)[0][0] == "error"  # twice the cost per unit
    missing = policy.replace("expected_mau", "nope")
    with pytest.raises(PolicyError, match="count_variable 'nope' is not a positive number"):
        messages(missing, prices)


def test_percent_skips_zero_before_and_budget_needs_a_threshold(prices: PriceTable) -> None:
    policy = "policies:\n  - {id: p, kind: budget, percent_increase: {fail: 1}}\n"
    assert messages(policy, prices) == []  # everything is created: before is $0
    with pytest.raises(PolicyError, match="give at least one of"):
        parse_policy("policies:\n  - {id: b, kind: budget}\n", "p.yml")


def test_unknown_environment_assume_counts_in_that_budget(prices: PriceTable) -> None:
    policy = """
policies:
  - id: env
    kind: budget
    environments:
      staging: {total_monthly_cost: {fail: 600}}
"""
    # Without the variable, aws_instance.shared has no environment; assume: staging puts it
    # and nothing else there (legacy is dev by tag, the modules by their address).
    text = MODULES.replace("  variable: environment\n", "  unknown: {assume: stg}\n") + policy
    result = result_for(text.replace("fail: 600", "fail: 30"), "environments", prices)
    assert [f.message for f in result.findings] == [
        f"monthly cost of environment staging ${SHARED:,.2f} is above the fail threshold of $30.00"
    ]
