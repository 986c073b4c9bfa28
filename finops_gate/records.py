"""`@record`: a dataclass whose methods are compiled when first used.

`@dataclass` compiles the source of every method it generates (`__init__`, `__repr__`,
`__eq__`, `__hash__`, and `__setattr__`/`__delattr__` when frozen) for each class, when
the class is defined: about 0.1 ms each, and a small run (`finops-gate
examples/plan.json`) defines about 70 record classes, 230 methods, most of them never
called (which record is ever printed with repr(), or hashed?). That was a fifth of the
run, at every start-up.

`@record` makes the same dataclass (`dataclasses.fields`, `replace` and `asdict` work;
the same parameters, defaults, default factories, keyword-only fields and
`__post_init__`; the same `==`, `hash()` and `repr()`), but each class starts with
stubs: the first call of one compiles that class's method from the same source
`@dataclass` would write, puts it on the class and calls it, so every later call costs
what the generated method costs. `__init__` waits longer: a class's first
`_COMPILE_AFTER` instances are built by a generic binding of the arguments, and only a
class built more often than that gets its own compiled `__init__` (compiling one costs
more than building a few dozen records). The frozen `__setattr__`/`__delattr__` are
written once, here. A slotted, frozen record's `__init__` sets each slot through its
descriptor (several times quicker than `object.__setattr__`, for records built per
resource).

Differences from `@dataclass`, none of which this code base relies on: a frozen record
refuses every attribute assignment, also on a plain subclass; `__dataclass_params__`
says `frozen=False` (the freezing is the record's, not the dataclass's); InitVar fields
and a field named `self` are refused when the class is defined. tests/test_records.py
compares records with generated dataclasses case by case.
"""

from __future__ import annotations

import dataclasses
import reprlib
import types
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar, overload

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:

    def dataclass_transform(**_: object) -> Callable[[Any], Any]:
        return lambda decorated: decorated


__all__ = ["record"]

_T = TypeVar("_T")


class _Factory:
    """Stands for "not given" of a field with a default factory, shown as @dataclass
    shows its own (`inspect.signature` prints `tags=<factory>`)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<factory>"


_NO_VALUE = _Factory()
# Names the compiled methods use; a field may not shadow them.
_PREFIX = "_record_"


class _Options:
    """What a record class was declared with, kept on the class for its stubs."""

    __slots__ = ("frozen", "slots")

    def __init__(self, frozen: bool, slots: bool) -> None:
        self.frozen = frozen
        self.slots = slots


@overload
def record(cls: type[_T], /) -> type[_T]: ...


@overload
def record(
    *,
    frozen: bool = True,
    eq: bool = True,
    repr: bool = True,
    slots: bool = False,
    kw_only: bool = False,
) -> Callable[[type[_T]], type[_T]]: ...


@dataclass_transform(
    frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field)
)
def record(
    cls: type[_T] | None = None,
    /,
    *,
    frozen: bool = True,
    eq: bool = True,
    repr: bool = True,
    slots: bool = False,
    kw_only: bool = False,
) -> type[_T] | Callable[[type[_T]], type[_T]]:
    """A dataclass (frozen unless `frozen=False`) whose methods compile on first use."""

    def make(decorated: type[_T]) -> type[_T]:
        return _make(decorated, frozen=frozen, eq=eq, with_repr=repr, slots=slots, kw_only=kw_only)

    return make if cls is None else make(cls)


def _make(
    cls: type[_T], *, frozen: bool, eq: bool, with_repr: bool, slots: bool, kw_only: bool
) -> type[_T]:
    own = dict(cls.__dict__)
    if not own.get("__doc__"):
        # @dataclass would compute a signature for it (inspect.signature, slow and, for a
        # class without a compiled __init__ yet, wrong).
        cls.__doc__ = f"{cls.__name__}({', '.join(own.get('__annotations__', {}))})"
    made: Any = dataclasses.dataclass(
        cls, init=False, repr=False, eq=False, frozen=False, slots=slots, kw_only=kw_only
    )
    _check(made)
    made.__record_options__ = _Options(frozen, slots)
    if "__init__" not in own:
        made.__init__ = _FirstInits(made)
    if with_repr and "__repr__" not in own:
        made.__repr__ = _FirstUse(made, "__repr__", _compile_repr)
    if eq:
        if "__eq__" not in own:
            made.__eq__ = _FirstUse(made, "__eq__", _compile_eq)
        # @dataclass's rule: a class that says how it hashes keeps it (a `__hash__ = None`
        # Python adds for a class defining `__eq__` says nothing); otherwise a frozen
        # record hashes its compared fields and a mutable one is unhashable.
        class_hash = own.get("__hash__", dataclasses.MISSING)
        explicit_hash = class_hash is not dataclasses.MISSING and not (
            class_hash is None and "__eq__" in own
        )
        if not explicit_hash:
            made.__hash__ = _FirstUse(made, "__hash__", _compile_hash) if frozen else None
    if frozen:
        if "__setattr__" in own or "__delattr__" in own:
            raise TypeError(f"record {cls.__qualname__}: a frozen record defines __setattr__")
        made.__setattr__ = _frozen_setattr
        made.__delattr__ = _frozen_delattr
        if slots:
            made.__getstate__ = _slotted_getstate
            made.__setstate__ = _slotted_setstate
    return made  # type: ignore[no-any-return]


def _check(cls: type) -> None:
    """Refuse what the compiled methods do not do, when the class is defined."""
    every = getattr(cls, "__dataclass_fields__", {})
    fields = dataclasses.fields(cls)
    names = {field.name for field in fields}
    if any(name not in names and not _is_classvar(item) for name, item in every.items()):
        raise TypeError(f"record {cls.__qualname__}: InitVar fields are not supported")
    seen_default = False
    for field in fields:
        if field.name == "self" or field.name.startswith(_PREFIX):
            raise TypeError(f"record {cls.__qualname__}: field name {field.name!r} is reserved")
        if not field.init or field.kw_only:
            continue
        has_default = (
            field.default is not dataclasses.MISSING
            or field.default_factory is not dataclasses.MISSING
        )
        if has_default:
            seen_default = True
        elif seen_default:
            raise TypeError(f"non-default argument {field.name!r} follows default argument")


def _is_classvar(field: dataclasses.Field[Any]) -> bool:
    return field._field_type is dataclasses._FIELD_CLASSVAR  # type: ignore[attr-defined]


class _FirstUse:
    """A record class's method until its first call (or a look at its signature), which
    compiles the real method, puts it on the class in its place and calls it."""

    __slots__ = ("_cls", "_compile", "_name")

    def __init__(self, cls: type, name: str, compile_method: Callable[[type], Any]) -> None:
        self._cls = cls
        self._name = name
        self._compile = compile_method

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        return self if instance is None else types.MethodType(self, instance)

    def __call__(self, instance: object, *args: Any, **kwargs: Any) -> Any:
        return self.method()(instance, *args, **kwargs)

    def method(self) -> Callable[..., Any]:
        method: Callable[..., Any] = self._compile(self._cls)
        setattr(self._cls, self._name, method)
        return method

    @property
    def __signature__(self) -> Any:
        # inspect.signature(cls) and help() show the real parameters, not (*args, **kwargs).
        import inspect

        return inspect.signature(self.method())


# A class built fewer times than this in a run never gets a compiled __init__: compiling
# one costs 0.1 to 0.5 ms (a small run builds about 55 classes' first instances), while
# building through the generic one below costs a few microseconds more than through a
# compiled one.
_COMPILE_AFTER = 20

# How the generic __init__ gets a field's value (the last two: fields with init=False).
_REQUIRED, _DEFAULT, _FACTORY, _LATE_DEFAULT, _LATE_FACTORY = range(5)


class _InitPlan:
    """What the generic __init__ of one record class needs, worked out on its first call."""

    __slots__ = ("accepted", "fields", "name", "positional", "post_init")

    def __init__(self, cls: type) -> None:
        options: _Options = cls.__record_options__  # type: ignore[attr-defined]
        self.name = f"{cls.__qualname__}.__init__"
        self.positional: tuple[str, ...] = ()
        self.accepted: set[str] = set()
        # (name, setter, how its value is found, its default or default factory)
        self.fields: list[tuple[str, Callable[[object, Any], None], int, Any]] = []
        positional: list[str] = []
        for field in dataclasses.fields(cls):
            has_default = field.default is not dataclasses.MISSING
            has_factory = field.default_factory is not dataclasses.MISSING
            if field.init:
                self.accepted.add(field.name)
                if not field.kw_only:
                    positional.append(field.name)
                how = _DEFAULT if has_default else _FACTORY if has_factory else _REQUIRED
            elif has_default or has_factory:
                how = _LATE_DEFAULT if has_default else _LATE_FACTORY
            else:
                continue  # left unset, as @dataclass leaves it
            default = field.default if has_default else field.default_factory
            self.fields.append((field.name, _setter(cls, options, field.name), how, default))
        self.positional = tuple(positional)
        self.post_init = hasattr(cls, "__post_init__")

    def build(self, instance: object, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
        """Bind the arguments as the compiled __init__'s parameters would, then set the
        fields in order (default factories called in that order), then __post_init__."""
        if len(args) > len(self.positional):
            raise TypeError(
                f"{self.name}() takes {len(self.positional) + 1} positional arguments but "
                f"{len(args) + 1} were given"
            )
        given = dict(zip(self.positional, args, strict=False))  # fewer args than names
        for key, value in kwargs.items():
            if key not in self.accepted:
                raise TypeError(f"{self.name}() got an unexpected keyword argument {key!r}")
            if key in given:
                raise TypeError(f"{self.name}() got multiple values for argument {key!r}")
            given[key] = value
        missing = [name for name, _, how, _ in self.fields if how == _REQUIRED]
        missing = [name for name in missing if name not in given]
        if missing:
            raise TypeError(f"{self.name}() missing required arguments: {', '.join(missing)}")
        for name, setter, how, default in self.fields:
            if how == _REQUIRED or (how in (_DEFAULT, _FACTORY) and name in given):
                value = given[name]
            elif how in (_DEFAULT, _LATE_DEFAULT):
                value = default
            else:
                value = default()
            setter(instance, value)
        if self.post_init:
            instance.__post_init__()  # type: ignore[attr-defined]


def _setter(cls: type, options: _Options, name: str) -> Callable[[object, Any], None]:
    if not options.frozen:
        return lambda instance, value: setattr(instance, name, value)
    slot = _slot_descriptor(cls, name) if options.slots else None
    if slot is not None:
        return slot.__set__
    return lambda instance, value: object.__setattr__(instance, name, value)


class _FirstInits(_FirstUse):
    """A record class's __init__ for its first instances: builds them through a generic
    binding (`_InitPlan`) and compiles the class's own __init__ once it has built
    `_COMPILE_AFTER` of them, so a class built a few times a run costs no compiling."""

    __slots__ = ("_built", "_plan")

    def __init__(self, cls: type) -> None:
        super().__init__(cls, "__init__", _compile_init)
        self._built = 0
        self._plan: _InitPlan | None = None

    def __call__(self, instance: object, *args: Any, **kwargs: Any) -> Any:
        self._built += 1
        if self._built > _COMPILE_AFTER:
            return self.method()(instance, *args, **kwargs)
        plan = self._plan
        if plan is None:
            plan = self._plan = _InitPlan(self._cls)
        plan.build(instance, args, kwargs)
        return None


def _compiled(cls: type, name: str, source: str, names: dict[str, Any]) -> Callable[..., Any]:
    """The function `name` defined by `source`, with `names` as its globals."""
    exec(compile(source, f"<record {cls.__qualname__}.{name}>", "exec"), names)
    function: Callable[..., Any] = names[name]
    function.__qualname__ = f"{cls.__qualname__}.{name}"
    return function


def _compile_init(cls: type) -> Callable[..., Any]:
    """The class's own __init__, written from the same plan the generic one follows."""
    options: _Options = cls.__record_options__  # type: ignore[attr-defined]
    plan = _InitPlan(cls)
    no_value = f"{_PREFIX}no_value"
    names: dict[str, Any] = {no_value: _NO_VALUE, f"{_PREFIX}set": object.__setattr__}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for index, (name, _, how, default) in enumerate(plan.fields):
        given = f"{_PREFIX}default_{index}"
        names[given] = default
        value, parameter = name, None
        if how == _REQUIRED:
            parameter = name
        elif how == _DEFAULT:
            parameter = f"{name}={given}"
        elif how == _FACTORY:
            parameter = f"{name}={no_value}"
            value = f"{given}() if {name} is {no_value} else {name}"
        elif how == _LATE_DEFAULT:
            value = given
        else:
            value = f"{given}()"
        if parameter is not None:
            (positional if name in plan.positional else keyword).append(parameter)
        body.append(_assignment(cls, options, index, name, value, names))
    if plan.post_init:
        body.append("self.__post_init__()")
    parameters = ["self", *positional, *(["*", *keyword] if keyword else [])]
    lines = "\n".join(f"    {line}" for line in body or ["pass"])
    source = f"def __init__({', '.join(parameters)}):\n{lines}\n"
    init = _compiled(cls, "__init__", source, names)
    init.__annotations__ = {f.name: f.type for f in dataclasses.fields(cls) if f.init}
    init.__annotations__["return"] = None
    return init


def _assignment(
    cls: type, options: _Options, index: int, name: str, value: str, names: dict[str, Any]
) -> str:
    if not options.frozen:
        return f"self.{name} = {value}"
    slot = _slot_descriptor(cls, name) if options.slots else None
    if slot is None:
        return f"{_PREFIX}set(self, {name!r}, {value})"
    setter = f"{_PREFIX}slot_{index}"
    names[setter] = slot.__set__
    return f"{setter}(self, {value})"


def _slot_descriptor(cls: type, name: str) -> types.MemberDescriptorType | None:
    for base in cls.__mro__:
        found = base.__dict__.get(name)
        if isinstance(found, types.MemberDescriptorType):
            return found
    return None


def _compile_repr(cls: type) -> Callable[..., Any]:
    shown = ", ".join(f"{f.name}={{self.{f.name}!r}}" for f in dataclasses.fields(cls) if f.repr)
    source = (
        "def __repr__(self):\n"
        f'    return self.__class__.__qualname__ + f"({shown})"\n'
    )
    return reprlib.recursive_repr()(_compiled(cls, "__repr__", source, {}))


def _compile_eq(cls: type) -> Callable[..., Any]:
    compared = [f.name for f in dataclasses.fields(cls) if f.compare]
    mine, theirs = _tuple("self", compared), _tuple("other", compared)
    source = (
        "def __eq__(self, other):\n"
        "    if other.__class__ is self.__class__:\n"
        f"        return {mine} == {theirs}\n"
        "    return NotImplemented\n"
    )
    return _compiled(cls, "__eq__", source, {})


def _compile_hash(cls: type) -> Callable[..., Any]:
    hashed = [
        f.name
        for f in dataclasses.fields(cls)
        if (f.compare if f.hash is None else f.hash)
    ]
    source = f"def __hash__(self):\n    return hash({_tuple('self', hashed)})\n"
    return _compiled(cls, "__hash__", source, {})


def _tuple(owner: str, names: list[str]) -> str:
    return "(" + "".join(f"{owner}.{name}," for name in names) + ")"


def _frozen_setattr(self: object, name: str, value: object) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: object, name: str) -> None:
    raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")


# A frozen, slotted record has no __dict__ for pickle to fill, and refuses setattr:
# its state is the list of its field values, as @dataclass does it.
def _slotted_getstate(self: Any) -> list[Any]:
    return [getattr(self, field.name) for field in dataclasses.fields(self)]


def _slotted_setstate(self: Any, state: list[Any]) -> None:
    for field, value in zip(dataclasses.fields(self), state, strict=True):
        object.__setattr__(self, field.name, value)
