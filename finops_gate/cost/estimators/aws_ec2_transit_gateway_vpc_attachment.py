"""Transit gateway VPC attachment.

- Transit gateway attachment: hour, `tgw:attachment:hour`
- Data processed (usage: `monthly_data_processed_gb`): GB, `tgw:gb`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_transit_gateway_vpc_attachment",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Transit gateway attachment", "hour", keys.TGW_ATTACHMENT_HOUR, HOURS_PER_MONTH
        ),
        usage_spec(view, "Data processed", "GB", keys.TGW_GB, "monthly_data_processed_gb"),
    ]
