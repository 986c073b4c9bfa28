"""One registry of output formats: the enum of names, `--format`, the Action's `format`
input and the renderers all agree with it, and an unknown name is never rendered as
another format."""

from __future__ import annotations

import re

import pytest
import yaml

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from finops_gate.report.formats import FORMATS, RenderContext, output_format
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "plan.json")


def test_the_enum_of_names_is_the_registry() -> None:
    assert [f.value for f in OutputFormat] == list(FORMATS)


def test_the_format_option_offers_every_registered_format() -> None:
    from finops_gate.cli.check import check_command

    (option,) = [p for p in check_command.params if p.name == "output_format"]
    assert list(option.type.choices) == list(FORMATS)  # type: ignore[attr-defined]


def test_the_action_input_lists_every_registered_format() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    described = action["inputs"]["format"]["description"]
    listed = re.search(r"\(([a-z, ]+)\)", described)
    assert listed is not None
    assert [name.strip() for name in listed.group(1).split(",")] == list(FORMATS)


def test_an_unknown_format_is_an_error_not_a_table() -> None:
    with pytest.raises(ValueError, match="unknown output format 'yaml'"):
        output_format("yaml")


@pytest.mark.parametrize("name", list(FORMATS))
def test_each_format_renders_through_the_registry(name: str) -> None:
    report = build_gate_report(GateOptions(plan=EXAMPLE))
    spec = FORMATS[name]
    text = spec.render(report, RenderContext(plan=EXAMPLE))
    assert text and spec.extension
    assert text == render(report, OutputFormat(name), options=GateOptions(plan=EXAMPLE))
