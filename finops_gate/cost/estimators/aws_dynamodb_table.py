"""DynamoDB table (provisioned or on-demand capacity).

- Write capacity (provisioned; table and global secondary indexes): WCU x hour,
  `dynamodb:provisioned:wcu`
- Read capacity (provisioned; table and global secondary indexes): RCU x hour,
  `dynamodb:provisioned:rcu`
- Write requests (on-demand; usage: `monthly_write_request_units`): 1M write request
  units, `dynamodb:ondemand:write`
- Read requests (on-demand; usage: `monthly_read_request_units`): 1M read request units,
  `dynamodb:ondemand:read`
- Storage (usage: `storage_gb`): GB-month, `dynamodb:storage`

A table scaled by Application Auto Scaling (`aws_appautoscaling_target` with
`scalable_dimension = "dynamodb:table:ReadCapacityUnits"` / `WriteCapacityUnits`) is priced
at the target's `min_capacity` instead of its own `read_capacity` / `write_capacity`, as
Infracost does; global secondary indexes keep their own capacity. Global table replicas are
not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._autoscaling import Minimum, autoscaling_minimums
from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_dynamodb_table",)
USAGE_KEYS = ("monthly_write_request_units", "monthly_read_request_units", "storage_gb")


def estimate(view: AttributeView) -> list[ComponentSpec]:
    specs: list[ComponentSpec] = []
    if view.string("billing_mode", "PROVISIONED") == "PAY_PER_REQUEST":
        specs.append(
            usage_spec(
                view,
                "Write request units (on-demand)",
                "1M write request units",
                keys.DYNAMODB_ONDEMAND_WRITE,
                "monthly_write_request_units",
                1 / 1e6,
            )
        )
        specs.append(
            usage_spec(
                view,
                "Read request units (on-demand)",
                "1M read request units",
                keys.DYNAMODB_ONDEMAND_READ,
                "monthly_read_request_units",
                1 / 1e6,
            )
        )
    else:
        minimums = autoscaling_minimums(view)
        for kind, unit, price_key in (
            ("write", "WCU", keys.DYNAMODB_PROVISIONED_WCU),
            ("read", "RCU", keys.DYNAMODB_PROVISIONED_RCU),
        ):
            minimum = minimums.get(f"dynamodb:table:{kind.capitalize()}CapacityUnits")
            specs.append(_capacity(view, kind, unit, price_key, minimum))
    specs.append(usage_spec(view, "Storage", "GB-month", keys.DYNAMODB_STORAGE, "storage_gb"))
    return specs


def _capacity(
    view: AttributeView, kind: str, unit: str, price_key: str, minimum: Minimum | None
) -> ComponentSpec:
    """Provisioned capacity of the table (or its auto scaling minimum) and its global
    secondary indexes; a capacity set from a value known only after apply leaves the
    component unknown, not $0."""
    attribute = f"{kind}_capacity"
    indexes = view.blocks("global_secondary_index")
    parts = indexes if minimum else [view, *indexes]
    name = f"{kind.capitalize()} capacity"
    if any(part.is_unknown(attribute) for part in parts):
        return ComponentSpec(
            name, f"{unit}-hour", price_key, None, unknown=f"{attribute} unknown until apply"
        )
    total = sum(part.number(attribute, 0.0) or 0.0 for part in parts)
    note = None
    if minimum:
        total += minimum.capacity
        note = f"table {kind} capacity {minimum.capacity:g} {unit}: {minimum.note}"
    return ComponentSpec(
        f"{name} ({total:g} {unit})",
        f"{unit}-hour",
        price_key,
        total * HOURS_PER_MONTH,
        note=note,
    )
