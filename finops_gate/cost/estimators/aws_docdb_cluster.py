"""Amazon DocumentDB cluster.

- Backup storage (usage: `backup_storage_gb`, beyond the free allowance of 100% of the
  cluster's storage): GB-month, `docdb:backup`

Instances are priced by `aws_docdb_cluster_instance`.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_docdb_cluster",)
USAGE_KEYS = ("backup_storage_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [usage_spec(view, "Backup storage", "GB-month", keys.DOCDB_BACKUP, "backup_storage_gb")]
