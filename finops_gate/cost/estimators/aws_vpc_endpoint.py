"""VPC endpoint (interface endpoints per Availability Zone; gateway endpoints are free).

- Interface endpoint: one per subnet (AZ) x hour, `vpce:interface:hour` (terraform marks
  the whole `subnet_ids` set unknown as soon as one id is: then one per subnet resource
  instance the configuration names, through module outputs and inputs; literal ids
  beside them are not counted; none named: the component is unknown); plus one per
  `aws_vpc_endpoint_subnet_association` that references the endpoint
- Data processed (usage: `monthly_data_processed_gb`): GB, `vpce:interface:gb` (first PB;
  the next 4 PB and over 5 PB at `vpce:interface:gb:over:<GB>`)
- Gateway Load Balancer endpoint: hour, `vpce:gateway-load-balancer:hour`

Gateway endpoints (S3, DynamoDB; the provider's default type) cost nothing.
"""

from __future__ import annotations

from finops_gate.cost.estimators._defaults import joined, set_from_reference
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
    # A subnet added by an association resource gets a network interface too (an existing
    # endpoint's subnet_ids already lists the subnets associated before: not twice).
    unresolved = not subnets and set_from_reference(view, "subnet_ids")
    listed = set(view.strings("subnet_ids"))
    associated = [
        association.address
        for association in view.context.referencing_all(
            view.resource, SUBNET_ASSOCIATION, "vpc_endpoint_id"
        )
        if association.current.get("subnet_id") not in listed
    ]
    if associated and not unresolved:
        subnets += len(associated)
        note = joined(
            note, f"{len(associated)} AZ from {SUBNET_ASSOCIATION} ({_listed(tuple(associated))})"
        )
    if subnets:
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
