"""required_tags: taggable resources that are created or updated must carry these tags.

A resource is taggable when its planned values have a `tags` attribute (the provider
schema puts every attribute in the plan, null or not). Tag values come from `tags_all`,
or from provider `default_tags` merged under `tags`, so default_tags count. A tag whose
value is unknown until apply is reported as a warning, never as a failure.

PASS: `tags = { Team = "payments" }` with `Team: {}` required.
FAIL: no `Team` tag; or `Environment = "qa"` when `allowed: [dev, staging, prod]`.
"""

from __future__ import annotations

import re

from finops_gate.cost.model import ResourceCost
from finops_gate.plan.resource import Action, Resource
from finops_gate.plan.tags import is_taggable
from finops_gate.policy.findings import Finding
from finops_gate.policy.schema import RequiredTagsPolicy, TagRule

CHECKED_ACTIONS = frozenset({Action.CREATE, Action.UPDATE, Action.REPLACE})


def check(policy: RequiredTagsPolicy, costs: tuple[ResourceCost, ...]) -> list[Finding]:
    findings: list[Finding] = []
    types = set(policy.resource_types) if policy.resource_types else None
    for cost in costs:
        resource = cost.resource
        if resource.action not in CHECKED_ACTIONS:
            continue
        if not is_taggable(resource.after or {}, resource.after_unknown):
            continue
        if types is not None and resource.type not in types:
            continue
        findings.extend(_check_resource(policy, resource))
    return findings


def _check_resource(policy: RequiredTagsPolicy, resource: Resource) -> list[Finding]:
    """One finding for all missing tags, one per unknown or invalid value."""

    def finding(severity: str, message: str) -> Finding:
        return Finding(policy.id, severity, resource.address, message, policy.remediation)

    missing = [key for key in policy.tags if key not in resource.tags]
    findings: list[Finding] = []
    if missing:
        names = ", ".join(f'"{key}"' for key in missing)
        if resource.tags_known:
            plural = "s" if len(missing) > 1 else ""
            findings.append(finding(policy.severity, f"missing required tag{plural} {names}"))
        else:
            findings.append(
                finding("warning", f"cannot check {names}: tags are unknown until apply")
            )
    for key, rule in policy.tags.items():
        if key in resource.tags:
            problem = _value_problem(key, resource.tags[key], rule, policy.severity)
            if problem:
                findings.append(finding(*problem))
    return findings


def _value_problem(
    key: str, value: str | None, rule: TagRule | None, severity: str
) -> tuple[str, str] | None:
    if value is None:
        return "warning", f'tag "{key}" is unknown until apply'
    if rule is None:
        return None
    if rule.allowed is not None and value not in rule.allowed:
        allowed = ", ".join(rule.allowed)
        return severity, f'tag "{key}" = "{value}" is not one of: {allowed}'
    if rule.pattern is not None and not re.fullmatch(rule.pattern, value):
        return severity, f'tag "{key}" = "{value}" does not match "{rule.pattern}"'
    return None
