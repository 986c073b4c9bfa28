"""What a policy kind is (as yamllint's rules are): a name, the class of its entries
(finops_gate/policy/model.py), whether its findings are about the whole plan rather than one
resource, one `check(policy, context)` and one `applies_to(policy, resource)` with the same
signatures for every kind. The registry of kinds is `finops_gate.policy.kinds.POLICY_KINDS`.

`applies_to` says whether a policy checks a resource at all (a tag policy and an IAM
policy, which has no tags, do not meet); the engine asks it once per resource in scope and
the report lists, per policy, the addresses it applied to (JUnit has a test case for each).
A plan-wide kind's findings are about the plan, whatever it applies to.

`resource_types(policy)`, when a kind gives it, names the only types the policy can apply
to: the engine then asks `applies_to` only about resources of those types (most policies
check a few types of the thousands of resources in a large plan)."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from itertools import chain
from typing import Any, Generic, TypeVar

from finops_gate.cost.model import Estimate
from finops_gate.plan.resource import Resource
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.model import PolicyEntry
from finops_gate.records import record
from finops_gate.savings.model import Recommendation


@record
class CheckContext:
    """What a check may look at."""

    # The resources the policy applies to: those in its scope (its `actions`, or every
    # one with --all-resources) that `applies_to` accepted, so a check need not ask
    # again; empty for a plan-wide kind, which reads the estimate.
    resources: list[Resource]
    estimate: Estimate
    environments: EnvironmentResolver
    variables: Mapping[str, Any]
    # The savings checks' suggestions, waived ones included (the `savings` kind turns
    # those of its policy into findings when its enforcement is not advisory).
    recommendations: tuple[Recommendation, ...] = ()


PolicyT = TypeVar("PolicyT", bound=PolicyEntry)


class Scope:
    """Resources in plan order, and those of some types in the same order. Several
    policies share a scope, and most check a few types of the many a large plan has:
    where each type sits is listed once, at the first question, instead of a pass over
    every resource for each policy."""

    def __init__(self, resources: list[Resource]) -> None:
        self.resources = resources
        self._positions: dict[str, list[int]] | None = None

    def of_types(self, types: Collection[str]) -> list[Resource]:
        positions = self._positions
        if positions is None:
            positions = self._positions = {}
            for position, resource in enumerate(self.resources):
                positions.setdefault(resource.type, []).append(position)
        present = [positions[kind] for kind in positions.keys() & set(types)]
        # One type: its positions are in order already; several: back into plan order.
        picked = present[0] if len(present) == 1 else sorted(chain.from_iterable(present))
        resources = self.resources
        return [resources[position] for position in picked]


def any_type(policy: PolicyEntry) -> Collection[str] | None:
    """No narrowing by type: `applies_to` decides for every resource."""
    return None


@record
class PolicyKind(Generic[PolicyT]):
    name: str  # the `kind:` of the policy file
    model: type[PolicyT]
    plan_wide: bool
    check: Callable[[PolicyT, CheckContext], list[Finding]]
    applies_to: Callable[[PolicyT, Resource], bool]
    # The types a policy can apply to (a set, for fast membership), None for any type.
    resource_types: Callable[[PolicyT], Collection[str] | None] = any_type
    # `applies_to` accepts every resource of those types: the type alone decides, and
    # `applicable` need not ask it (a savings policy checks every resource of its
    # check's types).
    decided_by_type: bool = False

    def applies(self, policy: PolicyEntry, resource: Resource) -> bool:
        return self.applies_to(self._own(policy), resource)

    def applicable(self, policy: PolicyEntry, resources: list[Resource]) -> list[Resource]:
        """The resources the policy applies to, in their order."""
        return self.applicable_in(policy, Scope(resources))

    def applicable_in(self, policy: PolicyEntry, scope: Scope) -> list[Resource]:
        """`applicable` to the resources of a scope that several policies share."""
        own = self._own(policy)
        types = self.resource_types(own)
        if types is None:
            resources = scope.resources
        else:
            resources = scope.of_types(types)
            if self.decided_by_type:
                return resources
        applies_to = self.applies_to
        return [r for r in resources if applies_to(own, r)]

    def run(self, policy: PolicyEntry, context: CheckContext) -> list[Finding]:
        return self.check(self._own(policy), context)

    def _own(self, policy: PolicyEntry) -> PolicyT:
        if not isinstance(policy, self.model):
            raise TypeError(f"a {type(policy).__name__} is not a {self.name} policy")
        return policy
