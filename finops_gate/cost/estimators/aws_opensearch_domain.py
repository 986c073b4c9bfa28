"""OpenSearch domain (`aws_opensearch_domain`, and the older `aws_elasticsearch_domain`).

- Instances: `instance_count` x hour, `opensearch:<instance_type>` (types spelled as
  OpenSearch does, `m5.large.search`; `.elasticsearch` names are mapped to `.search`)
- Dedicated master nodes: `dedicated_master_count` x hour, `opensearch:<type>`
- UltraWarm nodes: `warm_count` x hour, `opensearch:<warm_type>`
- Storage: instances x `volume_size` GB-month, `opensearch:storage:<gp2|gp3|io1|standard>`
  (no `volume_type`: priced as gp2; no `volume_size`: known only after apply)
- io1 provisioned IOPS per instance: IOPS-month, `opensearch:io1:iops`
- gp3 IOPS above 3,000 and throughput above 125 MiBps per instance: IOPS-month,
  `opensearch:gp3:iops`; MiBps-month, `opensearch:gp3:throughput`
- Dedicated coordinator nodes (`node_options` with `node_type = "coordinator"` and
  `node_config { enabled = true }`): `count` x hour, `opensearch:<type>`; they hold no data,
  so no storage

Storage is priced at the domain's region's own key, never another region's or volume
type's: a region whose table lacks the key gets "price not found".
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_opensearch_domain", "aws_elasticsearch_domain")
DEFAULT_INSTANCE_TYPE = "m4.large.search"


def search_type(instance_type: str) -> str:
    if instance_type.endswith(".elasticsearch"):
        return instance_type.removesuffix(".elasticsearch") + ".search"
    return instance_type


def _nodes(label: str, instance_type: str, count: float) -> ComponentSpec:
    name = search_type(instance_type)
    return ComponentSpec(
        f"{label} ({count:g} x {name})",
        "hour",
        keys.opensearch_instance(name),
        count * HOURS_PER_MONTH,
    )


def _coordinator_nodes(cluster: AttributeView) -> list[ComponentSpec]:
    specs = []
    for option in cluster.blocks("node_options"):
        if option.string("node_type") != "coordinator":
            continue
        for config in option.blocks("node_config"):
            if not config.boolean("enabled"):
                continue
            node_type = config.string("type")
            if node_type is None:
                raise UnknownAttributeError("cluster_config.node_options.node_config.type")
            count = config.number("count")
            if count is None or config.is_unknown("count"):
                raise UnknownAttributeError("cluster_config.node_options.node_config.count")
            specs.append(_nodes("Coordinator nodes", node_type, count))
    return specs


def estimate(view: AttributeView) -> list[ComponentSpec]:
    clusters = view.blocks("cluster_config")
    cluster = clusters[0] if clusters else None
    instance_type = (cluster.string("instance_type") if cluster else None) or DEFAULT_INSTANCE_TYPE
    count = (cluster.number("instance_count") if cluster else None) or 1.0
    instances = _nodes("Instances", instance_type, count)
    if cluster is None or cluster.string("instance_type") is None:
        # The provider's default instance type (cluster_config.instance_type).
        instances = replace(
            instances, note="instance type not set: m4.large.search, the provider default"
        )
    specs = [instances]
    if cluster is not None and cluster.boolean("dedicated_master_enabled"):
        master_type = cluster.string("dedicated_master_type")
        if master_type is None:
            raise UnknownAttributeError("cluster_config.dedicated_master_type")
        masters = cluster.number("dedicated_master_count") or 3.0
        specs.append(_nodes("Dedicated master nodes", master_type, masters))
    if cluster is not None and cluster.boolean("warm_enabled"):
        warm_type = cluster.string("warm_type")
        if warm_type is None:
            raise UnknownAttributeError("cluster_config.warm_type")
        specs.append(_nodes("UltraWarm nodes", warm_type, cluster.number("warm_count") or 2.0))
    if cluster is not None:
        specs.extend(_coordinator_nodes(cluster))
    for ebs in view.blocks("ebs_options"):
        if not ebs.boolean("ebs_enabled"):
            continue
        volume_type = ebs.string("volume_type")
        type_note = None
        if volume_type is None:
            volume_type, type_note = "gp2", "volume_type unknown until apply: priced as gp2"
        size = ebs.number("volume_size")
        if size is None:
            specs.append(
                ComponentSpec(
                    f"Storage ({volume_type}, size unknown)",
                    "GB-month",
                    keys.opensearch_storage(volume_type),
                    None,
                    note=type_note,
                    unknown="ebs_options.volume_size unknown until apply",
                )
            )
            continue
        specs.append(
            ComponentSpec(
                f"Storage ({volume_type}, {count:g} x {size:g} GB)",
                "GB-month",
                keys.opensearch_storage(volume_type),
                size * count,
                note=type_note,
            )
        )
        if volume_type == "io1" and ebs.number("iops"):
            io1_iops = ebs.number("iops") or 0.0
            specs.append(
                ComponentSpec(
                    f"Storage IOPS (io1, {count:g} x {io1_iops:g})",
                    "IOPS-month",
                    keys.OPENSEARCH_IO1_IOPS,
                    io1_iops * count,
                )
            )
        if volume_type == "gp3":
            iops = max(0.0, (ebs.number("iops") or 3000.0) - 3000.0)
            throughput = max(0.0, (ebs.number("throughput") or 125.0) - 125.0)
            if iops:
                specs.append(
                    ComponentSpec(
                        "Storage IOPS above 3,000",
                        "IOPS-month",
                        keys.OPENSEARCH_GP3_IOPS,
                        iops * count,
                    )
                )
            if throughput:
                specs.append(
                    ComponentSpec(
                        "Storage throughput above 125 MiBps",
                        "MiBps-month",
                        keys.OPENSEARCH_GP3_THROUGHPUT,
                        throughput * count,
                    )
                )
    return specs
