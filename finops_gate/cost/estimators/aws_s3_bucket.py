"""S3 bucket (every component depends on usage).

- Standard storage (usage): GB-month, `s3:standard:storage`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_s3_bucket",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Standard storage", "GB-month", "s3:standard:storage", None, usage_based=True)
    ]
