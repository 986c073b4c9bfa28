"""Site-to-Site VPN connection.

- VPN connection: hour, `vpn:connection:hour`
- Transit gateway attachment (when `transit_gateway_id` is set): hour,
  `tgw:attachment:hour`
- Transit gateway data processed (usage: `monthly_data_processed_gb`): GB, `tgw:gb`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_vpn_connection",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    specs = [ComponentSpec("VPN connection", "hour", keys.VPN_CONNECTION_HOUR, HOURS_PER_MONTH)]
    if view.string("transit_gateway_id") or view.referenced("transit_gateway_id"):
        specs.append(
            ComponentSpec(
                "Transit gateway attachment", "hour", keys.TGW_ATTACHMENT_HOUR, HOURS_PER_MONTH
            )
        )
        specs.append(
            usage_spec(
                view,
                "Transit gateway data processed",
                "GB",
                keys.TGW_GB,
                "monthly_data_processed_gb",
            )
        )
    return specs
