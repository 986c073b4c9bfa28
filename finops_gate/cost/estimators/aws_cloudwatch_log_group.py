"""CloudWatch log group (every component depends on usage).

- Data ingested (usage: `monthly_data_ingested_gb`): GB, `cloudwatch:logs:ingest`
- Storage (usage: `storage_gb`): GB-month, `cloudwatch:logs:storage`
- Logs Insights queries (usage: `monthly_data_scanned_gb`, shown when given): GB scanned,
  `cloudwatch:logs:insights`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudwatch_log_group",)
USAGE_KEYS = ("monthly_data_ingested_gb", "storage_gb", "monthly_data_scanned_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view, "Data ingested", "GB", keys.CLOUDWATCH_LOGS_INGEST, "monthly_data_ingested_gb"
        ),
        usage_spec(view, "Storage", "GB-month", keys.CLOUDWATCH_LOGS_STORAGE, "storage_gb"),
        *given_usage_specs(
            view,
            (
                (
                    "monthly_data_scanned_gb",
                    "Insights queries data scanned",
                    "GB",
                    keys.CLOUDWATCH_LOGS_INSIGHTS,
                    1.0,
                ),
            ),
        ),
    ]
