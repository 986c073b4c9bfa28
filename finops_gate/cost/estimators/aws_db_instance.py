"""RDS database instance.

- Database instance: hour, `rds:<instance_class>:<engine>:<single-az|multi-az>`
  (engine: mysql, postgres, mariadb, aurora-mysql (also as `aurora`), aurora-postgresql,
  oracle-se2 (bring your own licence),
  oracle-se2-li (licence included), oracle-ee, sqlserver-ex/web/se/ee; a read replica
  (`replicate_source_db`) takes the engine of its source)
- Performance Insights retention (`performance_insights_enabled`, with a
  `performance_insights_retention_period` beyond the free 7 days): vCPU-month,
  `rds:performance-insights:retention:<family>` (m5 and t3 priced; others "price not found")
- Extended support (MySQL, PostgreSQL, Aurora MySQL/PostgreSQL major versions past
  standard support on the date the plan is priced on, `_rds_extended_support.py`):
  vCPU-hour, `rds:extended-support:years-1-2` or `rds:extended-support:year-3`
- Storage: GB-month, `rds:storage:<gp2|gp3|io1|io2|standard>:<deployment>` (io1 and io2
  are billed for at least 100 GB; no `storage_type`: gp3, or io1 with `iops`; a replica
  without `allocated_storage` has its source's size; restored from a snapshot, or set from
  a value known only after apply: the size is known only after apply; not set at all:
  20 GB assumed and noted, the smallest size RDS accepts for every engine's gp2, gp3 and
  magnetic storage, as Infracost assumes)
- Provisioned IOPS (io1, io2, billed for at least 1,000 IOPS, the smallest RDS accepts;
  gp3 above its baseline of 3,000, or 12,000 from 400 GB, from 200 GB for Oracle, never
  for SQL Server): IOPS-month, `rds:iops:<type>:<deployment>`
- Backup storage beyond the free allowance (usage: `additional_backup_storage_gb`):
  GB-month, `rds:backup` (`aurora:backup` for the Aurora engines)
- Master user secret (`manage_master_user_password = true`: RDS keeps the password in
  Secrets Manager): secret-month, `secretsmanager:secret`

From the usage file (shown when given): `reserved_instance_term` (`1_year`, `3_year`) and
`reserved_instance_payment_option` price the instance as reserved,
`<instance key>:reserved:<1y|3y>:<payment>`, the recurring hourly rate (All Upfront:
AWS's published $0; a class without a rate: "price not found", never the on-demand
rate; the upfront fee is not a monthly cost); CPU credits of burstable classes
(`monthly_cpu_credit_hrs` x `vcpu_count` or the class's vCPUs): vCPU-hour, `rds:cpu-credits`;
Performance Insights API requests (`monthly_additional_performance_insights_requests`):
1k requests, `rds:performance-insights:api`;
magnetic-storage I/O (`monthly_standard_io_requests`): 1M requests, `rds:io:standard`
"""

from __future__ import annotations

from finops_gate.cost.estimators._db_usage import (
    RESERVED_WORDS,
    cpu_credits,
    performance_insights,
    performance_insights_retention,
    reserved,
)
from finops_gate.cost.estimators._defaults import joined, set_from_reference
from finops_gate.cost.estimators._rds_extended_support import extended_support
from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_db_instance",)
USAGE_KEYS = (
    "additional_backup_storage_gb",
    "monthly_standard_io_requests",
    "monthly_additional_performance_insights_requests",
    "monthly_cpu_credit_hrs",
)
USAGE_TEXT_KEYS = RESERVED_WORDS
SECRET_KEY = keys.SECRETSMANAGER_SECRET
PIOPS_MINIMUM_GB = 100.0
PIOPS_MINIMUM_IOPS = 1000
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html: the smallest
# allocated storage of gp2, gp3 (and magnetic on SQL Server) is 20 GiB on every engine
ASSUMED_STORAGE_GB = 20.0
# gp3 baselines, https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html
# (General Purpose SSD storage): 3,000 IOPS, 12,000 once RDS stripes the volume, from
# 400 GiB (Db2, MariaDB, MySQL, PostgreSQL) or 200 GiB (Oracle); SQL Server never stripes.
GP3_BASELINE_IOPS_SMALL = 3000
GP3_BASELINE_IOPS_LARGE = 12000
GP3_LARGE_VOLUME_GB = 400
GP3_LARGE_VOLUME_GB_ORACLE = 200


# Engine names RDS accepts for an engine priced under another name: "aurora" is Aurora
# MySQL 5.6-compatible (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/
# API_CreateDBInstance.html, Engine), at the Aurora MySQL instance rates.
ENGINE_ALIASES = {"aurora": "aurora-mysql"}


def engine_key(engine: str, license_model: str | None) -> str:
    base = engine.removesuffix("-cdb")
    base = ENGINE_ALIASES.get(base, base)
    if base == "oracle-se2" and license_model == "license-included":
        return "oracle-se2-li"
    return base


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    source = _replica_source(view)
    engine = view.string("engine")
    engine_note = None
    if engine is None and source is not None:
        engine = source.string("engine")
        engine_note = f"engine of {source.resource.address}, the replica's source"
    if engine is None:
        raise UnknownAttributeError("engine")
    deployment = "multi-az" if view.boolean("multi_az") else "single-az"
    multi_az_note = None
    if view.is_unknown("multi_az"):
        multi_az_note = "multi_az unknown until apply: assumed Single-AZ (the RDS default)"
    license_model = view.string("license_model")
    if license_model is None and source is not None:
        license_model = source.string("license_model")
    key = engine_key(engine, license_model)
    license_note = None
    if key == "oracle-se2" and license_model is None:
        license_note = "license_model unknown until apply: assumed bring-your-own-license"
    label = "Multi-AZ" if deployment == "multi-az" else "Single-AZ"
    specs = [
        reserved(
            view,
            ComponentSpec(
                f"Database instance ({engine}, {label}, {instance_class})",
                "hour",
                keys.rds_instance(instance_class, key, deployment),
                HOURS_PER_MONTH,
                note=joined(multi_az_note, license_note, engine_note),
            ),
        )
    ]
    support = extended_support(
        key,
        view.string("engine_version"),
        instance_class,
        view.today,
        instances=2 if deployment == "multi-az" else 1,
    )
    if support is not None:
        specs.append(support)
    specs.extend(_storage(view, deployment, engine, source))
    specs.append(
        usage_spec(
            view, "Backup storage", "GB-month", _backup_key(key), "additional_backup_storage_gb"
        )
    )
    specs.extend(master_user_secret(view))
    specs.extend(
        given_usage_specs(
            view,
            (
                (
                    "monthly_standard_io_requests",
                    "I/O requests (magnetic)",
                    "1M requests",
                    keys.RDS_IO_STANDARD,
                    1e-6,
                ),
            ),
        )
    )
    specs.extend(cpu_credits(view, instance_class, keys.RDS_CPU_CREDITS))
    specs.extend(performance_insights_retention(view, instance_class))
    specs.extend(performance_insights(view))
    return specs


def _backup_key(engine: str) -> str:
    """Aurora engines bill backup storage at Aurora's rate, other engines at RDS's:
    https://aws.amazon.com/rds/aurora/pricing/ (Backup storage)"""
    return keys.AURORA_BACKUP if engine.startswith("aurora-") else keys.RDS_BACKUP


def master_user_secret(view: AttributeView) -> list[ComponentSpec]:
    """The Secrets Manager secret RDS creates for a managed master password, billed to the
    account: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html"""
    if not view.boolean("manage_master_user_password"):
        return []
    return [ComponentSpec("Master user secret (Secrets Manager)", "secret-month", SECRET_KEY, 1)]


def _replica_source(view: AttributeView) -> AttributeView | None:
    """The instance a read replica copies, when the plan has it."""
    if view.string("replicate_source_db") is None and not set_from_reference(
        view, "replicate_source_db"
    ):
        return None
    return view.referenced("replicate_source_db")


def _storage_type(view: AttributeView) -> tuple[str, str | None]:
    storage_type = view.string("storage_type")
    if storage_type is not None:
        return storage_type, None
    # https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
    # (StorageType: "Default: io1, if the Iops parameter is specified. Otherwise, gp3.";
    # the same for read replicas and restores). RDS prices gp2 and gp3 storage alike.
    assumed = "io1" if view.number("iops") else "gp3"
    if set_from_reference(view, "storage_type"):
        return assumed, f"storage_type unknown until apply: assumed {assumed}"
    return assumed, f"storage_type not set: {assumed}, the RDS default"


def _size(view: AttributeView, source: AttributeView | None) -> tuple[float | None, str | None]:
    size = view.number("allocated_storage")
    if size is not None:
        return size, None
    if source is not None:
        # A replica is created with its source's storage unless told otherwise:
        # https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.html
        source_size, source_note = _size(source, None)
        if source_size is not None:
            note = f"size of {source.resource.address}, the replica's source"
            return source_size, joined(note, source_note)
    outside = (
        view.string("snapshot_identifier")
        or view.string("replicate_source_db")
        or set_from_reference(view, "replicate_source_db")
        or set_from_reference(view, "allocated_storage")
        or view.configured("allocated_storage")
    )
    if outside:
        return None, None
    return ASSUMED_STORAGE_GB, (
        f"allocated_storage not set: {number_text(ASSUMED_STORAGE_GB)} GB assumed, "
        "the smallest RDS accepts"
    )


def _gp3_baseline(engine: str, size: float) -> float:
    if "sqlserver" in engine:
        return GP3_BASELINE_IOPS_SMALL
    large = GP3_LARGE_VOLUME_GB_ORACLE if "oracle" in engine else GP3_LARGE_VOLUME_GB
    return GP3_BASELINE_IOPS_LARGE if size >= large else GP3_BASELINE_IOPS_SMALL


def _storage(
    view: AttributeView, deployment: str, engine: str, source: AttributeView | None
) -> list[ComponentSpec]:
    storage_type, type_note = _storage_type(view)
    size, size_note = _size(view, source)
    name = f"Storage ({storage_type})"
    key = keys.rds_storage(storage_type, deployment)
    unknown_size = None
    if size is None:
        unknown_size = (
            "allocated_storage comes from the snapshot: known only after apply"
            if view.string("snapshot_identifier")
            else "allocated_storage unknown until apply"
        )
        storage = ComponentSpec(name, "GB-month", key, None, note=type_note, unknown=unknown_size)
    else:
        billed = size
        minimum_note = None
        if storage_type in ("io1", "io2") and size < PIOPS_MINIMUM_GB:
            billed = PIOPS_MINIMUM_GB
            minimum_note = (
                f"{storage_type} is billed for at least 100 GB ({number_text(size)} GB allocated)"
            )
        storage = ComponentSpec(
            name, "GB-month", key, billed, note=joined(type_note, size_note, minimum_note)
        )
    iops = _iops(view, storage_type, engine, size, unknown_size, deployment)
    return [storage] if iops is None else [storage, iops]


def _iops(
    view: AttributeView,
    storage_type: str,
    engine: str,
    size: float | None,
    unknown_size: str | None,
    deployment: str,
) -> ComponentSpec | None:
    def component(
        quantity: float | None, unknown: str | None = None, note: str | None = None
    ) -> ComponentSpec:
        return ComponentSpec(
            f"Provisioned IOPS ({storage_type})",
            "IOPS-month",
            keys.rds_iops(storage_type, deployment),
            quantity,
            unknown=unknown,
            note=note,
        )

    iops = view.number("iops")
    if storage_type in ("io1", "io2"):
        minimum = f"at least {PIOPS_MINIMUM_IOPS:,} for {storage_type}"
        if iops is None and set_from_reference(view, "iops"):
            return component(None, f"iops unknown until apply ({minimum})")
        if iops is None or iops < PIOPS_MINIMUM_IOPS:
            given = "not set" if iops is None else number_text(iops)
            return component(PIOPS_MINIMUM_IOPS, note=f"iops {given}: billed {minimum}")
        return component(iops)
    if storage_type != "gp3" or not iops or iops <= GP3_BASELINE_IOPS_SMALL:
        return None
    if size is None:
        return component(None, f"the gp3 baseline depends on the size: {unknown_size}")
    extra = iops - _gp3_baseline(engine, size)
    return component(extra) if extra > 0 else None
