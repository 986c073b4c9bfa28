"""Global Accelerator endpoint group: the data-transfer premium (global, us-east-1 prices).

AWS bills the premium per GB in the dominant direction of the accelerator's traffic, at a
rate set by the endpoint group's region group (`endpoint_group_region`, else the
resource's region) and the users' geography. As in Infracost's usage file, the traffic is
given per geography under `monthly_inbound_data_transfer_gb` and
`monthly_outbound_data_transfer_gb` (keys `us`, `europe`, `south_africa`,
`south_america`, `south_korea`, `middle_east`, `australia`, `asia_pacific`, `india`); the
direction with the larger total is billed (inbound on a tie), one line per geography
with traffic. Without usage, one usage-based line shows the rate within the group's own
geography. Rates only some pairs have in the sources: the others are "price not found".

- <In|Out>bound DT-premium fee (<geography>): GB,
  `globalaccelerator:dt-premium:<region group>:<geography>:<in|out>`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_globalaccelerator_endpoint_group",)

DIRECTIONS = {"in": "monthly_inbound_data_transfer_gb", "out": "monthly_outbound_data_transfer_gb"}
# usage key -> (AWS's geography code, name)
GEOGRAPHIES = {
    "us": ("na", "US, Mexico, Canada"),
    "europe": ("eu", "Europe"),
    "south_africa": ("za", "South Africa, Kenya"),
    "south_america": ("sa", "South America"),
    "south_korea": ("kr", "South Korea"),
    "middle_east": ("me", "Middle East"),
    "australia": ("au", "Australia, New Zealand"),
    "asia_pacific": ("ap", "Asia Pacific"),
    "india": ("in", "India, Indonesia, Philippines, Thailand"),
}
USAGE_KEYS = tuple(f"{key}.{geo}" for key in DIRECTIONS.values() for geo in GEOGRAPHIES)
# region name prefix -> AWS's region group (GovCloud first: it also starts with "us-")
REGION_GROUPS = (
    ("us-gov-", "us"),
    ("us-", "na"),
    ("ca-", "na"),
    ("mx-", "na"),
    ("eu-", "eu"),
    ("il-", "eu"),
    ("ap-", "ap"),
    ("cn-", "ap"),
    ("me-", "me"),
    ("sa-", "sa"),
    ("af-", "za"),
)
OWN_GEOGRAPHY = {"na": "us", "us": "us", "eu": "europe", "ap": "asia_pacific", "me": "middle_east"}
OWN_GEOGRAPHY.update({"sa": "south_america", "za": "south_africa"})


def region_group(region: str) -> str:
    for prefix, group in REGION_GROUPS:
        if region.startswith(prefix):
            return group
    return "na"


def _line(source: str, direction: str, geo: str, quantity: float | None) -> ComponentSpec:
    code, name = GEOGRAPHIES[geo]
    note = None
    if quantity is not None:
        note = f"from the usage file: {DIRECTIONS[direction]}.{geo} = {number_text(quantity)}"
    return ComponentSpec(
        f"{direction.title()}bound DT-premium fee ({name})",
        "GB",
        keys.globalaccelerator_dt_premium(source, code, direction),
        quantity,
        usage_based=True,
        note=note,
        region=GLOBAL_REGION,
    )


def estimate(view: AttributeView) -> list[ComponentSpec]:
    source = region_group(view.string("endpoint_group_region") or view.region)
    traffic = {
        direction: {geo: view.usage_number(f"{key}.{geo}") for geo in GEOGRAPHIES}
        for direction, key in DIRECTIONS.items()
    }
    used = [geo for geo in GEOGRAPHIES if any(traffic[d][geo] is not None for d in DIRECTIONS)]
    if not used:
        return [_line(source, "in", OWN_GEOGRAPHY[source], None)]
    totals = {d: sum(v or 0.0 for v in traffic[d].values()) for d in DIRECTIONS}
    direction = "out" if totals["in"] < totals["out"] else "in"
    return [_line(source, direction, geo, traffic[direction][geo] or 0.0) for geo in used]
