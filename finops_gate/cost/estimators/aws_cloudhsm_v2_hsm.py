"""CloudHSM (v2) hardware security module, billed by the hour while it exists.

- HSM usage (usage: `monthly_hrs`, default 730): hour, `cloudhsm:hsm:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudhsm_v2_hsm",)
USAGE_KEYS = ("monthly_hrs",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    hours = view.usage_number("monthly_hrs")
    if hours is None:
        return [ComponentSpec("HSM usage", "hour", keys.CLOUDHSM_HSM_HOUR, HOURS_PER_MONTH)]
    return [
        ComponentSpec(
            "HSM usage",
            "hour",
            keys.CLOUDHSM_HSM_HOUR,
            hours,
            note=f"from the usage file: monthly_hrs = {number_text(hours)}",
        )
    ]
