"""The plan reader keeps Python's cyclic garbage collector out of plan parsing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from typing import Any

import pytest

from finops_gate.errors import PlanError
from finops_gate.plan.reader import parse_plan_bytes
from tests.conftest import fixture_plan_path


@pytest.fixture(autouse=True)
def _restore_collector() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    gc.unfreeze()
    if enabled:
        gc.enable()
    else:
        gc.disable()


@pytest.fixture
def collections() -> Iterator[list[dict[str, Any]]]:
    started: list[dict[str, Any]] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            started.append(info)

    gc.callbacks.append(record)
    yield started
    gc.callbacks.remove(record)


def test_no_collection_runs_while_a_plan_is_parsed(collections: list[dict[str, Any]]) -> None:
    data = fixture_plan_path("three_regions").read_bytes()  # about 50,000 containers
    gc.enable()
    plan = parse_plan_bytes(data, "plan.json")
    assert len(plan.resources) == 117
    assert collections == []
    assert gc.isenabled()


def test_the_parsed_plan_is_frozen_out_of_later_collections() -> None:
    data = fixture_plan_path("three_regions").read_bytes()
    gc.unfreeze()
    plan = parse_plan_bytes(data, "plan.json")
    tracked = {id(item) for item in gc.get_objects()}  # every generation but the permanent one
    assert gc.get_freeze_count() > len(plan.resources)
    assert all(id(r.after) not in tracked for r in plan.resources if r.after is not None)


def test_a_plan_error_re_enables_the_collector_and_freezes_nothing() -> None:
    gc.enable()
    gc.unfreeze()
    with pytest.raises(PlanError):
        parse_plan_bytes(b'{"format_version": "1.2", "resource_changes": "no"}', "plan.json")
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_collector_disabled_before_stays_disabled() -> None:
    gc.disable()
    parse_plan_bytes(fixture_plan_path("environments").read_bytes(), "plan.json")
    assert not gc.isenabled()
