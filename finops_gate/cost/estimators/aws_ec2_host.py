"""EC2 Dedicated Host, on-demand or reserved, by instance family.

A physical server billed by the hour whatever runs on it (the instances placed on it pay
nothing more).

- EC2 Dedicated Host (on-demand, family): hour, `ec2-host:<family>`

The family is `instance_family`, or the family of `instance_type` (`c5.large` -> `c5`).

From the usage file: `reserved_instance_term` (`1_year`, `3_year`) and
`reserved_instance_payment_option` (`no_upfront`, the default; `partial_upfront`;
`all_upfront`) price the host as reserved, "EC2 Dedicated Host (reserved, family)", at its
recurring hourly rate, `ec2-host:<family>:reserved:<1y|3y>:<payment>`: All Upfront is AWS's
published $0; a family without a rate is "price not found", never the on-demand rate. The
upfront fee is paid once at purchase and is not part of the monthly cost (docs/reservations.md).
"""

from __future__ import annotations

from finops_gate.cost.estimators._db_usage import RESERVED_WORDS, reserved
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_host",)
USAGE_TEXT_KEYS = RESERVED_WORDS


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
        reserved(
            view,
            ComponentSpec(
                f"EC2 Dedicated Host (on-demand, {family})",
                "hour",
                keys.ec2_host(family),
                HOURS_PER_MONTH,
            ),
        )
    ]
