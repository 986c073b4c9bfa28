"""Amazon Lightsail instance, by bundle (memory, vCPUs, storage and transfer at one rate).

- Virtual server (Linux/UNIX or Windows): hour,
  `lightsail:<memory>gb:<linux|windows>[:ipv6]`

The size comes from `bundle_id`'s first word (`nano` 0.5 GB ... `4xlarge` 64 GB), Windows
from `_win_` and IPv6-only bundles from `_ipv6_` in it (e.g. `small_win_3_0`,
`nano_ipv6_3_0`). AWS caps a month at the bundle's monthly price (the hourly rate x 744
hours); like every hourly price here it is counted for 730 hours.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_lightsail_instance",)

MEMORY_GB = {
    "nano": "0.5",
    "micro": "1",
    "small": "2",
    "medium": "4",
    "large": "8",
    "xlarge": "16",
    "2xlarge": "32",
    "4xlarge": "64",
}


def estimate(view: AttributeView) -> list[ComponentSpec]:
    bundle_id = view.string("bundle_id")
    if bundle_id is None:
        raise UnknownAttributeError("bundle_id")
    words = bundle_id.lower().split("_")
    windows = "win" in words
    label = "Windows" if windows else "Linux/UNIX"
    memory = MEMORY_GB.get(words[0])
    if memory is None:
        key = keys.lightsail_bundle(bundle_id.lower())
    else:
        key = keys.lightsail_instance(memory, "windows" if windows else "linux", "ipv6" in words)
    return [ComponentSpec(f"Virtual server ({label})", "hour", key, HOURS_PER_MONTH)]
