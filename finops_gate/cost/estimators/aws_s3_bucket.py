"""S3 bucket (every component depends on usage).

- Standard storage (usage: `standard.storage_gb`): GB-month, `s3:standard:storage`
- PUT, COPY, POST, LIST requests (usage: `standard.monthly_tier_1_requests`):
  1k requests, `s3:standard:put`
- GET, SELECT and other requests (usage: `standard.monthly_tier_2_requests`):
  1k requests, `s3:standard:get`

Storage is priced in AWS's volume tiers (first 50 TB, next 450 TB, over 500 TB: keys
`s3:standard:storage:over:<GB>`), each line named after its tier.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_s3_bucket",)
USAGE_KEYS = (
    "standard.storage_gb",
    "standard.monthly_tier_1_requests",
    "standard.monthly_tier_2_requests",
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Standard storage",
            "GB-month",
            keys.S3_STANDARD_STORAGE,
            "standard.storage_gb",
            tiered=True,
        ),
        usage_spec(
            view,
            "PUT, COPY, POST, LIST requests",
            "1k requests",
            keys.S3_STANDARD_PUT,
            "standard.monthly_tier_1_requests",
            scale=1 / 1000,
        ),
        usage_spec(
            view,
            "GET, SELECT and other requests",
            "1k requests",
            keys.S3_STANDARD_GET,
            "standard.monthly_tier_2_requests",
            scale=1 / 1000,
        ),
    ]
