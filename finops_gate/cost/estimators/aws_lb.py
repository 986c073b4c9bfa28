"""Application, network or gateway load balancer (`aws_lb`, and its older name `aws_alb`).

- Load balancer: hour, `elb:<application|network|gateway>:hour`
- Capacity units (usage: `new_connections` per second, `active_connections` per minute,
  `processed_bytes_gb` per hour, `rule_evaluations` per second; the largest dimension in
  capacity units, x 730 hours): LCU-hour, `elb:<application|network|gateway>:lcu`

One capacity unit is, for an ALB, 25 new connections/s, 3,000 active connections,
1 GB/hour or 1,000 rule evaluations/s; for an NLB 800 new flows/s, 100,000 active flows
or 1 GB/hour; for a GWLB 600 new flows/s, 60,000 active flows or 1 GB/hour (AWS's TCP
and GWLB figures).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_lb", "aws_alb")
USAGE_KEYS = ("new_connections", "active_connections", "processed_bytes_gb", "rule_evaluations")
_NAMES = {"application": "Application", "network": "Network", "gateway": "Gateway"}
# usage key -> amount per capacity unit, by load balancer type
_PER_UNIT = {
    "application": {
        "new_connections": 25.0,
        "active_connections": 3000.0,
        "processed_bytes_gb": 1.0,
        "rule_evaluations": 1000.0,
    },
    "network": {
        "new_connections": 800.0,
        "active_connections": 100_000.0,
        "processed_bytes_gb": 1.0,
    },
    "gateway": {
        "new_connections": 600.0,
        "active_connections": 60_000.0,
        "processed_bytes_gb": 1.0,
    },
}


def _capacity_units(view: AttributeView, kind: str) -> tuple[float | None, str | None]:
    dimensions = _PER_UNIT.get(kind, {})
    units: list[tuple[float, str]] = []
    for key, per_unit in dimensions.items():
        value = view.usage_number(key)
        if value is not None:
            units.append((value / per_unit, f"{key} = {value:g}"))
    if not units:
        return None, None
    hourly, source = max(units)
    note = f"from the usage file: {hourly:g} capacity units an hour ({source})"
    return hourly * HOURS_PER_MONTH, note


def estimate(view: AttributeView) -> list[ComponentSpec]:
    kind = view.string("load_balancer_type", "application") or "application"
    name = _NAMES.get(kind, kind)
    quantity, note = _capacity_units(view, kind)
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
