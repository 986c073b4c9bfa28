"""RDS database instance.

- Database instance: hour, `rds:<instance_class>:<engine>:<single-az|multi-az>`
  (engine: mysql, postgres, mariadb, oracle-se2 (bring your own licence),
  oracle-se2-li (licence included), oracle-ee, sqlserver-ex/web/se/ee)
- Storage: GB-month, `rds:storage:<gp2|gp3|io1|io2|standard>:<deployment>` (io1 and io2
  are billed for at least 100 GB)
- Provisioned IOPS (io1, io2; gp3 above its baseline): IOPS-month,
  `rds:iops:<type>:<deployment>`
- Backup storage beyond the free allowance (usage: `additional_backup_storage_gb`):
  GB-month, `rds:backup`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError

RESOURCE_TYPES = ("aws_db_instance",)
USAGE_KEYS = ("additional_backup_storage_gb",)
PIOPS_MINIMUM_GB = 100.0
GP3_BASELINE_IOPS_SMALL = 3000
GP3_BASELINE_IOPS_LARGE = 12000
GP3_LARGE_VOLUME_GB = 400


def engine_key(engine: str, license_model: str | None) -> str:
    base = engine.removesuffix("-cdb")
    if base == "oracle-se2" and license_model == "license-included":
        return "oracle-se2-li"
    return base


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    engine = view.string("engine")
    if engine is None:
        raise UnknownAttributeError("engine")
    deployment = "multi-az" if view.boolean("multi_az") else "single-az"
    instance_note = None
    if view.is_unknown("multi_az"):
        instance_note = "multi_az unknown until apply: assumed Single-AZ (the RDS default)"
    key = engine_key(engine, view.string("license_model"))
    if key == "oracle-se2" and view.string("license_model") is None:
        assumed = "license_model unknown until apply: assumed bring-your-own-license"
        instance_note = f"{instance_note}; {assumed}" if instance_note else assumed
    label = "Multi-AZ" if deployment == "multi-az" else "Single-AZ"
    specs = [
        ComponentSpec(
            f"Database instance ({engine}, {label}, {instance_class})",
            "hour",
            f"rds:{instance_class}:{key}:{deployment}",
            HOURS_PER_MONTH,
            note=instance_note,
        )
    ]
    specs.extend(_storage(view, deployment))
    specs.append(
        usage_spec(view, "Backup storage", "GB-month", "rds:backup", "additional_backup_storage_gb")
    )
    return specs


def _storage(view: AttributeView, deployment: str) -> list[ComponentSpec]:
    size = view.number("allocated_storage")
    if size is None:
        raise UnknownAttributeError("allocated_storage")
    storage_type = view.string("storage_type")
    note = None
    if storage_type is None:
        storage_type = "io1" if view.number("iops") else "gp2"
        note = f"storage type unknown until apply: assumed {storage_type} (the RDS default)"
    billed = size
    if storage_type in ("io1", "io2") and size < PIOPS_MINIMUM_GB:
        billed = PIOPS_MINIMUM_GB
        note = f"{storage_type} is billed for at least 100 GB ({size:g} GB allocated)"
    specs = [
        ComponentSpec(
            f"Storage ({storage_type})",
            "GB-month",
            f"rds:storage:{storage_type}:{deployment}",
            billed,
            note=note,
        )
    ]
    iops = view.number("iops") or 0.0
    if storage_type == "gp3":
        baseline = (
            GP3_BASELINE_IOPS_LARGE if size >= GP3_LARGE_VOLUME_GB else GP3_BASELINE_IOPS_SMALL
        )
        iops = max(0.0, iops - baseline)
    elif storage_type not in ("io1", "io2"):
        iops = 0.0
    if iops:
        specs.append(
            ComponentSpec(
                f"Provisioned IOPS ({storage_type})",
                "IOPS-month",
                f"rds:iops:{storage_type}:{deployment}",
                iops,
            )
        )
    return specs
