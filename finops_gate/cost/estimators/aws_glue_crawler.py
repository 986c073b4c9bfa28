"""Glue crawler (depends on usage): DPU-hours of its runs.

- Duration (usage: `monthly_hours`, DPU-hours a month): DPU-hour, `glue:crawler:dpu-hour`
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_glue_crawler",)
USAGE_KEYS = ("monthly_hours",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [usage_spec(view, "Duration", "DPU-hour", keys.GLUE_CRAWLER_DPU_HOUR, "monthly_hours")]
