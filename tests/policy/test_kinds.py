"""Policy kinds come from one registry: every kind the policy schema accepts has a check,
every check a schema entry, documentation and tests."""

from __future__ import annotations

import typing

from finops_gate.policy import schema
from finops_gate.policy.kinds import POLICY_KINDS
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
