"""ElastiCache cluster.

- Cache nodes: `num_cache_nodes` x hour, `elasticache:<node_type>:<redis|memcached|valkey>`
  (a count known only after apply leaves the component unknown)

A cluster that is a member of a replication group (`replication_group_id` set) is priced
on the `aws_elasticache_replication_group`.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._elasticache import nodes
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_elasticache_cluster",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    member = view.string("replication_group_id") is not None
    if member or (view.is_unknown("replication_group_id") and view.string("node_type") is None):
        return []
    node_type = view.required_string("node_type")
    engine = view.required_string("engine")
    if view.is_unknown("num_cache_nodes"):
        return [
            replace(
                nodes(node_type, engine, 1),
                name=f"Cache nodes ({engine}, {node_type})",
                monthly_quantity=None,
                unknown="num_cache_nodes unknown until apply",
            )
        ]
    count = view.number("num_cache_nodes", 1.0) or 1.0
    return [nodes(node_type, engine, count)]
