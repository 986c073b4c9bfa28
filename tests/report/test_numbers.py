"""Unit prices: a published one with every digit, an approximate one to four significant
digits (its rule is good to a few percent at best)."""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from finops_gate.report.numbers import (
    PRICE_NOT_FOUND,
    after_cell,
    before_cell,
    cost_cells,
    delta_cell,
    unit_price,
)
from tests.conftest import FIXTURES


@pytest.mark.parametrize(
    ("value", "approximate", "shown"),
    [
        (0.0256495, False, "$0.0256495"),
        (0.0256495, True, "$0.02565"),
        (0.096, True, "$0.096"),
        (1902.38, True, "$1,902.00"),
        (0.00001667, True, "$0.00001667"),
        (2.0, False, "$2.00"),
        (0.0, True, "$0.00"),
        (None, True, PRICE_NOT_FOUND),
    ],
)
def test_unit_price(value: float | None, approximate: bool, shown: str) -> None:
    assert unit_price(value, approximate) == shown


@pytest.mark.parametrize(
    ("value", "shown"),
    [(1e-05, "$0.00001"), (1.5e-07, "$0.00000015"), (1e16, "$10,000,000,000,000,000.00")],
)
def test_unit_price_writes_exponent_forms_out(value: float, shown: str) -> None:
    assert unit_price(value) == shown


def test_cost_cells_are_the_single_cells(prices: PriceTable) -> None:
    """cost_cells works out once what before_cell, after_cell and delta_cell share; on
    every resource of the terraform fixtures it gives what they give one by one."""
    kinds: set[tuple[bool, bool, bool]] = set()
    for path in sorted(FIXTURES.glob("*/plan.json")):
        for cost in estimate_plan(load_plan(str(path)), prices).resources:
            cells = cost_cells(cost)
            shown = after_cell(cost) if cost.resource.action.has_after else before_cell(cost)
            assert cells == (before_cell(cost), after_cell(cost), delta_cell(cost), shown)
            kinds.add((cost.approximate, cost.missing_before, cost.missing_after))
    # approximate prices and missing sides are among the cases compared
    assert (True, False, False) in kinds and (False, False, True) in kinds
