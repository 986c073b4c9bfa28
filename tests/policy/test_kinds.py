"""Policy kinds come from one registry: every kind the policy schema accepts has a check,
every check a schema entry, documentation and tests."""

from __future__ import annotations

import typing
from collections import Counter

from finops_gate.plan import load_plan
from finops_gate.plan.resource import Action, Resource
from finops_gate.policy import schema
from finops_gate.policy.kind import Scope
from finops_gate.policy.kinds import POLICY_KINDS
from finops_gate.policy.loader import load_policy, parse_policy
from tests.conftest import ROOT


def _schema_kinds() -> set[str]:
    union = typing.get_args(schema.Policy)[0]
    return {typing.get_args(model.model_fields["kind"].annotation)[0] for model in typing.get_args(union)}


def test_the_registry_is_the_schemas_list_of_kinds() -> None:
    assert set(POLICY_KINDS) == _schema_kinds()
    for name, kind in POLICY_KINDS.items():
        assert kind.name == name
        assert typing.get_args(typing.get_type_hints(kind.model)["kind"]) == (name,)


def test_only_budgets_are_about_the_whole_plan() -> None:
    assert {name for name, kind in POLICY_KINDS.items() if kind.plan_wide} == {"budget"}


def test_every_kind_is_documented_and_tested() -> None:
    readme = (ROOT / "docs" / "policies.md").read_text(encoding="utf-8")
    tests = "\n".join(
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "policy").glob("test_*.py"))
    )
    for name in POLICY_KINDS:
        assert f"kind: {name}" in readme or f"`{name}`" in readme, name
        assert f"kind: {name}" in tests, name


def _fixture_resources() -> list[Resource]:
    resources: list[Resource] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "terraform").glob("*/plan.json")):
        resources += load_plan(str(path)).resources
    return resources


def test_narrowing_by_type_never_drops_a_resource_a_policy_applies_to() -> None:
    """`applicable` looks only at a kind's `resource_types`: over every resource of the
    terraform fixtures it picks what asking `applies_to` about each one picks."""
    policy_file, _ = load_policy("default")
    narrowed = parse_policy(
        "policies:\n"
        "  - id: team-on-instances\n"
        "    kind: required_tags\n"
        "    resource_types: [aws_instance, aws_autoscaling_group]\n"
        "    tags: {Team: {}}\n",
        "p.yml",
    )
    resources = _fixture_resources()
    kinds_seen: set[str] = set()
    for policy in [*policy_file.policies, *narrowed.policies]:
        kind = POLICY_KINDS[policy.kind]
        expected = [r for r in resources if kind.applies(policy, r)]
        assert kind.applicable(policy, resources) == expected, policy.id
        if expected:
            kinds_seen.add(policy.kind)
    assert kinds_seen == set(POLICY_KINDS)


def test_a_kind_decided_by_type_applies_to_every_resource_of_its_types() -> None:
    """`applicable` does not ask `applies_to` of a kind whose type alone decides: for
    every policy of such a kind in the default policy, a bare resource of each of its
    types is one `applies_to` accepts, and one of another type is not."""
    policy_file, _ = load_policy("default")
    decided = [p for p in policy_file.policies if POLICY_KINDS[p.kind].decided_by_type]
    assert {p.kind for p in decided} == {"savings"}
    for policy in decided:
        kind = POLICY_KINDS[policy.kind]
        types = kind.resource_types(policy)
        assert types, policy.id
        for resource_type in [*types, "aws_iam_role"]:
            resource = Resource(
                f"{resource_type}.x", None, resource_type, "x", None, "aws", ("create",),
                Action.CREATE, None, {}, {}, "us-east-1", "resource", {}, True,
            )  # fmt: skip
            assert kind.applies(policy, resource) == (resource_type in types), resource_type
            expected = [resource] if resource_type in types else []
            assert kind.applicable(policy, [resource]) == expected


def test_a_scope_lists_the_resources_of_some_types_in_plan_order() -> None:
    """`Scope.of_types` (an index by type, built once) picks what a pass over every
    resource picks, in the same order, for one type, several, duplicates and absent ones."""
    resources = _fixture_resources()
    scope = Scope(resources)
    common = [kind for kind, _ in Counter(r.type for r in resources).most_common(6)]
    for types in (
        [],
        common[:1],
        common,
        [common[3], common[0], common[3], "aws_not_a_type"],
        {r.type for r in resources},
    ):
        expected = [r for r in resources if r.type in types]
        assert scope.of_types(types) == expected
        assert scope.of_types(frozenset(types)) == expected
