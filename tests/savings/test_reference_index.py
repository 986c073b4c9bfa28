"""Each resource's configuration references, walked once per run for every question the
savings checks ask about them (SavingsContext.references_of), on the terraform-made
`savings` fixture."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import pytest

from finops_gate.cost import plan_context
from finops_gate.cost.config_references import NamedReferences, references_by_attribute
from finops_gate.cost.view import PlanContext
from finops_gate.plan.resource import Plan
from finops_gate.savings.families import equivalent, tables
from finops_gate.savings.model import FamilyKind, SavingsContext
from tests.savings.helpers import CASE, TODAY

Load = Callable[[str], Plan]


def _context(plan: Plan) -> SavingsContext:
    return SavingsContext(PlanContext.of(plan, TODAY), TODAY)


def test_references_of_names_each_attribute_that_references(load_case: Load) -> None:
    plan = load_case(CASE)
    instance = next(
        r for r in plan.resources if r.address == "module.us.aws_rds_cluster_instance.aurora"
    )
    found = dict(_context(plan).references_of(instance))
    assert found["cluster_identifier"] == ("aws_rds_cluster.aurora.id", "aws_rds_cluster.aurora")
    assert found["engine"] == ("aws_rds_cluster.aurora.engine", "aws_rds_cluster.aurora")
    assert "identifier" not in found  # a constant


def test_the_references_are_walked_once_for_both_questions(
    load_case: Load, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = load_case(CASE)
    walked: list[int] = []
    walk = plan_context.references_by_attribute

    def counting(expressions: Any) -> NamedReferences:
        walked.append(id(expressions))
        return walk(expressions)

    monkeypatch.setattr(plan_context, "references_by_attribute", counting)
    context = _context(plan)
    eip = next(r for r in plan.resources if r.address == "module.us.aws_eip.idle")
    assert not context.referenced(eip)
    assert not context.unresolved_use(frozenset({"allocation_id"}), "aws_eip")
    assert len(walked) == len(plan.resources)


def test_the_walk_reads_nested_blocks_lists_and_other_mappings() -> None:
    expressions = {
        "name": {"constant_value": "x"},
        "subnet_mapping": [
            {"allocation_id": {"references": ["aws_eip.a.id", "aws_eip.a"]}},
            {"allocation_id": {"references": []}},
        ],
        "settings": MappingProxyType({"inner": {"references": ["var.v", 3]}}),
        "count": 2,
    }
    assert references_by_attribute(expressions) == (
        ("allocation_id", ("aws_eip.a.id", "aws_eip.a")),
        ("inner", ("var.v",)),
    )
    assert references_by_attribute([{"references": ["local.x"]}]) == (("", ("local.x",)),)


@pytest.mark.parametrize(
    ("instance_type", "kind", "service"),
    [
        ("m5.large", "graviton", "ec2"),
        ("db.r5.xlarge", "graviton", "rds"),
        ("m4.large.search", "previous_generation", "opensearch"),
        ("m5.24xlarge", "graviton", "ec2"),
        ("m5.large", "previous_generation", "ec2"),
        ("not-a-type", "graviton", "ec2"),
    ],
)
def test_equivalent_types_are_the_family_tables_answers(
    load_case: Load, instance_type: str, kind: FamilyKind, service: str
) -> None:
    """Asked twice (the second answer from the run's memo), the context answers as the
    family table itself."""
    context = _context(load_case(CASE))
    table = tables().graviton if kind == "graviton" else tables().previous_generation
    expected = equivalent(instance_type, table.get(service, {}))
    assert context.equivalent(instance_type, kind, service) == expected
    assert context.equivalent(instance_type, kind, service) == expected


def test_equivalent_types_are_kept_per_run_and_per_table(load_case: Load) -> None:
    plan = load_case(CASE)
    first, second = _context(plan), _context(plan)
    assert first.equivalent("m4.large", "graviton", "ec2") == "m7g.large"
    assert first.equivalent("m4.large", "previous_generation", "ec2") == "m5.large"
    assert first.equivalent("m4.large", "graviton", "rds") is None  # RDS spells db.m4.large
    assert len(first._equivalents) == 3
    assert second._equivalents == {}  # nothing shared between runs
