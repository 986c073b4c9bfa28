"""Aurora cluster instance.

- Database instance: hour, `rds:<instance_class>:<aurora-mysql|aurora-postgresql>:single-az`
  (each instance is billed once, replicas included); in an I/O-Optimized cluster
  (`aws_rds_cluster.storage_type = "aurora-iopt1"`, the cluster its `cluster_identifier`
  references), `rds:<instance_class>:<engine>-iopt1:single-az`
- Serverless v2 capacity (`instance_class = "db.serverless"`; usage:
  `capacity_units_per_hr`, average ACUs): ACU-hour, `aurora:serverless-v2:acu`
  (`aurora:serverless-v2:acu:iopt1` in an I/O-Optimized cluster)
- Performance Insights retention (`performance_insights_enabled`, with a
  `performance_insights_retention_period` beyond the free 7 days): vCPU-month,
  `rds:performance-insights:retention:<family>` (m5 and t3 priced; others "price not found")
- Extended support (an `engine_version`, or the cluster's, past standard support on the
  date the plan is priced on, `_rds_extended_support.py`): vCPU-hour,
  `rds:extended-support:years-1-2` or `rds:extended-support:year-3`

From the usage file (shown when given): `reserved_instance_term` (`1_year`, `3_year`) and
`reserved_instance_payment_option` price the instance as reserved,
`<instance key>:reserved:<1y|3y>:<payment>`, the recurring hourly rate (All Upfront:
AWS's published $0; a class without a rate: "price not found", never the on-demand
rate; the upfront fee is not a monthly cost); CPU credits of burstable classes
(`monthly_cpu_credit_hrs` x `vcpu_count` or the class's vCPUs): vCPU-hour, `aurora:cpu-credits`;
Performance Insights API requests (`monthly_additional_performance_insights_requests`):
1k requests, `rds:performance-insights:api`
"""

from __future__ import annotations

from finops_gate.cost.estimators._db_usage import (
    RESERVED_WORDS,
    cpu_credits,
    performance_insights,
    performance_insights_retention,
    reserved,
)
from finops_gate.cost.estimators._rds_extended_support import extended_support
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_rds_cluster_instance",)
USAGE_KEYS = (
    "capacity_units_per_hr",
    "monthly_cpu_credit_hrs",
    "vcpu_count",
    "monthly_additional_performance_insights_requests",
)
USAGE_TEXT_KEYS = RESERVED_WORDS
IO_OPTIMIZED = "aurora-iopt1"


def aurora_engine(engine: str | None) -> str:
    if engine in (None, "aurora", "aurora-mysql"):
        return "aurora-mysql"
    return engine


def io_optimized(view: AttributeView) -> bool:
    """Whether the cluster this instance belongs to (when the plan has it) uses the
    I/O-Optimized storage configuration, which bills instances at a higher rate."""
    cluster = view.referenced("cluster_identifier")
    return cluster is not None and cluster.string("storage_type") == IO_OPTIMIZED


def estimate(view: AttributeView) -> list[ComponentSpec]:
    instance_class = view.required_string("instance_class")
    engine = aurora_engine(view.string("engine"))
    optimized = io_optimized(view)
    suffix = "-iopt1" if optimized else ""
    configuration = ", I/O-Optimized" if optimized else ""
    if instance_class == "db.serverless":
        acus = view.usage_number("capacity_units_per_hr")
        return [
            ComponentSpec(
                f"Serverless v2 capacity ({engine}{configuration})",
                "ACU-hour",
                keys.AURORA_SERVERLESS_V2_ACU_IOPT1 if optimized else keys.AURORA_SERVERLESS_V2_ACU,
                None if acus is None else acus * HOURS_PER_MONTH,
                usage_based=True,
                note=None
                if acus is None
                else f"from the usage file: capacity_units_per_hr = {number_text(acus)}",
            )
        ]
    return [
        reserved(
            view,
            ComponentSpec(
                f"Database instance ({engine}{configuration}, {instance_class})",
                "hour",
                keys.rds_instance(instance_class, f"{engine}{suffix}", "single-az"),
                HOURS_PER_MONTH,
            ),
        ),
        *_extended_support(view, engine, instance_class),
        *cpu_credits(view, instance_class, keys.AURORA_CPU_CREDITS),
        *performance_insights_retention(view, instance_class),
        *performance_insights(view),
    ]


def _extended_support(view: AttributeView, engine: str, instance_class: str) -> list[ComponentSpec]:
    """Extended support by the instance's engine version, else its cluster's."""
    version = view.string("engine_version")
    if version is None:
        cluster = view.referenced("cluster_identifier")
        version = None if cluster is None else cluster.string("engine_version")
    support = extended_support(engine, version, instance_class, view.today)
    return [] if support is None else [support]
