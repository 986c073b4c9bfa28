"""ElastiCache node components shared by clusters and replication groups."""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.pricing import keys

ENGINES = ("redis", "memcached", "valkey")


def nodes(node_type: str, engine: str, count: float) -> ComponentSpec:
    return ComponentSpec(
        f"Cache nodes ({engine}, {count:g} x {node_type})",
        "hour",
        keys.elasticache_node(node_type, engine),
        count * HOURS_PER_MONTH,
    )
