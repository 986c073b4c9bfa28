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

Auto scaling (`aws_appautoscaling_target`) is not followed: the table's own capacity is
priced. Global table replicas are not priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

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
                "dynamodb:ondemand:write",
                "monthly_write_request_units",
                1 / 1e6,
            )
        )
        specs.append(
            usage_spec(
                view,
                "Read request units (on-demand)",
                "1M read request units",
                "dynamodb:ondemand:read",
                "monthly_read_request_units",
                1 / 1e6,
            )
        )
    else:
        write = view.number("write_capacity", 0.0) or 0.0
        read = view.number("read_capacity", 0.0) or 0.0
        for index in view.blocks("global_secondary_index"):
            write += index.number("write_capacity", 0.0) or 0.0
            read += index.number("read_capacity", 0.0) or 0.0
        specs.append(
            ComponentSpec(
                f"Write capacity ({write:g} WCU)",
                "WCU-hour",
                "dynamodb:provisioned:wcu",
                write * HOURS_PER_MONTH,
            )
        )
        specs.append(
            ComponentSpec(
                f"Read capacity ({read:g} RCU)",
                "RCU-hour",
                "dynamodb:provisioned:rcu",
                read * HOURS_PER_MONTH,
            )
        )
    specs.append(usage_spec(view, "Storage", "GB-month", "dynamodb:storage", "storage_gb"))
    return specs
