"""Effective tags: `tags_all` when known, else the provider's default_tags under `tags`."""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.plan.tags import effective_tags

DEFAULTS = {"team": "core"}


@pytest.mark.parametrize(
    ("values", "unknown", "expected"),
    [
        ({"tags": None}, {"tags_all": True}, ({"team": "core"}, True)),
        ({"tags": {}}, {}, ({"team": "core"}, True)),
        ({"tags": None}, {"tags": {"Owner": True}}, ({"team": "core", "Owner": None}, False)),
        ({"tags": {"Name": "web"}}, {"tags_all": True}, ({"team": "core", "Name": "web"}, True)),
        ({"tags": {"team": "db"}}, {}, ({"team": "db"}, True)),
        ({"tags": None}, {"tags": True}, ({"team": "core"}, False)),
        (
            {"tags": None, "tags_all": {"team": "core", "a": "b"}},
            {},
            ({"team": "core", "a": "b"}, True),
        ),
        ({"tags": "not a map"}, {}, ({"team": "core"}, True)),
        ({"ami": "ami-1"}, {}, ({}, True)),
    ],
)
def test_tags_without_tags_all_are_default_tags_then_the_resource_s_own(
    values: dict[str, Any], unknown: dict[str, Any], expected: tuple[dict[str, Any], bool]
) -> None:
    assert effective_tags(values, unknown, DEFAULTS) == expected
