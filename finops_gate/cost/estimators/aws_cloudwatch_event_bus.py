"""EventBridge event bus (depends on usage).

Events from AWS services are free; custom and partner (SaaS) events, archives and schema
discovery are billed.

- Custom events published (usage: `monthly_custom_events`): 1M events,
  `eventbridge:events:custom`
- Third-party events published (usage: `monthly_third_party_events`): 1M events,
  `eventbridge:events:partner`
- Archive processing (usage: `monthly_archive_processing_gb`): GB,
  `eventbridge:archive:processing`
- Archive storage (usage: `archive_storage_gb`): GB-month, `eventbridge:archive:storage`
- Schema discovery (usage: `monthly_schema_discovery_events`): 1M events,
  `eventbridge:schema-discovery`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudwatch_event_bus",)
USAGE_KEYS = (
    "monthly_custom_events",
    "monthly_third_party_events",
    "monthly_archive_processing_gb",
    "archive_storage_gb",
    "monthly_schema_discovery_events",
)
PER_MILLION = 1e-6


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Custom events published",
            "1M events",
            keys.EVENTBRIDGE_CUSTOM_EVENTS,
            "monthly_custom_events",
            PER_MILLION,
        ),
        usage_spec(
            view,
            "Third-party events published",
            "1M events",
            keys.EVENTBRIDGE_PARTNER_EVENTS,
            "monthly_third_party_events",
            PER_MILLION,
        ),
        usage_spec(
            view,
            "Archive processing",
            "GB",
            keys.EVENTBRIDGE_ARCHIVE_PROCESSING,
            "monthly_archive_processing_gb",
        ),
        usage_spec(
            view,
            "Archive storage",
            "GB-month",
            keys.EVENTBRIDGE_ARCHIVE_STORAGE,
            "archive_storage_gb",
        ),
        usage_spec(
            view,
            "Schema discovery",
            "1M events",
            keys.EVENTBRIDGE_SCHEMA_DISCOVERY,
            "monthly_schema_discovery_events",
            PER_MILLION,
        ),
    ]
