"""Direct Connect dedicated connection.

- DX connection: port-hour, `dx:dedicated:<bandwidth>:hour` (`bandwidth` as `1Gbps`)
- Outbound data transfer (from a region to the connection's location): GB, `dx:data-out`
  of that region; usage: `monthly_outbound_from_region_to_dx_connection_location`, a map
  of region (`eu_west_1`) to GB, or else `monthly_outbound_region_to_dx_location_gb`, GB
  from the connection's own region

Port prices are per bandwidth; the few locations AWS prices higher (Japan) are not told
apart. Data out is priced at the rate of the region it leaves, which AWS charges for a
location in the same geographic area; a location on another continent costs more.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.plan.aws_regions import COMMERCIAL, GOVCLOUD
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dx_connection",)
BY_REGION = "monthly_outbound_from_region_to_dx_connection_location"
REGION_USAGE_NAMES = {region.replace("-", "_"): region for region in (*COMMERCIAL, *GOVCLOUD)}
USAGE_KEYS = (
    "monthly_outbound_region_to_dx_location_gb",
    *(f"{BY_REGION}.{name}" for name in REGION_USAGE_NAMES),
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    bandwidth = view.required_string("bandwidth")
    location = view.string("location") or "its location"
    specs = [
        ComponentSpec(
            "DX connection", "port-hour", keys.dx_port("dedicated", bandwidth), HOURS_PER_MONTH
        )
    ]
    by_region = [
        (region, gb)
        for name, region in REGION_USAGE_NAMES.items()
        if (gb := view.usage_number(f"{BY_REGION}.{name}")) is not None
    ]
    if not by_region:
        specs.append(
            usage_spec(
                view,
                f"Outbound data transfer (from {view.region}, to {location})",
                "GB",
                keys.DX_DATA_OUT,
                "monthly_outbound_region_to_dx_location_gb",
            )
        )
    for region, gb in sorted(by_region):
        specs.append(
            ComponentSpec(
                f"Outbound data transfer (from {region}, to {location})",
                "GB",
                keys.DX_DATA_OUT,
                gb,
                usage_based=True,
                note=f"from the usage file: {BY_REGION}.{region.replace('-', '_')} = "
                + number_text(gb),
                region=region,
            )
        )
    return specs
