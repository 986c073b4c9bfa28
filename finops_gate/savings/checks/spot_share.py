"""spot-share: outside production, an on-demand Auto Scaling group or EKS managed node
group -> spot capacity.

Looks at `aws_autoscaling_group` without a `mixed_instances_policy` and
`aws_eks_node_group` with `capacity_type` unset or `ON_DEMAND`, in an environment the
policy file detects as not production (an unknown environment is silent). The saving is
the on-demand Linux instance-hours of the estimate priced instead at the average spot
price of the same type in the same region (`ec2:<type>:spot`, from ec2instances.info's
`spot_avg`): an estimate, always marked approximate, since spot prices move. An Auto
Scaling group is suggested a `mixed_instances_policy` with no on-demand base and 0 %
on-demand above it; a node group `capacity_type = "SPOT"`. Windows, dedicated or
reserved instances are left alone (their keys are not plain `ec2:<type>`).

PASS: a dev node group with `capacity_type = "SPOT"`; any group tagged
`Environment = prod`.
FAIL (a suggestion): a dev node group of 3 x m5.large in us-east-1: 2,190 hours x ($0.096
- $0.0384) = ≈$126.14/month; in eu-west-1 2,190 x ($0.107 - $0.04387) = ≈$138.25/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec, CostComponent, ResourceCost
from finops_gate.pricing import keys
from finops_gate.savings._attributes import blocks, known_string
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "spot-share"
TITLE = "Spot capacity outside production"
RESOURCE_TYPES = ("aws_autoscaling_group", "aws_eks_node_group")
CAVEAT = (
    "spot instances can be reclaimed at two minutes' notice: for workloads that tolerate "
    "it; the saving uses the average spot price, an estimate"
)
GROUP_SUGGESTION = (
    "mixed_instances_policy with on_demand_base_capacity = 0, "
    "on_demand_percentage_above_base_capacity = 0"
)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    if not context.non_production(resource):
        return []
    parts = _on_demand_and_spot(cost.components)
    if parts is None:
        return []
    if resource.type == "aws_eks_node_group":
        # Unset (known only after apply) is EKS's default, ON_DEMAND, as the estimate has it.
        capacity = known_string(after, "capacity_type") or "ON_DEMAND"
        if capacity != "ON_DEMAND":
            return []
        return [Suggestion("capacity_type", capacity, "SPOT", None, CAVEAT, parts=parts)]
    if blocks(after, "mixed_instances_policy"):
        return []  # already chooses its own on-demand share
    return [
        Suggestion(
            "mixed_instances_policy",
            "none (every instance on-demand)",
            GROUP_SUGGESTION,
            None,
            CAVEAT,
            parts=parts,
        )
    ]


def _on_demand_and_spot(
    components: tuple[CostComponent, ...],
) -> tuple[tuple[ComponentSpec, ...], tuple[ComponentSpec, ...]] | None:
    """The plain on-demand Linux instance-hours, and the same hours at the spot key."""
    now: list[ComponentSpec] = []
    then: list[ComponentSpec] = []
    for component in components:
        instance_type = component.price_key.removeprefix("ec2:")
        if (
            not component.price_key.startswith("ec2:")
            or component.unit != "hour"
            or ":" in instance_type
            or component.monthly_quantity is None
        ):
            continue
        hours = component.monthly_quantity
        now.append(ComponentSpec(component.name, "hour", component.price_key, hours))
        spot = component.name.replace("on-demand", "spot")
        then.append(ComponentSpec(spot, "hour", keys.ec2_spot(instance_type), hours))
    if not now:
        return None
    return tuple(now), tuple(then)
