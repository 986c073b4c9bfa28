"""A policy file with several mistakes names every one of them, in one line."""

from __future__ import annotations

import pytest

from finops_gate.errors import PolicyError
from finops_gate.policy.loader import MAX_PROBLEMS_SHOWN, parse_policy_file

TWO_POLICIES_WRONG = """
version: 1
policies:
  - id: tags
    kind: required_tags
    tagz: [Team]
  - id: sizes
    kind: instance_size
    environments:
      dev: {alow: [t3.*]}
"""


def test_every_problem_is_named_on_one_line() -> None:
    with pytest.raises(PolicyError) as raised:
        parse_policy_file(TWO_POLICIES_WRONG, "p.yml")
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith("p.yml: policies[0] (id: tags).tagz: unknown key; ")
    assert "policies[0] (id: tags).tags: Field required" in message
    assert "policies[1] (id: sizes)" in message and "alow: unknown key" in message
    assert "more" not in message


def test_thousands_of_problems_stay_a_short_line() -> None:
    policies = "".join(
        f"  - id: p{n}\n    kind: required_tags\n    tagz: [Team]\n" for n in range(500)
    )
    with pytest.raises(PolicyError) as raised:
        parse_policy_file(f"version: 1\npolicies:\n{policies}", "p.yml")
    message = str(raised.value)
    assert message.count("unknown key") == MAX_PROBLEMS_SHOWN
    assert message.endswith(f"; and {1000 - MAX_PROBLEMS_SHOWN} more")
