"""Frozen records that are quick to build.

The `__init__` a frozen dataclass gets sets each field through `object.__setattr__` (the
class's own `__setattr__` refuses), a lookup and a generic call per field: building one
costs 2 to 5 times as much as building a plain one. A run over a plan of 100,000
resources builds millions of these records (resources, attribute views, component specs,
priced components), and their constructors were a tenth of estimating.

`quick_init` gives a frozen, slotted dataclass an `__init__` that sets each field
through its slot's own descriptor instead: the same parameters, defaults and default
factories, and the instance is as frozen as before once built. Only the plain case is
handled (no `__post_init__`, `InitVar`, keyword-only or `init=False` fields); anything
else is refused when the class is defined, not at run time.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_Record = TypeVar("_Record")

_NO_VALUE = object()  # stands for "not given" of a field with a default factory


def quick_init(cls: type[_Record]) -> type[_Record]:
    """Replace the generated `__init__` of a frozen, slotted dataclass (see the module)."""
    params = dataclasses.fields(cls)  # type: ignore[arg-type]
    _check_plain(cls, params)
    names: dict[str, Any] = {"_NO_VALUE": _NO_VALUE}
    signature: list[str] = []
    body: list[str] = []
    for position, param in enumerate(params):
        setter, value = f"_set_{position}", param.name
        names[setter] = cls.__dict__[param.name].__set__
        if param.default is not dataclasses.MISSING:
            names[f"_default_{position}"] = param.default
            signature.append(f"{param.name}=_default_{position}")
        elif param.default_factory is not dataclasses.MISSING:
            names[f"_factory_{position}"] = param.default_factory
            signature.append(f"{param.name}=_NO_VALUE")
            value = f"_factory_{position}() if {param.name} is _NO_VALUE else {param.name}"
        else:
            signature.append(param.name)
        body.append(f"    {setter}(self, {value})")
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body or ["    pass"])
    exec(compile(source, f"<quick_init {cls.__qualname__}>", "exec"), names)
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init  # type: ignore[method-assign]
    return cls


def _check_plain(cls: type, params: tuple[dataclasses.Field[Any], ...]) -> None:
    parameters = getattr(cls, "__dataclass_params__", None)
    if parameters is None or not parameters.frozen or "__slots__" not in cls.__dict__:
        raise TypeError(f"quick_init: {cls.__qualname__} is not a frozen, slotted dataclass")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"quick_init: {cls.__qualname__} has a __post_init__")
    all_fields = getattr(cls, "__dataclass_fields__", {})
    if len(all_fields) != len(params) or any(not p.init or p.kw_only for p in params):
        raise TypeError(f"quick_init: {cls.__qualname__} has fields quick_init does not build")
