"""`Record`: ==, hash() and repr() for frozen dataclasses, written once.

`@dataclass` compiles the source of every method it generates (`__init__`, `__repr__`,
`__eq__`, `__hash__`, and `__setattr__`/`__delattr__` when frozen) for each class it
makes: about a quarter of the instructions of a small run (`finops-gate
examples/plan.json`) went to it, at every start-up. A class made with
`@dataclass(frozen=True, eq=False, repr=False)` that inherits `Record` gets the same
`==`, `hash()` and `repr()` as the generated ones, with three methods fewer to compile.
Their cost per call is a little higher (a loop over the fields): for records made and
compared a few times a run (options, policies), not for one made per resource.
"""

from __future__ import annotations

import dataclasses
import reprlib
from typing import Any, ClassVar


class Record:
    """`==`, `hash()` and `repr()` as `@dataclass` writes them: the fields in order
    (those with `compare`, `repr`), equal only to an instance of the same class,
    `Name(field=value, ...)` with a guard against recursion. tests/test_records.py compares
    them with the generated ones."""

    __slots__ = ()
    __dataclass_fields__: ClassVar[dict[str, dataclasses.Field[Any]]]

    def _compared(self) -> tuple[Any, ...]:
        return tuple(getattr(self, item.name) for item in dataclasses.fields(self) if item.compare)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return self._compared() == other._compared()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._compared())

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(
            f"{item.name}={getattr(self, item.name)!r}"
            for item in dataclasses.fields(self)
            if item.repr
        )
        return f"{self.__class__.__qualname__}({shown})"
