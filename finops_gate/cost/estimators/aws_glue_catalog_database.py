"""Glue Data Catalog database (depends on usage): objects stored and requests.

The account's first million objects and first million requests a month are free; that
allowance is per account, so it is not deducted here (Infracost drops counts below 100,000
objects or 1M requests).

- Storage (usage: `monthly_objects`): 100k objects, `glue:catalog:storage`
- Requests (usage: `monthly_requests`): 1M requests, `glue:catalog:requests`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_glue_catalog_database",)
USAGE_KEYS = ("monthly_objects", "monthly_requests")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view, "Storage", "100k objects", keys.GLUE_CATALOG_STORAGE, "monthly_objects", 1e-5
        ),
        usage_spec(
            view, "Requests", "1M requests", keys.GLUE_CATALOG_REQUESTS, "monthly_requests", 1e-6
        ),
    ]
