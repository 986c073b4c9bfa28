"""Budgets across projects, judged on the run's merged totals.

A cross-project budget is a `budget` policy (the same schema as in a policy file). Its
top-level thresholds apply to the sum of every evaluated project; `environments.<name>`
to the projects whose `environment:` is that name; `tag_groups` to the resources of every
project carrying the tag (each project's report adds up its own resources per tag value,
see `tag_sums_of`). An advisory budget warns, as it does in a policy file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from finops_gate.cost.model import Estimate
from finops_gate.errors import PolicyError
from finops_gate.policy.budget import BudgetSum, check_sums, sum_of
from finops_gate.policy.environment import group_tags
from finops_gate.policy.findings import Finding
from finops_gate.policy.model import BudgetPolicy
from finops_gate.projects.model import ProjectOutcome


def tag_keys(budgets: Iterable[BudgetPolicy]) -> tuple[str, ...]:
    return tuple(sorted({group.key for budget in budgets for group in budget.tag_groups}))


def tag_sums_of(estimate: Estimate, keys: Sequence[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Per tag key and value, the sums a budget judges, as plain data (it crosses
    process boundaries and is written to the JSON report)."""
    result: dict[str, dict[str, dict[str, Any]]] = {}
    for key in keys:
        by_value: dict[str, list[Any]] = {}
        for cost in estimate.resources:
            value = group_tags(cost.resource).get(key)
            if value:
                by_value.setdefault(value, []).append(cost)
        result[key] = {value: _as_data(sum_of(costs)) for value, costs in sorted(by_value.items())}
    return result


def _as_data(total: BudgetSum) -> dict[str, Any]:
    return {
        "monthly_cost_before": total.before,
        "monthly_cost_after": total.after,
        "unpriced_changed": list(total.unpriced_changed),
        "unpriced_unchanged": list(total.unpriced_unchanged),
    }


def _add(sums: Iterable[BudgetSum]) -> BudgetSum:
    before = after = 0.0
    changed: list[str] = []
    unchanged: list[str] = []
    for total in sums:
        before += total.before
        after += total.after
        changed += total.unpriced_changed
        unchanged += total.unpriced_unchanged
    return BudgetSum(round(before, 6), round(after, 6), tuple(changed), tuple(unchanged))


def _project_sum(project: ProjectOutcome) -> BudgetSum:
    totals = project.totals
    changed, unchanged = project.unpriced()
    return BudgetSum(totals.monthly_cost_before, totals.monthly_cost_after, changed, unchanged)


def _tag_sum(project: ProjectOutcome, data: Mapping[str, Any]) -> BudgetSum:
    return BudgetSum(
        float(data["monthly_cost_before"]),
        float(data["monthly_cost_after"]),
        tuple(f"{project.name}:{a}" for a in data["unpriced_changed"]),
        tuple(f"{project.name}:{a}" for a in data["unpriced_unchanged"]),
    )


def require_judgeable(budgets: Iterable[BudgetPolicy], source: str) -> None:
    """A `unit_cost.count_variable` reads a plan variable, and each project has its own
    variables: which project's count would divide the run's total is not clear, so such
    a budget is refused before any project is gated."""
    for budget in budgets:
        if budget.unit_cost is not None and budget.unit_cost.count_variable is not None:
            where = f"{source}: " if source else ""
            raise PolicyError(
                f"{where}budget {budget.id}: unit_cost.count_variable cannot be judged across "
                "projects (each project has its own variables); give unit_cost a count, or "
                "put the budget in the project's own policy"
            )


def check_run_budgets(
    budgets: Sequence[BudgetPolicy], projects: Sequence[ProjectOutcome]
) -> list[Finding]:
    require_judgeable(budgets, "")
    evaluated = [p for p in projects if p.evaluated]
    whole = _add(_project_sum(p) for p in evaluated)
    by_environment: dict[str, list[BudgetSum]] = {}
    for project in evaluated:
        if project.environment:
            by_environment.setdefault(project.environment.lower(), []).append(_project_sum(project))
    environments = {name: _add(sums) for name, sums in by_environment.items()}
    tag_values: dict[str, dict[str, BudgetSum]] = {}
    for key in tag_keys(budgets):
        by_value: dict[str, list[BudgetSum]] = {}
        for project in evaluated:
            sums = (project.tag_sums or {}).get(key)
            if sums is None:
                raise PolicyError(
                    f"cross-project budget on tag {key!r}: the report of project "
                    f"{project.name!r} has no sums for that tag (gate it with the budget "
                    "in finops-gate.yml, or give the budget to each project's policy)"
                )
            for value, data in sums.items():
                by_value.setdefault(value, []).append(_tag_sum(project, data))
        tag_values[key] = {value: _add(s) for value, s in by_value.items()}
    findings: list[Finding] = []
    for budget in budgets:
        for finding in check_sums(budget, whole, environments, tag_values):
            finding = finding.with_(enforcement=budget.level)
            if budget.level == "advisory" and finding.severity == "error":
                finding = finding.with_(severity="warning")
            findings.append(finding)
    return findings
