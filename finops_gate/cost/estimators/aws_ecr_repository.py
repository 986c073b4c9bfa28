"""ECR private repository (depends on usage): image storage.

- Storage (usage: `storage_gb`): GB-month, `ecr:storage`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ecr_repository",)
USAGE_KEYS = ("storage_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [usage_spec(view, "Storage", "GB-month", keys.ECR_STORAGE, "storage_gb")]
