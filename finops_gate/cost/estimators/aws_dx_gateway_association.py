"""Direct Connect gateway association with a transit gateway.

- Transit gateway attachment: hour, `tgw:dx-attachment:hour`
- Data processed (usage: `monthly_data_processed_gb`): GB, `tgw:dx:gb`

An association with a virtual private gateway (`aws_vpn_gateway`) costs nothing by itself:
no components then.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dx_gateway_association",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    gateway = view.referenced("associated_gateway_id")
    if gateway is not None and gateway.resource.type == "aws_vpn_gateway":
        return []
    return [
        ComponentSpec(
            "Transit gateway attachment", "hour", keys.TGW_DX_ATTACHMENT_HOUR, HOURS_PER_MONTH
        ),
        usage_spec(view, "Data processed", "GB", keys.TGW_DX_GB, "monthly_data_processed_gb"),
    ]
