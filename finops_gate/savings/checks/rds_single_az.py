"""rds-single-az: outside production, a Multi-AZ RDS instance -> Single-AZ.

Looks at `aws_db_instance` with `multi_az = true` in an environment the policy file
detects as not production (an unknown environment is silent). The saving is the
instance re-priced by the same estimator with `multi_az = false`: the instance hours and
the storage (and provisioned IOPS) at the Single-AZ rates.

PASS: `multi_az = false`; a Multi-AZ instance tagged `Environment = prod`.
FAIL (a suggestion): a dev MySQL db.m5.large with 100 GB gp3 in us-east-1: 730 x ($0.342
- $0.171) + 100 x ($0.23 - $0.115) = $136.33/month; in eu-west-1 730 x ($0.378 - $0.189)
+ 100 x ($0.254 - $0.127) = $150.67/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import with_values
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "rds-single-az"
TITLE = "Single-AZ database outside production"
RESOURCE_TYPES = ("aws_db_instance",)
CAVEAT = (
    "no standby: a failure or maintenance takes the database down until it is replaced; "
    "the change is applied in place"
)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    if after.get("multi_az") is not True or not context.non_production(resource):
        return []
    return [Suggestion("multi_az", "true", "false", with_values(after, multi_az=False), CAVEAT)]
