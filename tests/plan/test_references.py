"""Reference paths and module links read from a plan's configuration."""

from __future__ import annotations

import pytest

from finops_gate.plan import load_plan
from finops_gate.plan.references import (
    module_index,
    module_path,
    parent_module,
    split_reference,
)
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("reference", "steps"),
    [
        ("aws_instance.web", ["aws_instance", "web"]),
        ("aws_instance.web[0].id", ["aws_instance", "web", "[0]", "id"]),
        ('module.x["a.b"].out', ["module", "x", '["a.b"]', "out"]),
        ('module.x["a]b"].out[1]', ["module", "x", '["a]b"]', "out", "[1]"]),
    ],
)
def test_split_reference(reference: str, steps: list[str]) -> None:
    assert split_reference(reference) == tuple(steps)


def test_module_addresses() -> None:
    assert module_path(None) == ""
    assert module_path('module.a[0].module.b["x.y"]') == "module.a.module.b"
    assert parent_module('module.a[0].module.b["x"]') == ("module.a[0]", "b")
    assert parent_module("module.a") == (None, "a")
    assert module_index('module.a.module.b["x"]') == "x"
    assert module_index("module.a[3]") == 3
    assert module_index("module.a") is None


def test_module_links_from_a_real_plan() -> None:
    links = load_plan(str(FIXTURES / "references" / "plan.json")).module_links
    assert links.output("module.template", "id") == (
        "aws_launch_template.this[0].id",
        "aws_launch_template.this[0]",
        "aws_launch_template.this",
    )
    assert links.input("module.pool", "template_id") == ("aws_launch_template.pool", "each.key")
    assert links.output("module.template", "missing") is None


def test_a_module_named_module() -> None:
    assert parent_module("module.module") == (None, "module")
    assert parent_module('module.module["k"].module.module') == ('module.module["k"]', "module")
    assert module_path('module.module["k"].module.module') == "module.module.module.module"
