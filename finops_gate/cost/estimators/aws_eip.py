"""Elastic IP address.

- Public IPv4 address: hour, `ipv4:public:hour`

Since February 2024 AWS charges for every public IPv4 address by the hour, attached or
idle, at the same rate, so the estimate does not depend on what the address is attached to.
The component names the NAT gateway or instance using the address when the plan says so
(through module outputs too), or when a known id shows it (noted as inferred).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_eip",)


def _user(view: AttributeView) -> tuple[str | None, str | None]:
    """The address of the instance or NAT gateway using the address, and how it was
    inferred when no expression says so."""
    if view.configured("instance"):
        instance = view.linked(("instance",), "aws_instance")
        if instance is not None:
            return instance.resource.address, instance.inferred
    nat = view.context.referencing_link(view.resource, "aws_nat_gateway", "allocation_id")
    if nat is None:
        return None, None
    return nat.target.address, nat.inferred


def estimate(view: AttributeView) -> list[ComponentSpec]:
    user, inferred = _user(view)
    name = f"Public IPv4 address (used by {user})" if user else "Public IPv4 address"
    return [ComponentSpec(name, "hour", keys.IPV4_PUBLIC_HOUR, HOURS_PER_MONTH, note=inferred)]
