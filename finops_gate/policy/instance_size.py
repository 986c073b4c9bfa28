"""instance_size: per-environment allow and deny globs over instance sizes.

Checks `instance_type` (aws_instance, launch templates), `instance_class` (RDS),
`node_type` (ElastiCache) and `instance_types` (EKS node groups) of created or updated
resources. The environment comes from a tag (see `environment:`); the `default` entry
applies when the environment is unknown or not listed. A deny match fails; with an
`allow` list, a size that matches none of it fails.

PASS: `dev: {allow: ["t3.*"]}` and a dev `t3.small`.
FAIL: `dev: {deny: ["*.metal"]}` and a dev `m5.metal`.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from finops_gate.cost.model import ResourceCost
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.required_tags import CHECKED_ACTIONS
from finops_gate.policy.schema import InstanceSizePolicy, SizeRule

SIZE_ATTRIBUTES = ("instance_type", "instance_class", "node_type", "instance_types")
DEFAULT_ENVIRONMENT = "default"


def sizes_of(values: dict[str, object] | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for attribute in SIZE_ATTRIBUTES:
        value = (values or {}).get(attribute)
        if isinstance(value, str) and value:
            found.append((attribute, value))
        elif isinstance(value, list):
            found.extend((attribute, item) for item in value if isinstance(item, str))
    return found


def check(
    policy: InstanceSizePolicy,
    costs: tuple[ResourceCost, ...],
    environments: EnvironmentResolver,
) -> list[Finding]:
    findings: list[Finding] = []
    for cost in costs:
        resource = cost.resource
        if resource.action not in CHECKED_ACTIONS:
            continue
        sizes = sizes_of(dict(resource.after or {}))
        if not sizes:
            continue
        environment = environments.environment(resource)
        rule = policy.environments.get(environment or DEFAULT_ENVIRONMENT)
        if rule is None:
            rule = policy.environments.get(DEFAULT_ENVIRONMENT)
        if rule is None:
            continue
        for attribute, size in sizes:
            problem = _violation(rule, size)
            if problem:
                where = environment or "an unknown environment"
                findings.append(
                    Finding(
                        policy.id,
                        policy.severity,
                        resource.address,
                        f'{attribute} "{size}" {problem} in {where}',
                        policy.remediation,
                    )
                )
    return findings


def _violation(rule: SizeRule, size: str) -> str | None:
    for pattern in rule.deny:
        if fnmatchcase(size, pattern):
            return f'is denied (matches "{pattern}")'
    if rule.allow is not None and not any(fnmatchcase(size, p) for p in rule.allow):
        allowed = ", ".join(f'"{p}"' for p in rule.allow)
        return f"is not allowed (allowed: {allowed})"
    return None
