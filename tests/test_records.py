"""finops_gate.records.Record: ==, hash() and repr() as @dataclass generates them."""

from __future__ import annotations

import dataclasses
import datetime
from typing import Any

import pytest

from finops_gate.options import FailOn, GateOptions, OutputFormat
from finops_gate.records import Record


def _generated_twin(record: Record) -> tuple[type, dict[str, Any]]:
    """A dataclass with `record`'s fields and generated methods, and `record`'s values."""
    cls = type(record)
    names = [item.name for item in dataclasses.fields(record)]
    twin = dataclasses.make_dataclass(cls.__name__, [(name, Any) for name in names], frozen=True)
    twin.__qualname__ = cls.__qualname__
    return twin, {name: getattr(record, name) for name in names}


def _hash_or_error(value: object) -> object:
    try:
        return hash(value)
    except TypeError as error:
        return str(error)


@pytest.mark.parametrize(
    "options",
    [
        GateOptions(plan="plan.json"),
        GateOptions(
            plan="infra",
            output_format=OutputFormat.SARIF,
            overrides=(("budget", "approved"),),
            today=datetime.date(2026, 11, 30),
            fail_on=FailOn.NEVER,
            var_files=("a.tfvars",),
            network_deadline=1.5,
        ),
    ],
)
def test_gate_options_compare_hash_and_show_as_a_generated_dataclass(
    options: GateOptions,
) -> None:
    twin, values = _generated_twin(options)
    reference = twin(**values)
    assert repr(options) == repr(reference)
    assert hash(options) == hash(reference)
    assert options == GateOptions(**values)
    assert options != dataclasses.replace(options, plan="other")
    assert options != reference  # another class: a generated __eq__ says NotImplemented


@dataclasses.dataclass(frozen=True, eq=False, repr=False)
class _Node(Record):
    name: str
    children: list[_Node]
    note: str = dataclasses.field(default="", repr=False, compare=False)


def test_fields_left_out_of_repr_and_comparison_stay_out_and_recursion_is_guarded() -> None:
    node = _Node("a", [], note="hidden")
    node.children.append(node)
    twin = dataclasses.make_dataclass(
        "_Node",
        [
            ("name", str),
            ("children", list),
            ("note", str, dataclasses.field(default="", repr=False, compare=False)),
        ],
        frozen=True,
    )
    twin.__qualname__ = _Node.__qualname__
    reference = twin("a", [], note="hidden")
    reference.children.append(reference)
    assert repr(node) == repr(reference) == "_Node(name='a', children=[...])"
    assert _hash_or_error(node) == _hash_or_error(reference)
    assert _Node("b", [], note="x") == _Node("b", [], note="y")
