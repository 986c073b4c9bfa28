"""Amazon DocumentDB cluster instance.

- Database instance (on-demand, instance class): hour, `docdb:<instance_class>`
- Storage (usage: `data_storage_gb`): GB-month, `docdb:storage`
- I/O requests (usage: `monthly_io_requests`): 1M requests, `docdb:io`
- CPU credits (burstable db.t3 / db.t4g classes, usage: `monthly_cpu_credit_hrs`):
  vCPU-hour, `docdb:cpu-credits`

Storage and I/O are billed per cluster; like Infracost, they are shown on each instance
and come from that instance's usage entry.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_docdb_cluster_instance",)
USAGE_KEYS = ("data_storage_gb", "monthly_io_requests", "monthly_cpu_credit_hrs")
PER_MILLION = 1e-6
BURSTABLE_PREFIXES = ("db.t3.", "db.t4g.")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    specs = [
        ComponentSpec(
            f"Database instance (on-demand, {instance_class})",
            "hour",
            keys.docdb_instance(instance_class),
            HOURS_PER_MONTH,
        ),
        usage_spec(view, "Storage", "GB-month", keys.DOCDB_STORAGE, "data_storage_gb"),
        usage_spec(
            view,
            "I/O requests",
            "1M requests",
            keys.DOCDB_IO,
            "monthly_io_requests",
            scale=PER_MILLION,
        ),
    ]
    if instance_class.startswith(BURSTABLE_PREFIXES):
        specs.append(
            usage_spec(
                view, "CPU credits", "vCPU-hour", keys.DOCDB_CPU_CREDITS, "monthly_cpu_credit_hrs"
            )
        )
    return specs
