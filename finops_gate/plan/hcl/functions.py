"""Terraform's built-in functions that matter for costs and tags.

Each takes evaluated arguments; an Unknown argument gives an Unknown result (except
where Terraform can still answer, e.g. `length` of a list holding unknown items).
Functions not listed here evaluate to Unknown, said in the verdict, never guessed.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import ipaddress
import json
import math
import re
from collections.abc import Callable
from typing import Any

from finops_gate.bounded_regex import BoundedPattern, RegexTimeout, compile_bounded
from finops_gate.plan.hcl.limits import TooLarge, current_limits
from finops_gate.plan.hcl.paths import basename, dirname, pathexpand
from finops_gate.plan.hcl.sets import SetList
from finops_gate.plan.hcl.values import (
    EvalError,
    Unknown,
    contains_unknown,
    normalize_number,
    to_bool,
    to_number,
    to_string,
    type_name,
)

Function = Callable[..., Any]


def _strict(function: Function) -> Function:
    """Unknown anywhere in the arguments -> that Unknown."""

    def wrapper(*args: Any) -> Any:
        for arg in args:
            unknown = contains_unknown(arg)
            if unknown is not None:
                return unknown
        return function(*args)

    wrapper.__name__ = function.__name__
    return wrapper


def _shallow(function: Function) -> Function:
    """Unknown as a top-level argument -> that Unknown (items may be unknown)."""

    def wrapper(*args: Any) -> Any:
        for arg in args:
            if isinstance(arg, Unknown):
                return arg
        return function(*args)

    wrapper.__name__ = function.__name__
    return wrapper


def _list(value: Any, name: str) -> list[Any]:
    if isinstance(value, list):
        return value
    raise EvalError(f"{name}: expected a list, got {type_name(value)}")


def _map(value: Any, name: str) -> dict[str, Any]:
    if isinstance(value, dict):
        return value
    raise EvalError(f"{name}: expected a map, got {type_name(value)}")


def _merge(*maps: Any) -> Any:
    result: dict[str, Any] = {}
    for item in maps:
        if item is None:
            continue
        result.update(_map(item, "merge"))
    return result


def _lookup(mapping: Any, key: Any, *default: Any) -> Any:
    table = _map(mapping, "lookup")
    name = to_string(key)
    if name in table:
        return table[name]
    if default:
        return default[0]
    raise EvalError(f"lookup: no key {name!r} and no default")


def _concat(*lists: Any) -> Any:
    result: list[Any] = []
    for item in lists:
        result.extend(_list(item, "concat"))
    return result


def _coalesce(*values: Any) -> Any:
    for value in values:
        if isinstance(value, Unknown):
            return value
        if value is not None and value != "":
            return value
    raise EvalError("coalesce: no non-null, non-empty argument")


def _coalescelist(*values: Any) -> Any:
    for value in values:
        if isinstance(value, Unknown):
            return value
        if _list(value, "coalescelist"):
            return value
    raise EvalError("coalescelist: no non-empty list")


_VERB = re.compile(r"%(?:%|([-+ #0]*)(\d+)?(?:\.(\d+))?([a-zA-Z]))")


def _format(spec: Any, *args: Any) -> Any:
    text = to_string(spec)
    values = list(args)
    position = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal position
        if match.group(0) == "%%":
            return "%"
        flags, width, precision, verb = match.groups()
        if position >= len(values):
            raise EvalError("format: not enough arguments")
        value = values[position]
        position += 1
        if verb in ("s", "v"):
            out = (
                value
                if isinstance(value, str)
                else (json.dumps(value) if isinstance(value, (list, dict)) else to_string(value))
            )
        elif verb == "q":
            out = json.dumps(to_string(value))
        elif verb == "d":
            out = str(int(to_number(value)))
        elif verb in ("f", "e", "g"):
            out = f"{to_number(value):.{precision or 6}{verb}}"
        elif verb == "t":
            out = "true" if to_bool(value) else "false"
        elif verb in ("x", "X", "o", "b"):
            out = format(int(to_number(value)), verb)
        else:
            raise EvalError(f"format: unsupported verb %{verb}")
        if width:
            # Checked before padding: "%0999999999d" must not allocate a gigabyte.
            if len(width) > 9 or int(width) > current_limits().string_length:
                raise TooLarge(f"format: width {width} is larger than the string length limit")
            out = (
                out.ljust(int(width))
                if "-" in (flags or "")
                else out.rjust(int(width), "0" if "0" in (flags or "") else " ")
            )
        return out

    return _VERB.sub(replace, text)


def _joined_length(parts: list[str], separator: str) -> int:
    """The length of `separator.join(parts)`, checked against the limit before joining."""
    length = sum(len(part) for part in parts) + len(separator) * max(len(parts) - 1, 0)
    limit = current_limits().string_length
    if length > limit:
        raise TooLarge(f"a string of {length} characters, longer than the limit of {limit}")
    return length


def _join(separator: Any, *lists: Any) -> Any:
    items: list[Any] = []
    for item in lists:
        items.extend(_list(item, "join"))
    parts = [to_string(i) for i in items]
    glue = to_string(separator)
    _joined_length(parts, glue)
    return glue.join(parts)


def _split(separator: Any, text: Any) -> Any:
    value = to_string(text)
    return value.split(to_string(separator)) if value else [""]


def _length(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return len(value)
    if isinstance(value, str):
        return len(value)
    raise EvalError(f"length: cannot take the length of {type_name(value)}")


def _element(items: Any, index: Any) -> Any:
    values = _list(items, "element")
    if not values:
        raise EvalError("element: empty list")
    return values[int(to_number(index)) % len(values)]


def _toset(value: Any) -> Any:
    items = _list(value, "toset")
    unknown = contains_unknown(items)
    if unknown is not None:
        return unknown
    seen = _unique(items)
    if all(isinstance(i, str) for i in seen):
        return SetList(sorted(seen))
    return SetList(seen)


def _identity(item: Any) -> tuple[str, Any]:
    """A hashable key under which two primitive values are equal as Terraform sees them:
    1 and 1.0 are one number, but 1 and true are different values."""
    return (type_name(item), item)


def _unique(items: list[Any]) -> list[Any]:
    """The distinct items in first-seen order, in linear time for primitive items (a set
    of 100,000 strings must not take 10**10 comparisons)."""
    seen: set[tuple[str, Any]] = set()
    unhashable: list[Any] = []
    result: list[Any] = []
    for item in items:
        if isinstance(item, (list, dict)):
            if item not in unhashable:
                unhashable.append(item)
                result.append(item)
            continue
        key = _identity(item)
        if key not in seen:
            seen.add(key)
            result.append(item)
    return result


def _tomap(value: Any) -> Any:
    return dict(_map(value, "tomap"))


def _keys(value: Any) -> Any:
    return sorted(_map(value, "keys"))


def _values(value: Any) -> Any:
    table = _map(value, "values")
    return [table[k] for k in sorted(table)]


def _jsonencode(value: Any) -> Any:
    return (
        json.dumps(_json_ready(value), separators=(",", ":"), sort_keys=True)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def _json_ready(value: Any) -> Any:
    if isinstance(value, float):
        return normalize_number(value)
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def _jsondecode(text: Any) -> Any:
    try:
        return json.loads(to_string(text))
    except json.JSONDecodeError as error:
        raise EvalError(f"jsondecode: {error.msg}") from None


def _flatten(value: Any) -> Any:
    result: list[Any] = []
    for item in _list(value, "flatten"):
        if isinstance(item, Unknown):
            return item
        if isinstance(item, list):
            flat = _flatten(item)
            if isinstance(flat, Unknown):
                return flat
            result.extend(flat)
        else:
            result.append(item)
    return result


def _range(*args: Any) -> Any:
    numbers = [to_number(a) for a in args]
    start: float
    stop: float
    step: float
    if len(numbers) == 1:
        start, stop, step = 0, numbers[0], 1
    elif len(numbers) == 2:
        start, stop, step = numbers[0], numbers[1], 1 if numbers[1] >= numbers[0] else -1
    else:
        start, stop, step = numbers
    if step == 0:
        raise EvalError("range: step must not be zero")
    if not all(math.isfinite(n) for n in (start, stop, step)):
        raise EvalError("range: arguments must be finite numbers")
    # The size is known before any element is made: range(1e8) is refused at once.
    size = max(math.ceil((stop - start) / step), 0)
    limit = current_limits().collection_size
    if size > limit:
        raise TooLarge(f"range: {size} elements, more than the limit of {limit}")
    result = []
    current = start
    while (step > 0 and current < stop) or (step < 0 and current > stop):
        result.append(normalize_number(current))
        current += step
    return result


def _zipmap(keys: Any, values: Any) -> Any:
    names, items = _list(keys, "zipmap"), _list(values, "zipmap")
    return {to_string(k): v for k, v in zip(names, items, strict=False)}


def _slice(items: Any, start: Any, end: Any) -> Any:
    return _list(items, "slice")[int(to_number(start)) : int(to_number(end))]


def _contains(items: Any, value: Any) -> Any:
    return value in _list(items, "contains")


def _distinct(items: Any) -> Any:
    return _unique(_list(items, "distinct"))


def _compact(items: Any) -> Any:
    return [i for i in _list(items, "compact") if i is not None and i != ""]


def _replace(text: Any, search: Any, replacement: Any) -> Any:
    source, pattern, new = to_string(text), to_string(search), to_string(replacement)
    if len(pattern) > 1 and pattern.startswith("/") and pattern.endswith("/"):
        go_groups = re.sub(r"\$\{?(\d+)\}?", r"\\g<\1>", new)
        return _with_pattern("replace", pattern[1:-1], lambda p: p.sub(go_groups, source))
    return source.replace(pattern, new)


def _with_pattern(name: str, source: str, use: Callable[[BoundedPattern], Any]) -> Any:
    """`use` a pattern from the configuration; a bad or too slow one is an EvalError."""
    # Imported here, as compile_bounded does: loading RE2 took about 2.5 ms of every HCL
    # run's start-up, and most configurations call no regex function.
    import re2  # type: ignore[import-untyped]

    try:
        return use(compile_bounded(source))
    except re.error as error:
        raise EvalError(f"{name}: invalid regular expression: {error}") from None
    except RegexTimeout as error:
        raise EvalError(f"{name}: {error}") from None
    except (re2.error, IndexError) as error:  # a replacement naming a missing group
        raise EvalError(f"{name}: {error}") from None


def _captures(match: Any, pattern: BoundedPattern) -> Any:
    """What Terraform's regex() gives for one match: the text, a map of named groups,
    or a list of the groups."""
    if pattern.groups == 0:
        return match.group(0)
    if pattern.groupindex:
        return {name: match.group(name) for name in sorted(pattern.groupindex)}
    return list(match.groups())


def _regex(pattern: Any, text: Any) -> Any:
    value = to_string(text)

    def first(compiled: BoundedPattern) -> Any:
        match = compiled.search(value)
        if match is None:
            raise EvalError("regex: no match")
        return _captures(match, compiled)

    return _with_pattern("regex", to_string(pattern), first)


def _regexall(pattern: Any, text: Any) -> Any:
    value = to_string(text)
    return _with_pattern(
        "regexall",
        to_string(pattern),
        lambda compiled: [_captures(m, compiled) for m in compiled.finditer(value)],
    )


def _substr(text: Any, offset: Any, length: Any) -> Any:
    value = to_string(text)
    start, count = int(to_number(offset)), int(to_number(length))
    if start < 0:
        start += len(value)
    return value[start:] if count < 0 else value[start : start + count]


def _tostring(value: Any) -> Any:
    return None if value is None else to_string(value)


def _tonumber(value: Any) -> Any:
    return None if value is None else to_number(value)


def _tobool(value: Any) -> Any:
    return None if value is None else to_bool(value)


def _min(*values: Any) -> Any:
    return normalize_number(min(to_number(v) for v in values))


def _max(*values: Any) -> Any:
    return normalize_number(max(to_number(v) for v in values))


def _cidrsubnet(prefix: Any, newbits: Any, netnum: Any) -> Any:
    """Computed, not enumerated: an IPv6 prefix has up to 2**128 subnets."""
    try:
        network = ipaddress.ip_network(to_string(prefix), strict=False)
    except ValueError as error:
        raise EvalError(f"cidrsubnet: {error}") from None
    bits, wanted = _whole(newbits, "newbits"), _whole(netnum, "netnum")
    length = network.prefixlen + bits
    if bits < 0 or length > network.max_prefixlen:
        raise EvalError(f"cidrsubnet: cannot extend /{network.prefixlen} by {bits} bits")
    if not 0 <= wanted < 2**bits:
        raise EvalError(f"cidrsubnet: netnum {wanted} does not fit in {bits} bits")
    address = int(network.network_address) + (wanted << (network.max_prefixlen - length))
    return str(ipaddress.ip_network((address, length)))


def _whole(value: Any, name: str) -> int:
    number = to_number(value)
    if not math.isfinite(number) or number != int(number):
        raise EvalError(f"{name} must be a whole number")
    return int(number)


def _cidrhost(prefix: Any, hostnum: Any) -> Any:
    try:
        network = ipaddress.ip_network(to_string(prefix), strict=False)
        number = int(to_number(hostnum))
        base = network.network_address if number >= 0 else network.broadcast_address + 1
        return str(base + number)
    except ValueError as error:
        raise EvalError(f"cidrhost: {error}") from None


def _one(items: Any) -> Any:
    values = _list(items, "one")
    if len(values) > 1:
        raise EvalError("one: more than one element")
    return values[0] if values else None


def _setop(kind: str) -> Function:
    def operation(first: Any, *others: Any) -> Any:
        result = _unique(_list(first, kind))
        for other in others:
            items = _list(other, kind)
            if kind == "setunion":
                result = _unique(result + items)
            else:
                present = _Membership(items)
                keep = kind == "setintersection"
                result = [i for i in result if present.contains(i) == keep]
        return SetList(sorted(result) if all(isinstance(i, str) for i in result) else result)

    return operation


class _Membership:
    """`item in items` in constant time for primitive items."""

    def __init__(self, items: list[Any]) -> None:
        self._keys = {_identity(i) for i in items if not isinstance(i, (list, dict))}
        self._others = [i for i in items if isinstance(i, (list, dict))]

    def contains(self, item: Any) -> bool:
        if isinstance(item, (list, dict)):
            return item in self._others
        return _identity(item) in self._keys


def _base64decode(text: Any) -> Any:
    try:
        return base64.b64decode(to_string(text), validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        raise EvalError("base64decode: not valid base64 of UTF-8 text") from None


def _digest(algorithm: str, encoding: str = "hex") -> Function:
    def digest(text: Any) -> Any:
        raw = hashlib.new(algorithm, to_string(text).encode("utf-8")).digest()
        return raw.hex() if encoding == "hex" else base64.b64encode(raw).decode("ascii")

    return digest


FUNCTIONS: dict[str, Function] = {
    "sensitive": lambda v: v,
    "nonsensitive": lambda v: v,
    "one": _shallow(_one),
    "alltrue": _strict(lambda v: all(to_bool(i) for i in _list(v, "alltrue"))),
    "anytrue": _strict(lambda v: any(to_bool(i) for i in _list(v, "anytrue"))),
    "setunion": _strict(_setop("setunion")),
    "setintersection": _strict(_setop("setintersection")),
    "setsubtract": _strict(_setop("setsubtract")),
    "cidrsubnet": _strict(_cidrsubnet),
    "cidrhost": _strict(_cidrhost),
    "merge": _strict(_merge),
    "lookup": _shallow(_lookup),
    "concat": _shallow(_concat),
    "coalesce": _coalesce,
    "coalescelist": _coalescelist,
    "format": _strict(_format),
    "join": _strict(_join),
    "split": _strict(_split),
    "lower": _strict(lambda s: to_string(s).lower()),
    "upper": _strict(lambda s: to_string(s).upper()),
    "title": _strict(lambda s: to_string(s).title()),
    "trimspace": _strict(lambda s: to_string(s).strip()),
    "trimprefix": _strict(lambda s, p: to_string(s).removeprefix(to_string(p))),
    "trimsuffix": _strict(lambda s, p: to_string(s).removesuffix(to_string(p))),
    "startswith": _strict(lambda s, p: to_string(s).startswith(to_string(p))),
    "endswith": _strict(lambda s, p: to_string(s).endswith(to_string(p))),
    "replace": _strict(_replace),
    "regex": _strict(_regex),
    "regexall": _strict(_regexall),
    "substr": _strict(_substr),
    "length": _shallow(_length),
    "element": _shallow(_element),
    "tomap": _shallow(_tomap),
    "toset": _shallow(_toset),
    "tolist": _shallow(lambda v: list(_list(v, "tolist"))),
    "tostring": _strict(_tostring),
    "tonumber": _strict(_tonumber),
    "tobool": _strict(_tobool),
    "keys": _shallow(_keys),
    "values": _shallow(_values),
    "jsonencode": _strict(_jsonencode),
    "jsondecode": _strict(_jsondecode),
    "flatten": _shallow(_flatten),
    "range": _strict(_range),
    "zipmap": _shallow(_zipmap),
    "slice": _shallow(_slice),
    "contains": _strict(_contains),
    "distinct": _strict(_distinct),
    "compact": _strict(_compact),
    "reverse": _shallow(lambda v: list(reversed(_list(v, "reverse")))),
    "sort": _strict(lambda v: sorted(to_string(i) for i in _list(v, "sort"))),
    "min": _strict(_min),
    "max": _strict(_max),
    "abs": _strict(lambda v: normalize_number(abs(to_number(v)))),
    "ceil": _strict(lambda v: math.ceil(to_number(v))),
    "floor": _strict(lambda v: math.floor(to_number(v))),
    "basename": _strict(basename),
    "dirname": _strict(dirname),
    "pathexpand": _strict(pathexpand),
    "base64encode": _strict(lambda s: base64.b64encode(to_string(s).encode()).decode("ascii")),
    "base64decode": _strict(_base64decode),
    "md5": _strict(_digest("md5")),
    "sha1": _strict(_digest("sha1")),
    "sha256": _strict(_digest("sha256")),
    "sha512": _strict(_digest("sha512")),
    "base64sha256": _strict(_digest("sha256", "base64")),
    "base64sha512": _strict(_digest("sha512", "base64")),
}
