"""EKS cluster control plane.

- EKS cluster: hour, `eks:cluster:hour` while the Kubernetes `version` is in standard
  support, `eks:cluster:extended:hour` once its standard support has ended (AWS's release
  calendar, as of the date the plan is priced on; `FINOPS_GATE_TODAY` pins it)

Worker nodes are priced on `aws_eks_node_group` (or the instances that join the cluster).
No `version`: AWS uses its default (recent) version, in standard support. With
`upgrade_policy { support_type = "STANDARD" }` AWS upgrades the cluster when standard
support ends instead of charging for extended support.
"""

from __future__ import annotations

from finops_gate.cost.estimators._defaults import set_from_reference
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_eks_cluster",)
STANDARD_KEY = keys.EKS_CLUSTER_HOUR
EXTENDED_KEY = keys.EKS_CLUSTER_EXTENDED_HOUR


def estimate(view: AttributeView) -> list[ComponentSpec]:
    version = view.string("version")
    if version is None:
        # https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html
        # (version: "If you don't specify a value here, the default version available in
        # Amazon EKS is used"): a recent version, in standard support.
        note = (
            "version unknown until apply: standard support assumed"
            if set_from_reference(view, "version")
            else "version not set: AWS uses its default version, in standard support"
        )
        return [_cluster(False, note)]
    # Imported here: building the calendar's three record classes took about 2 ms of every
    # run's start-up, and most plans have no EKS cluster.
    from finops_gate.cost.estimators._eks_versions import support_status

    status = support_status(version, view.today)
    policies = view.blocks("upgrade_policy")
    if status.extended and policies and policies[0].string("support_type") == "STANDARD":
        ended = f" ended {status.end_of_standard}" if status.end_of_standard else " is over"
        note = (
            f"Kubernetes {version}: standard support{ended}; upgrade_policy STANDARD: AWS "
            "upgrades the cluster instead of extending support"
        )
        return [_cluster(False, note)]
    return [_cluster(status.extended, status.note)]


def _cluster(extended: bool, note: str) -> ComponentSpec:
    if extended:
        return ComponentSpec(
            "EKS cluster (extended support)", "hour", EXTENDED_KEY, HOURS_PER_MONTH, note=note
        )
    return ComponentSpec("EKS cluster", "hour", STANDARD_KEY, HOURS_PER_MONTH, note=note)
