"""EFS file system.

Infrequent Access reads and writes (usage: `monthly_infrequent_access_read_gb`,
`monthly_infrequent_access_write_gb`, shown when given): GB, `efs:ia:read`, `efs:ia:write`.

- Storage (usage: `storage_gb`): GB-month, `efs:standard:storage`
  (`efs:one-zone:storage` when `availability_zone_name` is set)
- Infrequent access storage (usage: `infrequent_access_storage_gb`): GB-month,
  `efs:ia:storage` (`efs:one-zone:ia:storage` for a One Zone file system)
- Provisioned throughput (`throughput_mode = "provisioned"`): MiBps-month above the
  baseline the Standard storage earns (1 MiBps per 20 GB of `storage_gb`; all of it when
  the usage file gives no `storage_gb`), `efs:provisioned-throughput`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_efs_file_system",)
OPTIONAL = (
    ("monthly_infrequent_access_read_gb", "Infrequent access reads", "GB", keys.EFS_IA_READ, 1.0),
    (
        "monthly_infrequent_access_write_gb",
        "Infrequent access writes",
        "GB",
        keys.EFS_IA_WRITE,
        1.0,
    ),
)
USAGE_KEYS = ("storage_gb", "infrequent_access_storage_gb", *(item[0] for item in OPTIONAL))
# Bursting throughput's baseline is 50 KiBps per GiB of Standard storage, 1 MiBps per
# 20 GiB; in provisioned mode AWS bills only the throughput provisioned above it:
# https://docs.aws.amazon.com/efs/latest/ug/performance.html#throughput-modes and
# https://aws.amazon.com/efs/pricing/ ("Provisioned Throughput").
GB_PER_BASELINE_MIBPS = 20.0


def estimate(view: AttributeView) -> list[ComponentSpec]:
    one_zone = bool(view.string("availability_zone_name"))
    storage_key = keys.EFS_ONE_ZONE_STORAGE if one_zone else keys.EFS_STANDARD_STORAGE
    ia_key = keys.EFS_ONE_ZONE_IA_STORAGE if one_zone else keys.EFS_IA_STORAGE
    label = "One Zone" if one_zone else "Standard"
    specs = [
        usage_spec(view, f"Storage ({label})", "GB-month", storage_key, "storage_gb"),
        usage_spec(
            view,
            f"Infrequent access storage{' (One Zone)' if one_zone else ''}",
            "GB-month",
            ia_key,
            "infrequent_access_storage_gb",
        ),
    ]
    if view.string("throughput_mode") == "provisioned":
        specs.append(_provisioned_throughput(view))
    specs.extend(given_usage_specs(view, OPTIONAL))
    return specs


def _provisioned_throughput(view: AttributeView) -> ComponentSpec:
    throughput = view.number("provisioned_throughput_in_mibps")
    if throughput is None:
        return ComponentSpec(
            "Provisioned throughput",
            "MiBps-month",
            keys.EFS_PROVISIONED_THROUGHPUT,
            None,
            unknown="provisioned_throughput_in_mibps unknown until apply",
        )
    stored = view.usage_number("storage_gb")
    if stored is None:
        return ComponentSpec(
            "Provisioned throughput", "MiBps-month", keys.EFS_PROVISIONED_THROUGHPUT, throughput
        )
    baseline = stored / GB_PER_BASELINE_MIBPS
    return ComponentSpec(
        f"Provisioned throughput (above the {baseline:g} MiBps baseline)",
        "MiBps-month",
        keys.EFS_PROVISIONED_THROUGHPUT,
        max(throughput - baseline, 0.0),
        note=(
            f"storage_gb = {number_text(stored)} earns a {number_text(baseline)} MiBps "
            "baseline (1 MiBps per 20 GB)"
        ),
    )
