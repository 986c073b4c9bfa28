"""Budgets and resources that are not priced: `on_unpriced: pass | warn | fail`.

The plan `unpriced_databases` (terraform-made, us-east-1, every resource tagged
Environment=prod, Team=data) creates a KMS key ($1.00 a month) and two IBM Db2 databases
that the price table has no price for, so every sum of it is a lower bound.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.prices import PriceTable
from finops_gate.errors import PolicyError
from finops_gate.policy.findings import Verdict, verdict_of
from finops_gate.policy.loader import parse_policy
from tests.conftest import fixture_plan_path
from tests.cost.unknown_estimators import add_unknown_component
from tests.policy.helpers import result_for

DATABASES = "aws_db_instance.ledger, aws_db_instance.orders"


def findings(
    policy: str, prices: PriceTable, case: str = "unpriced_databases"
) -> list[tuple[str, str]]:
    result = result_for(policy, case, prices)
    return [(f.severity, f.message) for f in result.findings]


def budget(on_unpriced: str | None, thresholds: str = "total_monthly_cost: {fail: 100}") -> str:
    option = f"\n    on_unpriced: {on_unpriced}" if on_unpriced else ""
    return f"""
policies:
  - id: spend
    kind: budget
    enforcement: hard-mandatory{option}
    {thresholds}
"""


def test_the_default_budget_does_not_silently_pass_unpriced_databases(
    prices: PriceTable,
) -> None:
    # Before on_unpriced, `$0.00 -> $1.00` passed the default +$500 / +$2,000 budget.
    result = result_for("extends: default\n", "unpriced_databases", prices)
    budget_findings = [f for f in result.findings if f.policy_id == "monthly-budget"]
    assert [(f.severity, f.message) for f in budget_findings] == [
        (
            "warning",
            f"budget judged on priced resources only (2 resources not priced: {DATABASES})",
        )
    ]
    assert verdict_of(result.findings) == Verdict.WARN


def test_warn_is_the_default(prices: PriceTable) -> None:
    assert findings(budget(None), prices) == findings(budget("warn"), prices)
    assert findings(budget("warn"), prices) == [
        ("warning", f"budget judged on priced resources only (2 resources not priced: {DATABASES})")
    ]


def test_pass_judges_the_known_sum_silently(prices: PriceTable) -> None:
    assert findings(budget("pass"), prices) == []


def test_fail_never_passes_with_unpriced_resources(prices: PriceTable) -> None:
    assert findings(budget("fail"), prices) == [
        (
            "error",
            f"budget cannot pass with 2 resources not priced: {DATABASES} (on_unpriced: fail)",
        )
    ]


@pytest.mark.parametrize("mode", ["pass", "warn", "fail"])
def test_a_known_sum_above_fail_fails_in_every_mode(mode: str, prices: PriceTable) -> None:
    # The known $1.00 is already above a $0.50 budget: one error, saying it is a lower bound.
    assert findings(budget(mode, "total_monthly_cost: {fail: 0.5}"), prices) == [
        (
            "error",
            "monthly cost $1.00 is above the fail threshold of $0.50 "
            f"(lower bound: 2 resources not priced: {DATABASES})",
        )
    ]


def test_a_warning_level_with_fail_still_fails(prices: PriceTable) -> None:
    found = findings(budget("fail", "total_monthly_cost: {warn: 0.5, fail: 100}"), prices)
    assert [severity for severity, _ in found] == ["warning", "error"]
    assert found[1][1].startswith("budget cannot pass with 2 resources not priced")


def test_environment_and_tag_budgets_count_only_their_resources(prices: PriceTable) -> None:
    policy = """
policies:
  - id: spend
    kind: budget
    on_unpriced: fail
    environments:
      prod: {total_monthly_cost: {fail: 100}}
      dev: {total_monthly_cost: {fail: 100}}
    tag_groups:
      - key: Team
        values:
          data: {monthly_cost_delta: {fail: 100}}
          web: {monthly_cost_delta: {fail: 100}}
"""
    assert findings(policy, prices) == [
        (
            "error",
            "budget of environment prod cannot pass with 2 resources not priced: "
            f"{DATABASES} (on_unpriced: fail)",
        ),
        (
            "error",
            f"budget of Team=data cannot pass with 2 resources not priced: {DATABASES} "
            "(on_unpriced: fail)",
        ),
    ]


def test_names_at_most_three_resources(prices: PriceTable) -> None:
    # asg_and_sizes: three creates without a price and an MSK cluster whose broker
    # storage is known only after apply.
    found = findings(budget("warn", "total_monthly_cost: {fail: 100000}"), prices, "asg_and_sizes")
    assert found == [
        (
            "warning",
            "budget judged on priced resources only (4 resources not priced: "
            "aws_autoscaling_group.untagged, aws_autoscaling_group.workers, "
            "aws_instance.unknown_size and 1 more)",
        )
    ]


def test_an_unchanged_unpriced_resource_counts_for_the_total_not_the_increase(
    prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_unknown_component(monkeypatch, "aws_nat_gateway")  # lifecycle: a no-op NAT gateway
    increase = findings(budget("fail", "monthly_cost_delta: {fail: 1000}"), prices, "lifecycle")
    assert increase == []
    total = findings(budget("fail", "total_monthly_cost: {fail: 1000}"), prices, "lifecycle")
    assert total == [
        (
            "error",
            "budget cannot pass with 1 resource not priced: aws_nat_gateway.main "
            "(on_unpriced: fail)",
        )
    ]


def test_a_complete_plan_gets_no_unpriced_finding(prices: PriceTable) -> None:
    assert findings(budget("fail", "total_monthly_cost: {fail: 100000}"), prices, "lifecycle") == []


def test_on_unpriced_is_validated() -> None:
    with pytest.raises(PolicyError) as raised:
        parse_policy(budget("maybe"), "policy.yml")
    assert str(raised.value).startswith(
        "policy.yml: policies[0] (id: spend).on_unpriced: Input should be 'pass', 'warn' or 'fail'"
    )


def test_policy_validate_names_the_key(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(budget("sometimes"))
    with pytest.raises(SystemExit) as exited:
        main(["policy", "validate", str(path)])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert f"{path}: policies[0] (id: spend).on_unpriced: Input should be" in err
    assert "Traceback" not in err


def test_the_gate_fails_with_on_unpriced_fail(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "policy.yml"
    path.write_text(budget("fail"))
    plan = str(fixture_plan_path("unpriced_databases"))
    with pytest.raises(SystemExit) as exited:
        main(["check", plan, "--policy", str(path), "--format", "json"])
    assert exited.value.code == 1
    path.write_text(budget("pass"))
    with pytest.raises(SystemExit) as exited:
        main(["check", plan, "--policy", str(path), "--format", "json"])
    assert exited.value.code == 0
    capsys.readouterr()


def test_each_finding_names_what_its_own_sum_misses(
    prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_unknown_component(monkeypatch, "aws_nat_gateway")  # lifecycle: a no-op NAT gateway
    thresholds = "total_monthly_cost: {fail: 10}\n    monthly_cost_delta: {fail: 10}"
    found = findings(budget("pass", thresholds), prices, "lifecycle")
    assert [message for _, message in found] == [
        # lifecycle: $405.17 -> $498.29 (+$93.12) without the NAT gateway's unknown part
        "monthly cost $498.29 is above the fail threshold of $10.00 "
        "(lower bound: 1 resource not priced: aws_nat_gateway.main)",
        "monthly cost increase $93.12 is above the fail threshold of $10.00",
    ]


def test_unit_cost_counts_every_unpriced_resource(prices: PriceTable) -> None:
    unit_cost = "unit_cost: {unit: customer, count: 10, max: {fail: 1}}"
    assert findings(budget("fail", unit_cost), prices) == [
        (
            "error",
            f"budget cannot pass with 2 resources not priced: {DATABASES} (on_unpriced: fail)",
        )
    ]
    # $1.00 / 10 customers = $0.10 each, above a $0.05 limit whatever the databases cost.
    unit_cost = "unit_cost: {unit: customer, count: 10, max: {fail: 0.05}}"
    assert findings(budget("fail", unit_cost), prices) == [
        (
            "error",
            "monthly cost per customer $0.1000 is above the fail threshold of $0.0500 "
            f"(10 expected, total $1.00) (lower bound: 2 resources not priced: {DATABASES})",
        )
    ]
