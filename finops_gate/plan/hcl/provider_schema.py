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
    "aws_spot_instance_request": (
        "capacity_reservation_specification",
        "cpu_options",
        "ebs_block_device",
        "enclave_options",
        "ephemeral_block_device",
        "maintenance_options",
        "metadata_options",
        "network_interface",
        "private_dns_name_options",
        "root_block_device",
    ),
    "aws_lb": ("subnet_mapping",),
    "aws_alb": ("subnet_mapping",),
    "aws_eks_node_group": ("node_repair_config", "update_config"),
    "aws_autoscaling_group": ("launch_template",),
    "aws_launch_configuration": ("ebs_block_device", "root_block_device"),
}

# Provider defaults for unset attributes that prices depend on (the plan shows them in
# `after`; the JSON schema does not carry defaults). Each is the AWS provider's
# documented default and what the fixture plans show.
DEFAULTS: dict[str, dict[str, Any]] = {
    "aws_lb": {"load_balancer_type": "application"},
    "aws_alb": {"load_balancer_type": "application"},
    "aws_nat_gateway": {"connectivity_type": "public"},
    "aws_dynamodb_table": {"billing_mode": "PROVISIONED"},
    "aws_efs_file_system": {"throughput_mode": "bursting"},
    "aws_elasticache_replication_group": {"engine": "redis"},
    "aws_elasticsearch_domain": {"elasticsearch_version": "1.5"},
    "aws_kinesis_stream": {"retention_period": 24},
    "aws_lambda_function": {"package_type": "Zip", "timeout": 3},
    "aws_msk_cluster": {"enhanced_monitoring": "DEFAULT"},
    "aws_rds_cluster": {"engine_mode": "provisioned"},
    "aws_redshift_cluster": {"multi_az": False},
    "aws_sfn_state_machine": {"type": "STANDARD"},
    "aws_vpc_endpoint": {"vpc_endpoint_type": "Gateway"},
    "aws_cloudfront_distribution": {"price_class": "PriceClass_All"},
    "aws_ecs_service": {"scheduling_strategy": "REPLICA"},
    "aws_ec2_capacity_reservation": {"tenancy": "default", "instance_match_criteria": "open"},
    "aws_docdb_cluster": {"engine": "docdb"},
    "aws_docdb_cluster_instance": {"engine": "docdb"},
    "aws_neptune_cluster": {"engine": "neptune", "backup_retention_period": 1},
    "aws_neptune_cluster_instance": {"engine": "neptune"},
    "aws_directory_service_directory": {"type": "SimpleAD"},
    "aws_fsx_windows_file_system": {"storage_type": "SSD"},
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


# Set blocks whose elements the provider tells apart by a few fields only (SDKv2 custom
# `Set` hash functions); other set blocks hash every field of an element.
_SET_HASH_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    kind: {
        "ebs_block_device": ("device_name", "snapshot_id"),
        "ephemeral_block_device": ("device_name", "virtual_name"),
    }
    for kind in ("aws_instance", "aws_spot_instance_request", "aws_launch_configuration")
}


# Set blocks that a plan shows element by element even when a field of an element is
# unknown (checked against tests/fixtures/terraform/databases_network: a WAF rule that
# references a rule group or rule created in the same plan).
_SETS_KNOWN_WITH_UNKNOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "aws_wafv2_web_acl": ("rule",),
    "aws_waf_web_acl": ("rules",),
}


def set_block_unknown(resource_type: str, name: str, items: list[Any]) -> bool:
    """Whether a set of nested blocks is wholly unknown in a plan: when a field its
    elements are told apart by is unknown, the provider cannot build the set at all
    (e.g. a VPC endpoint's subnet_configuration with a subnet id known after apply)."""
    from finops_gate.plan.hcl.values import contains_unknown

    entry = _digest().get(resource_type)
    if not entry or name not in entry.get("set_blocks", []):
        return False
    if name in _SETS_KNOWN_WITH_UNKNOWN_FIELDS.get(resource_type, ()):
        return False
    fields = _SET_HASH_FIELDS.get(resource_type, {}).get(name)
    for item in items:
        if not isinstance(item, dict):
            continue
        hashed = item if fields is None else {k: item.get(k) for k in fields}
        if contains_unknown(hashed) is not None:
            return True
    return False


def block_types(resource_type: str) -> tuple[str, ...]:
    """Names of the type's nested block types (for JSON-syntax files)."""
    entry = _digest().get(resource_type)
    return tuple(entry.get("blocks", [])) if entry else ()


# Attributes the provider stores as a SHA-1 hex digest of the value (its StateFunc), so a
# plan shows the digest, never the text: user data of instances and launch configurations.
HASHED_IN_STATE: dict[str, tuple[str, ...]] = {
    "aws_instance": ("user_data",),
    "aws_spot_instance_request": ("user_data",),
    "aws_launch_configuration": ("user_data",),
}


def as_stored(resource_type: str, values: dict[str, Any]) -> dict[str, Any]:
    """`values` with the attributes the provider hashes replaced by their digest."""
    for name in HASHED_IN_STATE.get(resource_type, ()):
        value = values.get(name)
        if isinstance(value, str):
            values[name] = _user_data_digest(value)
    return values


def _user_data_digest(text: str) -> str:
    """The provider's userDataHashSum: SHA-1 of the base64-decoded value when it is
    base64 (Go's decoder skips line breaks), else of the text itself."""
    import base64
    import binascii
    import hashlib

    try:
        data = base64.b64decode(text.replace("\r", "").replace("\n", ""), validate=True)
    except (binascii.Error, ValueError):
        data = text.encode("utf-8")
    return hashlib.sha1(data).hexdigest()
