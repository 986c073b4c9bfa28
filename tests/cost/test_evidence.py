"""Links inferred from evidence when no configuration expression names the target."""

from __future__ import annotations

from typing import Any

from finops_gate.cost.view import AttributeView, PlanContext
from finops_gate.plan.resource import Action, Plan, Resource


def resource(
    address: str,
    after: dict[str, Any],
    expressions: dict[str, Any] | None = None,
    module: str | None = None,
    action: Action = Action.CREATE,
) -> Resource:
    kind, name = address.rsplit(".", 2)[-2:]
    return Resource(
        address=address,
        module_address=module,
        type=kind,
        name=name,
        index=None,
        provider="aws",
        actions=(action.value,),
        action=action,
        before=after if action != Action.CREATE else None,
        after=after,
        after_unknown={},
        region="us-east-1",
        region_source="provider",
        tags={},
        tags_known=True,
        config_expressions=expressions or {},
    )


def context(*resources: Resource) -> PlanContext:
    return PlanContext.of(Plan("1.2", "1.11.4", resources, errored=False, complete=True))


def group_template(group: Resource, plan: PlanContext) -> AttributeView | None:
    view = AttributeView(group, group.current, {}, plan)
    return view.blocks("launch_template")[0].linked(("id", "name"), "aws_launch_template")


def test_a_known_nat_allocation_id_names_the_eip_it_uses() -> None:
    eip = resource("aws_eip.nat", {"id": "eipalloc-1", "allocation_id": "eipalloc-1"})
    nat = resource(
        "aws_nat_gateway.main",
        {"allocation_id": "eipalloc-1"},
        {"allocation_id": {"references": ["local.eip_id"]}},
    )
    link = context(eip, nat).referencing_link(eip, "aws_nat_gateway", "allocation_id")
    assert link is not None and link.target is nat
    assert link.inferred == (
        "NAT gateway aws_nat_gateway.main inferred: its allocation_id is the id of aws_eip.nat"
    )
    assert context(eip, nat).referencing(eip, "aws_nat_gateway", "allocation_id") is None


def test_two_candidates_and_no_name_match_infer_nothing() -> None:
    first = resource("aws_launch_template.a", {"name": "first"})
    second = resource("aws_launch_template.b", {"name": "second"})
    group = resource(
        "aws_autoscaling_group.g",
        {"name": "group", "launch_template": [{}]},
        {"launch_template": [{"id": {"references": ["local.template"]}}]},
    )
    assert group_template(group, context(first, second, group)) is None
    only = group_template(group, context(first, group))
    assert only is not None and only.resource is first
    assert only.inferred == (
        "launch template aws_launch_template.a inferred: the only launch template in the "
        "root module"
    )


def test_a_data_source_or_literal_is_matched_by_value_only() -> None:
    template = resource("aws_launch_template.a", {"id": "lt-1", "name": "group"})
    from_data = resource(
        "aws_autoscaling_group.g",
        {"name": "group", "launch_template": [{}]},
        {"launch_template": [{"id": {"references": ["data.aws_launch_template.x.id"]}}]},
    )
    assert group_template(from_data, context(template, from_data)) is None
    literal = resource(
        "aws_autoscaling_group.g",
        {"name": "group", "launch_template": [{"id": "lt-1"}]},
        {"launch_template": [{"id": {"constant_value": "lt-1"}}]},
    )
    found = group_template(literal, context(template, literal))
    assert found is not None and found.resource is template
    assert found.inferred == (
        'launch template aws_launch_template.a inferred: its id is "lt-1", the value given'
    )


def test_referencing_scans_each_type_once() -> None:
    eips = [resource(f"aws_eip.e{i}", {}) for i in range(300)]
    nats = [
        resource(
            f"aws_nat_gateway.n{i}",
            {},
            {"allocation_id": {"references": [f"aws_eip.e{i}.id", f"aws_eip.e{i}"]}},
        )
        for i in range(300)
    ]
    plan = context(*eips, *nats)
    for eip, nat in zip(eips, nats, strict=True):
        assert plan.referencing(eip, "aws_nat_gateway", "allocation_id") is nat
    assert len([key for key in plan._indexes if key[0] == "referrers"]) == 1
