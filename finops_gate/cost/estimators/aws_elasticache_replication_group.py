"""ElastiCache replication group (Redis OSS or Valkey).

- Cache nodes: nodes x hour, `elasticache:<node_type>:<redis|valkey>`; nodes are
  `num_cache_clusters`, or `num_node_groups` x (`replicas_per_node_group` + 1) in
  cluster mode (none of them set, or set to null from variables and locals: one node, the
  primary; a count set from a value known only after apply: unknown)

Shards and replicas scaled by Application Auto Scaling (`aws_appautoscaling_target` with
`scalable_dimension = "elasticache:replication-group:NodeGroups"` / `:Replicas`, whose
`resource_id` references the group or is the literal `replication-group/<id>`) are priced
at the target's `min_capacity`, or the usage file's `capacity` for the target, as
Infracost does.

From the usage file: `reserved_instance_term` / `reserved_instance_payment_option` price
the nodes as reserved at their recurring hourly rate
(`<node key>:reserved:<1y|3y>:<payment>`; All Upfront: AWS's published $0; a node type
without a rate: "price not found"; the upfront fee is not a monthly cost);
`snapshot_storage_size_gb` x (`snapshot_retention_limit` - 1): GB-month,
`elasticache:snapshot`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators import _autoscaling, _elasticache
from finops_gate.cost.estimators._autoscaling import Minimum, autoscaling_minimums, prefixed
from finops_gate.cost.estimators._defaults import set_from_reference
from finops_gate.cost.estimators._elasticache import nodes, with_usage
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError

USAGE_KEYS = _elasticache.USAGE_KEYS
USAGE_TEXT_KEYS = _elasticache.USAGE_TEXT_KEYS
RESOURCE_TYPES = ("aws_elasticache_replication_group",)
RELATED_USAGE_KEYS = _autoscaling.RELATED_USAGE_KEYS


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return with_usage(view, _nodes(view))


def _nodes(view: AttributeView) -> list[ComponentSpec]:
    node_type = view.required_string("node_type")
    engine = view.string("engine", "redis") or "redis"
    group_id = view.string("replication_group_id")
    minimums = autoscaling_minimums(view, prefixed("replication-group/", group_id))
    shards = minimums.get("elasticache:replication-group:NodeGroups")
    replica_minimum = minimums.get("elasticache:replication-group:Replicas")
    scaled = {"num_node_groups": shards, "replicas_per_node_group": replica_minimum}
    if shards or replica_minimum:
        return [_autoscaled(view, node_type, engine, scaled)]
    counts = ("num_cache_clusters", "num_node_groups", "replicas_per_node_group")
    unknown = [
        name
        for name in counts
        if view.is_unknown(name) and set_from_reference(view, name, ("var.", "local."))
    ]
    if unknown:
        return [
            replace(
                nodes(node_type, engine, 1),
                name=f"Cache nodes ({engine}, {node_type})",
                monthly_quantity=None,
                unknown=f"{unknown[0]} unknown until apply",
            )
        ]
    groups = view.number("num_node_groups")
    replicas = view.number("replicas_per_node_group")
    clusters = view.number("num_cache_clusters")
    note = None
    if groups and (groups > 1 or replicas):
        count = groups * ((replicas or 0.0) + 1)
    elif clusters:
        count = clusters
    else:
        count = (groups or 1.0) * ((replicas or 0.0) + 1)
        if groups is None and replicas is None:
            # https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateReplicationGroup.html
            # (NumCacheClusters: "you can omit this parameter (it will default to 1)")
            note = "num_cache_clusters not set: one node, the ElastiCache default"
    return [replace(nodes(node_type, engine, count), note=note)]


def _autoscaled(
    view: AttributeView, node_type: str, engine: str, scaled: dict[str, Minimum | None]
) -> ComponentSpec:
    """Cluster mode scaled by auto scaling targets: each scaled count at its minimum, the
    other as configured."""
    counts: dict[str, float] = {}
    notes: list[str] = []
    for attribute, minimum in scaled.items():
        if minimum is not None:
            counts[attribute] = minimum.capacity
            notes.append(f"{attribute} {number_text(minimum.capacity)}: {minimum.note}")
        elif view.is_unknown(attribute):
            raise UnknownAttributeError(attribute)
        else:
            default = 1.0 if attribute == "num_node_groups" else 0.0
            counts[attribute] = view.number(attribute, default) or default
    groups, replicas = counts["num_node_groups"], counts["replicas_per_node_group"]
    spec = nodes(node_type, engine, groups * (replicas + 1))
    return replace(spec, name=f"{spec.name[:-1]}, autoscaling)", note="; ".join(notes))
