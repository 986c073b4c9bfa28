"""Indented JSON text as the standard library writes it, written by orjson when that gives
the same text.

`json.dumps(indent=2)` runs the standard library's pure-Python encoder (its C encoder
does not indent): on a large plan's SARIF that is most of the rendering time. orjson
writes the same text for strings, integers, booleans, null, arrays and objects with an
indent of 2, but not for every float (`1e-05` is `0.00001` to it, NaN is `null`), and it
refuses what the standard library would convert (non-string keys, integers beyond 64
bits). So the floats are compared first and anything orjson refuses falls back.
"""

from __future__ import annotations

import json
from typing import Any

import orjson


def indented_json(data: Any) -> str:
    """Exactly `json.dumps(data, indent=2, ensure_ascii=False)`."""
    if _floats_written_alike(data):
        try:
            return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()
        except TypeError:  # orjson.JSONEncodeError: a value orjson does not write
            pass
    return json.dumps(data, indent=2, ensure_ascii=False)


def _floats_written_alike(data: Any) -> bool:
    """Every float in `data` is written the same by orjson and by the standard library
    (`float.__repr__`). Iterative: a document can nest deeper than the recursion limit."""
    stack = [data]
    while stack:
        value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, (list, tuple)):
            stack.extend(value)
        elif isinstance(value, float) and orjson.dumps(value) != float.__repr__(value).encode():
            return False
    return True
