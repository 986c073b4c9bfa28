"""Run every policy of a policy file over an estimate."""

from __future__ import annotations

from finops_gate.cost.model import Estimate
from finops_gate.plan.resource import Plan
from finops_gate.policy import budget, instance_size, required_tags
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.schema import (
    BudgetPolicy,
    InstanceSizePolicy,
    PolicyFile,
    RequiredTagsPolicy,
)

INCOMPLETE_PLAN_ID = "plan-incomplete"


def evaluate(policy_file: PolicyFile, plan: Plan, estimate: Estimate) -> list[Finding]:
    environments = EnvironmentResolver(policy_file.environment)
    findings: list[Finding] = []
    if plan.incomplete:
        state = "errored" if plan.errored else "is incomplete (complete: false)"
        findings.append(
            Finding(
                INCOMPLETE_PLAN_ID,
                "warning",
                None,
                f"the plan {state}: costs and findings cover only what it contains",
                "Fix the errors terraform reported and plan again.",
            )
        )
    for policy in policy_file.policies:
        if isinstance(policy, RequiredTagsPolicy):
            findings.extend(required_tags.check(policy, estimate.resources))
        elif isinstance(policy, InstanceSizePolicy):
            findings.extend(instance_size.check(policy, estimate.resources, environments))
        elif isinstance(policy, BudgetPolicy):
            findings.extend(budget.check(policy, estimate))
    return findings
