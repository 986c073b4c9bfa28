"""NAT gateway.

- NAT gateway: hour, `natgw:hour`
- Data processed (usage: `monthly_data_processed_gb`): GB, `natgw:gb`

Its public IPv4 address is billed on the `aws_eip` resource that it uses.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_nat_gateway",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if view.string("connectivity_type") == "private":
        name = "NAT gateway (private)"
    else:
        name = "NAT gateway"
    return [
        ComponentSpec(name, "hour", keys.NATGW_HOUR, HOURS_PER_MONTH),
        usage_spec(view, "Data processed", "GB", keys.NATGW_GB, "monthly_data_processed_gb"),
    ]
