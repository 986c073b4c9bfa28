"""VPC endpoint (interface endpoints per Availability Zone; gateway endpoints are free).

- Interface endpoint: one per subnet (AZ) x hour, `vpce:interface:hour`
- Data processed (usage: `monthly_data_processed_gb`): GB, `vpce:interface:gb`
- Gateway Load Balancer endpoint: hour, `vpce:gateway-load-balancer:hour`

Gateway endpoints (S3, DynamoDB; the provider's default type) cost nothing.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_vpc_endpoint",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    kind = view.string("vpc_endpoint_type", "Gateway")
    if kind == "Gateway":
        return []
    if kind == "GatewayLoadBalancer":
        return [
            ComponentSpec(
                "Gateway Load Balancer endpoint",
                "hour",
                "vpce:gateway-load-balancer:hour",
                HOURS_PER_MONTH,
            )
        ]
    subnets = len(view.strings("subnet_ids")) or len(view.blocks("subnet_configuration"))
    note = None
    if not subnets:
        subnets = 1
        note = "subnets unknown until apply: one Availability Zone assumed"
    return [
        ComponentSpec(
            f"Interface endpoint ({subnets} AZ)",
            "hour",
            "vpce:interface:hour",
            subnets * HOURS_PER_MONTH,
            note=note,
        ),
        usage_spec(view, "Data processed", "GB", "vpce:interface:gb", "monthly_data_processed_gb"),
    ]
