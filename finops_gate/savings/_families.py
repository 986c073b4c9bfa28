"""The instance-type attribute of EC2 instances and RDS instances, and a suggestion of the
same size in another family (shared by the previous-generation and Graviton checks)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec, ResourceCost
from finops_gate.pricing import keys
from finops_gate.savings._attributes import (
    blocks,
    is_unknown,
    known_string,
    with_block_values,
    with_values,
)
from finops_gate.savings.families import equivalent
from finops_gate.savings.model import FamilyKind, SavingsContext, Suggestion

# resource type -> (service of the equivalence tables, block holding the type or "" for
# a top-level attribute, attribute holding the type)
TYPE_ATTRIBUTES = {
    "aws_instance": ("ec2", "", "instance_type"),
    "aws_launch_template": ("ec2", "", "instance_type"),
    "aws_launch_configuration": ("ec2", "", "instance_type"),
    "aws_db_instance": ("rds", "", "instance_class"),
    "aws_rds_cluster_instance": ("rds", "", "instance_class"),
    "aws_elasticache_cluster": ("elasticache", "", "node_type"),
    "aws_elasticache_replication_group": ("elasticache", "", "node_type"),
    "aws_opensearch_domain": ("opensearch", "cluster_config", "instance_type"),
    "aws_elasticsearch_domain": ("opensearch", "cluster_config", "instance_type"),
    "aws_redshift_cluster": ("redshift", "", "node_type"),
    "aws_msk_cluster": ("msk", "broker_node_group_info", "instance_type"),
}


def same_size_in(
    cost: ResourceCost, context: SavingsContext, kind: FamilyKind, caveat: str
) -> list[Suggestion]:
    resource = cost.resource
    service, block, attribute = TYPE_ATTRIBUTES[resource.type]
    after = resource.after or {}
    holder: Mapping[str, Any] = after
    unknown: Mapping[str, Any] = resource.after_unknown
    if block:
        found = blocks(after, block)
        if len(found) != 1 or is_unknown(unknown, block, 0):
            return []
        holder = found[0]
        unknown_blocks = unknown.get(block)
        unknown = unknown_blocks[0] if isinstance(unknown_blocks, list) and unknown_blocks else {}
        if not isinstance(unknown, Mapping):
            return []
    current = known_string(holder, attribute)
    if current is None or is_unknown(unknown, attribute):
        return []  # e.g. an instance whose type comes from its launch template
    target = context.equivalent(current, kind, service)
    if target is None or target == current:
        return []
    if resource.type in LAUNCH_NOTES:
        return [
            _per_instance(attribute, current, target, f"{caveat}; {LAUNCH_NOTES[resource.type]}")
        ]
    if block:
        changed = with_block_values(after, block, 0, **{attribute: target})
        return [Suggestion(f"{block}.{attribute}", current, target, changed, caveat)]
    return [
        Suggestion(attribute, current, target, with_values(after, **{attribute: target}), caveat)
    ]


TEMPLATE_NOTE = "per instance launched from the template (Auto Scaling groups, EKS node groups)"
CONFIGURATION_NOTE = "per instance launched from the configuration (Auto Scaling groups)"
# Not billed themselves: the saving is per instance launched from them.
LAUNCH_NOTES = {
    "aws_launch_template": TEMPLATE_NOTE,
    "aws_launch_configuration": CONFIGURATION_NOTE,
}


def _per_instance(attribute: str, current: str, target: str, caveat: str) -> Suggestion:
    """A launch template or configuration is not billed itself: an instance-month of each
    type (Linux, on-demand), priced in its region; the saving is per instance launched."""
    now = ComponentSpec("Instance", "hour", keys.ec2_instance(current), HOURS_PER_MONTH)
    then = ComponentSpec("Instance", "hour", keys.ec2_instance(target), HOURS_PER_MONTH)
    return Suggestion(attribute, current, target, None, caveat, parts=((now,), (then,)))


OVERRIDE_ATTRIBUTE = "mixed_instances_policy.launch_template.override.instance_type"


def group_overrides(cost: ResourceCost, table: Mapping[str, str], caveat: str) -> list[Suggestion]:
    """An Auto Scaling group's mixed instances policy: every override's type moves to its
    equivalent together, and the group is re-priced through its own estimator. Silent
    when an override has no equivalent or no known type, and when the overrides weigh
    differently (the instances are then AWS's choice at launch)."""
    after = cost.resource.after or {}
    policies = blocks(after, "mixed_instances_policy")
    launches = blocks(policies[0], "launch_template") if len(policies) == 1 else []
    overrides = blocks(launches[0], "override") if len(launches) == 1 else []
    if not overrides or is_unknown(cost.resource.after_unknown, "mixed_instances_policy"):
        return []
    weights = {o.get("weighted_capacity") for o in overrides} - {None, ""}
    if len(weights) > 1:
        return []
    current = [known_string(o, "instance_type") for o in overrides]
    targets = [equivalent(t, table) if t else None for t in current]
    if any(t is None or t == c for t, c in zip(targets, current, strict=True)):
        return []
    # Two types with one equivalent (m5.xlarge and m5a.xlarge -> m7g.xlarge) become one
    # override: a group lists each type once.
    changed_overrides: list[dict[str, Any]] = []
    kept: list[str] = []
    for override, target in zip(overrides, targets, strict=True):
        if target is not None and target not in kept:
            kept.append(target)
            changed_overrides.append({**override, "instance_type": target})
    changed_launch = {**launches[0], "override": changed_overrides}
    changed = {
        **after,
        "mixed_instances_policy": [{**policies[0], "launch_template": [changed_launch]}],
    }
    return [
        Suggestion(
            OVERRIDE_ATTRIBUTE,
            ", ".join(t for t in current if t),
            ", ".join(kept),
            changed,
            caveat,
        )
    ]
