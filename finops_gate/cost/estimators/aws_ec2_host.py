"""EC2 Dedicated Host, on-demand, by instance family.

A physical server billed by the hour whatever runs on it (the instances placed on it pay
nothing more).

- EC2 Dedicated Host (on-demand, family): hour, `ec2-host:<family>`

The family is `instance_family`, or the family of `instance_type` (`c5.large` -> `c5`).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_host",)


def _family(view: AttributeView) -> str:
    family = view.string("instance_family")
    if family is not None:
        return family
    instance_type = view.string("instance_type")
    if instance_type is not None:
        return instance_type.split(".", 1)[0]
    raise UnknownAttributeError("instance_family")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    family = _family(view).lower()
    return [
        ComponentSpec(
            f"EC2 Dedicated Host (on-demand, {family})",
            "hour",
            keys.ec2_host(family),
            HOURS_PER_MONTH,
        )
    ]
