"""The walk of a configuration's `references` (finops_gate/cost/config_references.py):
the shortcuts it takes for the commonest shapes find what a plain walk of every mapping
and list finds, and one walk per resource serves the estimate and the savings checks."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from finops_gate.cost import plan_context
from finops_gate.cost.config_references import NamedReferences, references_by_attribute
from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable
from finops_gate.plan.resource import Action, Plan
from finops_gate.policy.loader import load_policy
from finops_gate.savings.engine import SavingsOptions, recommend
from tests.savings.helpers import CASE, TODAY, one_check

Load = Callable[[str], Plan]


def _plain_walk(node: Any, name: str, found: list[tuple[str, list[str]]]) -> None:
    """Every mapping and list visited, no shortcut: what the walk must match."""
    if isinstance(node, Mapping):
        references = node.get("references")
        if isinstance(references, list):
            found.append((name, [ref for ref in references if isinstance(ref, str)]))
        for key, value in node.items():
            _plain_walk(value, str(key), found)
    elif isinstance(node, list):
        for item in node:
            _plain_walk(item, name, found)


def _plain(expressions: Any) -> NamedReferences:
    """What the walk must give: the non-empty lists of a plain walk, in its order."""
    found: list[tuple[str, list[str]]] = []
    _plain_walk(expressions, "", found)
    return tuple((name, tuple(references)) for name, references in found if references)


_KEYS = ("constant_value", "references", "name", "block", "tags", "1")
_LEAVES: tuple[Any, ...] = ("aws_eip.a", "var.v", 3, 1.5, True, None, "module.m.id")


def _random_node(rng: random.Random, depth: int) -> Any:
    shape = rng.randrange(7) if depth < 4 else 6
    if shape == 0:
        return {"constant_value": rng.choice(_LEAVES)}
    if shape == 1:
        return {"references": [rng.choice(_LEAVES) for _ in range(rng.randrange(3))]}
    if shape == 2:
        return [_random_node(rng, depth + 1) for _ in range(rng.randrange(3))]
    if shape == 3:
        return MappingProxyType({rng.choice(_KEYS): _random_node(rng, depth + 1)})
    if shape == 4:
        return {"references": [_random_node(rng, depth + 1), "aws_x.y"]}
    if shape == 5:
        keys = rng.sample(_KEYS, rng.randrange(1, 4))
        return {key: _random_node(rng, depth + 1) for key in keys}
    return rng.choice(_LEAVES)


def test_the_walk_finds_what_a_plain_walk_finds() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        expressions = _random_node(rng, 0)
        assert references_by_attribute(expressions) == _plain(expressions), expressions


@pytest.mark.parametrize(
    ("expressions", "expected"),
    [
        # a one-key mapping that is not a constant is walked
        ({"block": {"inner": [{"references": ["aws_eip.a"]}]}}, (("inner", ("aws_eip.a",)),)),
        # a constant map with a `references` key is walked as before
        (
            {"tags": {"constant_value": {"references": ["aws_eip.a"]}}},
            (("constant_value", ("aws_eip.a",)),),
        ),
        # a references list holding a mapping is walked into
        (
            {"x": {"references": [{"references": ["var.v"]}, "aws_x.y"]}},
            (("x", ("aws_x.y",)), ("references", ("var.v",))),
        ),
        ({"x": {"constant_value": None}, "y": {"references": None}}, ()),
        # an empty references list names nothing
        ({"x": {"references": []}, "y": [{"references": ["var.v"]}]}, (("y", ("var.v",)),)),
    ],
)
def test_shapes_the_walk_steps_over_or_into(expressions: Any, expected: NamedReferences) -> None:
    assert references_by_attribute(expressions) == expected == _plain(expressions)


def test_the_estimate_and_the_savings_checks_share_one_walk(
    load_case: Load, prices: PriceTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Unchanged resources: the estimate asks whether what they reference changes, and
    # idle-eip asks whether anything references an address; each resource is walked once.
    plan = load_case(CASE)
    unchanged = tuple(
        replace(r, actions=("no-op",), action=Action.NO_OP, before=r.after)
        for r in plan.resources
    )
    plan = replace(plan, resources=unchanged)
    walked: list[int] = []
    walk = plan_context.references_by_attribute

    def counting(expressions: Any) -> NamedReferences:
        walked.append(id(expressions))
        return walk(expressions)

    monkeypatch.setattr(plan_context, "references_by_attribute", counting)
    policy = tmp_path / "policy.yml"
    policy.write_text(one_check("idle-eip"), encoding="utf-8")
    policy_file, _ = load_policy(str(policy), allow_outside_repo=True)
    estimate = estimate_plan(plan, prices, None, TODAY)
    by_the_estimate = len(walked)  # every priced resource; free ones are not asked
    assert 0 < by_the_estimate < len(plan.resources)
    options = SavingsOptions(all_resources=True, today=TODAY)
    result = recommend(policy_file, plan, estimate, prices, None, options)
    assert len(walked) == len(plan.resources)  # the rest, none again
    assert {r.address for r in result.recommendations} == {
        "module.us.aws_eip.idle",
        "module.eu.aws_eip.idle",
    }
