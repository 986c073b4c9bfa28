"""Subnet association of a VPC endpoint (one more subnet, so one more Availability Zone,
for an interface endpoint).

- Interface endpoint AZ: hour, `vpce:interface:hour` (none when the endpoint is not an
  interface endpoint, or when the endpoint's own `subnet_ids` already lists the subnet,
  as an existing endpoint's does for subnets associated before: it is priced there)

An endpoint outside the plan is taken to be an interface endpoint (noted): subnets are
associated with interface and Gateway Load Balancer endpoints, and a Gateway Load Balancer
endpoint has exactly one, given when it is created.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_vpc_endpoint_subnet_association",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    # AWS bills an interface endpoint per VPC endpoint per AZ-hour, one network interface
    # per subnet: https://aws.amazon.com/privatelink/pricing/
    endpoint = view.linked(("vpc_endpoint_id",), "aws_vpc_endpoint")
    if endpoint is not None and (
        endpoint.string("vpc_endpoint_type", "Gateway") != "Interface"
        or view.string("subnet_id") in endpoint.strings("subnet_ids")
    ):
        return []
    note = "endpoint not in the plan: assumed an interface endpoint" if endpoint is None else None
    return [
        ComponentSpec(
            "Interface endpoint AZ (subnet association)",
            "hour",
            keys.VPCE_INTERFACE_HOUR,
            HOURS_PER_MONTH,
            note=note,
        )
    ]
