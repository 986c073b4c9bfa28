"""Values of the HCL evaluator: plain Python values plus `Unknown`.

Terraform values map to Python as: null -> None, bool, number -> int or float,
string -> str, list/tuple/set -> list, map/object -> dict. A value that cannot be
known without a plan (a data source, a remote module, an unset variable, an
attribute known only after apply) is an `Unknown`, which carries why.
"""

from __future__ import annotations

import math
from typing import Any


class Unknown:
    """A value known only after apply (or not evaluable offline); `reason` says why.

    `origin` is the address of the resource instance whose attribute it is, when it is
    one: the value keeps naming its resource through locals, module outputs and inputs,
    conditionals, `one()`, `try()` and `dynamic` blocks, so that references can be
    recorded by meaning rather than by syntax.
    """

    __slots__ = ("origin", "reason")

    def __init__(self, reason: str, origin: str | None = None) -> None:
        self.reason = reason
        self.origin = origin

    def __repr__(self) -> str:
        return f"Unknown({self.reason!r})"


class EvalError(Exception):
    """An expression Terraform itself would reject (caught by `try`/`can`)."""


class NumberOutOfRange(EvalError):
    """A number beyond what a float holds (Terraform's own numbers have no such bound)."""


class ResourceValue(dict[str, Any]):
    """A resource instance seen from another expression: attributes the configuration
    does not set are computed by the provider, so they are unknown until apply."""

    address: str = ""

    def attribute(self, name: str) -> Any:
        if name in self:
            return self[name]
        return Unknown(f"{self.address}.{name} is known only after apply", self.address)


def first_unknown(*values: Any) -> Unknown | None:
    for value in values:
        if isinstance(value, Unknown):
            return value
    return None


def contains_unknown(value: Any) -> Unknown | None:
    """The first Unknown inside a value, searching nested lists and maps."""
    if isinstance(value, Unknown):
        return value
    if isinstance(value, dict):
        items: Any = value.values()
    elif isinstance(value, list):
        items = value
    else:
        return None
    for item in items:
        found = contains_unknown(item)
        if found is not None:
            return found
    return None


MAX_NUMBER_DIGITS = 308
"""Terraform's numbers are arbitrary-precision; here they are Python floats and ints, so a
number beyond the range of a float (about 1.8e308) is refused as out of range rather
than turned into infinity or a huge integer that nothing downstream can price."""


def in_range(value: float | int) -> float | int:
    """`value` itself, or EvalError when it is not a finite number within float range."""
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NumberOutOfRange("number out of range (infinite or not a number)")
    elif isinstance(value, int) and value.bit_length() > 1024:
        raise NumberOutOfRange("number out of range (more than about 1.8e308)")
    return value


def parse_number(text: str) -> float | int:
    """A decimal number literal, refusing out-of-range ones before converting them."""
    digits = text.lstrip("+-").split(".")[0].split("e")[0].split("E")[0]
    if len(digits) > MAX_NUMBER_DIGITS + 1:
        raise NumberOutOfRange(f"number out of range ({len(digits)} digits)")
    if "." in text or "e" in text.lower():
        return in_range(normalize_number(in_range(float(text))))
    return in_range(int(text))


def normalize_number(value: float | int) -> float | int:
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def to_string(value: Any) -> str:
    """Terraform's automatic conversion of a primitive to a string."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        number = normalize_number(value)
        return str(number) if isinstance(number, int) else repr(number)
    if value is None:
        raise EvalError("a null value cannot be used in a string")
    raise EvalError(f"cannot convert {type_name(value)} to string")


def to_number(value: Any) -> int | float:
    if isinstance(value, bool):
        raise EvalError("a bool cannot be used as a number")
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str):
        try:
            return parse_number(value.strip())
        except ValueError:
            raise EvalError(f"cannot convert {value!r} to number") from None
    raise EvalError(f"cannot convert {type_name(value)} to number")


def to_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if value == "true":
        return True
    if value == "false":
        return False
    raise EvalError(f"cannot convert {type_name(value)} to bool")


def type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__
