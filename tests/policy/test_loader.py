"""Invalid policies name the file and the key path."""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.errors import PolicyError
from finops_gate.policy.loader import bundled_policy_names, load_policy, parse_policy
from finops_gate.policy.model import (
    BudgetPolicy,
    InstanceSizePolicy,
    RequiredTagsPolicy,
    SavingsPolicy,
)


def test_bundled_default_loads_by_name() -> None:
    policy, path = load_policy(None)
    assert path.name == "default.yml"
    kinds = {type(p) for p in policy.policies}
    assert kinds == {RequiredTagsPolicy, InstanceSizePolicy, BudgetPolicy, SavingsPolicy}
    assert all(p.level == "advisory" for p in policy.policies if isinstance(p, SavingsPolicy))
    assert "default" in bundled_policy_names()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "policies:\n  - id: tags\n    kind: required_tags\n    tags:\n      Team:\n        alowed: [a]\n",
            "policy.yml: policies[0] (id: tags).tags.Team.alowed: unknown key",
        ),
        (
            "policies:\n  - id: sizes\n    kind: instance_size\n    environments:\n      dev:\n        deny: 3\n",
            "policy.yml: policies[0] (id: sizes).environments.dev.deny: Input should be a valid list",
        ),
        (
            "policies:\n  - id: b\n    kind: budget\n    monthly_cost_delta: {warn: 10, fail: 5}\n",
            "policy.yml: policies[0] (id: b).monthly_cost_delta: warn must not be above fail",
        ),
        (
            "policies:\n  - id: b\n    kind: budget\n",
            "policy.yml: policies[0] (id: b): give at least one of",
        ),
        (
            "policies:\n  - id: x\n    kind: nonsense\n",
            "policy.yml: policies[0] (id: x): Input tag 'nonsense' found using 'kind' does not match",
        ),
        (
            "policies:\n  - id: t\n    kind: required_tags\n    tags: {Team: {pattern: '(['}}\n",
            "policy.yml: policies[0] (id: t).tags.Team.pattern: not a valid regular expression",
        ),
        ("polices: []\n", "policy.yml: polices: unknown key"),
        ("policies: [\n", "policy.yml: invalid YAML at line 2, column 1"),
        ("- a\n- b\n", "policy.yml: the policy file must be a mapping"),
        (
            "policies:\n  - {id: a, kind: budget, percent_increase: {warn: 1}}\n"
            "  - {id: a, kind: budget, percent_increase: {warn: 1}}\n",
            "policy.yml: policies: duplicate policy id 'a'",
        ),
    ],
)
def test_invalid_policy_messages(text: str, expected: str) -> None:
    with pytest.raises(PolicyError) as raised:
        parse_policy(text, "policy.yml")
    assert str(raised.value).startswith(expected), str(raised.value)


def test_missing_policy_file_lists_bundled_names(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"no such policy file .*bundled policies: .*default"):
        load_policy(str(tmp_path / "missing.yml"))


def test_empty_policy_file_has_no_policies() -> None:
    assert parse_policy("", "empty.yml").policies == []
