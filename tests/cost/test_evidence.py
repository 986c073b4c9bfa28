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


def _matching_by_definition(candidates: Any, source: Resource, values: list[str]) -> Any:
    for value in values:
        matches = {
            r.address: (r, a) for r, a in candidates.by_value.get(value, ()) if r is not source
        }
        if len(matches) == 1:
            return next(iter(matches.values()))
    return None


def _named_like_by_definition(candidates: Any, source: Resource) -> Resource | None:
    found: dict[str, Resource] = {}
    for key in ("name", "name_prefix", "node_group_name", "family"):
        for side in (source.after, source.before):
            value = side.get(key) if side else None
            if isinstance(value, str) and value:
                for candidate in candidates.by_name.get(value.rstrip("-_."), ()):
                    if candidate is not source:
                        found.setdefault(candidate.address, candidate)
    same = [c for c in found.values() if c.module_address == source.module_address]
    chosen = same if len(same) == 1 else list(found.values())
    return chosen[0] if len(chosen) == 1 else None


def test_evidence_lookups_agree_with_their_definition_when_names_repeat() -> None:
    import random

    from finops_gate.cost.evidence import Candidates

    chooser = random.Random(14)
    templates = []
    for i in range(400):
        module = chooser.choice([None, "module.a", "module.b", 'module.c["x"]'])
        prefix = f"{module}." if module else ""
        after = {
            "id": f"lt-{chooser.randrange(300)}",
            "name": chooser.choice([f"n{chooser.randrange(150)}", "app", "app-", "web_", ""]),
        }
        if chooser.random() < 0.3:
            after["name_prefix"] = chooser.choice([f"n{chooser.randrange(150)}-", "web"])
        templates.append(resource(f"{prefix}aws_launch_template.t{i}", after, module=module))
    candidates = Candidates.of(templates)
    links = names = 0
    for source in templates:
        values = [f"lt-{chooser.randrange(300)}", str(source.after["id"]) if source.after else ""]
        link = candidates.matching(source, values)
        expected = _matching_by_definition(candidates, source, values)
        assert (link.target if link else None) is (expected[0] if expected else None)
        assert link is None or f"its {expected[1]} is" in (link.inferred or "")
        named = candidates._by_name(source)
        assert (named.target if named else None) is _named_like_by_definition(candidates, source)
        links += link is not None
        names += named is not None
    assert links > 20 and names > 20  # both kinds of evidence were found, not only refused


class _CountingTuple(tuple):  # type: ignore[type-arg]
    read = 0

    def __iter__(self) -> Any:
        for item in super().__iter__():
            _CountingTuple.read += 1
            yield item


def test_a_name_or_id_shared_by_many_candidates_is_refused_after_reading_two() -> None:
    from finops_gate.cost.evidence import Candidates

    shared = [
        resource(
            f"module.m{i}.aws_launch_template.t",
            {"id": "lt-x", "name": "app"},
            module=f"module.m{i}",
        )
        for i in range(1000)
    ]
    source = resource("aws_autoscaling_group.g", {"name": "app"})
    plain = Candidates.of(shared)
    counting = Candidates(
        {value: _CountingTuple(found) for value, found in plain.by_value.items()},
        {name: _CountingTuple(found) for name, found in plain.by_name.items()},
        plain.by_module,
        {key: _CountingTuple(found) for key, found in plain.by_name_in_module.items()},
    )
    _CountingTuple.read = 0
    assert counting.matching(source, ["lt-x"]) is None
    assert counting._by_name(source) is None
    assert _CountingTuple.read <= 4
