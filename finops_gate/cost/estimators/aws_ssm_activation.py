"""Systems Manager activation: on-premises managed instances of the advanced tier.

Instances registered through an activation are free in the standard tier. The advanced
tier (usage `instance_tier = advanced`, or, without it, `registration_limit` above 1,000,
the standard tier's limit per account and region) is billed per instance-hour.

- On-prem managed instances (advanced) (usage: `instances`, instances running all month):
  instance-hour, `ssm:managed-instance:advanced:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ssm_activation",)
USAGE_KEYS = ("instances",)
USAGE_TEXT_KEYS = {"instance_tier": ("standard", "advanced")}
STANDARD_TIER_LIMIT = 1000


def is_advanced(view: AttributeView) -> bool:
    tier = view.usage_string("instance_tier")
    if tier is not None:
        return tier.lower() == "advanced"
    limit = view.number("registration_limit")
    return limit is not None and limit > STANDARD_TIER_LIMIT


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if not is_advanced(view):
        return []
    instances = view.usage_number("instances")
    return [
        ComponentSpec(
            "On-prem managed instances (advanced)",
            "instance-hour",
            keys.SSM_ADVANCED_INSTANCE_HOUR,
            None if instances is None else instances * HOURS_PER_MONTH,
            usage_based=True,
            note=None
            if instances is None
            else f"from the usage file: instances = {number_text(instances)}",
        )
    ]
