"""MSK (managed Kafka) provisioned cluster.

- Brokers: `number_of_broker_nodes` x hour, `msk:<instance_type>` (e.g.
  `msk:kafka.m5.large`)
- Broker storage: brokers x the EBS volume size, GB-month, `msk:storage` (no
  `storage_info`: AWS sets the size at creation, so it is known only after apply)

Storage scaled by Application Auto Scaling (`aws_appautoscaling_target` with
`scalable_dimension = "kafka:broker-storage:VolumeSize"`, whose `resource_id` references
the cluster or is its ARN) is priced at the target's `min_capacity` per broker, or the
usage file's `capacity` for the target, as Infracost does.
"""

from __future__ import annotations

from finops_gate.cost.estimators import _autoscaling
from finops_gate.cost.estimators._autoscaling import autoscaling_minimums, prefixed
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_msk_cluster",)
RELATED_USAGE_KEYS = _autoscaling.RELATED_USAGE_KEYS


def _volume_size(group: AttributeView) -> float | None:
    for storage in group.blocks("storage_info"):
        for ebs in storage.blocks("ebs_storage_info"):
            size = ebs.number("volume_size")
            if size is not None:
                return size
    return group.number("ebs_volume_size")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    groups = view.blocks("broker_node_group_info")
    if not groups:
        raise UnknownAttributeError("broker_node_group_info")
    group = groups[0]
    instance_type = group.string("instance_type")
    if instance_type is None:
        raise UnknownAttributeError("broker_node_group_info.instance_type")
    brokers = view.number("number_of_broker_nodes")
    if brokers is None:
        raise UnknownAttributeError("number_of_broker_nodes")
    specs = [
        ComponentSpec(
            f"Brokers ({brokers:g} x {instance_type})",
            "hour",
            keys.msk_broker(instance_type),
            brokers * HOURS_PER_MONTH,
        )
    ]
    size = _volume_size(group)
    arn = prefixed("", view.string("arn"))  # a literal ARN: known for an existing cluster
    minimum = autoscaling_minimums(view, arn).get("kafka:broker-storage:VolumeSize")
    if minimum:
        size = minimum.capacity
    if size:
        specs.append(
            ComponentSpec(
                f"Broker storage ({brokers:g} x {size:g} GB{', autoscaling' if minimum else ''})",
                "GB-month",
                keys.MSK_STORAGE,
                brokers * size,
                note=f"{number_text(size)} GB per broker: {minimum.note}" if minimum else None,
            )
        )
    else:
        # The API has no documented default size (EBSStorageInfo.VolumeSize, 1 to 16,384
        # GiB: https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html): the
        # volume AWS creates is known only after apply.
        specs.append(
            ComponentSpec(
                f"Broker storage ({brokers:g} brokers)",
                "GB-month",
                keys.MSK_STORAGE,
                None,
                unknown="broker volume size not set: chosen by AWS at creation",
            )
        )
    return specs
