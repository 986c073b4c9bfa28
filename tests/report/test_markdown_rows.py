"""The Markdown verdict's rows: cells worked out in Python, each distinct name, unit,
price and amount once per render, are the cells the single-cell functions give."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.plan import load_plan
from finops_gate.plan.resource import Action
from finops_gate.policy.findings import Finding, Override
from finops_gate.report import markdown, numbers
from finops_gate.report.escape import markdown_code, markdown_text
from finops_gate.report.markdown import render_markdown
from finops_gate.report.markdown_rows import (
    ACTIONS,
    Remembered,
    component_cost,
    component_price,
    cost_rows,
    finding_rows,
    saving_rows,
    section_rows,
)
from finops_gate.report.savings_text import saving_cell
from finops_gate.report.summary import finding_notes
from finops_gate.savings.model import Recommendation
from tests.conftest import FIXTURES


def test_remembered_computes_each_distinct_value_once() -> None:
    calls: list[float] = []

    def shown(value: float) -> str:
        calls.append(value)
        return numbers.money(value)

    money = Remembered(shown)
    assert [money[v] for v in (1234.5, -0.0, 1234.5, 0.0, -2.0)] == [
        numbers.money(v) for v in (1234.5, -0.0, 1234.5, 0.0, -2.0)
    ]
    assert calls == [1234.5, -0.0, -2.0]
    assert Remembered(shown) == {}  # a new one remembers nothing


def _one_by_one(cost: ResourceCost) -> tuple[tuple[str, ...], tuple[object, ...]]:
    cells = numbers.cost_cells(cost)
    resource = cost.resource
    address = markdown_code(resource.address)
    components = [
        (
            markdown_text(c.name),
            markdown_text(c.note) if c.note else "",
            numbers.component_quantity(c),
            markdown_text(c.unit),
            component_price(c),
            component_cost(c),
        )
        for c in cost.components
    ]
    notes = tuple(markdown_text(note) for note in cost.notes)
    return (
        (address, ACTIONS[resource.action], cells.before, cells.after, cells.delta),
        (address, markdown_text(resource.region), notes, cells.shown, components),
    )


def _hostile(cost: ResourceCost) -> ResourceCost:
    """The first component renamed with Markdown and a mention, its price approximate."""
    first: CostComponent = cost.components[0]
    odd = replace(first, name="a|b <i> @here", unit="GB|Mo", approximate=True)
    return replace(cost, components=(odd, *cost.components[1:]), notes=("x|y",))


def _quantities_alike(cost: ResourceCost) -> list[ResourceCost]:
    """Copies of `cost` whose first component differs only in what a row remembered by
    value could mix up: zero and negative zero, no quantity (unknown until apply, or
    usage-based with or without a price), a cost without a quantity."""
    first: CostComponent = cost.components[0]
    variants = [
        replace(first, monthly_quantity=0.0),
        replace(first, monthly_quantity=-0.0),
        replace(first, monthly_quantity=0.0),
        replace(first, monthly_quantity=None, monthly_cost=None, unknown="set by the AMI"),
        replace(first, monthly_quantity=None, monthly_cost=None, usage_based=True),
        replace(first, monthly_quantity=None, monthly_cost=None, usage_based=True, unit_price=None),
        replace(first, monthly_quantity=None, unknown="set by the AMI"),
        replace(first, monthly_quantity=2, monthly_cost=-0.0),
        replace(first, monthly_quantity=2.0, monthly_cost=0.0, approximate=True),
    ]
    return [replace(cost, components=(variant, first)) for variant in variants]


def test_cost_rows_are_the_cells_one_by_one(prices: PriceTable) -> None:
    costs: list[ResourceCost] = []
    for path in sorted(FIXTURES.glob("*/plan.json")):
        costs += [c for c in estimate_plan(load_plan(str(path)), prices).resources if c.components]
    alike = _quantities_alike(costs[0])
    costs += alike
    costs.append(_hostile(costs[0]))
    table, breakdown = cost_rows(costs)
    expected = [_one_by_one(cost) for cost in costs]
    assert table == [row for row, _ in expected]
    assert breakdown == [row for _, row in expected]
    assert "a&#124;b &#60;i&#62; &#64;&#8203;here" in breakdown[-1][4][0][0]
    # repeated names and prices are among the rows compared
    names = [component[0] for row in breakdown for component in row[4]]
    assert len(set(names)) < len(names)
    alike_rows = [row[4][0] for row in breakdown[-1 - len(alike) : -1]]
    assert [row[2] for row in alike_rows[:4]] == ["0", "-0", "0", "unknown"]
    assert [row[5] for row in alike_rows[-2:]] == ["$0.00", "≈$0.00"]


def test_finding_rows_escape_every_text() -> None:
    plain = Finding("p", "error", "aws_instance.a", "too big", "Resize <it>.")
    noted = Finding("p", "warning", None, "a|b", "Resize <it>.", overridden=Override("p", "ok@x"))
    rows = finding_rows([plain, noted, replace(plain, remediation="")])
    assert rows == [
        ("❌", markdown_code("aws_instance.a"), "too big", markdown_text("Resize <it>."), []),
        (
            "⚠️",
            "",
            markdown_text("a|b"),
            markdown_text("Resize <it>."),
            [markdown_text(note) for note in finding_notes(noted)],
        ),
        ("❌", markdown_code("aws_instance.a"), "too big", "", []),
    ]
    assert "&#64;" in rows[1][4][0]


def test_saving_rows_escape_every_text_and_repeat_none() -> None:
    gp2 = Recommendation(
        "ebs-gp3",
        'aws_ebs_volume.a["x|y"]',
        "aws_ebs_volume",
        "us-east-1",
        "type",
        "gp2",
        "gp3",
        1234.5,
        approximate=True,
        caveat="check <IOPS> @ops",
    )
    unbounded = replace(gp2, address="aws_ebs_volume.b", monthly_savings=None, approximate=False)
    rows = saving_rows((gp2, unbounded, gp2))
    first = (
        markdown_code(gp2.address),
        markdown_code("type"),
        "gp2",
        "gp3",
        saving_cell(gp2),
        markdown_text(gp2.caveat),
    )
    assert rows[0] == first == rows[2]
    assert rows[1] == (
        markdown_code("aws_ebs_volume.b"),
        *first[1:4],
        saving_cell(unbounded),
        first[5],
    )
    assert "&#124;" in rows[0][0] and "&#60;IOPS&#62;" in rows[0][5] and rows[0][4] == "≈$1,234.50"


def _detail_one_by_one(cost: ResourceCost) -> str:
    action = "" if cost.resource.action == Action.NO_OP else f" ({ACTIONS[cost.resource.action]})"
    if cost.status == Status.USAGE_BASED:
        prices = ", ".join(
            f"{markdown_text(c.name)} {component_price(c)}"
            + ("" if c.unit_price is None else f" per {markdown_text(c.unit)}")
            for c in cost.components
        )
        return f"{action}: {prices}"
    if cost.status in (Status.PRICED, Status.PRICE_NOT_FOUND):
        return f"{action}: {numbers.after_cell(cost)}"
    return action


def test_section_rows_are_the_details_one_by_one(prices: PriceTable) -> None:
    costs: list[ResourceCost] = []
    for path in sorted(FIXTURES.glob("*/plan.json")):
        costs += estimate_plan(load_plan(str(path)), prices).resources
    usage = [cost for cost in costs if cost.status == Status.USAGE_BASED]
    costs += [_hostile(cost) for cost in usage[:2]]
    rows = section_rows(costs)
    assert rows == [(markdown_code(c.resource.address), _detail_one_by_one(c)) for c in costs]
    statuses = {cost.status for cost in costs}
    assert {Status.USAGE_BASED, Status.FREE, Status.PRICED} <= statuses
    assert " per GB&#124;Mo" in rows[-1][1]


def test_a_verdict_escapes_each_address_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A resource's address is shown in the cost table, the breakdown, its findings and its
    savings suggestions; the verdict escapes it once and shows the same text everywhere."""
    report = build_gate_report(GateOptions(plan=str(FIXTURES / "savings_nonprod" / "plan.json")))
    plain = render_markdown(report)
    escaped: Counter[str] = Counter()

    def counted(text: str) -> str:
        escaped[text] += 1
        return markdown_code(text)

    monkeypatch.setattr(markdown, "markdown_code", counted)
    assert render_markdown(report) == plain
    changed = {cost.resource.address for cost in report.changed}
    found = {finding.address for finding in report.findings} & changed
    suggested = {item.address for item in report.recommendations} & changed
    assert found and suggested  # addresses shown in more than one list
    assert set(escaped) == {cost.resource.address for cost in report.estimate.resources} | {
        finding.address for finding in report.findings if finding.address
    } | {item.address for item in report.recommendations}
    assert set(escaped.values()) == {1}
