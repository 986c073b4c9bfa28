"""Client VPN endpoint.

- Connection: connection-hour, `clientvpn:connection:hour` (one connection for the whole
  month, as Infracost counts it; each further concurrent connection costs the same)

The subnet associations are priced by `aws_ec2_client_vpn_network_association`.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_client_vpn_endpoint",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Connection", "connection-hour", keys.CLIENT_VPN_CONNECTION_HOUR, HOURS_PER_MONTH
        )
    ]
