"""ElastiCache cluster.

- Cache nodes: `num_cache_nodes` x hour, `elasticache:<node_type>:<redis|memcached|valkey>`
  (a count known only after apply leaves the component unknown)

A cluster that is a member of a replication group (`replication_group_id` set) is priced
on the `aws_elasticache_replication_group`.

From the usage file: `reserved_instance_term` / `reserved_instance_payment_option` price
the nodes as reserved at their recurring hourly rate
(`<node key>:reserved:<1y|3y>:<payment>`; All Upfront: AWS's published $0; a node type
without a rate: "price not found"; the upfront fee is not a monthly cost);
`snapshot_storage_size_gb` x (`snapshot_retention_limit` - 1): GB-month,
`elasticache:snapshot`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators import _elasticache
from finops_gate.cost.estimators._elasticache import nodes, with_usage
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

USAGE_KEYS = _elasticache.USAGE_KEYS
USAGE_TEXT_KEYS = _elasticache.USAGE_TEXT_KEYS
RESOURCE_TYPES = ("aws_elasticache_cluster",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return with_usage(view, _nodes(view))


def _nodes(view: AttributeView) -> list[ComponentSpec]:
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
