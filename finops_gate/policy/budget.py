"""budget: thresholds on monthly cost, for the whole plan, per environment and per tag
group, with staged levels, and a maximum cost per unit.

Each threshold is either amounts, `{warn: 800, fail: 1000}` (a value above a level
triggers it; `warn` must not exceed `fail`), or a budget with levels in percent of it,
`{budget: 1000, warn_at: 80}` (warn above $800, fail above $1,000; `fail_at` defaults to
100). Thresholds:

- `total_monthly_cost`: the monthly cost after the change;
- `monthly_cost_delta`: the increase in monthly cost;
- `percent_increase`: the increase as a percentage of the cost before, skipped when the
  cost before is zero (any increase from nothing is infinite).

Given at the top level they apply to the whole plan. Under `environments.<name>` they
apply to the summed cost of the resources in that environment (see `environment:`;
resources whose environment is unknown count only in the whole-plan totals, or in the
environment named by `environment.unknown.assume`). Under
`tag_groups` (a list of `{key, values, default}`) they apply to the summed cost of the
resources whose tag `key` has each value, e.g. `key: Team, values: {payments: {...}}`;
`default` applies to every other value seen in the plan. Group sums include unchanged
resources (the whole bill of the group after the change), deleted ones at $0 after.

`unit_cost` caps the monthly cost after the change per unit: `{unit: "1,000 monthly
active users", per: 1000, count: 250000, max: {fail: 0.5}}` divides the total by
count / per; `count_variable: expected_mau` takes the count from a plan variable instead.

Resources that are not fully priced (unsupported, price not found, or a component known
only after apply) count with what is known, so a sum is a lower bound. Those that could
push a judged value up count: for the monthly cost, every resource of the scope missing a
cost after the change; for the increase, only changed ones (an unchanged resource costs
the same before and after). `on_unpriced` says what to do about them:

- `pass`: judge the known sum only, and say nothing more;
- `warn` (default): judge the known sum, and warn that the budget was judged on priced
  resources only, naming them (up to three), unless a finding of that scope already
  says the sum is a lower bound;
- `fail`: the budget cannot pass: an error naming them, unless the known sum already
  fails.

A known sum above `fail` fails in every mode. Per environment and tag group, only the
resources of that group count. Findings on a lower-bound sum say so: "(lower bound: 2
resources not priced: ...)".

PASS: `monthly_cost_delta: {fail: 1000}` and a change adding $400/month.
WARNING: the same with a change adding $1 plus two databases without a price.
FAIL: the same with a change adding $1,200/month; with `on_unpriced: fail`, a change
adding two databases without a price; `environments: {dev: {total_monthly_cost:
{budget: 500, warn_at: 80}}}` warns at $450 of dev resources and fails at $520.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from finops_gate.cost.model import Estimate, ResourceCost
from finops_gate.cost.number_text import number_text
from finops_gate.errors import PolicyError
from finops_gate.plan.resource import Resource
from finops_gate.policy.environment import EnvironmentResolver, group_tags
from finops_gate.policy.findings import Finding
from finops_gate.policy.kind import CheckContext, PolicyKind
from finops_gate.policy.model import BudgetPolicy, Threshold, Thresholds
from finops_gate.records import record

MAX_NAMED = 3  # unpriced resources named in a finding; the rest are counted


@record(slots=True)
class _Sum:
    before: float
    after: float
    # Resources whose cost after the change is not fully known, so the real value could be
    # higher than the known one: changed ones, and unchanged ones (which count only in the
    # cost after the change, not in the increase).
    unpriced_changed: tuple[str, ...] = ()
    unpriced_unchanged: tuple[str, ...] = ()

    @property
    def unpriced_all(self) -> tuple[str, ...]:
        """Those that make the cost after the change a lower bound."""
        return tuple(sorted((*self.unpriced_changed, *self.unpriced_unchanged)))

    @property
    def unpriced_changes(self) -> tuple[str, ...]:
        """Those that make the increase a lower bound."""
        return tuple(sorted(self.unpriced_changed))

    @property
    def delta(self) -> float:
        return round(self.after - self.before, 6)

    @property
    def percent(self) -> float | None:
        return None if self.before == 0 else self.delta / self.before * 100


# Public name for sums made elsewhere (several projects' totals, added up).
BudgetSum = _Sum


def sum_of(costs: list[ResourceCost]) -> BudgetSum:
    """What a budget judges of `costs`: their summed costs and the unpriced among them."""
    return _sum(costs)


def _unpriced(costs: list[ResourceCost]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    changed: list[str] = []
    unchanged: list[str] = []
    for cost in costs:
        if cost.missing_after:
            (changed if cost.resource.action.changes else unchanged).append(cost.resource.address)
    return tuple(changed), tuple(unchanged)


def _sum(costs: list[ResourceCost]) -> _Sum:
    before = sum(c.monthly_cost_before or 0.0 for c in costs)
    after = sum(c.monthly_cost_after or 0.0 for c in costs)
    return _Sum(round(before, 6), round(after, 6), *_unpriced(costs))


def check_sums(
    policy: BudgetPolicy,
    whole: BudgetSum,
    environments: Mapping[str, BudgetSum],
    tag_values: Mapping[str, Mapping[str, BudgetSum]],
) -> list[Finding]:
    """`policy` judged on sums already added up (several projects): the whole, per
    environment name and per tag key and value. A `unit_cost` needs its `count`."""
    whole_unpriced = _in_scope(policy, whole, with_total=policy.unit_cost is not None)
    whole_findings = _thresholds(policy, policy, whole, "")
    findings = list(whole_findings)
    for name, thresholds in sorted(policy.environments.items()):
        total = environments.get(name, _Sum(0.0, 0.0))
        findings += _scope_sum(policy, thresholds, total, f" of environment {name}")
    for group in policy.tag_groups:
        by_value = tag_values.get(group.key, {})
        for value in sorted(set(by_value) | set(group.values)):
            chosen = group.values.get(value, group.default)
            if chosen is not None:
                total = by_value.get(value, _Sum(0.0, 0.0))
                findings += _scope_sum(policy, chosen, total, f" of {group.key}={value}")
    if policy.unit_cost is not None:
        unit_findings = _unit_cost(policy, whole, {})
        findings += unit_findings
        whole_findings += unit_findings
    findings += _on_unpriced(policy, whole_findings, whole_unpriced, "")
    return findings


def run(policy: BudgetPolicy, context: CheckContext) -> list[Finding]:
    return check(policy, context.estimate, context.environments, context.variables)


def applies_to(policy: BudgetPolicy, resource: Resource) -> bool:
    """Every resource counts towards a budget; its findings are about the plan."""
    return True


def check(
    policy: BudgetPolicy,
    estimate: Estimate,
    environments: EnvironmentResolver,
    variables: Mapping[str, Any],
) -> list[Finding]:
    costs = list(estimate.resources)
    totals = estimate.totals
    whole = _Sum(totals.monthly_cost_before, totals.monthly_cost_after, *_unpriced(costs))
    whole_unpriced = _in_scope(policy, whole, with_total=policy.unit_cost is not None)
    whole_findings = _thresholds(policy, policy, whole, "")
    findings = list(whole_findings)
    by_environment: dict[str, list[ResourceCost]] = {}
    if policy.environments:
        for cost in costs:
            name = environments.group(cost.resource)
            if name is not None and name in policy.environments:
                by_environment.setdefault(name, []).append(cost)
    for name, thresholds in sorted(policy.environments.items()):
        members = by_environment.get(name, [])
        findings += _scope(policy, thresholds, members, f" of environment {name}")
    for group in policy.tag_groups:
        by_value: dict[str, list[ResourceCost]] = {}
        for cost in costs:
            value = group_tags(cost.resource).get(group.key)
            if value:
                by_value.setdefault(value, []).append(cost)
        for value in sorted(set(by_value) | set(group.values)):
            chosen = group.values.get(value, group.default)
            if chosen is None:
                continue
            label = f" of {group.key}={value}"
            findings += _scope(policy, chosen, by_value.get(value, []), label)
    if policy.unit_cost is not None:
        unit_findings = _unit_cost(policy, whole, variables)
        findings += unit_findings
        whole_findings += unit_findings
    findings += _on_unpriced(policy, whole_findings, whole_unpriced, "")
    return findings


def _scope(
    policy: BudgetPolicy, thresholds: Thresholds, costs: list[ResourceCost], scope: str
) -> list[Finding]:
    """The findings of one environment or tag value: its thresholds, then what is unpriced."""
    return _scope_sum(policy, thresholds, _sum(costs), scope)


def _scope_sum(
    policy: BudgetPolicy, thresholds: Thresholds, total: _Sum, scope: str
) -> list[Finding]:
    unpriced = _in_scope(thresholds, total)
    findings = _thresholds(policy, thresholds, total, scope)
    return findings + _on_unpriced(policy, findings, unpriced, scope)


def _in_scope(thresholds: Thresholds, total: _Sum, with_total: bool = False) -> tuple[str, ...]:
    """The unpriced resources that could push a checked value above its threshold: every
    one for the monthly cost, only changed ones for the increase."""
    if thresholds.total_monthly_cost is not None or with_total:
        return total.unpriced_all
    judged_percent = thresholds.percent_increase is not None and total.percent is not None
    if thresholds.monthly_cost_delta is not None or judged_percent:
        return total.unpriced_changes
    return ()


def _resources(count: int) -> str:
    return f"{count} resource{'' if count == 1 else 's'}"


def _named(addresses: tuple[str, ...]) -> str:
    """`2 resources not priced: a, b`, naming up to MAX_NAMED of them."""
    names = ", ".join(addresses[:MAX_NAMED])
    more = len(addresses) - MAX_NAMED
    if more > 0:
        names += f" and {more} more"
    return f"{_resources(len(addresses))} not priced: {names}"


def _caveat(unpriced: tuple[str, ...]) -> str:
    return f" (lower bound: {_named(unpriced)})" if unpriced else ""


def _on_unpriced(
    policy: BudgetPolicy, findings: list[Finding], unpriced: tuple[str, ...], scope: str
) -> list[Finding]:
    """`warn`: say the budget was judged on priced resources only, unless a finding of this
    scope already says so; `fail`: an error, unless the known sum already failed."""
    if not unpriced or policy.on_unpriced == "pass":
        return []
    if policy.on_unpriced == "warn":
        if findings:
            return []
        message = f"budget{scope} judged on priced resources only ({_named(unpriced)})"
        return [Finding(policy.id, "warning", None, message, policy.remediation)]
    if any(f.severity == "error" for f in findings):
        return []
    message = f"budget{scope} cannot pass with {_named(unpriced)} (on_unpriced: fail)"
    return [Finding(policy.id, "error", None, message, policy.remediation)]


def _thresholds(
    policy: BudgetPolicy,
    thresholds: Thresholds,
    total: _Sum,
    scope: str,
) -> list[Finding]:
    money: Callable[[float], str] = lambda v: f"${v:,.2f}"  # noqa: E731
    checks: list[tuple[Threshold | None, float | None, str, Callable[[float], str]]] = [
        (thresholds.total_monthly_cost, total.after, "monthly cost", money),
        (thresholds.monthly_cost_delta, total.delta, "monthly cost increase", money),
        (
            thresholds.percent_increase,
            total.percent,
            "monthly cost increase",
            lambda v: f"{number_text(v)}%",
        ),
    ]
    findings: list[Finding] = []
    for threshold, value, label, show in checks:
        # The cost after the change misses every unpriced resource; the increase only
        # the changed ones.
        missing = total.unpriced_all if label == "monthly cost" else total.unpriced_changes
        caveat = _caveat(missing)
        if threshold is None or value is None:
            continue
        level = _level(threshold, value)
        if level is None:
            continue
        severity, kind, limit = level
        shown = f"{value:.1f}%" if show is not money else money(value)
        findings.append(
            Finding(
                policy.id,
                severity,
                None,
                f"{label}{scope} {shown} is above the {kind} threshold of {show(limit)}"
                f"{_of_budget(threshold, kind)}{caveat}",
                policy.remediation,
            )
        )
    return findings


def _of_budget(threshold: Threshold, kind: str) -> str:
    if threshold.budget is None:
        return ""
    percent = threshold.warn_at if kind == "warn" else (threshold.fail_at or 100.0)
    if percent is None:  # a warning comes from warn_at, so it is set
        return ""
    return f" ({number_text(percent)}% of the budget ${threshold.budget:,.2f})"


def _level(threshold: Threshold, value: float) -> tuple[str, str, float] | None:
    warn, fail = threshold.levels
    if fail is not None and value > fail:
        return "error", "fail", fail
    if warn is not None and value > warn:
        return "warning", "warn", warn
    return None


def _unit_cost(policy: BudgetPolicy, whole: _Sum, variables: Mapping[str, Any]) -> list[Finding]:
    unit = policy.unit_cost
    assert unit is not None
    count = unit.count
    if unit.count_variable is not None:
        raw = variables.get(unit.count_variable)
        try:
            count = float(raw) if raw is not None and not isinstance(raw, bool) else None
        except (TypeError, ValueError):
            count = None
        if count is None or count <= 0:
            raise PolicyError(
                f"policy {policy.id}: unit_cost.count_variable {unit.count_variable!r} is not "
                "a positive number among the plan's variables"
            )
    assert count is not None
    per_unit = whole.after / (count / unit.per)
    level = _level(unit.max, per_unit)
    if level is None:
        return []
    severity, kind, limit = level
    return [
        Finding(
            policy.id,
            severity,
            None,
            f"monthly cost per {unit.unit} ${per_unit:,.4f} is above the {kind} threshold of "
            f"${limit:,.4f} ({count:,.0f} expected, total ${whole.after:,.2f})"
            f"{_caveat(whole.unpriced_all)}",
            policy.remediation,
        )
    ]


KIND = PolicyKind("budget", BudgetPolicy, plan_wide=True, check=run, applies_to=applies_to)
