"""S3 Storage Class Analysis configuration of a bucket.

- Objects monitored (usage: `monthly_monitored_objects`): 1M objects, `s3:analytics:objects`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_s3_bucket_analytics_configuration",)
USAGE_KEYS = ("monthly_monitored_objects",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Objects monitored",
            "1M objects",
            keys.S3_ANALYTICS_OBJECTS,
            "monthly_monitored_objects",
            1 / 1_000_000,
        )
    ]
