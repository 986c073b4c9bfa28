"""eks-extended-support: an EKS cluster whose Kubernetes version is past standard support
-> the oldest version still in standard support.

AWS bills a cluster in extended support $0.60 an hour instead of $0.10
(https://aws.amazon.com/eks/pricing/); the support calendar is the one the estimator
uses (`finops_gate/cost/data/eks_versions.json`), on the date the plan is priced on
(`FINOPS_GATE_TODAY` pins it). Silent for a cluster with
`upgrade_policy { support_type = "STANDARD" }` (AWS upgrades it instead), a version left
to AWS, or when the calendar knows no version in standard support on that date.

PASS: `version = "1.34"` on 2026-11-01. FAIL (a suggestion): `version = "1.29"` on
2026-11-01: 730 hours x ($0.60 - $0.10) = $365.00/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import blocks, known_string, with_values
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "eks-extended-support"
TITLE = "EKS cluster on extended support"
RESOURCE_TYPES = ("aws_eks_cluster",)
CAVEAT = (
    "upgrade one minor version at a time, and check deprecated APIs, add-ons and node "
    "groups at each step"
)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    after = cost.resource.after or {}
    version = known_string(after, "version")
    if version is None:
        return []
    # Imported here, as by the EKS estimator: most plans have no EKS cluster.
    from finops_gate.cost.estimators._eks_versions import support_status

    if not support_status(version, context.today).extended:
        return []
    policies = blocks(after, "upgrade_policy")
    if policies and known_string(policies[0], "support_type") == "STANDARD":
        return []
    target = oldest_standard_version(context)
    if target is None:
        return []
    return [Suggestion("version", version, target, with_values(after, version=target), CAVEAT)]


def oldest_standard_version(context: SavingsContext) -> str | None:
    from finops_gate.cost.estimators._eks_versions import calendar

    windows = [w for w in calendar().windows.values() if context.today < w.end_of_standard]
    if not windows:
        return None
    return min(windows, key=lambda w: w.end_of_standard).version
