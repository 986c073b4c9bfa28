"""Aurora cluster instance.

- Database instance: hour, `rds:<instance_class>:<aurora-mysql|aurora-postgresql>:single-az`
  (Aurora standard storage configuration; each instance is billed once, replicas included)
- Serverless v2 capacity (`instance_class = "db.serverless"`; usage:
  `capacity_units_per_hr`, average ACUs): ACU-hour, `aurora:serverless-v2:acu`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_rds_cluster_instance",)
USAGE_KEYS = ("capacity_units_per_hr",)


def aurora_engine(engine: str | None) -> str:
    if engine in (None, "aurora", "aurora-mysql"):
        return "aurora-mysql"
    return engine


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    engine = aurora_engine(view.string("engine"))
    if instance_class == "db.serverless":
        acus = view.usage_number("capacity_units_per_hr")
        return [
            ComponentSpec(
                f"Serverless v2 capacity ({engine})",
                "ACU-hour",
                "aurora:serverless-v2:acu",
                None if acus is None else acus * HOURS_PER_MONTH,
                usage_based=True,
                note=None
                if acus is None
                else f"from the usage file: capacity_units_per_hr = {acus:g}",
            )
        ]
    return [
        ComponentSpec(
            f"Database instance ({engine}, {instance_class})",
            "hour",
            f"rds:{instance_class}:{engine}:single-az",
            HOURS_PER_MONTH,
        )
    ]
