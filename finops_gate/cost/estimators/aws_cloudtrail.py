"""CloudTrail trail (depends on usage).

The first copy of management events in a region is free; a trail that records them again
(an additional trail) pays for each event delivered. As Infracost does, the management
line is shown when the trail records global service events (`include_global_service_events`,
default true) or the usage file gives a count. Insights lines appear when the trail has an
`insight_selector` or the usage file gives a count.

- Management events (additional copies) (usage: `monthly_additional_management_events`):
  100k events, `cloudtrail:management-events`
- Data events (usage: `monthly_data_events`): 100k events, `cloudtrail:data-events`
- Insight events (usage: `monthly_insight_events`): 100k events,
  `cloudtrail:insights-events`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudtrail",)
USAGE_KEYS = (
    "monthly_additional_management_events",
    "monthly_data_events",
    "monthly_insight_events",
)
PER_100K = 1e-5


def estimate(view: AttributeView) -> list[ComponentSpec]:
    specs = []
    management_key = "monthly_additional_management_events"
    if view.boolean("include_global_service_events", True) or (
        view.usage_number(management_key) is not None
    ):
        specs.append(
            usage_spec(
                view,
                "Management events (additional copies)",
                "100k events",
                keys.CLOUDTRAIL_MANAGEMENT_EVENTS,
                management_key,
                PER_100K,
            )
        )
    specs.append(
        usage_spec(
            view,
            "Data events",
            "100k events",
            keys.CLOUDTRAIL_DATA_EVENTS,
            "monthly_data_events",
            PER_100K,
        )
    )
    if view.blocks("insight_selector") or view.usage_number("monthly_insight_events") is not None:
        specs.append(
            usage_spec(
                view,
                "Insight events",
                "100k events",
                keys.CLOUDTRAIL_INSIGHTS_EVENTS,
                "monthly_insight_events",
                PER_100K,
            )
        )
    return specs
