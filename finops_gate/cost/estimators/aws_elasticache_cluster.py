"""ElastiCache cluster.

- Cache nodes: `num_cache_nodes` x hour, `elasticache:<node_type>:<redis|memcached|valkey>`

A cluster that is a member of a replication group (`replication_group_id` set) is priced
on the `aws_elasticache_replication_group`.
"""

from __future__ import annotations

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
    count = view.number("num_cache_nodes", 1.0) or 1.0
    return [nodes(node_type, engine, count)]
