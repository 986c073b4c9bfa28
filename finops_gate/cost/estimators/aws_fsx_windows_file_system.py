"""Amazon FSx for Windows File Server file system.

- Throughput capacity: MBps-month, `fsx:windows:<single-az|multi-az>:throughput`
- SSD or HDD storage (`storage_type`, default SSD): GB-month,
  `fsx:windows:<single-az|multi-az>:<ssd|hdd>`
- Backup storage (usage: `backup_storage_gb`): GB-month, `fsx:windows:backup`

`deployment_type` SINGLE_AZ_1 (the default) and SINGLE_AZ_2 are priced alike, as Single-AZ.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_fsx_windows_file_system",)
USAGE_KEYS = ("backup_storage_gb",)


def _capacity(view: AttributeView, name: str) -> float:
    value = view.number(name)
    if value is None:
        raise UnknownAttributeError(name)
    return value


def estimate(view: AttributeView) -> list[ComponentSpec]:
    deployment_type = view.string("deployment_type", "SINGLE_AZ_1") or "SINGLE_AZ_1"
    deployment = "multi-az" if deployment_type.upper().startswith("MULTI_AZ") else "single-az"
    storage_type = (view.string("storage_type", "SSD") or "SSD").upper()
    return [
        ComponentSpec(
            "Throughput capacity",
            "MBps-month",
            keys.fsx("windows", deployment, "throughput"),
            _capacity(view, "throughput_capacity"),
        ),
        ComponentSpec(
            f"{storage_type} storage",
            "GB-month",
            keys.fsx("windows", deployment, storage_type.lower()),
            _capacity(view, "storage_capacity"),
        ),
        usage_spec(
            view, "Backup storage", "GB-month", keys.FSX_WINDOWS_BACKUP, "backup_storage_gb"
        ),
    ]
