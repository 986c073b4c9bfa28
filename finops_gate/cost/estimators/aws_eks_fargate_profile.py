"""EKS Fargate profile: free itself; the pods it selects run on Fargate, billed per vCPU and
GB of memory per hour. Which pods, how large and how many is decided in Kubernetes, outside
the plan, so one pod of 1 vCPU and 1 GB running all month is assumed and noted, as
Infracost assumes.

- Pods' vCPU: vCPU-hour, `fargate:vcpu:hour`
- Pods' memory: GB-hour, `fargate:gb:hour`
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_eks_fargate_profile",)
ASSUMED_NOTE = (
    "the profile is free; its pods are billed on Fargate: one pod of 1 vCPU and 1 GB "
    "running all month assumed (the pods are defined in Kubernetes, not in the plan)"
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec(
            "Pods' vCPU (1 vCPU assumed)",
            "vCPU-hour",
            keys.FARGATE_VCPU_HOUR,
            HOURS_PER_MONTH,
            note=ASSUMED_NOTE,
        ),
        ComponentSpec(
            "Pods' memory (1 GB assumed)",
            "GB-hour",
            keys.FARGATE_GB_HOUR,
            HOURS_PER_MONTH,
            note=ASSUMED_NOTE,
        ),
    ]
