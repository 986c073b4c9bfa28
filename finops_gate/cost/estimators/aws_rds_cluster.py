"""Aurora cluster (storage, I/O and backups; its instances are `aws_rds_cluster_instance`).

- Storage (usage: `storage_gb`): GB-month, `aurora:storage` (`aurora:storage:iopt1` for
  I/O-Optimized clusters, `storage_type = "aurora-iopt1"`)
- I/O requests (Aurora Standard only; usage: `write_requests_per_sec` +
  `read_requests_per_sec`, x 730 hours x 3,600 s): 1M requests, `aurora:io`
- Backup storage beyond the free allowance (usage: `backup_snapshot_size_gb` x
  (`backup_retention_period` - 1)): GB-month, `aurora:backup`
- Master user secret (`manage_master_user_password = true`): secret-month,
  `secretsmanager:secret`

- Backtrack (Aurora MySQL only, engine `aurora` or `aurora-mysql`; usage:
  `average_statements_per_hr` x `change_records_per_statement` x `backtrack_window_hrs`
  x 730, as Infracost counts them): 1M change records, `aurora:backtrack`; snapshot
  export (usage: `snapshot_export_size_gb`): GB, `aurora:snapshot-export`; each shown
  when the usage file gives it
- Aurora Serverless v1 capacity (`engine_mode = "serverless"`; usage:
  `capacity_units_per_hr` x 730 hours): ACU-hour, `aurora:serverless-v1:acu`

Aurora Serverless v2 capacity is billed on the cluster's `db.serverless` instances.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.estimators.aws_db_instance import master_user_secret
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_rds_cluster",)
USAGE_KEYS = (
    "storage_gb",
    "write_requests_per_sec",
    "read_requests_per_sec",
    "backup_snapshot_size_gb",
    "capacity_units_per_hr",
    "average_statements_per_hr",
    "change_records_per_statement",
    "backtrack_window_hrs",
    "snapshot_export_size_gb",
)
SECONDS_PER_MONTH = HOURS_PER_MONTH * 3600
# Backtracking exists for Aurora MySQL only ("aurora" is the provider's default engine,
# MySQL 5.6-compatible): https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Managing.Backtrack.html
BACKTRACK_ENGINES = ("aurora", "aurora-mysql")


IO_OPTIMIZED = "aurora-iopt1"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    # I/O-Optimized clusters pay more for storage (and instances) and nothing for I/O:
    # https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.StorageReliability.html#aurora-storage-type
    optimized = view.string("storage_type") == IO_OPTIMIZED
    storage = usage_spec(
        view,
        "Storage (I/O-Optimized)" if optimized else "Storage",
        "GB-month",
        keys.AURORA_STORAGE_IOPT1 if optimized else keys.AURORA_STORAGE,
        "storage_gb",
    )
    writes = view.usage_number("write_requests_per_sec")
    reads = view.usage_number("read_requests_per_sec")
    io = None
    io_note = None
    if writes is not None or reads is not None:
        per_second = (writes or 0.0) + (reads or 0.0)
        io = per_second * SECONDS_PER_MONTH / 1e6
        io_note = f"from the usage file: {number_text(per_second)} requests per second"
    snapshot = view.usage_number("backup_snapshot_size_gb")
    retention = view.number("backup_retention_period", 1.0) or 1.0
    backup = None
    backup_note = None
    if snapshot is not None:
        backup = snapshot * max(retention - 1, 0.0)
        backup_note = (
            f"from the usage file: {number_text(snapshot)} GB x {number_text(retention)} "
            "days retention, one day free"
        )
    backup_storage = ComponentSpec(
        "Backup storage",
        "GB-month",
        keys.AURORA_BACKUP,
        backup,
        usage_based=True,
        note=backup_note,
    )
    capacity = [*_serverless_v1_capacity(view), *_backtrack_and_export(view)]
    if optimized:
        return [*capacity, storage, backup_storage, *master_user_secret(view)]
    io_requests = ComponentSpec(
        "I/O requests", "1M requests", keys.AURORA_IO, io, usage_based=True, note=io_note
    )
    return [*capacity, storage, io_requests, backup_storage, *master_user_secret(view)]


def _backtrack_and_export(view: AttributeView) -> list[ComponentSpec]:
    specs = given_usage_specs(
        view,
        (("snapshot_export_size_gb", "Snapshot export", "GB", keys.AURORA_SNAPSHOT_EXPORT, 1.0),),
    )
    statements = view.usage_number("average_statements_per_hr")
    records = view.usage_number("change_records_per_statement")
    window = view.usage_number("backtrack_window_hrs")
    mysql = (view.string("engine") or "aurora") in BACKTRACK_ENGINES
    if mysql and statements is not None and records is not None and window is not None:
        specs.append(
            ComponentSpec(
                "Backtrack",
                "1M change records",
                keys.AURORA_BACKTRACK,
                statements * HOURS_PER_MONTH * records * window / 1e6,
                usage_based=True,
                note=f"from the usage file: {number_text(statements)} statements an hour x "
                f"{number_text(records)} "
                f"change records x {number_text(window)} hours window",
            )
        )
    return specs


def _serverless_v1_capacity(view: AttributeView) -> list[ComponentSpec]:
    if view.string("engine_mode") != "serverless":
        return []
    return [
        usage_spec(
            view,
            "Aurora Serverless v1 capacity",
            "ACU-hour",
            keys.AURORA_SERVERLESS_V1_ACU,
            "capacity_units_per_hr",
            HOURS_PER_MONTH,
        )
    ]
