"""VPC endpoint (interface endpoints per Availability Zone; gateway endpoints are free).

- Interface endpoint: one per subnet (AZ) x hour, `vpce:interface:hour` (terraform marks
  the whole `subnet_ids` set unknown as soon as one id is: then one per subnet resource
  instance the configuration names, through module outputs and inputs; literal ids
  beside them are not counted; none named: the component is unknown); subnets added by
  `aws_vpc_endpoint_subnet_association` are priced on the association (an endpoint whose
  only subnets come from associations shows 0 AZ of its own)
- Data processed (usage: `monthly_data_processed_gb`): GB, `vpce:interface:gb` (first PB;
  the next 4 PB and over 5 PB at `vpce:interface:gb:over:<GB>`)
- Gateway Load Balancer endpoint: hour, `vpce:gateway-load-balancer:hour`

Gateway endpoints (S3, DynamoDB; the provider's default type) cost nothing.
"""

from __future__ import annotations

from finops_gate.cost.estimators._defaults import set_from_reference
from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_vpc_endpoint",)
SUBNET_ASSOCIATION = "aws_vpc_endpoint_subnet_association"
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
                keys.VPCE_GATEWAY_LOAD_BALANCER_HOUR,
                HOURS_PER_MONTH,
            )
        ]
    # Billed per hour in each Availability Zone, one network interface per subnet:
    # https://aws.amazon.com/privatelink/pricing/
    subnets = len(view.strings("subnet_ids")) or len(view.blocks("subnet_configuration"))
    note = None
    if not subnets and view.is_unknown("subnet_ids"):
        # Subnets created in the same plan have no ids yet, but the configuration names
        # them: one network interface (AZ) per subnet it names.
        named = view.instances_named("subnet_ids", "aws_subnet")
        subnets = len(named)
        if named:
            note = (
                "subnet_ids known only after apply: one AZ per subnet the configuration "
                f"names ({_listed(named)}); literal subnet ids beside them are not counted"
            )
    associated = tuple(
        association.address
        for association in view.context.referencing_all(
            view.resource, SUBNET_ASSOCIATION, "vpc_endpoint_id"
        )
    )
    if not subnets and associated and not set_from_reference(view, "subnet_ids"):
        # No subnets of its own: each association adds one, and is priced itself.
        endpoint = ComponentSpec(
            "Interface endpoint (0 AZ of its own)",
            "hour",
            keys.VPCE_INTERFACE_HOUR,
            0.0,
            note=f"subnet_ids not set: its AZs come from {_listed(associated)}, priced there",
        )
    elif subnets:
        endpoint = ComponentSpec(
            f"Interface endpoint ({subnets} AZ)",
            "hour",
            keys.VPCE_INTERFACE_HOUR,
            subnets * HOURS_PER_MONTH,
            note=note,
        )
    else:
        why = (
            "subnet_ids unknown until apply"
            if set_from_reference(view, "subnet_ids")
            else "subnet_ids not set: the endpoint's Availability Zones are known only after apply"
        )
        endpoint = ComponentSpec(
            "Interface endpoint (per AZ)", "hour", keys.VPCE_INTERFACE_HOUR, None, unknown=why
        )
    return [
        endpoint,
        usage_spec(
            view,
            "Data processed",
            "GB",
            keys.VPCE_INTERFACE_GB,
            "monthly_data_processed_gb",
            tiered=True,
        ),
    ]


def _listed(addresses: tuple[str, ...]) -> str:
    shown = ", ".join(addresses[:3])
    return shown + (f" and {len(addresses) - 3} more" if len(addresses) > 3 else "")
