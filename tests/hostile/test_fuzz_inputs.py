"""Brief property-based fuzzing of the input readers: whatever the bytes, a reader either
returns or raises the one-line FinopsGateError the CLI turns into exit 2 - never another
exception (exit 3)."""

from __future__ import annotations

import contextlib
import json
import os
from typing import Any

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from finops_gate.cost.usage import parse_usage  # noqa: E402
from finops_gate.errors import FinopsGateError, one_line  # noqa: E402
from finops_gate.input_files import YamlProblem, parse_yaml  # noqa: E402
from finops_gate.plan.reader import parse_plan_bytes  # noqa: E402
from finops_gate.policy.loader import parse_policy_file  # noqa: E402

# Brief on every run (about five seconds); raise FINOPS_GATE_FUZZ_EXAMPLES for a longer hunt.
FUZZ = settings(
    max_examples=int(os.environ.get("FINOPS_GATE_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
plan_keys = st.sampled_from(
    [
        "format_version",
        "resource_changes",
        "configuration",
        "variables",
        "planned_values",
        "terraform_version",
        "errored",
        "complete",
        "prior_state",
    ]
)
plans = st.dictionaries(plan_keys, documents, max_size=6).map(
    lambda d: {"format_version": "1.2", **d}
)

pytestmark = pytest.mark.slow


def _only_gate_errors(call: Any, *args: Any) -> None:
    try:
        call(*args)
    except FinopsGateError as error:
        message = one_line(str(error))
        assert "\n" not in message and "\r" not in message


@FUZZ
@given(st.binary(max_size=200))
def test_plan_reader_on_any_bytes(data: bytes) -> None:
    _only_gate_errors(parse_plan_bytes, data, "plan.json")


@FUZZ
@given(plans)
def test_plan_reader_on_plan_shaped_json(document: dict[str, Any]) -> None:
    data = json.dumps(document, allow_nan=False).encode() if _finite(document) else b"{}"
    _only_gate_errors(parse_plan_bytes, data, "plan.json")


@FUZZ
@given(st.text(max_size=200))
def test_yaml_and_policy_loader_on_any_text(text: str) -> None:
    with contextlib.suppress(YamlProblem):
        parse_yaml(text)
    _only_gate_errors(parse_policy_file, text, "policy.yml")


@FUZZ
@given(
    st.dictionaries(st.sampled_from(["policies", "waivers", "environment", "extends"]), documents)
)
def test_policy_loader_on_policy_shaped_documents(document: dict[str, Any]) -> None:
    import yaml

    _only_gate_errors(parse_policy_file, yaml.safe_dump(document), "policy.yml")


@FUZZ
@given(documents)
def test_usage_parser_on_any_document(document: Any) -> None:
    _only_gate_errors(parse_usage, {"version": "0.1", "resource_usage": document}, "usage.yml")


def _finite(value: Any) -> bool:
    if isinstance(value, float):
        return value == value and value not in (float("inf"), float("-inf"))
    if isinstance(value, dict):
        return all(_finite(v) for v in value.values())
    if isinstance(value, list):
        return all(_finite(v) for v in value)
    return True
