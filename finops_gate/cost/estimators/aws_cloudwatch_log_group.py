"""CloudWatch log group (every component depends on usage).

- Data ingested (usage: `monthly_data_ingested_gb`): GB, `cloudwatch:logs:ingest`
- Storage (usage: `storage_gb`): GB-month, `cloudwatch:logs:storage`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudwatch_log_group",)
USAGE_KEYS = ("monthly_data_ingested_gb", "storage_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view, "Data ingested", "GB", keys.CLOUDWATCH_LOGS_INGEST, "monthly_data_ingested_gb"
        ),
        usage_spec(view, "Storage", "GB-month", keys.CLOUDWATCH_LOGS_STORAGE, "storage_gb"),
    ]
