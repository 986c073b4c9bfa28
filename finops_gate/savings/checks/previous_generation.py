"""previous-generation: an EC2 or RDS instance of an older family -> the current family's
same size.

Looks at `instance_type` of `aws_instance` and `instance_class` of `aws_db_instance` and
`aws_rds_cluster_instance`. The equivalences are data
(`finops_gate/savings/data/instance_families.json`): AWS's previous-generation families
(m1, m3, r3, c3, i2, ...; on RDS also db.m4, db.r4, db.t2), and m4, c4, r4 and t2, which
AWS still sells as current but which cost more than m5, c5, r5 and t3. Silent when the
same size does not exist in the newer family or the price table has no price for it in the
resource's region, and when the newer type is not cheaper.

PASS: `instance_type = "m5.large"`; `m3.medium` (there is no m5.medium).
FAIL (a suggestion): `instance_type = "m4.large"` in us-east-1: $0.100 -> $0.096 an hour,
saving $2.92/month.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._families import same_size_in
from finops_gate.savings.families import tables
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "previous-generation"
TITLE = "Previous-generation instance family"
RESOURCE_TYPES = ("aws_instance", "aws_db_instance", "aws_rds_cluster_instance")
CAVEAT = "changing the type stops and starts the instance"
RDS_CAVEAT = (
    "the database restarts: in the maintenance window unless the change is applied immediately"
)
BURSTABLE_CAVEAT = (
    "t3 runs in unlimited CPU-credit mode unless credit_specification says standard; "
    "changing the type stops and starts the instance"
)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    if cost.resource.type != "aws_instance":
        return same_size_in(cost, tables().previous_generation, RDS_CAVEAT)
    suggestions = same_size_in(cost, tables().previous_generation, CAVEAT)
    return [
        replace(s, caveat=BURSTABLE_CAVEAT) if s.suggested_value.startswith("t3.") else s
        for s in suggestions
    ]
