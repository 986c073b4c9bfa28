"""Redshift provisioned cluster.

- Nodes: `number_of_nodes` x hour, `redshift:<node_type>`
- Managed storage (RA3 nodes; usage: `managed_storage_gb`): GB-month,
  `redshift:managed-storage`
- Backup storage (usage: `backup_storage_gb`): GB-month in AWS's tiers, first 50 TB
  `redshift:backup`, next 450 TB `redshift:backup:tier2`, over 500 TB
  `redshift:backup:tier3`
- Concurrency scaling beyond the free credits (usage: `excess_concurrency_scaling_secs`):
  node-second, `redshift:<node_type>:concurrency-scaling`
- Spectrum (usage: `spectrum_data_scanned_tb`): TB scanned, `redshift:spectrum`

The last three are shown when the usage file gives them.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_redshift_cluster",)
USAGE_KEYS = (
    "managed_storage_gb",
    "backup_storage_gb",
    "excess_concurrency_scaling_secs",
    "spectrum_data_scanned_tb",
)
# (tier size in GB or None for the rest, name, price key)
BACKUP_TIERS = (
    (51_200.0, "first 50 TB", keys.REDSHIFT_BACKUP),
    (460_800.0, "next 450 TB", keys.REDSHIFT_BACKUP_TIER2),
    (None, "over 500 TB", keys.REDSHIFT_BACKUP_TIER3),
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    node_type = view.required_string("node_type")
    nodes = view.number("number_of_nodes", 1.0) or 1.0
    specs = [
        ComponentSpec(
            f"Nodes ({nodes:g} x {node_type})",
            "hour",
            keys.redshift_node(node_type),
            nodes * HOURS_PER_MONTH,
        )
    ]
    if node_type.startswith("ra3."):
        specs.append(
            usage_spec(
                view,
                "Managed storage",
                "GB-month",
                keys.REDSHIFT_MANAGED_STORAGE,
                "managed_storage_gb",
            )
        )
    specs.extend(_backup(view))
    specs.extend(
        given_usage_specs(
            view,
            (
                (
                    "excess_concurrency_scaling_secs",
                    f"Concurrency scaling ({node_type})",
                    "node-second",
                    keys.redshift_concurrency_scaling(node_type),
                    1.0,
                ),
                ("spectrum_data_scanned_tb", "Spectrum", "TB", keys.REDSHIFT_SPECTRUM, 1.0),
            ),
        )
    )
    return specs


def _backup(view: AttributeView) -> list[ComponentSpec]:
    remaining = view.usage_number("backup_storage_gb")
    if remaining is None:
        return []
    specs: list[ComponentSpec] = []
    for size, label, key in BACKUP_TIERS:
        in_tier = remaining if size is None else min(remaining, size)
        if in_tier <= 0 and specs:
            break
        remaining -= in_tier
        specs.append(
            ComponentSpec(
                f"Backup storage ({label})",
                "GB-month",
                key,
                in_tier,
                usage_based=True,
                note="from the usage file: backup_storage_gb, "
                f"{number_text(in_tier)} GB in this tier",
            )
        )
    return specs
