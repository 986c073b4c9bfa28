"""ElastiCache node components shared by clusters and replication groups."""

from __future__ import annotations

from finops_gate.cost.estimators._db_usage import RESERVED_WORDS, reserved
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

USAGE_KEYS = ("snapshot_storage_size_gb",)
USAGE_TEXT_KEYS = RESERVED_WORDS

ENGINES = ("redis", "memcached", "valkey")


def nodes(node_type: str, engine: str, count: float) -> ComponentSpec:
    return ComponentSpec(
        f"Cache nodes ({engine}, {count:g} x {node_type})",
        "hour",
        keys.elasticache_node(node_type, engine),
        count * HOURS_PER_MONTH,
    )


def with_usage(view: AttributeView, specs: list[ComponentSpec]) -> list[ComponentSpec]:
    """The node components at the reserved rate when the usage file says so, and backup
    storage beyond the free snapshot (usage: `snapshot_storage_size_gb` x
    (`snapshot_retention_limit` - 1), as Infracost counts it), shown when given."""
    result = [
        reserved(view, spec) if spec.name.startswith("Cache nodes") else spec for spec in specs
    ]
    size = view.usage_number("snapshot_storage_size_gb")
    if size is not None:
        retention = view.number("snapshot_retention_limit", 0.0) or 0.0
        result.append(
            ComponentSpec(
                "Backup storage",
                "GB-month",
                keys.ELASTICACHE_SNAPSHOT,
                size * max(retention - 1, 0.0),
                usage_based=True,
                note=f"from the usage file: snapshot_storage_size_gb = {number_text(size)}, "
                f"{number_text(retention)} snapshots kept, one free",
            )
        )
    return result
