"""Client VPN network association (a subnet associated with a Client VPN endpoint).

- Endpoint association: hour, `clientvpn:association:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_client_vpn_network_association",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Endpoint association", "hour", keys.CLIENT_VPN_ASSOCIATION_HOUR, HOURS_PER_MONTH
        )
    ]
