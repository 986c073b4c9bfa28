"""VPC endpoint (interface endpoints per Availability Zone; gateway endpoints are free).

- Interface endpoint: one per subnet (AZ) x hour, `vpce:interface:hour` (subnets known
  only after apply: the component is too; terraform marks the whole `subnet_ids` set
  unknown as soon as one id is)
- Data processed (usage: `monthly_data_processed_gb`): GB, `vpce:interface:gb`
- Gateway Load Balancer endpoint: hour, `vpce:gateway-load-balancer:hour`

Gateway endpoints (S3, DynamoDB; the provider's default type) cost nothing.
"""

from __future__ import annotations

from finops_gate.cost.estimators._defaults import set_from_reference
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
    # Billed per hour in each Availability Zone, one network interface per subnet:
    # https://aws.amazon.com/privatelink/pricing/
    subnets = len(view.strings("subnet_ids")) or len(view.blocks("subnet_configuration"))
    if subnets:
        endpoint = ComponentSpec(
            f"Interface endpoint ({subnets} AZ)",
            "hour",
            "vpce:interface:hour",
            subnets * HOURS_PER_MONTH,
        )
    else:
        why = (
            "subnet_ids unknown until apply"
            if set_from_reference(view, "subnet_ids")
            else "subnet_ids not set: the endpoint's Availability Zones are known only after apply"
        )
        endpoint = ComponentSpec(
            "Interface endpoint (per AZ)", "hour", "vpce:interface:hour", None, unknown=why
        )
    return [
        endpoint,
        usage_spec(view, "Data processed", "GB", "vpce:interface:gb", "monthly_data_processed_gb"),
    ]
