"""CloudWatch metric alarm.

- Alarm: metrics x alarm-month, `cloudwatch:alarm:standard`, or
  `cloudwatch:alarm:high-resolution` when `period` is under 60 seconds (a metric-math
  alarm counts each `metric_query` that reads a metric)
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudwatch_metric_alarm",)
HIGH_RESOLUTION_BELOW_SECONDS = 60


def estimate(view: AttributeView) -> list[ComponentSpec]:
    queries = view.blocks("metric_query")
    metrics = sum(1 for query in queries if query.blocks("metric")) or 1
    periods = [view.number("period")] + [
        metric.number("period") for query in queries for metric in query.blocks("metric")
    ]
    high = any(p is not None and 0 < p < HIGH_RESOLUTION_BELOW_SECONDS for p in periods)
    kind = "high-resolution" if high else "standard"
    return [
        ComponentSpec(
            f"Alarm ({kind}, {metrics} metric{'s' if metrics > 1 else ''})",
            "alarm-month",
            keys.cloudwatch_alarm(kind),
            metrics,
        )
    ]
