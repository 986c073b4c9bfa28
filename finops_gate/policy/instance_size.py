"""instance_size: per-environment guardrails on instance types.

Checks every instance type a resource asks for: `instance_type` of aws_instance,
aws_spot_instance_request, aws_launch_template and aws_launch_configuration; the
`mixed_instances_policy` overrides of aws_autoscaling_group; `instance_types` of
aws_eks_node_group; `instance_class` of aws_db_instance, aws_rds_cluster_instance (and
DocumentDB/Neptune instances), `db_cluster_instance_class` of aws_rds_cluster; `node_type`
of ElastiCache clusters and replication groups and of aws_redshift_cluster; the data,
dedicated-master and warm types of aws_opensearch_domain / aws_elasticsearch_domain; and
the broker type of aws_msk_cluster. Same scope as required_tags: resources created or
updated (configurable with `actions`), unchanged ones too with `--all-resources`.

The rule is `environments.<name>`, chosen by the environment of the resource (see
`environment:`); an unknown environment uses `default` unless `environment.unknown` says
otherwise. A rule can have:

- `deny`: shell-style globs; a type matching any fails;
- `allow`: globs; when given, a type matching none fails;
- `max_size`: the largest size allowed (nano < micro < small < medium < large < xlarge
  < 2xlarge < ... < 48xlarge < metal); prefixes like `db.` and `cache.` are ignored;
- `families`: the allowed families (`m5`, `t3`, `r6g`; `db.r5` is family `r5`);
- `no_previous_generation`: fail families AWS lists as previous generation (the data is in
  `finops_gate/policy/sizes.py`).

A type unknown until apply follows `on_unknown` (default: a warning).

PASS: `dev: {max_size: xlarge}` and a dev `m5.xlarge`; `dev: {allow: ["t3.*"]}` and `t3.small`.
FAIL: `dev: {max_size: xlarge}` and a dev `m5.2xlarge` or `m5.metal`;
`dev: {no_previous_generation: true}` and `m3.large`.
"""

from __future__ import annotations

from collections.abc import Collection

from finops_gate.globs import glob_match
from finops_gate.plan.resource import Resource
from finops_gate.policy.environment import EnvironmentResolver
from finops_gate.policy.findings import Finding
from finops_gate.policy.kind import CheckContext, PolicyKind
from finops_gate.policy.model import InstanceSizePolicy, SizeRule
from finops_gate.policy.sizes import (
    SIZE_ATTRIBUTES,
    InstanceType,
    asks_for_instance_type,
    instance_types,
    is_previous_generation,
    size_rank,
)

DEFAULT_ENVIRONMENT = "default"


def run(policy: InstanceSizePolicy, context: CheckContext) -> list[Finding]:
    return check(policy, context.resources, context.environments)


def applies_to(policy: InstanceSizePolicy, resource: Resource) -> bool:
    """A resource that asks for an instance type (known or not); not, say, a VPC."""
    return asks_for_instance_type(
        resource.type, resource.current, resource.after_unknown, resource.config_expressions
    )


def check(
    policy: InstanceSizePolicy, resources: list[Resource], environments: EnvironmentResolver
) -> list[Finding]:
    findings: list[Finding] = []
    for resource in resources:
        # The rule first: most resources of a plan are in an environment without one
        # (no `default` rule), and then their instance types need not be read.
        environment = environments.environment(resource)
        key = environments.rule_key_of(environment)
        if key is None:
            continue
        rule = policy.environments.get(key) or policy.environments.get(DEFAULT_ENVIRONMENT)
        if rule is None:
            continue
        types = instance_types(
            resource.type, resource.current, resource.after_unknown, resource.config_expressions
        )
        where = environment or "an unknown environment"
        for instance in types:
            problem = _violation(policy, rule, instance)
            if problem:
                severity, text = problem
                findings.append(
                    Finding(
                        policy.id,
                        severity,
                        resource.address,
                        f"{instance.attribute} {text} in {where}",
                        policy.remediation,
                    )
                )
    return findings


def _violation(
    policy: InstanceSizePolicy, rule: SizeRule, instance: InstanceType
) -> tuple[str, str] | None:
    value = instance.value
    if value is None:
        if policy.on_unknown == "pass":
            return None
        severity = "error" if policy.on_unknown == "fail" else "warning"
        return severity, "is unknown until apply"
    quoted = f'"{value}"'
    for pattern in rule.deny:
        if glob_match(value, pattern):
            return "error", f'{quoted} is denied (matches "{pattern}")'
    if rule.allow is not None and not any(glob_match(value, p) for p in rule.allow):
        allowed = ", ".join(f'"{p}"' for p in rule.allow)
        return "error", f"{quoted} is not allowed (allowed: {allowed})"
    if rule.families is not None and instance.family not in rule.families:
        return "error", f"{quoted} is not in an allowed family ({', '.join(rule.families)})"
    if rule.no_previous_generation and is_previous_generation(value, instance.service):
        return "error", f'{quoted} is a previous-generation family ("{instance.family}")'
    if rule.max_size is not None and instance.size is not None:
        rank, limit = size_rank(instance.size), size_rank(rule.max_size)
        if rank is not None and limit is not None and rank > limit:
            return "error", f"{quoted} is larger than {rule.max_size}"
    return None


def resource_types(policy: InstanceSizePolicy) -> Collection[str]:
    """Only these types have instance-type attributes."""
    return SIZE_ATTRIBUTES.keys()


KIND = PolicyKind(
    "instance_size",
    InstanceSizePolicy,
    plan_wide=False,
    check=run,
    applies_to=applies_to,
    resource_types=resource_types,
)
