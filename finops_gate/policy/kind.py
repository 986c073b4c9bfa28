"""What a policy kind is (as yamllint's rules are): a name, the pydantic model of its
entries in a policy file, whether its findings are about the whole plan rather than one
resource, and one `check(policy, context)` with the same signature for every kind. The
registry of kinds is `finops_gate.policy.kinds.POLICY_KINDS`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from finops_gate.cost.model import Estimate
from finops_gate.plan.resource import Resource
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.schema import PolicyEntry
from finops_gate.savings.model import Recommendation


@dataclass(frozen=True)
class CheckContext:
    """What a check may look at."""

    # The resources in the policy's scope (its `actions`, or every one with
    # --all-resources); empty for a plan-wide kind, which reads the estimate.
    resources: list[Resource]
    estimate: Estimate
    environments: EnvironmentResolver
    variables: Mapping[str, Any]
    # The savings checks' suggestions, waived ones included (the `savings` kind turns
    # those of its policy into findings when its enforcement is not advisory).
    recommendations: tuple[Recommendation, ...] = ()


PolicyT = TypeVar("PolicyT", bound=PolicyEntry)


@dataclass(frozen=True)
class PolicyKind(Generic[PolicyT]):
    name: str  # the `kind:` of the policy file
    model: type[PolicyT]
    plan_wide: bool
    check: Callable[[PolicyT, CheckContext], list[Finding]]

    def run(self, policy: PolicyEntry, context: CheckContext) -> list[Finding]:
        if not isinstance(policy, self.model):
            raise TypeError(f"a {type(policy).__name__} is not a {self.name} policy")
        return self.check(policy, context)
