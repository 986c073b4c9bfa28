"""Aurora cluster (storage, I/O and backups; its instances are `aws_rds_cluster_instance`).

- Storage (usage: `storage_gb`): GB-month, `aurora:storage`
- I/O requests (usage: `monthly_io_requests`): 1M requests, `aurora:io`
- Backup storage beyond the free allowance (usage: `backup_snapshot_size_gb`): GB-month,
  `aurora:backup`

Aurora Serverless v2 capacity is billed on the cluster's `db.serverless` instances;
Serverless v1 (`engine_mode = "serverless"`) capacity is not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_rds_cluster",)
USAGE_KEYS = ("storage_gb", "monthly_io_requests", "backup_snapshot_size_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(view, "Storage", "GB-month", "aurora:storage", "storage_gb"),
        usage_spec(
            view, "I/O requests", "1M requests", "aurora:io", "monthly_io_requests", 1 / 1e6
        ),
        usage_spec(view, "Backup storage", "GB-month", "aurora:backup", "backup_snapshot_size_gb"),
    ]
