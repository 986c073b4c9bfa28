"""Classic load balancer.

- Classic load balancer: hour, `elb:classic:hour`
- Data processed (usage: `monthly_data_processed_gb`): GB, `elb:classic:gb`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_elb",)
USAGE_KEYS = ("monthly_data_processed_gb",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Classic load balancer", "hour", keys.ELB_CLASSIC_HOUR, HOURS_PER_MONTH),
        usage_spec(view, "Data processed", "GB", keys.ELB_CLASSIC_GB, "monthly_data_processed_gb"),
    ]
