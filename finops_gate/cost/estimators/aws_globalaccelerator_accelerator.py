"""Global Accelerator accelerator (global: priced in us-east-1).

- Fixed fee: hour, `globalaccelerator:hour`

The data-transfer premium is billed on the endpoint groups
(`aws_globalaccelerator_endpoint_group`).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_globalaccelerator_accelerator",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Fixed fee",
            "hour",
            keys.GLOBAL_ACCELERATOR_HOUR,
            HOURS_PER_MONTH,
            region=GLOBAL_REGION,
        )
    ]
