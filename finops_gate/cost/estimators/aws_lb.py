"""Application, network or gateway load balancer (`aws_lb`, and its older name `aws_alb`).

- Load balancer: hour, `elb:<application|network|gateway>:hour`
- Capacity units (usage): LCU-hour, `elb:<application|network|gateway>:lcu`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_lb", "aws_alb")
_NAMES = {"application": "Application", "network": "Network", "gateway": "Gateway"}


def estimate(view: AttributeView) -> list[ComponentSpec]:
    kind = view.string("load_balancer_type", "application") or "application"
    name = _NAMES.get(kind, kind)
    return [
        ComponentSpec(f"{name} load balancer", "hour", f"elb:{kind}:hour", HOURS_PER_MONTH),
        ComponentSpec(
            f"{name} load balancer capacity units",
            "LCU-hour",
            f"elb:{kind}:lcu",
            None,
            usage_based=True,
        ),
    ]
