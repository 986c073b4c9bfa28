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
- Global table replicas (`replica` blocks), priced in each replica's `region_name`:
  replicated write capacity (provisioned: the table's write capacity), rWCU x hour,
  `dynamodb:replicated:wcu`; replicated write requests (on-demand; usage:
  `monthly_write_request_units`, every write is replicated), 1M replicated write request
  units, `dynamodb:ondemand:replicated-write`
- Shown when the usage file gives them: point-in-time recovery backups
  (`pitr_backup_storage_gb`, GB-month, `dynamodb:pitr-backup`), on-demand backups
  (`on_demand_backup_storage_gb`, GB-month, `dynamodb:backup`), restores
  (`monthly_data_restored_gb`, GB, `dynamodb:restore`), stream reads
  (`monthly_streams_read_request_units`, 1M units, `dynamodb:streams-read`)

A table scaled by Application Auto Scaling (`aws_appautoscaling_target` with
`scalable_dimension = "dynamodb:table:ReadCapacityUnits"` / `WriteCapacityUnits`, whose
`resource_id` references the table or is the literal `table/<name>`) is priced at the
target's `min_capacity`, or the usage file's `capacity` for the target, instead of its own
`read_capacity` / `write_capacity`, as Infracost does; global secondary indexes keep their
own capacity.
"""

from __future__ import annotations

from finops_gate.cost.estimators import _autoscaling
from finops_gate.cost.estimators._autoscaling import Minimum, autoscaling_minimums, prefixed
from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dynamodb_table",)
RELATED_USAGE_KEYS = _autoscaling.RELATED_USAGE_KEYS
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
        minimums = autoscaling_minimums(view, prefixed("table/", view.string("name")))
        for kind, unit, price_key, dimension in (
            ("write", "WCU", keys.DYNAMODB_PROVISIONED_WCU, "dynamodb:table:WriteCapacityUnits"),
            ("read", "RCU", keys.DYNAMODB_PROVISIONED_RCU, "dynamodb:table:ReadCapacityUnits"),
        ):
            specs.append(_capacity(view, kind, unit, price_key, minimums.get(dimension)))
    specs.append(usage_spec(view, "Storage", "GB-month", keys.DYNAMODB_STORAGE, "storage_gb"))
    specs.extend(_replicas(view, specs[0]))
    specs.extend(given_usage_specs(view, OPTIONAL))
    return specs


def _replicas(view: AttributeView, writes: ComponentSpec) -> list[ComponentSpec]:
    """Each replica region pays for the replicated writes: the table's write capacity
    (provisioned), or its write requests (on-demand), at that region's rate."""
    specs = []
    for replica in view.blocks("replica"):
        region = replica.string("region_name")
        if region is None:
            raise UnknownAttributeError("replica.region_name")
        if writes.price_key == keys.DYNAMODB_ONDEMAND_WRITE:
            specs.append(
                usage_spec(
                    view,
                    f"Replicated write request units ({region})",
                    "1M replicated write request units",
                    keys.DYNAMODB_REPLICATED_WRITE,
                    "monthly_write_request_units",
                    1 / 1e6,
                    region=region,
                )
            )
            continue
        hourly = (
            None if writes.monthly_quantity is None else writes.monthly_quantity / HOURS_PER_MONTH
        )
        label = "" if hourly is None else f", {hourly:g} rWCU"
        specs.append(
            ComponentSpec(
                f"Replicated write capacity ({region}{label})",
                "rWCU-hour",
                keys.DYNAMODB_REPLICATED_WCU,
                writes.monthly_quantity,
                region=region,
                unknown=writes.unknown,
            )
        )
    return specs


def _capacity(
    view: AttributeView, kind: str, unit: str, price_key: str, minimum: Minimum | None
) -> ComponentSpec:
    """Provisioned capacity of the table (or its auto scaling minimum) and its global
    secondary indexes; a capacity set from a value known only after apply leaves the
    component unknown, not $0."""
    attribute = f"{kind}_capacity"
    indexes = view.blocks("global_secondary_index")
    parts = indexes if minimum else [view, *indexes]
    name = f"{kind.capitalize()} capacity"
    if any(part.is_unknown(attribute) for part in parts):
        return ComponentSpec(
            name, f"{unit}-hour", price_key, None, unknown=f"{attribute} unknown until apply"
        )
    total = sum(part.number(attribute, 0.0) or 0.0 for part in parts)
    note = None
    if minimum:
        total += minimum.capacity
        note = f"table {kind} capacity {number_text(minimum.capacity)} {unit}: {minimum.note}"
    return ComponentSpec(
        f"{name} ({total:g} {unit})",
        f"{unit}-hour",
        price_key,
        total * HOURS_PER_MONTH,
        note=note,
    )
