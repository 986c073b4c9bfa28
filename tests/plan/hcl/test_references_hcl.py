"""HCL mode records where values come from: absolute references that hold through
locals, module outputs and inputs, conditionals, one()/try()/[0] and dynamic blocks."""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.plan.hcl import load_directory
from finops_gate.plan.hcl.values import ResourceValue, Unknown
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def expressions() -> dict[str, Any]:
    plan = load_directory(FIXTURES / "references")
    return {r.address: r.config_expressions for r in plan.resources}


def first_reference(expressions: dict[str, Any], address: str, *path: str | int) -> str:
    value: Any = expressions[address]
    for step in path:
        value = value[step]
    references: list[str] = value["references"]
    return references[0]


@pytest.mark.parametrize(
    ("address", "path", "origin"),
    [
        # local.web_template_id = one(aws_launch_template.web[*].id)
        ("aws_autoscaling_group.web", ("launch_template", 0, "id"), "/aws_launch_template.web"),
        # module.template.id = try(aws_launch_template.this[0].id, null)
        (
            "aws_autoscaling_group.api",
            ("launch_template", 0, "id"),
            "/module.template.aws_launch_template.this[0]",
        ),
        # dynamic "launch_template" content, through a conditional local
        (
            "module.asg_own_template.aws_autoscaling_group.this",
            ("launch_template", 0, "id"),
            "/module.asg_own_template.aws_launch_template.this[0]",
        ),
        # the same, the conditional's other branch: var.launch_template_id from the caller
        (
            "module.asg_given_template.aws_autoscaling_group.this",
            ("launch_template", 0, "id"),
            "/aws_launch_template.queue",
        ),
        # a local object's attribute
        ("aws_eks_node_group.nodes", ("launch_template", 0, "id"), "/aws_launch_template.nodes"),
        ("aws_ecs_service.api", ("task_definition",), "/module.task.aws_ecs_task_definition.this"),
        ("aws_nat_gateway.main", ("allocation_id",), "/module.eip.aws_eip.this"),
        (
            'module.pool["large"].aws_autoscaling_group.this',
            ("launch_template", 0, "id"),
            '/aws_launch_template.pool["large"]',
        ),
    ],
)
def test_absolute_references(
    expressions: dict[str, Any], address: str, path: tuple[str | int, ...], origin: str
) -> None:
    assert first_reference(expressions, address, *path) == origin


def test_unknown_resource_attributes_name_their_resource() -> None:
    template = ResourceValue({"name": "web"})
    template.address = "module.a.aws_launch_template.this[0]"
    unknown = template.attribute("id")
    assert isinstance(unknown, Unknown) and unknown.origin == template.address
    assert template.attribute("name") == "web"
    assert Unknown("var.x is not set").origin is None


def test_module_links_as_the_plan_has_them() -> None:
    """HCL mode records module outputs and inputs as the plan's configuration does, so a
    syntactic `module.x.out` reference (a known value carries no origin) is followed too."""
    from finops_gate.plan import load_plan

    planned = load_plan(str(FIXTURES / "references" / "plan.json")).module_links
    evaluated = load_directory(FIXTURES / "references").module_links
    for module, output in (("module.template", "id"), ("module.task", "arn")):
        assert evaluated.output(module, output) == planned.output(module, output)
    assert evaluated.input("module.asg_given_template", "launch_template_id") == planned.input(
        "module.asg_given_template", "launch_template_id"
    )
