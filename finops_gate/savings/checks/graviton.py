"""graviton: an x86 EC2, RDS, ElastiCache, OpenSearch or MSK type -> the Graviton (arm64)
type of the same size.

Looks at `instance_type` of `aws_instance`, `aws_launch_template` and
`aws_launch_configuration` (per instance launched from them, so Auto Scaling groups and
EKS node groups that use them), the `mixed_instances_policy` override types of
`aws_autoscaling_group` (all together, the group re-priced through its estimator; silent
when one has no equivalent or the overrides weigh differently), and
`instance_class` of `aws_db_instance` and
`aws_rds_cluster_instance` (MySQL, PostgreSQL, MariaDB and Aurora only: RDS runs no other
engine on Graviton), `node_type` of ElastiCache clusters and replication groups
(cache.m5 -> cache.m6g, cache.r5 -> cache.r6g, cache.t3 -> cache.t4g),
`cluster_config.instance_type` of OpenSearch domains (m5.large.search -> m6g.large.search,
c5 -> c6g, r5 -> r6g) and `broker_node_group_info.instance_type` of MSK clusters
(kafka.m5 -> kafka.m7g); Lambda `architectures` x86_64 -> arm64 and Fargate task
definitions' `runtime_platform.cpu_architecture` X86_64 -> ARM64 (savings/_arm_runtimes.py:
a dollar figure when the usage file gives a function's usage, else the unit prices).
The equivalences are data
(`finops_gate/savings/data/instance_families.json`): t2/t3/t3a -> t4g, m5/m6i/m7i (and the
AMD variants) -> m7g, c -> c7g, r -> r7g, the `d` and `n` variants -> their Graviton `d`
and `n`; on RDS db.t3 -> db.t4g, db.m5/db.m6i -> db.m6g, db.r5/db.r6i -> db.r6g. Silent
when the size has no Graviton equivalent (m5.24xlarge, p3, x1) or the price table has no
price for it in the resource's region.

PASS: `instance_type = "m7g.large"`; `m5.24xlarge` (no m7g.24xlarge).
FAIL (a suggestion): `instance_type = "m5.large"` in us-east-1: $0.096 -> $0.0816 an hour,
saving $10.51/month. Caveat: arm64 builds of your software (and AMI) are needed.
ElastiCache Redis `cache.m5.large` -> `cache.m6g.large` in us-east-1: ($0.156 - $0.149) x
730 = $5.11/month per node.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._arm_runtimes import fargate_arm, lambda_arm
from finops_gate.savings._attributes import blocks, known_string, with_values
from finops_gate.savings._families import group_overrides, same_size_in
from finops_gate.savings.families import equivalent, tables
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "graviton"
TITLE = "Graviton (arm64) instance type"
RESOURCE_TYPES = (
    "aws_instance",
    "aws_launch_template",
    "aws_launch_configuration",
    "aws_autoscaling_group",
    "aws_db_instance",
    "aws_rds_cluster_instance",
    "aws_eks_node_group",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
    "aws_msk_cluster",
    "aws_lambda_function",
    "aws_ecs_task_definition",
)
RDS_TYPES = frozenset({"aws_db_instance", "aws_rds_cluster_instance"})
EC2_CAVEAT = "needs arm64 builds of your software and an arm64 AMI"
RDS_CAVEAT = "check that your engine version runs on Graviton; the change restarts the database"
# Managed services run their own software on Graviton: only the service's version matters.
SERVICE_CAVEATS = {
    "aws_elasticache_cluster": "the nodes are replaced (Redis/Valkey 5.0.6+ or Memcached 1.5.16+)",
    "aws_elasticache_replication_group": "the nodes are replaced one by one (Redis/Valkey 5.0.6+)",
    "aws_opensearch_domain": "a blue/green deployment (OpenSearch 1.0+, or Elasticsearch 7.9+)",
    "aws_elasticsearch_domain": "a blue/green deployment (Elasticsearch 7.9+)",
    "aws_msk_cluster": "brokers are replaced one at a time (Kafka 2.8.2 or later)",
}


# x86 AMI types of EKS managed node groups -> their arm64 counterpart
# (https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html, amiType).
ARM_AMI_TYPES = {
    "AL2_x86_64": "AL2_ARM_64",
    "AL2023_x86_64_STANDARD": "AL2023_ARM_64_STANDARD",
    "BOTTLEROCKET_x86_64": "BOTTLEROCKET_ARM_64",
}
GROUP_CAVEAT = (
    "needs arm64 builds of your software and an arm64 AMI in the launch template; "
    "replace the group's instances with an instance refresh"
)
NODE_GROUP_CAVEAT = "needs arm64 builds of every workload the nodes run"


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    if resource.type == "aws_eks_node_group":
        return _node_group(resource.after or {})
    if resource.type == "aws_autoscaling_group":
        return group_overrides(cost, tables().graviton.get("ec2", {}), GROUP_CAVEAT)
    if resource.type == "aws_lambda_function":
        return lambda_arm(cost, context)
    if resource.type == "aws_ecs_task_definition":
        return fargate_arm(cost, context)
    if resource.type in SERVICE_CAVEATS:
        return same_size_in(cost, context, "graviton", SERVICE_CAVEATS[resource.type])
    if resource.type in RDS_TYPES:
        engine = known_string(resource.after or {}, "engine")
        if engine is None or engine not in tables().graviton_rds_engines:
            return []
        return same_size_in(cost, context, "graviton", RDS_CAVEAT)
    return same_size_in(cost, context, "graviton", EC2_CAVEAT)


def _node_group(after: Mapping[str, Any]) -> list[Suggestion]:
    """Every type of `instance_types` and the AMI type move together; a node group whose
    image comes from a launch template, or a custom, GPU or Windows AMI type, is left
    alone."""
    types = after.get("instance_types")
    ami_type = known_string(after, "ami_type")
    if blocks(after, "launch_template") or ami_type not in ARM_AMI_TYPES:
        return []
    if not isinstance(types, list) or not types or not all(isinstance(t, str) for t in types):
        return []
    table = tables().graviton.get("ec2", {})
    targets = [equivalent(t, table) for t in types]
    if any(target is None for target in targets):
        return []
    arm = ARM_AMI_TYPES[ami_type]
    changed = with_values(after, instance_types=targets, ami_type=arm)
    shown = ", ".join(t for t in targets if t)
    return [
        Suggestion(
            "instance_types",
            ", ".join(types),
            f"{shown} (ami_type = {arm})",
            changed,
            NODE_GROUP_CAVEAT,
        )
    ]
