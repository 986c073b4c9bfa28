"""Glue job (depends on usage): DPU-hours of its runs.

The job's DPUs: `number_of_workers` x the DPUs of `worker_type` (G.025X 0.25, G.1X 1,
G.2X and Z.2X 2, G.4X 4, G.8X 8), else `max_capacity`, else AWS's default: 0.0625 for a
Python shell job (`command.name = "pythonshell"`), 10 for the others. Infracost uses 1
where nothing is set. `execution_class = "FLEX"` runs at the Flex rate.

- Duration (usage: `monthly_hours`, hours of runs a month): DPU-hour,
  `glue:job:dpu-hour` (`glue:job:flex:dpu-hour` for Flex)
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_glue_job",)
USAGE_KEYS = ("monthly_hours",)
DPUS_PER_WORKER = {"g.025x": 0.25, "g.1x": 1, "g.2x": 2, "z.2x": 2, "g.4x": 4, "g.8x": 8}
PYTHON_SHELL_DPUS = 0.0625
DEFAULT_DPUS = 10


def job_dpus(view: AttributeView) -> float:
    workers = view.number("number_of_workers")
    worker_type = (view.string("worker_type") or "").lower()
    if workers and worker_type in DPUS_PER_WORKER:
        return workers * DPUS_PER_WORKER[worker_type]
    capacity = view.number("max_capacity")
    if capacity:
        return capacity
    commands = view.blocks("command")
    if commands and commands[0].string("name") == "pythonshell":
        return PYTHON_SHELL_DPUS
    return DEFAULT_DPUS


def estimate(view: AttributeView) -> list[ComponentSpec]:
    dpus = job_dpus(view)
    flex = (view.string("execution_class") or "").upper() == "FLEX"
    hours = view.usage_number("monthly_hours")
    note = f"{number_text(dpus)} DPUs"
    if hours is not None:
        note += f"; from the usage file: monthly_hours = {number_text(hours)}"
    return [
        ComponentSpec(
            f"Duration ({dpus:g} DPUs{', flex' if flex else ''})",
            "DPU-hour",
            keys.GLUE_JOB_FLEX_DPU_HOUR if flex else keys.GLUE_JOB_DPU_HOUR,
            None if hours is None else hours * dpus,
            usage_based=True,
            note=note,
        )
    ]
