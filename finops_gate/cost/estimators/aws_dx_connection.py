"""Direct Connect dedicated connection.

- DX connection: port-hour, `dx:dedicated:<bandwidth>:hour` (`bandwidth` as `1Gbps`)
- Outbound data transfer (from the connection's region to its location, usage:
  `monthly_outbound_region_to_dx_location_gb`): GB, `dx:data-out`

Port prices are per bandwidth; the few locations AWS prices higher (Japan) are not told
apart. Infracost's per-region map `monthly_outbound_from_region_to_dx_connection_location`
is not read yet.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dx_connection",)
USAGE_KEYS = ("monthly_outbound_region_to_dx_location_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    bandwidth = view.required_string("bandwidth")
    location = view.string("location") or "its location"
    return [
        ComponentSpec(
            "DX connection", "port-hour", keys.dx_port("dedicated", bandwidth), HOURS_PER_MONTH
        ),
        usage_spec(
            view,
            f"Outbound data transfer (from {view.region}, to {location})",
            "GB",
            keys.DX_DATA_OUT,
            "monthly_outbound_region_to_dx_location_gb",
        ),
    ]
