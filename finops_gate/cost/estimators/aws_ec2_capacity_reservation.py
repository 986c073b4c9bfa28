"""EC2 On-Demand Capacity Reservation (the on-demand rate, used or not)

AWS bills every reserved instance at the on-demand rate of its type, whether an instance
runs in it or not; an instance that does is not billed again (see `aws_instance`).
`end_date` is ignored: a month is priced.

- Reserved capacity: `instance_count` x hour, `ec2:<instance_type>` for
  `instance_platform = "Linux/UNIX"`; `ec2:<instance_type>:dedicated` for
  `tenancy = "dedicated"`; other platforms `ec2:<instance_type>:<platform>` (the platform
  in lower case, words joined by `-`, e.g. `ec2:m5.large:windows`), price not found unless
  the table has that key
"""

from __future__ import annotations

import re

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ec2_capacity_reservation",)
LINUX = "Linux/UNIX"
_NOT_A_WORD = re.compile(r"[^a-z0-9]+")


def platform_slug(platform: str) -> str:
    """The price key part of a non-Linux platform: "Red Hat Enterprise Linux" -> "red-hat-
    enterprise-linux"; empty for Linux/UNIX, whose price is the plain `ec2:<type>` key."""
    if platform == LINUX:
        return ""
    return _NOT_A_WORD.sub("-", platform.lower()).strip("-")


def platform_suffix(platform: str) -> str:
    """The slug as it ends a price key: ":red-hat-enterprise-linux", "" for Linux/UNIX."""
    slug = platform_slug(platform)
    return f":{slug}" if slug else ""


def reserved_count(view: AttributeView) -> float:
    count = view.number("instance_count")
    if count is None or view.is_unknown("instance_count"):
        raise UnknownAttributeError("instance_count")
    return count


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_type = view.required_string("instance_type")
    platform = view.string("instance_platform", LINUX) or LINUX
    dedicated = view.string("tenancy", "default") == "dedicated"
    count = reserved_count(view)
    key = keys.ec2_platform(instance_type, platform_slug(platform), dedicated)
    tenancy = "dedicated" if dedicated else "shared"
    return [
        ComponentSpec(
            f"Reserved capacity ({platform}, on-demand, {tenancy}, {count:g} x {instance_type})",
            "hour",
            key,
            HOURS_PER_MONTH * count,
            note="billed whether or not instances run in it",
        )
    ]
