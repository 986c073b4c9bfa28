"""Classic load balancer.

- Classic load balancer: hour, `elb:classic:hour`
- Data processed (usage): GB, `elb:classic:gb`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_elb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Classic load balancer", "hour", "elb:classic:hour", HOURS_PER_MONTH),
        ComponentSpec("Data processed", "GB", "elb:classic:gb", None, usage_based=True),
    ]
