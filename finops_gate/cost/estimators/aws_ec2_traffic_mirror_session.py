"""VPC Traffic Mirroring session, by the hour of its source network interface.

AWS bills each elastic network interface that is a mirror source by the hour, one session
per source interface.

- Traffic mirror: hour, `vpc:traffic-mirror:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_traffic_mirror_session",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [ComponentSpec("Traffic mirror", "hour", keys.TRAFFIC_MIRROR_HOUR, HOURS_PER_MONTH)]
