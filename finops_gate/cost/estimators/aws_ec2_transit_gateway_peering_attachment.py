"""Transit gateway peering attachment.

- Transit gateway attachment: hour, `tgw:peering:hour` (in the region of the requesting
  transit gateway, the resource's region)

Data sent over a peering attachment is billed as inter-region data transfer, not priced
here.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_transit_gateway_peering_attachment",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Transit gateway attachment", "hour", keys.TGW_PEERING_HOUR, HOURS_PER_MONTH)
    ]
