"""Secrets Manager secret.

- Secret: secret-month, `secretsmanager:secret`
- API requests (usage: `monthly_requests`): 10k requests, `secretsmanager:api`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_secretsmanager_secret",)
USAGE_KEYS = ("monthly_requests",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Secret", "secret-month", keys.SECRETSMANAGER_SECRET, 1),
        usage_spec(
            view, "API requests", "10k requests", keys.SECRETSMANAGER_API, "monthly_requests", 1e-4
        ),
    ]
