"""Application Auto Scaling targets (`aws_appautoscaling_target`) of a resource.

A target's `resource_id` names the resource it scales ("table/${aws_dynamodb_table.t.name}",
"replication-group/${...}", an MSK cluster's ARN). Its `min_capacity` is what the resource
runs at least, so, as Infracost does, it replaces the resource's own figure for the
dimension it scales (the resource's own figure is only where scaling starts).
"""

from __future__ import annotations

from dataclasses import dataclass

from finops_gate.cost.view import AttributeView

TARGET_TYPE = "aws_appautoscaling_target"


@dataclass(frozen=True, slots=True)
class Minimum:
    capacity: float
    target: str  # the target's address

    @property
    def note(self) -> str:
        return f"the min_capacity of {self.target}"


def autoscaling_minimums(view: AttributeView) -> dict[str, Minimum]:
    """scalable_dimension -> the `min_capacity` of the target that scales it (the first
    target in plan order, when several name the same dimension)."""
    found: dict[str, Minimum] = {}
    for resource in view.context.referencing_all(view.resource, TARGET_TYPE, "resource_id"):
        values = resource.before if view.before_side and resource.before else resource.current
        dimension = values.get("scalable_dimension")
        minimum = values.get("min_capacity")
        if isinstance(dimension, str) and isinstance(minimum, (int, float)):
            found.setdefault(dimension, Minimum(float(minimum), resource.address))
    return found
