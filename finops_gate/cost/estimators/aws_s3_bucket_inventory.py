"""S3 Inventory report configuration of a bucket.

- Objects listed (usage: `monthly_listed_objects`): 1M objects, `s3:inventory:objects`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_s3_bucket_inventory",)
USAGE_KEYS = ("monthly_listed_objects",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Objects listed",
            "1M objects",
            keys.S3_INVENTORY_OBJECTS,
            "monthly_listed_objects",
            1 / 1_000_000,
        )
    ]
