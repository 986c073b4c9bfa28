"""Amazon FSx for OpenZFS file system.

- Throughput capacity: MBps-month, `fsx:openzfs:<deployment>:throughput`
- Provisioned IOPS, when `disk_iops_configuration` is USER_PROVISIONED: IOPS-month above the
  3 IOPS per GB included, `fsx:openzfs:<deployment>:iops`
- SSD storage: GB-month, `fsx:openzfs:<deployment>:ssd`; with a root volume's
  `data_compression_type` (LZ4, ZSTD) the stored GB shrink by the usage key
  `compression_savings_percent` (default 50, as Infracost assumes)
- Backup storage (usage: `backup_storage_gb`): GB-month, `fsx:openzfs:backup`

`<deployment>` is `deployment_type` in lower case with dashes (`single-az-1`...).
"""

from __future__ import annotations

import math

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_fsx_openzfs_file_system",)
USAGE_KEYS = ("backup_storage_gb", "compression_savings_percent")
INCLUDED_IOPS_PER_GB = 3  # AWS includes 3 SSD IOPS per GB of storage
DEFAULT_COMPRESSION_SAVINGS = 50.0


def _number(view: AttributeView, name: str) -> float:
    value = view.number(name)
    if value is None:
        raise UnknownAttributeError(name)
    return value


def _deployment(view: AttributeView) -> str:
    deployment_type = view.string("deployment_type")
    if deployment_type is None:
        raise UnknownAttributeError("deployment_type")  # required by the provider
    return deployment_type.lower().replace("_", "-")


def _iops(view: AttributeView, deployment: str, storage_gb: float) -> list[ComponentSpec]:
    blocks = view.blocks("disk_iops_configuration")
    if not blocks or blocks[0].string("mode") != "USER_PROVISIONED":
        return []
    iops = blocks[0].number("iops")
    if iops is None:
        raise UnknownAttributeError("disk_iops_configuration.iops")
    extra = max(0.0, iops - INCLUDED_IOPS_PER_GB * storage_gb)
    return [
        ComponentSpec(
            "Provisioned IOPS", "IOPS-month", keys.fsx("openzfs", deployment, "iops"), extra
        )
    ]


def _storage(view: AttributeView, deployment: str, storage_gb: float) -> ComponentSpec:
    blocks = view.blocks("root_volume_configuration")
    compression = blocks[0].string("data_compression_type") if blocks else None
    key = keys.fsx("openzfs", deployment, "ssd")
    if compression is None or compression == "NONE":
        return ComponentSpec("SSD storage", "GB-month", key, storage_gb)
    savings = view.usage_number("compression_savings_percent")
    if savings is None:
        savings = DEFAULT_COMPRESSION_SAVINGS
        note = (
            f"{compression} compression saves {number_text(savings)}% "
            "(usage: compression_savings_percent)"
        )
    else:
        note = f"from the usage file: compression_savings_percent = {number_text(savings)}"
    stored = math.ceil(storage_gb * (1 - savings / 100))
    return ComponentSpec(
        f"SSD storage ({compression} compression, {savings:g}%)", "GB-month", key, stored, note=note
    )


def estimate(view: AttributeView) -> list[ComponentSpec]:
    deployment = _deployment(view)
    storage_gb = _number(view, "storage_capacity")
    return [
        ComponentSpec(
            "Throughput capacity",
            "MBps-month",
            keys.fsx("openzfs", deployment, "throughput"),
            _number(view, "throughput_capacity"),
        ),
        *_iops(view, deployment, storage_gb),
        _storage(view, deployment, storage_gb),
        usage_spec(
            view, "Backup storage", "GB-month", keys.FSX_OPENZFS_BACKUP, "backup_storage_gb"
        ),
    ]
