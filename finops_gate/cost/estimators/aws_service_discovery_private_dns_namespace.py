"""AWS Cloud Map DNS namespace: the Route 53 hosted zone it creates.

A private (`aws_service_discovery_private_dns_namespace`) or public
(`aws_service_discovery_public_dns_namespace`) DNS namespace creates a Route 53 hosted zone,
billed as one. An HTTP namespace creates none and is free. Instances registered in the
namespace's services are priced on `aws_service_discovery_service` /
`aws_service_discovery_instance`.

- Hosted zone: zone-month, `route53:zone` (global, priced in us-east-1)
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = (
    "aws_service_discovery_private_dns_namespace",
    "aws_service_discovery_public_dns_namespace",
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Hosted zone (created by the namespace)",
            "zone-month",
            keys.ROUTE53_ZONE,
            1,
            region=keys.GLOBAL_REGION,
        )
    ]
