"""CloudWatch metric alarm.

- Alarm: metrics x alarm-month, `cloudwatch:alarm:standard`, or
  `cloudwatch:alarm:high-resolution` when `period` is under 60 seconds (a metric-math
  alarm counts each `metric_query` that reads a metric; an anomaly detection alarm, whose
  `metric_query` expression is `ANOMALY_DETECTION_BAND(...)`, counts its band as 2 more:
  AWS bills such an alarm as 3 metrics, the metric and the band's upper and lower bounds)
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_cloudwatch_metric_alarm",)
HIGH_RESOLUTION_BELOW_SECONDS = 60
# https://aws.amazon.com/cloudwatch/pricing/ (Alarms): "Anomaly detection alarms are
# charged as 3 standard resolution metrics" (the metric, the upper and the lower bound)
ANOMALY_BAND_METRICS = 2


def estimate(view: AttributeView) -> list[ComponentSpec]:
    queries = view.blocks("metric_query")
    metrics = sum(1 for query in queries if query.blocks("metric")) or 1
    metrics += ANOMALY_BAND_METRICS * sum(
        1
        for query in queries
        if "ANOMALY_DETECTION_BAND" in (query.string("expression") or "").upper()
    )
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
