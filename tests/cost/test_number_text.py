"""Numbers in notes read as people write them: no exponent, thousands separators."""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.number_text import number_text
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (2e7, "20,000,000"),
        (20000000, "20,000,000"),
        (0.5, "0.5"),
        (1234.5, "1,234.5"),
        (3, "3"),
        (3.0, "3"),
        (0, "0"),
        (-0.0, "0"),
        (-1234.5, "-1,234.5"),
        (1e15, "1,000,000,000,000,000"),
        (123456789.123, "123,456,789"),
        (1 / 3, "0.333333"),
        (0.1 + 0.2, "0.3"),
        (0.000123456789, "0.000123457"),
        (1.5e-7, "0.00000015"),
        (999999.4, "999,999"),
        (1234567.891, "1,234,568"),
        (12.3456789, "12.3457"),
        (730.0, "730"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert number_text(value) == text


def test_never_an_exponent() -> None:
    for power in range(-9, 22):
        assert "e" not in number_text(7.25 * 10.0**power)


def test_usage_notes_read_as_numbers(tmp_path: Path, prices: PriceTable) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n  aws_lambda_function.handler:\n"
        "    monthly_requests: 20000000\n    request_duration_ms: 250.5\n",
        encoding="utf-8",
    )
    plan = load_plan(str(fixture_plan_path("priced_us_east_1")))
    estimate = estimate_plan(plan, prices, load_usage_file(str(usage)))
    [handler] = [c for c in estimate.resources if c.resource.address == "aws_lambda_function.handler"]
    notes = [c.note for c in handler.components if c.note]
    assert "from the usage file: monthly_requests = 20,000,000" in notes
    assert any(note.startswith("from the usage file: 20,000,000 requests x 250.5 ms x ") for note in notes)
    assert not any("e+" in note for note in notes)
