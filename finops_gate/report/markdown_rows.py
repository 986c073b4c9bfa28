"""The rows of the Markdown verdict's long lists, as tuples of finished cell text.

A large plan's verdict has a row per changed resource (twice: the cost table and the
breakdown), one per priced component and one per finding. Jinja reads every attribute
through `Environment.getattr` and calls every filter from the compiled template, which
cost more than the cells themselves; here each cell is escaped and formatted by a direct
call, and the template unpacks the tuples and lays out the Markdown as before.

Every text taken from the plan is escaped here (`markdown_text`, `markdown_code`): the
template writes these cells as they are.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.plan.resource import Action
from finops_gate.policy.findings import Finding
from finops_gate.report import numbers
from finops_gate.report.escape import markdown_code, markdown_text
from finops_gate.report.savings_text import saving_cell
from finops_gate.report.summary import finding_notes
from finops_gate.savings.model import Recommendation

ACTIONS = {
    Action.CREATE: "create",
    Action.UPDATE: "update",
    Action.DELETE: "delete",
    Action.REPLACE: "replace",
    Action.NO_OP: "no change",
    Action.READ: "read",
    Action.FORGET: "forget",
}


# Plain tuples, not NamedTuples: building a NamedTuple costs ten times as much, and the
# template unpacks each row in its `for` by position.

# A row of the cost table: (address, action, before, after, change).
CostRow = tuple[str, str, str, str, str]

# A component's row in the cost breakdown:
# (name, the usage assumed or "", monthly quantity, unit, unit price, monthly cost).
ComponentRow = tuple[str, str, str, str, str, str]

# A resource's heading row in the cost breakdown, and its components' rows:
# (address, region, notes, the cost shown, component rows).
BreakdownRow = tuple[str, str, tuple[str, ...], str, list[ComponentRow]]

# A savings suggestion: (address, attribute, current value, suggested value, monthly
# saving, caveat).
SavingRow = tuple[str, str, str, str, str, str]

# A finding: (severity icon, address or "" for the whole plan, message, remediation or
# "", notes).
FindingRow = tuple[str, str, str, str, list[str]]


_Key = TypeVar("_Key")
_Shown = TypeVar("_Shown")


class Remembered(dict[_Key, _Shown], Generic[_Key, _Shown]):
    """Text (or a row) worked out once per distinct value, for one render (a new one each
    time, so nothing is kept between reports). A large plan's components repeat a few
    names, units and prices thousands of times; a hit is a dictionary lookup."""

    def __init__(self, compute: Callable[[_Key], _Shown]) -> None:
        super().__init__()
        self._compute = compute

    def __missing__(self, key: _Key) -> _Shown:
        shown = self[key] = self._compute(key)
        return shown


def component_price(component: CostComponent) -> str:
    return _price_text((component.unit_price, component.approximate))


def _price_text(price: tuple[float | None, bool]) -> str:
    """A unit price (value, approximate) as shown; equal values show the same text."""
    value, approximate = price
    text = numbers.unit_price(value, approximate)
    return numbers.APPROX + text if approximate else text


def component_cost(component: CostComponent) -> str:
    c = component
    return _cost_text(c.monthly_cost, c.approximate, c.unknown, c.usage_based, c.unit_price)


def _cost_text(
    monthly_cost: float | None,
    approximate: bool,
    unknown: str | None,
    usage_based: bool,
    unit_price: float | None,
) -> str:
    """A component's monthly cost cell, from what it depends on."""
    if monthly_cost is None:
        if unknown is not None:
            return markdown_text(numbers.unknown_until_apply(unknown))
        if usage_based and unit_price is not None:
            return "depends on usage"
        return numbers.PRICE_NOT_FOUND
    value = numbers.money(monthly_cost)
    return numbers.APPROX + value if approximate else value


def severity_icon(severity: str) -> str:
    return "❌" if severity == "error" else "⚠️"


def cost_rows(
    changed: list[ResourceCost], code: Callable[[str], str] = markdown_code
) -> tuple[list[CostRow], list[BreakdownRow]]:
    """The cost table's rows and the breakdown's, in the order of `changed`: each
    resource's address is escaped (by `code`) and its cells worked out once for both."""
    table: list[CostRow] = []
    breakdown: list[BreakdownRow] = []
    text = Remembered(markdown_text)
    # Equal figures give equal cells: a few hundred distinct ones among thousands of rows.
    cells_by_figures: dict[numbers.CostFigures, numbers.CostCells] = {}
    # A large plan's components show a few hundred distinct rows among thousands.
    component_rows = Remembered(_component_row)
    # Quantities are remembered apart from zero: -0.0 and 0.0 are one key but show as "-0"
    # and "0". Other equal quantities show the same text.
    quantities = Remembered(numbers.quantity)
    for cost in changed:
        resource = cost.resource
        address = code(resource.address)
        figures = numbers.cost_figures(cost)
        cells = cells_by_figures.get(figures)
        if cells is None:
            cells = cells_by_figures[figures] = numbers.cells_of(figures)
        table.append((address, ACTIONS[resource.action], cells.before, cells.after, cells.delta))
        components = [
            component_rows[
                c.name,
                c.note,
                quantities[c.monthly_quantity]
                if c.monthly_quantity
                else numbers.component_quantity(c),
                c.unit,
                c.unit_price,
                c.approximate,
                c.monthly_cost,
                c.unknown,
                c.usage_based,
            ]
            for c in cost.components
        ]
        notes = tuple([markdown_text(note) for note in cost.notes]) if cost.notes else ()
        breakdown.append((address, text[resource.region], notes, cells.shown, components))
    return table, breakdown


# Everything a component's row in the breakdown shows: (name, note, the quantity cell,
# unit, unit price, approximate, monthly cost, why it is unknown, usage-based). Rows are
# remembered by it, so `_component_row` reads nothing else.
ComponentShown = tuple[
    str, str | None, str, str, float | None, bool, float | None, str | None, bool
]


def _component_row(shown: ComponentShown) -> ComponentRow:
    name, note, quantity, unit, unit_price, approximate, cost, unknown, usage_based = shown
    return (
        markdown_text(name),
        markdown_text(note) if note else "",
        quantity,
        markdown_text(unit),
        _price_text((unit_price, approximate)),
        _cost_text(cost, approximate, unknown, usage_based, unit_price),
    )


def finding_rows(
    findings: list[Finding], code: Callable[[str], str] = markdown_code
) -> list[FindingRow]:
    # A policy's findings share its remediation, and most share one of a few messages
    # (the 8,850 required-tags findings of a generated 10k plan show 4).
    text = Remembered(markdown_text)
    icons = Remembered(severity_icon)
    return [
        (
            icons[finding.severity],
            code(finding.address) if finding.address else "",
            text[finding.message],
            text[finding.remediation] if finding.remediation else "",
            [markdown_text(note) for note in finding_notes(finding)]
            if finding.overridden or finding.expired_waiver
            else [],
        )
        for finding in findings
    ]


def saving_rows(
    recommendations: tuple[Recommendation, ...], code: Callable[[str], str] = markdown_code
) -> list[SavingRow]:
    # A check suggests the same change (gp2 -> gp3) with the same caveat many times.
    attributes = Remembered(markdown_code)
    text = Remembered(markdown_text)
    return [
        (
            code(item.address),
            attributes[item.attribute],
            text[item.current_value],
            text[item.suggested_value],
            saving_cell(item),
            text[item.caveat],
        )
        for item in recommendations
    ]


# Built once: looking an enum member up on its class costs more than the test itself.
_NO_OP = Action.NO_OP
_USAGE_BASED = Status.USAGE_BASED
_WITH_COST = (Status.PRICED, Status.PRICE_NOT_FOUND)


def section_rows(
    costs: list[ResourceCost], code: Callable[[str], str] = markdown_code
) -> list[tuple[str, str]]:
    """(address, what the list says of it: action and cost or unit prices)."""
    # A usage-based price, (name, unit price, approximate, unit): "requests $0.20 per 1M".
    usage_prices = Remembered(_usage_price)
    rows: list[tuple[str, str]] = []
    for cost in costs:
        resource = cost.resource
        action = "" if resource.action == _NO_OP else f" ({ACTIONS[resource.action]})"
        if cost.status == _USAGE_BASED:
            prices = ", ".join(
                [usage_prices[c.name, c.unit_price, c.approximate, c.unit] for c in cost.components]
            )
            detail = f"{action}: {prices}"
        elif cost.status in _WITH_COST:
            detail = f"{action}: {numbers.after_cell(cost)}"
        else:
            detail = action
        rows.append((code(resource.address), detail))
    return rows


def _usage_price(price: tuple[str, float | None, bool, str]) -> str:
    name, unit_price, approximate, unit = price
    shown = f"{markdown_text(name)} {_price_text((unit_price, approximate))}"
    return shown if unit_price is None else f"{shown} per {markdown_text(unit)}"
