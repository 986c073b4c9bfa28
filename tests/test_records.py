"""finops_gate.records.record: the dataclass @dataclass makes, with its methods compiled on
first use. Each shape is declared twice, once with @dataclass and once with @record, and
the two must build, compare, hash, print, pickle and refuse alike."""

from __future__ import annotations

import copy
import dataclasses
import importlib
import inspect
import pickle
import pkgutil
from collections.abc import Callable
from typing import Any, ClassVar

import pytest

import finops_gate
from finops_gate import records
from finops_gate.options import FailOn, GateOptions
from finops_gate.records import record

Declare = Callable[[Callable[[type], type]], type]


def _plain(decorate: Callable[[type], type]) -> type:
    class Plain:
        name: str
        size: float | None

    return decorate(Plain)


def _defaults(decorate: Callable[[type], type]) -> type:
    class Defaults:
        name: str
        tags: dict[str, str] = dataclasses.field(default_factory=dict)
        note: str | None = None
        hidden: str = dataclasses.field(default="h", repr=False, compare=False)
        counted: int = dataclasses.field(default=0, hash=False)
        derived: list[str] = dataclasses.field(default_factory=list, init=False)
        label: ClassVar[str] = "class variable, not a field"

    return decorate(Defaults)


def _hash_flags(decorate: Callable[[type], type]) -> type:
    class Hashed:
        name: str
        counted: int = dataclasses.field(default=0, hash=False)
        forced: int = dataclasses.field(default=1, compare=False, hash=True)

    return decorate(Hashed)


def _keyword_only(decorate: Callable[[type], type]) -> type:
    class KeywordOnly:
        name: str
        size: int = 1
        later: str = dataclasses.field(default="x", kw_only=True)

    return decorate(KeywordOnly)


def _post_init(decorate: Callable[[type], type]) -> type:
    class Checked:
        name: str
        seen: list[str] = dataclasses.field(default_factory=list, compare=False, repr=False)

        def __post_init__(self) -> None:
            self.seen.append(self.name)

    return decorate(Checked)


def _own_methods(decorate: Callable[[type], type]) -> type:
    class Own:
        name: str

        def __repr__(self) -> str:
            return f"<own {self.name}>"

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Own) and other.name.lower() == self.name.lower()

    return decorate(Own)


def _explicit_hash(decorate: Callable[[type], type]) -> type:
    class Unhashable:
        name: str
        __hash__ = None  # type: ignore[assignment]

    return decorate(Unhashable)


def _inherited(decorate: Callable[[type], type]) -> type:
    class Base:
        name: str
        size: int = 0

    class Child(decorate(Base)):  # type: ignore[misc]
        extra: str = "e"

    return decorate(Child)


SHAPES = [_plain, _defaults, _hash_flags, _explicit_hash, _keyword_only, _post_init, _own_methods, _inherited]

# (dataclass options, the same as record options)
OPTIONS: list[tuple[dict[str, bool], dict[str, bool]]] = [
    ({"frozen": True}, {}),
    ({"frozen": True, "slots": True}, {"slots": True}),
    ({"frozen": True, "kw_only": True}, {"kw_only": True}),
    ({"frozen": True, "eq": False, "repr": False}, {"eq": False, "repr": False}),
    ({}, {"frozen": False}),
    ({"slots": True}, {"frozen": False, "slots": True}),
]

CALLS: list[tuple[tuple[Any, ...], dict[str, Any]]] = [
    (("a", 1.5), {}),
    (("a",), {}),
    ((), {"name": "b"}),
    ((), {"name": "b", "size": 2.0}),
    (("a", None), {"later": "y"}),
    (("a", {"k": "v"}, "n", "hid", 3), {}),
    (("a", 5, 7), {}),
    ((), {}),
    (("a", 1, 2, 3, 4, 5, 6), {}),
    (("a",), {"colour": "red"}),
]


@pytest.fixture(params=["generic", "compiled"], autouse=True)
def init_path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Every test runs twice: records built through the generic __init__ a class uses for
    its first instances, and through the compiled one it switches to."""
    monkeypatch.setattr(records, "_COMPILE_AFTER", 10**9 if request.param == "generic" else 0)
    return str(request.param)


def _pair(shape: Callable[..., type], options: tuple[dict[str, bool], dict[str, bool]]) -> Any:
    generated_options, record_options = options
    if shape is _inherited and generated_options.get("slots"):
        pytest.skip("a slotted dataclass's subclass is slotted only when declared so")
    generated = shape(lambda cls: dataclasses.dataclass(cls, **generated_options))
    made = shape(lambda cls: record(**record_options)(cls))
    return generated, made


def _outcome(cls: type, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
    try:
        return cls(*args, **kwargs)
    except (TypeError, AttributeError) as error:
        return type(error)


def _hash(value: object) -> object:
    try:
        return hash(value)
    except TypeError:
        return TypeError


@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: s.__name__)
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o[0]) or "mutable")
def test_a_record_is_built_compared_hashed_and_shown_as_the_dataclass_is(
    shape: Callable[..., type], options: tuple[dict[str, bool], dict[str, bool]]
) -> None:
    generated, made = _pair(shape, options)
    assert [f.name for f in dataclasses.fields(made)] == [
        f.name for f in dataclasses.fields(generated)
    ]
    built = 0
    for args, kwargs in CALLS:
        reference, mine = _outcome(generated, args, kwargs), _outcome(made, args, kwargs)
        if isinstance(reference, type):
            assert mine is reference, (args, kwargs)
            continue
        built += 1
        assert dataclasses.asdict(mine) == dataclasses.asdict(reference)
        if generated.__repr__ is object.__repr__:
            assert repr(mine).startswith(f"<{made.__module__}.{made.__qualname__} object at")
        else:
            assert repr(mine) == repr(reference)
        if generated.__hash__ is object.__hash__:
            assert made.__hash__ is object.__hash__
            assert _hash(mine) == object.__hash__(mine)
        else:
            assert _hash(mine) == _hash(reference)
        assert (mine == _outcome(made, args, kwargs)) == (
            reference == _outcome(generated, args, kwargs)
        )
        assert (mine == reference) is False  # another class
    assert built >= 1
    # Last: a look at the signature compiles the __init__ (the generic one has none).
    assert str(inspect.signature(made)) == str(inspect.signature(generated))


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o[0]) or "mutable")
def test_records_with_other_values_differ_and_a_default_factory_gives_each_its_own(
    options: tuple[dict[str, bool], dict[str, bool]],
) -> None:
    generated, made = _pair(_defaults, options)
    for cls in (generated, made):
        first, second = cls(name="a"), cls(name="a")
        assert first.tags == {} and first.tags is not second.tags
        assert (first == cls(name="b")) is (generated(name="a") == generated(name="b"))
        assert (first == cls(name="a", hidden="other")) is (
            generated(name="a") == generated(name="a", hidden="other")
        )


@pytest.mark.parametrize("slots", [False, True])
def test_a_frozen_record_refuses_assignment_and_deletion_as_the_dataclass_does(
    slots: bool,
) -> None:
    made = _plain(lambda cls: record(slots=slots)(cls))
    instance = made("a", 1.0)
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'name'"):
        instance.name = "b"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'size'"):
        del instance.size
    assert instance.name == "a"


def test_a_mutable_record_can_be_changed_and_is_unhashable_as_the_dataclass_is() -> None:
    made = _plain(lambda cls: record(frozen=False)(cls))
    instance = made("a", 1.0)
    instance.name = "b"
    assert instance == made("b", 1.0)
    with pytest.raises(TypeError, match="unhashable"):
        hash(instance)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o[0]) or "mutable")
def test_a_record_pickles_copies_and_replaces(
    options: tuple[dict[str, bool], dict[str, bool]],
) -> None:
    # Pickle finds a class by its module and name: use one defined at module level.
    instance = _MODULE_LEVEL[tuple(sorted(options[1].items()))](name="a", size=2.0)
    again = pickle.loads(pickle.dumps(instance))
    assert type(again) is type(instance)
    for twin in (again, copy.deepcopy(instance), copy.copy(instance)):
        assert dataclasses.asdict(twin) == dataclasses.asdict(instance)
        assert (twin == instance) is options[1].get("eq", True)
    assert dataclasses.replace(instance, size=3.0).size == 3.0
    assert instance.size == 2.0


def _module_level(options: dict[str, bool]) -> type:
    name = "Pickled_" + "_".join(f"{k}_{v}" for k, v in sorted(options.items()))

    class Pickled:
        name: str
        size: float

    Pickled.__name__ = Pickled.__qualname__ = name
    made = record(**options)(Pickled)
    globals()[name] = made
    return made


_MODULE_LEVEL = {
    tuple(sorted(record_options.items())): _module_level(record_options)
    for _, record_options in OPTIONS
}


def test_methods_are_compiled_on_first_use_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(records, "_COMPILE_AFTER", 3)
    made = _defaults(lambda cls: record(cls))
    lazy = {"__init__", "__repr__", "__eq__", "__hash__"}
    assert all(not inspect.isfunction(made.__dict__[name]) for name in lazy)
    built = [made(f"a{number}") for number in range(3)]
    assert not inspect.isfunction(made.__dict__["__init__"])  # three built generically
    instance = made("a")
    assert inspect.isfunction(made.__dict__["__init__"])
    assert [item.name for item in built] == ["a0", "a1", "a2"]
    assert not inspect.isfunction(made.__dict__["__repr__"])
    assert "Defaults(name='a'" in repr(instance)
    assert inspect.isfunction(made.__dict__["__repr__"])
    assert not inspect.isfunction(made.__dict__["__hash__"])


def test_a_recursive_record_is_shown_without_endless_recursion() -> None:
    @record(eq=False)
    class Node:
        name: str
        children: list[Any]

    node = Node("a", [])
    node.children.append(node)
    assert repr(node) == "test_a_recursive_record_is_shown_without_endless_recursion.<locals>.Node(name='a', children=[...])"


def test_what_a_record_cannot_be_is_refused_when_the_class_is_defined() -> None:
    class WithInitVar:
        name: str
        secret: dataclasses.InitVar[str]

    class NamedSelf:
        self: str

    class DefaultFirst:
        name: str = "a"
        size: int

    class OwnSetattr:
        name: str

        def __setattr__(self, name: str, value: object) -> None:
            raise AssertionError

    for cls, message in [
        (WithInitVar, "InitVar"),
        (NamedSelf, "reserved"),
        (DefaultFirst, "follows default"),
        (OwnSetattr, "__setattr__"),
    ]:
        with pytest.raises(TypeError, match=message):
            record(cls)


def _package_records() -> list[type]:
    found: dict[str, type] = {}
    for module_info in pkgutil.walk_packages(finops_gate.__path__, "finops_gate."):
        if module_info.name.endswith("__main__"):
            continue
        module = importlib.import_module(module_info.name)
        for value in vars(module).values():
            if isinstance(value, type) and "__record_options__" in value.__dict__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def test_every_record_of_the_package_keeps_its_declared_parameters() -> None:
    records = _package_records()
    assert len(records) > 100
    for cls in records:
        parameters = list(inspect.signature(cls).parameters.values())
        declared = [f for f in dataclasses.fields(cls) if f.init]
        assert [p.name for p in parameters] == [f.name for f in declared], cls
        for parameter, field in zip(parameters, declared, strict=True):
            if field.default is not dataclasses.MISSING:
                assert parameter.default is field.default, (cls, field.name)
            elif field.default_factory is dataclasses.MISSING:
                assert parameter.default is inspect.Parameter.empty, (cls, field.name)
            assert (parameter.kind is inspect.Parameter.KEYWORD_ONLY) is field.kw_only


def test_gate_options_compare_hash_and_show_as_a_generated_dataclass() -> None:
    options = GateOptions(plan="infra", fail_on=FailOn.NEVER, var_files=("a.tfvars",))
    names = [item.name for item in dataclasses.fields(options)]
    twin = dataclasses.make_dataclass(
        "GateOptions", [(name, Any) for name in names], frozen=True, kw_only=True
    )
    twin.__qualname__ = GateOptions.__qualname__
    values = {name: getattr(options, name) for name in names}
    reference = twin(**values)
    assert repr(options) == repr(reference)
    assert hash(options) == hash(reference)
    assert options == GateOptions(**values)
    assert options != dataclasses.replace(options, plan="other")
