"""single-nat-gateway: outside production, one NAT gateway per Availability Zone -> one
NAT gateway for all of them.

Looks at `aws_nat_gateway` blocks with more than one instance (`count` or `for_each`) in
one module and region, in an environment the policy file detects as not production (an
unknown environment is silent). The first instance (by address) stays; each other one
gets a suggestion to remove it, saving its hourly charge (`natgw:hour`, 730 hours). The
data it processes moves to the remaining gateway at the same per-GB rate, so that part
is not counted as saved; traffic that now crosses Availability Zones is billed as
inter-AZ data transfer, which is not subtracted either: see the caveat.

PASS: a single NAT gateway; three tagged `Environment = prod`.
FAIL (a suggestion): `count = 3` in dev in us-east-1: the second and third each save
730 x $0.045 = $32.85/month; in eu-west-1 730 x $0.048 = $35.04/month.
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec, ResourceCost
from finops_gate.pricing import keys
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "single-nat-gateway"
TITLE = "One NAT gateway outside production"
RESOURCE_TYPES = ("aws_nat_gateway",)
CAVEAT = (
    "one Availability Zone's outage then cuts every private subnet off; traffic from "
    "the other zones pays inter-AZ data transfer ($0.01/GB each way)"
)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    if not context.non_production(resource):
        return []
    siblings = context.siblings(resource)
    if len(siblings) < 2 or siblings[0] is resource:
        return []
    hours = tuple(
        ComponentSpec(c.name, c.unit, c.price_key, c.monthly_quantity)
        for c in cost.components
        if c.price_key == keys.NATGW_HOUR and c.monthly_quantity is not None
    )
    if not hours:
        return []
    kept = siblings[0].address
    return [
        Suggestion(
            "resource",
            f"one of {len(siblings)} NAT gateways, one per Availability Zone",
            f"remove it; route its subnets through {kept}",
            None,
            CAVEAT,
            parts=(hours, ()),
        )
    ]
