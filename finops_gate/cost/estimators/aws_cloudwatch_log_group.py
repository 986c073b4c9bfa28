"""CloudWatch log group (every component depends on usage).

- Data ingested (usage: `monthly_data_ingested_gb`): GB, `cloudwatch:logs:ingest`
- Storage (usage: `storage_gb`): GB-month, `cloudwatch:logs:storage`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_cloudwatch_log_group",)
USAGE_KEYS = ("monthly_data_ingested_gb", "storage_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view, "Data ingested", "GB", "cloudwatch:logs:ingest", "monthly_data_ingested_gb"
        ),
        usage_spec(view, "Storage", "GB-month", "cloudwatch:logs:storage", "storage_gb"),
    ]
