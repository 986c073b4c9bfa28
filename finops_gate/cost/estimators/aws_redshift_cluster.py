"""Redshift provisioned cluster.

- Nodes: `number_of_nodes` x hour, `redshift:<node_type>`
- Managed storage (RA3 nodes; usage: `managed_storage_gb`): GB-month,
  `redshift:managed-storage`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_redshift_cluster",)
USAGE_KEYS = ("managed_storage_gb",)


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
    return specs
