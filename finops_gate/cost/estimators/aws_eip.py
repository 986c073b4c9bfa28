"""Elastic IP address.

- Public IPv4 address: hour, `ipv4:public:hour`

Since February 2024 AWS charges for every public IPv4 address by the hour, attached or
idle, at the same rate, so the estimate does not depend on what the address is attached to.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_eip",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [ComponentSpec("Public IPv4 address", "hour", "ipv4:public:hour", HOURS_PER_MONTH)]
