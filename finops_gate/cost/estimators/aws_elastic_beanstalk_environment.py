"""Elastic Beanstalk environment: the resources Beanstalk creates from the environment's
`setting` blocks, priced as their own types are (Beanstalk itself is free). Only the
settings below are read; a setting another namespace would override is not followed.

- Instances: `InstanceTypes` (its first type; else the deprecated `InstanceType`; else
  Beanstalk's default t3.micro, noted), `MinSize` of them (default 1), on-demand hours,
  `ec2:<type>`
- Root volumes, one per instance: `RootVolumeType` (default gp2), `RootVolumeSize`
  (default 8 GB), `RootVolumeIOPS` for io1; `ebs:<type>:storage`, `ebs:io1:iops`
- Load balancer, unless `EnvironmentType = SingleInstance`: `LoadBalancerType` classic
  (AWS's documented default), application or network; hours and, from the usage file,
  the classic load balancer's data processed (`elb.monthly_data_processed_gb`) or the
  capacity units (`lb.new_connections`, `lb.active_connections`,
  `lb.processed_bytes_gb`, `lb.rule_evaluations`, as for `aws_lb`)
- Database, when `DBInstanceClass` is set: `DBEngine` (default mysql), `MultiAZDatabase`,
  `DBAllocatedStorage` (default 20 GB, the smallest gp2 volume RDS allocates) of gp2
  storage; backup storage from `db.additional_backup_storage_gb`
- CloudWatch logs, when `StreamLogs = true`: `cloudwatch.monthly_data_ingested_gb`,
  `cloudwatch.storage_gb`, `cloudwatch.monthly_data_scanned_gb`
"""

from __future__ import annotations

from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.estimators._usage import given_usage_specs, usage_spec
from finops_gate.cost.estimators.aws_db_instance import engine_key
from finops_gate.cost.estimators.aws_lb import capacity_unit_hours
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_elastic_beanstalk_environment",)
USAGE_KEYS = (
    "elb.monthly_data_processed_gb",
    "lb.new_connections",
    "lb.active_connections",
    "lb.processed_bytes_gb",
    "lb.rule_evaluations",
    "db.additional_backup_storage_gb",
    "cloudwatch.monthly_data_ingested_gb",
    "cloudwatch.storage_gb",
    "cloudwatch.monthly_data_scanned_gb",
)
DEFAULT_INSTANCE_TYPE = "t3.micro"
DEFAULT_ROOT_VOLUME = ("gp2", 8.0)
DEFAULT_DB_ENGINE = "mysql"
DEFAULT_DB_STORAGE_GB = 20.0
_LB_NAMES = {"application": "Application", "network": "Network"}


def _settings(view: AttributeView) -> dict[str, str]:
    """Setting name -> value (Beanstalk's option names are unique across the namespaces
    read here)."""
    found: dict[str, str] = {}
    for block in view.blocks("setting"):
        name, value = block.string("name"), _text(block.values.get("value"))
        if name and value is not None:
            found[name] = value
    return found


def _text(value: object) -> str | None:
    """A setting's value as the provider stores it (a string; HCL mode may still hold the
    number or boolean written in the configuration)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return value if isinstance(value, str) else None


def _number(settings: dict[str, str], name: str) -> float | None:
    try:
        return float(settings[name])
    except (KeyError, ValueError):
        return None


def _instances(settings: dict[str, str]) -> tuple[list[ComponentSpec], float]:
    types = settings.get("InstanceTypes") or settings.get("InstanceType")
    note = None
    if types:
        instance_type = types.split(",")[0].strip()
    else:
        instance_type = DEFAULT_INSTANCE_TYPE
        note = f"no instance type set: Elastic Beanstalk's default, {instance_type}, assumed"
    count = _number(settings, "MinSize") or 1.0
    size = f"{count:g} x {instance_type}" if count != 1 else instance_type
    specs = [
        ComponentSpec(
            f"Instance usage (Linux/UNIX, on-demand, {size})",
            "hour",
            keys.ec2_instance(instance_type),
            HOURS_PER_MONTH * count,
            note=note,
        )
    ]
    volume_type = settings.get("RootVolumeType", DEFAULT_ROOT_VOLUME[0])
    volume_size = _number(settings, "RootVolumeSize") or DEFAULT_ROOT_VOLUME[1]
    iops = _number(settings, "RootVolumeIOPS")
    specs.extend(
        volume_components(
            "Root volumes",
            volume_type,
            volume_size * count,
            None if iops is None else iops * count,
        )
    )
    return specs, count


def _load_balancer(view: AttributeView, settings: dict[str, str]) -> list[ComponentSpec]:
    if settings.get("EnvironmentType") == "SingleInstance":
        return []
    kind = settings.get("LoadBalancerType", "classic")
    if kind == "classic":
        return [
            ComponentSpec("Classic load balancer", "hour", keys.ELB_CLASSIC_HOUR, HOURS_PER_MONTH),
            usage_spec(
                view, "Data processed", "GB", keys.ELB_CLASSIC_GB, "elb.monthly_data_processed_gb"
            ),
        ]
    name = _LB_NAMES.get(kind, kind)
    quantity, note = capacity_unit_hours(view, kind, prefix="lb.")
    return [
        ComponentSpec(f"{name} load balancer", "hour", keys.elb_hour(kind), HOURS_PER_MONTH),
        ComponentSpec(
            f"{name} load balancer capacity units",
            "LCU-hour",
            keys.elb_lcu(kind),
            quantity,
            usage_based=True,
            note=note,
        ),
    ]


def _database(view: AttributeView, settings: dict[str, str]) -> list[ComponentSpec]:
    instance_class = settings.get("DBInstanceClass")
    if not instance_class:
        return []
    engine = settings.get("DBEngine", DEFAULT_DB_ENGINE)
    multi_az = settings.get("MultiAZDatabase", "false").lower() == "true"
    deployment, label = ("multi-az", "Multi-AZ") if multi_az else ("single-az", "Single-AZ")
    storage = _number(settings, "DBAllocatedStorage")
    storage_note = None
    if storage is None:
        storage = DEFAULT_DB_STORAGE_GB
        storage_note = "DBAllocatedStorage not set: 20 GB assumed"
    return [
        ComponentSpec(
            f"Database instance ({engine}, {label}, {instance_class})",
            "hour",
            keys.rds_instance(instance_class, engine_key(engine, None), deployment),
            HOURS_PER_MONTH,
        ),
        ComponentSpec(
            "Database storage (gp2)",
            "GB-month",
            keys.rds_storage("gp2", deployment),
            storage,
            note=storage_note,
        ),
        usage_spec(
            view,
            "Database backup storage",
            "GB-month",
            keys.RDS_BACKUP,
            "db.additional_backup_storage_gb",
        ),
    ]


def _logs(view: AttributeView, settings: dict[str, str]) -> list[ComponentSpec]:
    if settings.get("StreamLogs", "false").lower() != "true":
        return []
    return [
        usage_spec(
            view,
            "Logs data ingested",
            "GB",
            keys.CLOUDWATCH_LOGS_INGEST,
            "cloudwatch.monthly_data_ingested_gb",
        ),
        usage_spec(
            view, "Logs storage", "GB-month", keys.CLOUDWATCH_LOGS_STORAGE, "cloudwatch.storage_gb"
        ),
        *given_usage_specs(
            view,
            (
                (
                    "cloudwatch.monthly_data_scanned_gb",
                    "Logs Insights data scanned",
                    "GB",
                    keys.CLOUDWATCH_LOGS_INSIGHTS,
                    1.0,
                ),
            ),
        ),
    ]


def estimate(view: AttributeView) -> list[ComponentSpec]:
    settings = _settings(view)
    specs, _ = _instances(settings)
    specs.extend(_load_balancer(view, settings))
    specs.extend(_database(view, settings))
    specs.extend(_logs(view, settings))
    return specs
