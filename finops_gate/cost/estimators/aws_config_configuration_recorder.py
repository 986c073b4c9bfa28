"""AWS Config configuration recorder (depends on usage): configuration items recorded.

- Config items (usage: `monthly_config_items`): item, `config:items`
- Custom config items (usage: `monthly_custom_config_items`): item, `config:custom-items`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_config_configuration_recorder",)
USAGE_KEYS = ("monthly_config_items", "monthly_custom_config_items")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(view, "Config items", "item", keys.CONFIG_ITEMS, "monthly_config_items"),
        usage_spec(
            view,
            "Custom config items",
            "item",
            keys.CONFIG_CUSTOM_ITEMS,
            "monthly_custom_config_items",
        ),
    ]
