"""Snapshot of a Kinesis Data Analytics v2 (Apache Flink) application: a durable backup.

- Backup (usage: `durable_application_backup_gb`): GB-month, `kinesisanalytics:backup`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesisanalyticsv2_application_snapshot",)
USAGE_KEYS = ("durable_application_backup_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Backup",
            "GB-month",
            keys.KINESISANALYTICS_BACKUP,
            "durable_application_backup_gb",
        )
    ]
