"""savings: one FinOps savings check (finops_gate/savings/checks/), configured like any
other policy. Its suggestions are listed in the report's Savings section; with
`enforcement: soft-mandatory` or `hard-mandatory` (or `severity: error`) each one is
also a finding that fails the gate, subject to overrides and waivers. Advisory (the
default) never changes the verdict. docs/savings.md describes every check.
"""

from __future__ import annotations

from finops_gate.plan.resource import Resource
from finops_gate.policy.findings import Finding
from finops_gate.policy.kind import CheckContext, PolicyKind
from finops_gate.policy.model import SavingsPolicy
from finops_gate.savings.model import Recommendation
from finops_gate.savings.registry import SAVINGS_CHECKS


def run(policy: SavingsPolicy, context: CheckContext) -> list[Finding]:
    if not policy.enabled or policy.level == "advisory":
        return []
    return [
        Finding(
            policy.id,
            "error",
            item.address,
            message(item),
            policy.remediation or item.caveat,
        )
        for item in context.recommendations
        if item.policy_id == policy.id
    ]


def message(item: Recommendation) -> str:
    if item.monthly_savings is None:
        return f"{item.change} (growth without a bound)"
    mark = "≈" if item.approximate else ""
    return f"{item.change} saves {mark}${item.monthly_savings:,.2f}/month"


def applies_to(policy: SavingsPolicy, resource: Resource) -> bool:
    """The resource is of a type the policy's check looks at."""
    check = SAVINGS_CHECKS.get(policy.check)
    return check is not None and resource.type in check.RESOURCE_TYPES


def resource_types(policy: SavingsPolicy) -> frozenset[str]:
    check = SAVINGS_CHECKS.get(policy.check)
    return frozenset(check.RESOURCE_TYPES) if check is not None else frozenset()


KIND = PolicyKind(
    "savings",
    SavingsPolicy,
    plan_wide=False,
    check=run,
    applies_to=applies_to,
    resource_types=resource_types,
    decided_by_type=True,
)
