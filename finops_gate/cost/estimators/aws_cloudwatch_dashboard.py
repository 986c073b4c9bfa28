"""CloudWatch dashboard: a flat monthly fee per dashboard (global: one price in every
region, looked up in us-east-1).

AWS's free tier (three dashboards an account) is not subtracted, as Infracost does not:
the estimate is the cost of the dashboard once the free ones are used.

- Dashboard: month, `cloudwatch:dashboard`
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_cloudwatch_dashboard",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        ComponentSpec("Dashboard", "month", keys.CLOUDWATCH_DASHBOARD, 1, region=GLOBAL_REGION)
    ]
