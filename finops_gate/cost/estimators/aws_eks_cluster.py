"""EKS cluster control plane.

- EKS cluster: hour, `eks:cluster:hour`

Worker nodes are priced on `aws_eks_node_group` (or the instances that join the cluster).
Kubernetes versions in extended support cost more (`eks:cluster:extended:hour`); the plan
does not say whether a version is in extended support, so standard support is assumed.
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESOURCE_TYPES = ("aws_eks_cluster",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [ComponentSpec("EKS cluster", "hour", "eks:cluster:hour", HOURS_PER_MONTH)]
