"""Amazon MQ broker.

- Instance usage (engine, host instance type, deployment mode): hour,
  `mq:<host_instance_type>:<activemq|rabbitmq>:<single-instance|multi-az>`
- Storage (usage: `storage_size_gb`, per broker node): GB-month, `mq:storage:efs`
  (ActiveMQ on EFS, the default), `mq:storage:ebs` (ActiveMQ on EBS) or
  `mq:storage:rabbitmq`

The Multi-AZ hourly price covers every node of the deployment (ActiveMQ's active/standby
pair, RabbitMQ's 3-node cluster); a RabbitMQ cluster stores its data on each of its 3 nodes,
so its storage is 3 x `storage_size_gb`.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_mq_broker",)
USAGE_KEYS = ("storage_size_gb",)
MULTI_AZ_MODES = ("ACTIVE_STANDBY_MULTI_AZ", "CLUSTER_MULTI_AZ")
RABBITMQ_CLUSTER_NODES = 3


def estimate(view: AttributeView) -> list[ComponentSpec]:
    engine_name = view.required_string("engine_type")
    engine = engine_name.lower()
    instance_type = view.required_string("host_instance_type")
    mode = (view.string("deployment_mode") or "SINGLE_INSTANCE").upper()
    deployment = "multi-az" if mode in MULTI_AZ_MODES else "single-instance"
    if engine == "rabbitmq":
        storage_key, storage_label = keys.MQ_STORAGE_RABBITMQ, "EBS"
    elif (view.string("storage_type") or "efs").lower() == "ebs":
        storage_key, storage_label = keys.MQ_STORAGE_EBS, "EBS"
    else:
        storage_key, storage_label = keys.MQ_STORAGE_EFS, "EFS"
    nodes = RABBITMQ_CLUSTER_NODES if engine == "rabbitmq" and deployment == "multi-az" else 1
    return [
        ComponentSpec(
            f"Instance usage ({engine_name}, {instance_type}, {mode.lower()})",
            "hour",
            keys.mq_broker(instance_type, engine, deployment),
            HOURS_PER_MONTH,
        ),
        usage_spec(
            view,
            f"Storage ({engine_name}, {storage_label})",
            "GB-month",
            storage_key,
            "storage_size_gb",
            scale=nodes,
        ),
    ]
