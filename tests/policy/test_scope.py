"""The engine selects a policy's scope with scope_actions; the savings engine asks
in_scope resource by resource: both say the same."""

from __future__ import annotations

from dataclasses import replace
from itertools import product

from finops_gate.plan import load_plan
from finops_gate.plan.resource import Action
from finops_gate.policy.engine import in_scope, scope_actions
from tests.conftest import fixture_plan_path

ACTION_LISTS: list[list[str]] = [[], ["create"], ["update"], ["create", "update"], ["update", "create"]]


def test_scope_actions_and_in_scope_agree_on_every_action() -> None:
    resource = load_plan(str(fixture_plan_path("tags_and_sizes"))).resources[0]
    for actions, all_resources, action in product(ACTION_LISTS, (False, True), Action):
        one = replace(resource, action=action)
        expected = action in scope_actions(actions, all_resources)
        assert in_scope(actions, one, all_resources) == expected, (actions, all_resources, action)


def test_scope_is_diff_aware() -> None:
    assert scope_actions(["create"], False) == {Action.CREATE, Action.REPLACE}
    assert scope_actions(["update"], True) == {Action.UPDATE, Action.REPLACE, Action.NO_OP}
    for action in (Action.DELETE, Action.FORGET, Action.READ):
        assert action not in scope_actions(["create", "update"], True)
