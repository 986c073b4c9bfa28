"""Amazon Neptune cluster instance.

- Database instance (on-demand, instance class): hour, `neptune:<instance_class>`, or
  `neptune:<instance_class>:iopt1` when the cluster it references has
  `storage_type = "iopt1"` (I/O-Optimized)
- CPU credits (burstable db.t3 / db.t4g classes, usage: `monthly_cpu_credit_hrs`):
  vCPU-hour, `neptune:cpu-credits`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_neptune_cluster_instance",)
USAGE_KEYS = ("monthly_cpu_credit_hrs",)
BURSTABLE_PREFIXES = ("db.t3.", "db.t4g.")
IO_OPTIMIZED = "iopt1"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    cluster = view.referenced("cluster_identifier")
    io_optimized = cluster is not None and cluster.string("storage_type") == IO_OPTIMIZED
    configuration = ", I/O-optimized" if io_optimized else ""
    specs = [
        ComponentSpec(
            f"Database instance (on-demand, {instance_class}{configuration})",
            "hour",
            keys.neptune_instance(instance_class, io_optimized),
            HOURS_PER_MONTH,
        )
    ]
    if instance_class.startswith(BURSTABLE_PREFIXES):
        specs.append(
            usage_spec(
                view,
                "CPU credits",
                "vCPU-hour",
                keys.NEPTUNE_CPU_CREDITS,
                "monthly_cpu_credit_hrs",
            )
        )
    return specs
