"""Kinesis Data Analytics (SQL, v1) application.

- Processing (stream) (usage: `kinesis_processing_units`, KPUs running all month):
  KPU-hour, `kinesisanalytics:kpu`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesis_analytics_application",)
USAGE_KEYS = ("kinesis_processing_units",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Processing (stream)",
            "KPU-hour",
            keys.KINESISANALYTICS_KPU,
            "kinesis_processing_units",
            HOURS_PER_MONTH,
        )
    ]
