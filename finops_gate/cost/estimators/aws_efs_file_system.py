"""EFS file system.

Infrequent Access reads and writes (usage: `monthly_infrequent_access_read_gb`,
`monthly_infrequent_access_write_gb`, shown when given): GB, `efs:ia:read`, `efs:ia:write`.

- Storage (usage: `storage_gb`): GB-month, `efs:standard:storage`
  (`efs:one-zone:storage` when `availability_zone_name` is set)
- Infrequent access storage (usage: `infrequent_access_storage_gb`): GB-month,
  `efs:ia:storage`
- Provisioned throughput (`throughput_mode = "provisioned"`): MiBps-month,
  `efs:provisioned-throughput`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import ComponentSpec
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


def estimate(view: AttributeView) -> list[ComponentSpec]:
    one_zone = bool(view.string("availability_zone_name"))
    storage_key = keys.EFS_ONE_ZONE_STORAGE if one_zone else keys.EFS_STANDARD_STORAGE
    label = "One Zone" if one_zone else "Standard"
    specs = [
        usage_spec(view, f"Storage ({label})", "GB-month", storage_key, "storage_gb"),
        usage_spec(
            view,
            "Infrequent access storage",
            "GB-month",
            keys.EFS_IA_STORAGE,
            "infrequent_access_storage_gb",
        ),
    ]
    if view.string("throughput_mode") == "provisioned":
        throughput = view.number("provisioned_throughput_in_mibps")
        specs.append(
            ComponentSpec(
                "Provisioned throughput",
                "MiBps-month",
                keys.EFS_PROVISIONED_THROUGHPUT,
                throughput,
                unknown=None
                if throughput is not None
                else "provisioned_throughput_in_mibps unknown until apply",
            )
        )
    specs.extend(given_usage_specs(view, OPTIONAL))
    return specs
