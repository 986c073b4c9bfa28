"""What HCL mode knows about provider schemas, to shape records like a plan does.

`aws_schema.json` (built by scripts/make_hcl_schema.py from the AWS provider's schema)
says which resource types have `tags` and which attributes are computed: a computed
attribute the configuration leaves unset is unknown until apply, as in a plan. The small
tables below cover what the JSON schema does not say (blocks the provider fills in when
absent, defaults the provider applies) for the attributes estimators read; each entry
was checked against the plans in tests/fixtures/terraform/.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

_SCHEMA_FILE = Path(__file__).with_name("aws_schema.json")

# Optional+computed nested blocks: absent in the configuration -> unknown in the plan.
COMPUTED_BLOCKS: dict[str, tuple[str, ...]] = {
    "aws_instance": (
        "capacity_reservation_specification",
        "cpu_options",
        "ebs_block_device",
        "enclave_options",
        "ephemeral_block_device",
        "instance_market_options",
        "maintenance_options",
        "metadata_options",
        "network_interface",
        "private_dns_name_options",
        "root_block_device",
    ),
    "aws_lb": ("subnet_mapping",),
    "aws_alb": ("subnet_mapping",),
    "aws_eks_node_group": ("node_repair_config", "update_config"),
}

# Provider defaults for unset attributes (the plan shows them in `after`).
DEFAULTS: dict[str, dict[str, Any]] = {
    "aws_lb": {"load_balancer_type": "application"},
    "aws_alb": {"load_balancer_type": "application"},
}


@lru_cache(maxsize=1)
def _digest() -> dict[str, dict[str, Any]]:
    document = json.loads(_SCHEMA_FILE.read_text(encoding="utf-8"))
    resources: dict[str, dict[str, Any]] = document["resources"]
    return resources


def known_type(resource_type: str) -> bool:
    return resource_type in _digest()


def taggable(resource_type: str) -> bool:
    entry = _digest().get(resource_type)
    return bool(entry and entry.get("tags"))


def computed_attributes(resource_type: str) -> tuple[str, ...]:
    entry = _digest().get(resource_type)
    names = entry.get("computed", []) if entry else []
    return (*names, *COMPUTED_BLOCKS.get(resource_type, ()))
