"""Amazon Neptune cluster.

- Storage (usage: `storage_gb`): GB-month, `neptune:storage`, or
  `neptune:storage:iopt1` when `storage_type = "iopt1"` (I/O-Optimized)
- I/O requests (usage: `monthly_io_requests`; not charged on I/O-Optimized storage):
  1M requests, `neptune:io`
- Backup storage (when `backup_retention_period` is above 1 day, usage:
  `backup_storage_gb`): GB-month, `neptune:backup`

Instances are priced by `aws_neptune_cluster_instance`.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_neptune_cluster",)
USAGE_KEYS = ("storage_gb", "monthly_io_requests", "backup_storage_gb")
PER_MILLION = 1e-6
IO_OPTIMIZED = "iopt1"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    io_optimized = view.string("storage_type") == IO_OPTIMIZED
    if io_optimized:
        specs = [
            usage_spec(
                view,
                "Storage (I/O-optimized)",
                "GB-month",
                keys.NEPTUNE_STORAGE_IOPT1,
                "storage_gb",
            )
        ]
    else:
        specs = [
            usage_spec(view, "Storage", "GB-month", keys.NEPTUNE_STORAGE, "storage_gb"),
            usage_spec(
                view,
                "I/O requests",
                "1M requests",
                keys.NEPTUNE_IO,
                "monthly_io_requests",
                scale=PER_MILLION,
            ),
        ]
    # the provider's default retention is 1 day, which the free allowance covers
    if (view.number("backup_retention_period") or 1) > 1:
        specs.append(
            usage_spec(view, "Backup storage", "GB-month", keys.NEPTUNE_BACKUP, "backup_storage_gb")
        )
    return specs
