"""Run every policy of a policy file over a plan and its estimate, then apply enforcement
levels, command-line overrides and waivers (see `findings`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field
from datetime import date

from finops_gate.cost.model import Estimate
from finops_gate.errors import PolicyError
from finops_gate.globs import address_glob_match, glob_match
from finops_gate.plan.resource import Action, Plan, Resource
from finops_gate.policy import required_tags
from finops_gate.policy.clock import today as clock_today
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding, Override, PolicyResult, WaiverRef
from finops_gate.policy.kind import CheckContext, Scope
from finops_gate.policy.kinds import POLICY_KINDS
from finops_gate.policy.model import (
    PolicyFile,
    Waiver,
)
from finops_gate.policy.sizes import instance_types
from finops_gate.records import record
from finops_gate.savings.model import Recommendation

INCOMPLETE_PLAN_ID = "plan-incomplete"
UNKNOWN_ENVIRONMENT_ID = "environment-unknown"

_ACTIONS = {
    "create": frozenset({Action.CREATE, Action.REPLACE}),
    "update": frozenset({Action.UPDATE, Action.REPLACE}),
}


@record
class EvalOptions:
    overrides: tuple[Override, ...] = ()
    environment: str | None = None
    all_resources: bool = False
    today: date | None = None
    variables: dict[str, object] = field(default_factory=dict)
    recommendations: tuple[Recommendation, ...] = ()  # from finops_gate.savings.engine


def evaluate(
    policy_file: PolicyFile, plan: Plan, estimate: Estimate, options: EvalOptions | None = None
) -> list[Finding]:
    """The active findings (kept for callers that only need those)."""
    return list(evaluate_policies(policy_file, plan, estimate, options).findings)


def scope_actions(actions: Sequence[str], all_resources: bool) -> frozenset[Action]:
    """Diff-aware scope: created/updated resources, plus unchanged ones with
    --all-resources; never deletes, forgets or reads."""
    allowed = frozenset().union(*(_ACTIONS[action] for action in actions))
    return allowed | {Action.NO_OP} if all_resources else allowed


def in_scope(actions: Sequence[str], resource: Resource, all_resources: bool) -> bool:
    """One resource against `scope_actions(actions, all_resources)`."""
    return resource.action in scope_actions(actions, all_resources)


def evaluate_policies(
    policy_file: PolicyFile, plan: Plan, estimate: Estimate, options: EvalOptions | None = None
) -> PolicyResult:
    options = options or EvalOptions()
    overrides = _check_overrides(policy_file, options.overrides)
    variables = {**plan.variables, **options.variables}
    environments = EnvironmentResolver(policy_file.environment, variables, options.environment)
    resources = [cost.resource for cost in estimate.resources]
    raw: list[Finding] = []
    if plan.incomplete:
        state = "errored" if plan.errored else "is incomplete (complete: false)"
        raw.append(
            Finding(
                INCOMPLETE_PLAN_ID,
                "warning",
                None,
                f"the plan {state}: costs and findings cover only what it contains",
                "Fix the errors terraform reported and plan again.",
            )
        )
    raw += _unknown_environments(policy_file, resources, environments, options.all_resources)
    levels: dict[str, str] = {INCOMPLETE_PLAN_ID: "advisory"}
    unknown_action = policy_file.environment.unknown.action
    levels[UNKNOWN_ENVIRONMENT_ID] = "hard-mandatory" if unknown_action == "fail" else "advisory"
    applied_to: list[tuple[str, tuple[str, ...]]] = []
    # Most policies share their `actions`: each scope is selected once, not per policy.
    scopes: dict[tuple[str, ...], Scope] = {}
    for policy in policy_file.policies:
        levels[policy.id] = policy.level
        kind = POLICY_KINDS[policy.kind]
        scoped: list[Resource] = []
        if not kind.plan_wide:
            actions = tuple(getattr(policy, "actions", ()))
            if actions not in scopes:
                allowed = scope_actions(actions, options.all_resources)
                scopes[actions] = Scope([r for r in resources if r.action in allowed])
            scoped = kind.applicable_in(policy, scopes[actions])
            applied_to.append((policy.id, tuple(r.address for r in scoped)))
        context = CheckContext(
            scoped, estimate, environments, variables, options.recommendations
        )
        raw += kind.run(policy, context)
    today = options.today or clock_today()
    active: list[Finding] = []
    waived: list[Finding] = []
    for finding in raw:
        finding = _enforce(finding, levels[finding.policy_id], overrides)
        waiver, expired = waiver_for(policy_file.waivers, finding, today)
        if waiver is not None:
            waived.append(finding.with_(waiver=waiver))
        else:
            active.append(finding.with_(expired_waiver=expired) if expired else finding)
    expired_waivers = tuple(_ref(w) for w in policy_file.waivers if w.expires < today)
    return PolicyResult(
        findings=tuple(active),
        waived=tuple(waived),
        overrides=tuple(overrides.values()),
        expired_waivers=expired_waivers,
        enforcement=tuple((p.id, p.level) for p in policy_file.policies),
        applied_to=tuple(applied_to),
    )


def _check_overrides(
    policy_file: PolicyFile, overrides: tuple[Override, ...]
) -> dict[str, Override]:
    result: dict[str, Override] = {}
    for override in overrides:
        policy = policy_file.policy(override.policy_id)
        if policy is None:
            ids = ", ".join(p.id for p in policy_file.policies) or "none"
            raise PolicyError(f"--override {override.policy_id}: no such policy (policies: {ids})")
        if policy.level == "hard-mandatory":
            raise PolicyError(
                f"--override {override.policy_id}: the policy is hard-mandatory and cannot be "
                "overridden (a waiver in the policy file can exempt specific resources)"
            )
        if not override.reason.strip():
            raise PolicyError(f"--override {override.policy_id}: give a --reason")
        result[override.policy_id] = override
    return result


def _enforce(finding: Finding, level: str, overrides: dict[str, Override]) -> Finding:
    if finding.severity != "error":
        return finding if finding.enforcement == level else finding.enforced(level)
    if level == "advisory":
        return finding.enforced(level, severity="warning")
    if level == "soft-mandatory" and finding.policy_id in overrides:
        return finding.enforced(level, "warning", overrides[finding.policy_id])
    # An error stays an error: only the enforcement changes, if it is not the level yet.
    return finding if finding.enforcement == level else finding.enforced(level)


def _unknown_environments(
    policy_file: PolicyFile,
    resources: list[Resource],
    environments: EnvironmentResolver,
    all_resources: bool,
) -> list[Finding]:
    action = policy_file.environment.unknown.action
    if action not in ("warn", "fail"):
        return []
    findings: list[Finding] = []
    allowed = scope_actions(("create", "update"), all_resources)
    for resource in resources:
        if resource.action not in allowed:
            continue
        relevant = required_tags.is_taggable_resource(resource) or instance_types(
            resource.type, resource.current, resource.after_unknown, resource.config_expressions
        )
        if relevant and environments.environment(resource) is None:
            findings.append(
                Finding(
                    UNKNOWN_ENVIRONMENT_ID,
                    "error",
                    resource.address,
                    "no environment found (tags "
                    + ", ".join(policy_file.environment.tag_keys)
                    + ", variable or module address)",
                    "Tag the resource with its environment, or pass --environment.",
                )
            )
    return findings


def address_glob(pattern: str, address: str) -> bool:
    """`*` matches any text, `?` one character; everything else (brackets, quotes) is
    literal, so `aws_instance.web["a"]` can be written as it appears in the plan."""
    return address_glob_match(pattern, address)


def _ref(waiver: Waiver) -> WaiverRef:
    return WaiverRef(waiver.policy, waiver.address, waiver.reason, waiver.approver, waiver.expires)


def waiver_for(
    waivers: list[Waiver], finding: Finding, today: date
) -> tuple[WaiverRef | None, WaiverRef | None]:
    """(the waiver that applies, an expired waiver that would have applied)."""
    expired: WaiverRef | None = None
    for waiver in waivers:
        if not glob_match(finding.policy_id, waiver.policy):
            continue
        if finding.address is None:
            if waiver.address != "*":
                continue
        elif not address_glob(waiver.address, finding.address):
            continue
        if waiver.expires >= today:
            return _ref(waiver), None
        expired = expired or _ref(waiver)
    return None, expired
