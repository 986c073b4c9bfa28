"""AWS DMS replication instance.

- Instance (class without `dms.`): hour, `dms:<replication_instance_class>:<single-az|multi-az>`
- Storage (general purpose SSD, gp2): GB-month, `dms:storage:<single-az|multi-az>`, for
  `allocated_storage` beyond what the instance includes (50 GB for T2 / T3 classes, 100 GB
  for C4, C5, C6i, R4, R5 and R6i; none assumed for other families); no line when
  nothing is beyond it
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dms_replication_instance",)
INCLUDED_STORAGE_GB = {
    "t2": 50,
    "t3": 50,
    "c4": 100,
    "c5": 100,
    "c6i": 100,
    "r4": 100,
    "r5": 100,
    "r6i": 100,
}
DEFAULT_STORAGE_GB = 50  # the provider's default allocated_storage


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("replication_instance_class")
    deployment = "multi-az" if view.boolean("multi_az") else "single-az"
    size = instance_class.removeprefix("dms.")
    specs = [
        ComponentSpec(
            f"Instance ({size})",
            "hour",
            keys.dms_instance(instance_class, deployment),
            HOURS_PER_MONTH,
        )
    ]
    family = size.split(".")[0]
    allocated = view.number("allocated_storage", DEFAULT_STORAGE_GB) or 0
    beyond = allocated - INCLUDED_STORAGE_GB.get(family, 0)
    if beyond > 0:
        storage_key = (
            keys.DMS_STORAGE_MULTI_AZ if deployment == "multi-az" else keys.DMS_STORAGE_SINGLE_AZ
        )
        specs.append(
            ComponentSpec(
                "Storage (general purpose SSD, gp2)",
                "GB-month",
                storage_key,
                beyond,
            )
        )
    return specs
