"""KMS key with imported (external) key material: billed as any customer managed key.

- Customer managed key: key-month, `kms:key`
- Requests (usage: `monthly_requests`): 10k requests, `kms:requests`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kms_external_key",)
USAGE_KEYS = ("monthly_requests",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Customer managed key", "key-month", keys.KMS_KEY, 1),
        usage_spec(
            view, "Requests", "10k requests", keys.KMS_REQUESTS, "monthly_requests", 1 / 10_000
        ),
    ]
