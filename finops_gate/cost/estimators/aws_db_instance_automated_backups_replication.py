"""RDS cross-region automated backup replication (depends on usage).

AWS bills the replicated backups as backup storage in the destination region (the
resource's region; the free backup allowance of the source instance does not apply there)
and the transfer of the backup data out of the source region.

- Replicated backup storage (usage: `backup_storage_gb`): GB-month, `rds:backup`
- Cross-region transfer (usage: `monthly_data_transfer_gb`): GB,
  `rds:backup:replication-transfer` (no source: price not found)
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_db_instance_automated_backups_replication",)
USAGE_KEYS = ("backup_storage_gb", "monthly_data_transfer_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view, "Replicated backup storage", "GB-month", keys.RDS_BACKUP, "backup_storage_gb"
        ),
        usage_spec(
            view,
            "Cross-region transfer",
            "GB",
            keys.RDS_BACKUP_REPLICATION_TRANSFER,
            "monthly_data_transfer_gb",
        ),
    ]
