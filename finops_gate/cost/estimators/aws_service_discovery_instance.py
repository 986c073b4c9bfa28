"""AWS Cloud Map instance registered by Terraform: one registered instance.

No source of the bundled table has Cloud Map prices, so the instance is "price not found"
(never $0).

- Registered instance: instance-month, `cloudmap:instance`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_service_discovery_instance",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [ComponentSpec("Registered instance", "instance-month", keys.CLOUDMAP_INSTANCE, 1)]
