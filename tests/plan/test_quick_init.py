"""quick_init: a frozen record built through its slots, exactly as its dataclass builds it."""

from __future__ import annotations

import dataclasses
import inspect
from dataclasses import dataclass, field
from typing import Any

import pytest

from finops_gate.cost.engine import _Side
from finops_gate.cost.model import ComponentSpec, CostComponent, ResourceCost
from finops_gate.cost.view import AttributeView
from finops_gate.plan.quick_init import quick_init
from finops_gate.plan.resource import Resource
from finops_gate.savings.model import Recommendation, Suggestion


def _record_class(quick: bool) -> Any:
    @dataclass(frozen=True, slots=True)
    class Record:
        name: str
        size: float | None
        tags: dict[str, str] = field(default_factory=dict)
        note: str | None = None
        flag: bool = False

    return quick_init(Record) if quick else Record


PLAIN = _record_class(quick=False)
QUICK = _record_class(quick=True)

CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a", 1.0), {}),
    (("a", None, {"k": "v"}, "n", True), {}),
    (("a",), {"size": 2.5, "flag": True}),
    ((), {"name": "b", "size": 0.0, "note": "x"}),
]


@pytest.mark.parametrize(("args", "kwargs"), CALLS)
def test_builds_what_the_dataclass_builds(args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    plain, quick = PLAIN(*args, **kwargs), QUICK(*args, **kwargs)
    assert dataclasses.astuple(quick) == dataclasses.astuple(plain)
    assert repr(quick).split("(", 1)[1] == repr(plain).split("(", 1)[1]


def test_a_default_factory_makes_a_new_value_for_each_record() -> None:
    first, second = QUICK("a", 1.0), QUICK("b", 2.0)
    assert first.tags == {} and first.tags is not second.tags


def test_the_record_stays_frozen() -> None:
    record = QUICK("a", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.name = "b"


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((), {}), (("a", 1.0, {}, None, False, "extra"), {}), (("a", 1.0), {"colour": "red"})],
)
def test_wrong_arguments_are_refused_as_the_dataclass_refuses_them(
    args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    with pytest.raises(TypeError):
        PLAIN(*args, **kwargs)
    with pytest.raises(TypeError):
        QUICK(*args, **kwargs)


def test_only_plain_frozen_slotted_dataclasses_are_accepted() -> None:
    @dataclass(slots=True)
    class Mutable:
        name: str

    @dataclass(frozen=True, slots=True)
    class Checked:
        name: str

        def __post_init__(self) -> None:
            raise AssertionError

    @dataclass(frozen=True, slots=True, kw_only=True)
    class KeywordOnly:
        name: str

    @dataclass(frozen=True)
    class NoSlots:
        name: str

    for cls in (Mutable, Checked, KeywordOnly, NoSlots):
        with pytest.raises(TypeError, match="quick_init"):
            quick_init(cls)


@pytest.mark.parametrize(
    "cls",
    [
        Resource,
        AttributeView,
        ComponentSpec,
        CostComponent,
        ResourceCost,
        _Side,
        Recommendation,
        Suggestion,
    ],
)
def test_the_records_keep_their_parameters(cls: type) -> None:
    parameters = list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    assert [p.name for p in parameters] == [f.name for f in fields]
    for parameter, declared in zip(parameters, fields, strict=True):
        if declared.default is not dataclasses.MISSING:
            assert parameter.default is declared.default
        elif declared.default_factory is dataclasses.MISSING:
            assert parameter.default is inspect.Parameter.empty
