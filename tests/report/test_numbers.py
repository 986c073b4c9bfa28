"""Unit prices: a published one with every digit, an approximate one to four significant
digits (its rule is good to a few percent at best)."""

from __future__ import annotations

import pytest

from finops_gate.report.numbers import PRICE_NOT_FOUND, unit_price


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
