"""Application Auto Scaling targets (`aws_appautoscaling_target`) of a resource.

A target's `resource_id` names the resource it scales ("table/${aws_dynamodb_table.t.name}",
"replication-group/${...}", an MSK cluster's ARN), through a reference or written as a
literal ("table/orders"). Its `min_capacity` is what the resource runs at least, so, as
Infracost does, it replaces the resource's own figure for the dimension it scales (the
resource's own figure is only where scaling starts). A usage file's `capacity` for the
target (the capacity it is expected to run at) replaces `min_capacity`, as in Infracost.
"""

from __future__ import annotations

from collections.abc import Sequence

from finops_gate.cost.view import AttributeView, as_number
from finops_gate.records import record

TARGET_TYPE = "aws_appautoscaling_target"
TARGET_USAGE_KEYS = ("capacity",)
# For the estimators of scaled resources: the usage keys they read from their targets.
RELATED_USAGE_KEYS = {TARGET_TYPE: TARGET_USAGE_KEYS}


@record(slots=True)
class Minimum:
    capacity: float
    target: str  # the target's address
    from_usage: bool = False  # the usage file's `capacity`, not the target's min_capacity

    @property
    def note(self) -> str:
        if self.from_usage:
            return f"the usage file's capacity for {self.target}"
        return f"the min_capacity of {self.target}"


def autoscaling_minimums(
    view: AttributeView, identifiers: Sequence[str] = ()
) -> dict[str, Minimum]:
    """scalable_dimension -> the capacity of the target that scales it (the first target in
    plan order, when several name the same dimension): the targets whose `resource_id`
    references the resource, then those whose literal `resource_id` is one of
    `identifiers` (e.g. "table/orders" for the table named "orders")."""
    targets = list(view.context.referencing_all(view.resource, TARGET_TYPE, "resource_id"))
    literal = view.context.unlinked_by_value(TARGET_TYPE, "resource_id")
    for identifier in identifiers:
        targets.extend(literal.get(identifier, ()))
    found: dict[str, Minimum] = {}
    for resource in targets:
        values = resource.before if view.before_side and resource.before else resource.current
        dimension = values.get("scalable_dimension")
        if not isinstance(dimension, str) or dimension in found:
            continue
        expected = as_number(view.context.usage_of(resource).get("capacity"))
        minimum = values.get("min_capacity")
        if expected is not None:
            found[dimension] = Minimum(expected, resource.address, from_usage=True)
        elif isinstance(minimum, (int, float)) and not isinstance(minimum, bool):
            found[dimension] = Minimum(float(minimum), resource.address)
    return found


def prefixed(prefix: str, name: str | None) -> tuple[str, ...]:
    """The literal `resource_id` a target names a resource by (`table/` + its name), or
    none when the name is not known."""
    return (f"{prefix}{name}",) if name else ()
