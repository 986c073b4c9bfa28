"""log-retention: a CloudWatch log group that keeps its logs forever -> a retention period.

An `aws_cloudwatch_log_group` whose `retention_in_days` is not set or 0 (never expire).
Stored logs are billed per GB-month and grow without a bound; the saving depends on how
much is logged, so the suggestion has no dollar figure.

PASS: `retention_in_days = 30`. FAIL (a suggestion, no dollar figure): no
`retention_in_days`.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import is_unknown, known_number
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "log-retention"
TITLE = "Log group without retention"
RESOURCE_TYPES = ("aws_cloudwatch_log_group",)
CAVEAT = "30 days, or the period your audits and debugging need"
SUGGESTED_DAYS = "30"


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    if is_unknown(resource.after_unknown, "retention_in_days"):
        return []
    days = known_number(resource.after or {}, "retention_in_days")
    if days:
        return []
    return [Suggestion("retention_in_days", "never expire", SUGGESTED_DAYS, None, CAVEAT)]
