"""The instance-type attribute of EC2 instances and RDS instances, and a suggestion of the
same size in another family (shared by the previous-generation and Graviton checks)."""

from __future__ import annotations

from collections.abc import Mapping

from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import is_unknown, known_string, with_values
from finops_gate.savings.families import equivalent
from finops_gate.savings.model import Suggestion

# resource type -> (service of the equivalence tables, attribute holding the type)
TYPE_ATTRIBUTES = {
    "aws_instance": ("ec2", "instance_type"),
    "aws_db_instance": ("rds", "instance_class"),
    "aws_rds_cluster_instance": ("rds", "instance_class"),
}


def same_size_in(
    cost: ResourceCost, tables: Mapping[str, Mapping[str, str]], caveat: str
) -> list[Suggestion]:
    resource = cost.resource
    service, attribute = TYPE_ATTRIBUTES[resource.type]
    after = resource.after or {}
    current = known_string(after, attribute)
    if current is None or is_unknown(resource.after_unknown, attribute):
        return []  # e.g. an instance whose type comes from its launch template
    target = equivalent(current, tables.get(service, {}))
    if target is None or target == current:
        return []
    return [
        Suggestion(attribute, current, target, with_values(after, **{attribute: target}), caveat)
    ]
