"""indented_json writes what json.dumps(indent=2, ensure_ascii=False) writes, for every
kind of value, and leaves the usual documents to orjson."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

from finops_gate.report import json_text
from finops_gate.report.json_text import indented_json

TEXT = "a\"b\\c\n\t\x00\x1b\x7f\u0085\u202e\u2028é≈😀"


def _standard(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


@pytest.mark.parametrize(
    "data",
    [
        {"text": TEXT, "list": [1, -2, 0, True, False, None], "empty": [{}, []], "t": (1, 2)},
        {"costs": [0.0, -0.0, 0.1, 12.5, 1234567.891, 1e15, 1e16, 1.2345678901234568e17]},
        {"small": [1e-05, 0.0001, 0.00009999, 1.5e-07, 5e-324]},
        {"not finite": [math.inf, -math.inf, math.nan]},
        {1: "an integer key", None: "a null key"},
        {"big": 2**70},
        [[[[[[{"deep": [0.5]}]]]]]],
        "just a string",
    ],
)
def test_same_text_as_the_standard_library(data: Any) -> None:
    assert indented_json(data) == _standard(data)


def test_every_character_is_escaped_as_the_standard_library_does() -> None:
    text = "".join(chr(point) for point in range(0x110000) if not 0xD800 <= point <= 0xDFFF)
    assert indented_json({"all": text}) == _standard({"all": text})


def test_a_document_of_strings_integers_and_plain_floats_is_written_by_orjson(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*args: object, **kwargs: object) -> str:
        raise AssertionError("fell back to json.dumps")

    data = {"results": [{"text": TEXT, "line": 3, "saving": 12.34}]}
    expected = _standard(data)
    monkeypatch.setattr(json_text.json, "dumps", refuse)
    assert indented_json(data) == expected
