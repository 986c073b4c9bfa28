"""previous-generation: an EC2, RDS, ElastiCache, OpenSearch or Redshift type of an older
family -> the current family's same size.

Looks at `instance_type` of `aws_instance`, `aws_launch_template` and
`aws_launch_configuration` (not billed: the saving is per instance launched from them, at
the Linux on-demand rates), the `mixed_instances_policy` override types of
`aws_autoscaling_group` (all together, the group re-priced; silent when one has no
equivalent or the overrides weigh differently),
`instance_class` of `aws_db_instance` and
`aws_rds_cluster_instance`, `node_type` of ElastiCache clusters and replication groups
(cache.m3/m4 -> cache.m5, cache.r3/r4 -> cache.r5, cache.t1/t2 -> cache.t3),
`cluster_config.instance_type` of OpenSearch domains (m3/m4 -> m5, r3/r4 -> r5, c4 -> c5,
i2 -> i3, t2 -> t3) and `node_type` of Redshift clusters (dc1 -> dc2). MSK has no
previous-generation broker type on sale (kafka.m5 and kafka.t3 are current; see graviton
for kafka.m7g). The equivalences are data
(`finops_gate/savings/data/instance_families.json`): AWS's previous-generation families
(m1, m3, r3, c3, i2, ...; on RDS also db.m4, db.r4, db.t2), and m4, c4, r4 and t2, which
AWS still sells as current but which cost more than m5, c5, r5 and t3. Silent when the
same size does not exist in the newer family or the price table has no price for it in the
resource's region, and when the newer type is not cheaper.

PASS: `instance_type = "m5.large"`; `m3.medium` (there is no m5.medium).
FAIL (a suggestion): `instance_type = "m4.large"` in us-east-1: $0.100 -> $0.096 an hour,
saving $2.92/month. OpenSearch `m4.large.search` -> `m5.large.search` in us-east-1:
($0.151 - $0.142) x 730 = $6.57/month per node.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._families import group_overrides, same_size_in
from finops_gate.savings.families import tables
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "previous-generation"
TITLE = "Previous-generation instance family"
RESOURCE_TYPES = (
    "aws_instance",
    "aws_launch_template",
    "aws_launch_configuration",
    "aws_autoscaling_group",
    "aws_db_instance",
    "aws_rds_cluster_instance",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_opensearch_domain",
    "aws_elasticsearch_domain",
    "aws_redshift_cluster",
)
SERVICE_CAVEATS = {
    "aws_elasticache_cluster": "the nodes are replaced: plan for a short interruption",
    "aws_elasticache_replication_group": "the nodes are replaced one by one",
    "aws_opensearch_domain": "applied as a blue/green deployment",
    "aws_elasticsearch_domain": "applied as a blue/green deployment",
    "aws_redshift_cluster": "an elastic resize: the cluster is read-only for a few minutes",
}
CAVEAT = "changing the type stops and starts the instance"
RDS_CAVEAT = (
    "the database restarts: in the maintenance window unless the change is applied immediately"
)
GROUP_CAVEAT = (
    "the group launches the new types from now on; replace its instances with an instance refresh"
)
BURSTABLE_NOTE = "t3 runs in unlimited CPU-credit mode unless credit_specification says standard"
EC2_TYPES = frozenset({"aws_instance", "aws_launch_template", "aws_launch_configuration"})


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    if cost.resource.type in SERVICE_CAVEATS:
        caveat = SERVICE_CAVEATS[cost.resource.type]
        return same_size_in(cost, context, "previous_generation", caveat)
    if cost.resource.type == "aws_autoscaling_group":
        table = tables().previous_generation.get("ec2", {})
        suggestions = group_overrides(cost, table, GROUP_CAVEAT)
    elif cost.resource.type not in EC2_TYPES:
        return same_size_in(cost, context, "previous_generation", RDS_CAVEAT)
    else:
        suggestions = same_size_in(cost, context, "previous_generation", CAVEAT)
    return [
        replace(s, caveat=f"{BURSTABLE_NOTE}; {s.caveat}") if "t3." in s.suggested_value else s
        for s in suggestions
    ]
