"""AWS Cloud Map service: registered instances and discovery calls (depends on usage).

Cloud Map bills each registered instance per month and DiscoverInstances API calls; the
service itself costs nothing. ECS services with service discovery register their tasks,
so the number of instances is usage. No source of the bundled table has Cloud Map prices:
with usage, these lines are "price not found".

- Registered instances (usage: `registered_instances`): instance-month, `cloudmap:instance`
- Discovery API calls (usage: `monthly_discovery_api_calls`): 1M calls,
  `cloudmap:discovery-api`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_service_discovery_service",)
USAGE_KEYS = ("registered_instances", "monthly_discovery_api_calls")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        usage_spec(
            view,
            "Registered instances",
            "instance-month",
            keys.CLOUDMAP_INSTANCE,
            "registered_instances",
        ),
        usage_spec(
            view,
            "Discovery API calls",
            "1M calls",
            keys.CLOUDMAP_DISCOVERY_API,
            "monthly_discovery_api_calls",
            1e-6,
        ),
    ]
