"""DynamoDB table (provisioned or on-demand capacity).

- Write capacity (provisioned; table and global secondary indexes): WCU x hour,
  `dynamodb:provisioned:wcu`
- Read capacity (provisioned; table and global secondary indexes): RCU x hour,
  `dynamodb:provisioned:rcu`
- Write requests (on-demand; usage: `monthly_write_request_units`): 1M write request
  units, `dynamodb:ondemand:write`
- Read requests (on-demand; usage: `monthly_read_request_units`): 1M read request units,
  `dynamodb:ondemand:read`
- Storage (usage: `storage_gb`): GB-month, `dynamodb:storage`
- Shown when the usage file gives them: point-in-time recovery backups
  (`pitr_backup_storage_gb`, GB-month, `dynamodb:pitr-backup`), on-demand backups
  (`on_demand_backup_storage_gb`, GB-month, `dynamodb:backup`), restores
  (`monthly_data_restored_gb`, GB, `dynamodb:restore`), stream reads
  (`monthly_streams_read_request_units`, 1M units, `dynamodb:streams-read`)

Auto scaling (`aws_appautoscaling_target`) is not followed: the table's own capacity is
priced. Global table replicas are not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dynamodb_table",)
OPTIONAL = (
    (
        "pitr_backup_storage_gb",
        "Point-in-time recovery backups",
        "GB-month",
        keys.DYNAMODB_PITR_BACKUP,
        1.0,
    ),
    ("on_demand_backup_storage_gb", "On-demand backups", "GB-month", keys.DYNAMODB_BACKUP, 1.0),
    ("monthly_data_restored_gb", "Table data restored", "GB", keys.DYNAMODB_RESTORE, 1.0),
    (
        "monthly_streams_read_request_units",
        "Streams read request units",
        "1M units",
        keys.DYNAMODB_STREAMS_READ,
        1e-6,
    ),
)
USAGE_KEYS = (
    "monthly_write_request_units",
    "monthly_read_request_units",
    "storage_gb",
    *(item[0] for item in OPTIONAL),
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    specs: list[ComponentSpec] = []
    if view.string("billing_mode", "PROVISIONED") == "PAY_PER_REQUEST":
        specs.append(
            usage_spec(
                view,
                "Write request units (on-demand)",
                "1M write request units",
                keys.DYNAMODB_ONDEMAND_WRITE,
                "monthly_write_request_units",
                1 / 1e6,
            )
        )
        specs.append(
            usage_spec(
                view,
                "Read request units (on-demand)",
                "1M read request units",
                keys.DYNAMODB_ONDEMAND_READ,
                "monthly_read_request_units",
                1 / 1e6,
            )
        )
    else:
        specs.append(_capacity(view, "write", "WCU", keys.DYNAMODB_PROVISIONED_WCU))
        specs.append(_capacity(view, "read", "RCU", keys.DYNAMODB_PROVISIONED_RCU))
    specs.append(usage_spec(view, "Storage", "GB-month", keys.DYNAMODB_STORAGE, "storage_gb"))
    specs.extend(given_usage_specs(view, OPTIONAL))
    return specs


def _capacity(view: AttributeView, kind: str, unit: str, price_key: str) -> ComponentSpec:
    """Provisioned capacity of the table and its global secondary indexes; a capacity set
    from a value known only after apply leaves the component unknown, not $0."""
    attribute = f"{kind}_capacity"
    parts = [view, *view.blocks("global_secondary_index")]
    name = f"{kind.capitalize()} capacity"
    if any(part.is_unknown(attribute) for part in parts):
        return ComponentSpec(
            name, f"{unit}-hour", price_key, None, unknown=f"{attribute} unknown until apply"
        )
    total = sum(part.number(attribute, 0.0) or 0.0 for part in parts)
    return ComponentSpec(
        f"{name} ({total:g} {unit})", f"{unit}-hour", price_key, total * HOURS_PER_MONTH
    )
