"""Application, network or gateway load balancer (`aws_lb`, and its older name `aws_alb`).

- Load balancer: hour, `elb:<application|network|gateway>:hour`
- Capacity units: LCU-hour, `elb:<application|network|gateway>:lcu`; the month's
  LCU-hours are the largest of `new_connections` / 100, `active_connections` / 3,000,
  `processed_bytes_gb` / 1 and, for an ALB, `rule_evaluations` / 1,000 (rule
  evaluations count only next to another dimension)

The usage keys mean what they mean in Infracost's usage file, so that one file gives the
same quantities and cost in both tools: each figure divided by its amount per capacity
unit is the month's LCU-hours (Infracost's `aws_lb`; its golden: `processed_bytes_gb:
1000` is 1,000 LCU-hours, $8.00 at $0.008). `processed_bytes_gb` is GB per month; one
LCU-hour carries 1 GB, so that dimension is exact. The connection dimensions follow
Infracost's divisors, not AWS's per-second definitions (25 new connections/s per ALB LCU).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_lb", "aws_alb")
USAGE_KEYS = ("new_connections", "active_connections", "processed_bytes_gb", "rule_evaluations")
_NAMES = {"application": "Application", "network": "Network", "gateway": "Gateway"}
# usage key -> amount per LCU-hour (Infracost's divisors, the same for every type)
_PER_UNIT = {
    "new_connections": 100.0,
    "active_connections": 3000.0,
    "processed_bytes_gb": 1.0,
}
_RULE_EVALUATIONS = ("rule_evaluations", 1000.0)  # ALB only


def capacity_unit_hours(
    view: AttributeView, kind: str, prefix: str = ""
) -> tuple[float | None, str | None]:
    """The month's LCU-hours from the usage file (keys under `prefix`, e.g. "lb." for an
    Elastic Beanstalk environment's load balancer), and the note saying which."""
    units: list[tuple[float, str]] = []
    for key, per_unit in _PER_UNIT.items():
        value = view.usage_number(f"{prefix}{key}")
        if value is not None:
            units.append((value / per_unit, f"{prefix}{key} = {value:g}"))
    rules = view.usage_number(f"{prefix}{_RULE_EVALUATIONS[0]}")
    if kind == "application" and units and rules is not None:
        units.append(
            (rules / _RULE_EVALUATIONS[1], f"{prefix}{_RULE_EVALUATIONS[0]} = {rules:g}")
        )
    if not units:
        return None, None
    hours, source = max(units)
    return hours, f"from the usage file: {hours:g} LCU-hours a month ({source})"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    kind = view.string("load_balancer_type", "application") or "application"
    name = _NAMES.get(kind, kind)
    quantity, note = capacity_unit_hours(view, kind)
    return [
        ComponentSpec(f"{name} load balancer", "hour", keys.elb_hour(kind), HOURS_PER_MONTH),
        ComponentSpec(
            f"{name} load balancer capacity units",
            "LCU-hour",
            keys.elb_lcu(kind),
            quantity,
            usage_based=True,
            note=note,
        ),
    ]
