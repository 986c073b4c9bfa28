"""Shared helpers for policy tests: run a policy text over a terraform fixture."""

from __future__ import annotations

from datetime import date

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from finops_gate.policy.engine import EvalOptions, evaluate_policies
from finops_gate.policy.findings import Finding, Override, PolicyResult
from finops_gate.policy.loader import parse_policy
from tests.conftest import fixture_plan_path

TODAY = date(2026, 6, 1)


def result_for(
    policy_text: str,
    case: str,
    prices: PriceTable,
    *,
    overrides: dict[str, str] | None = None,
    environment: str | None = None,
    all_resources: bool = False,
    today: date = TODAY,
) -> PolicyResult:
    plan = load_plan(str(fixture_plan_path(case)))
    options = EvalOptions(
        overrides=tuple(Override(k, v) for k, v in (overrides or {}).items()),
        environment=environment,
        all_resources=all_resources,
        today=today,
    )
    policy = parse_policy(policy_text, "p.yml")
    return evaluate_policies(policy, plan, estimate_plan(plan, prices), options)


def by_address(findings: tuple[Finding, ...] | list[Finding]) -> dict[str, list[tuple[str, str]]]:
    result: dict[str, list[tuple[str, str]]] = {}
    for finding in findings:
        result.setdefault(finding.address or "", []).append((finding.severity, finding.message))
    return result
