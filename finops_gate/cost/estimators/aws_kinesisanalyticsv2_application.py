"""Kinesis Data Analytics v2 (Managed Service for Apache Flink, or SQL) application.

- Processing (stream) (usage: `kinesis_processing_units`, KPUs running all month):
  KPU-hour, `kinesisanalytics:kpu`
- Flink applications only:
  - Processing (orchestration): one KPU-hour per hour, `kinesisanalytics:kpu`
  - Running storage: GB-month, 50 GB per KPU (usage: `kinesis_processing_units`),
    `kinesisanalytics:running-storage`
  - Backup (usage: `durable_application_backup_gb`): GB-month, `kinesisanalytics:backup`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesisanalyticsv2_application",)
USAGE_KEYS = ("kinesis_processing_units", "durable_application_backup_gb")
RUNNING_STORAGE_GB_PER_KPU = 50  # AWS provisions 50 GB of running storage per KPU


def estimate(view: AttributeView) -> list[ComponentSpec]:
    runtime = view.string("runtime_environment")
    if runtime is None:
        raise UnknownAttributeError("runtime_environment")
    specs = [
        usage_spec(
            view,
            "Processing (stream)",
            "KPU-hour",
            keys.KINESISANALYTICS_KPU,
            "kinesis_processing_units",
            HOURS_PER_MONTH,
        )
    ]
    if not runtime.upper().startswith("FLINK"):
        return specs
    return [
        *specs,
        ComponentSpec(
            "Processing (orchestration)", "KPU-hour", keys.KINESISANALYTICS_KPU, HOURS_PER_MONTH
        ),
        usage_spec(
            view,
            "Running storage",
            "GB-month",
            keys.KINESISANALYTICS_RUNNING_STORAGE,
            "kinesis_processing_units",
            RUNNING_STORAGE_GB_PER_KPU,
        ),
        usage_spec(
            view,
            "Backup",
            "GB-month",
            keys.KINESISANALYTICS_BACKUP,
            "durable_application_backup_gb",
        ),
    ]
