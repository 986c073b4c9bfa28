"""How instances are bought when the usage file says nothing: the shared on-demand Linux
purchase is the one the usage words would give."""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.estimators._compute import (
    ON_DEMAND_LINUX,
    LaunchSpec,
    Purchase,
    usage_purchase,
)
from finops_gate.cost.view import AttributeView
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path


def _instance_view(usage: dict[str, Any]) -> AttributeView:
    plan = load_plan(fixture_plan_path("reservations"))
    instance = next(r for r in plan.resources if r.type == "aws_instance")
    assert instance.after is not None
    return AttributeView(instance, instance.after, instance.after_unknown, usage=usage)


@pytest.mark.parametrize("usage", [{}, {"monthly_hrs": 100}, {"reserved_instance_term": "3_year"}])
def test_no_purchase_words_is_on_demand_linux(usage: dict[str, Any]) -> None:
    """Without a usage entry the answer is the shared value; with usage that names no
    platform or reservation class it is built from the words, and must be the same."""
    purchase = usage_purchase(_instance_view(usage))
    assert purchase == ON_DEMAND_LINUX == Purchase()
    assert (purchase.platform, purchase.reservation, purchase.notes) == ("", None, ())


def test_purchase_words_are_read() -> None:
    purchase = usage_purchase(
        _instance_view({"operating_system": "windows", "reserved_instance_type": "standard"})
    )
    assert purchase.platform == "windows"
    assert purchase.reservation == ("standard", "1y", "no-upfront")


def test_a_launch_spec_starts_on_demand_linux() -> None:
    assert LaunchSpec("m5.large").purchase == Purchase()
