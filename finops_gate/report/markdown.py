"""The Markdown verdict (for pull-request comments and step summaries)."""

from __future__ import annotations

from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined

from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.plan.resource import Action
from finops_gate.policy.findings import Finding, Verdict
from finops_gate.report import headline, numbers
from finops_gate.report.escape import markdown_code, markdown_text
from finops_gate.report.model import Report
from finops_gate.report.regions import shown_regions
from finops_gate.report.savings_text import saving_cell, savings_headline
from finops_gate.report.summary import finding_notes, footer_text, summary_text, waiver_text

_ICONS = {Verdict.PASS: "✅", Verdict.WARN: "⚠️", Verdict.FAIL: "❌"}
_ACTIONS = {
    Action.CREATE: "create",
    Action.UPDATE: "update",
    Action.DELETE: "delete",
    Action.REPLACE: "replace",
    Action.NO_OP: "no change",
    Action.READ: "read",
    Action.FORGET: "forget",
}


def _component_price(component: CostComponent) -> str:
    price = numbers.unit_price(component.unit_price, component.approximate)
    return numbers.APPROX + price if component.approximate else price


def _component_cost(component: CostComponent) -> str:
    if component.monthly_cost is None:
        if component.unknown is not None:
            return markdown_text(numbers.unknown_until_apply(component))
        if component.usage_based and component.unit_price is not None:
            return "depends on usage"
        return numbers.PRICE_NOT_FOUND
    value = numbers.money(component.monthly_cost)
    return numbers.APPROX + value if component.approximate else value


def _section_detail(cost: ResourceCost) -> str:
    resource = cost.resource
    action = "" if resource.action == Action.NO_OP else f" ({_ACTIONS[resource.action]})"
    if cost.status == Status.USAGE_BASED:
        prices = ", ".join(
            f"{markdown_text(c.name)} {_component_price(c)}"
            + ("" if c.unit_price is None else f" per {markdown_text(c.unit)}")
            for c in cost.components
        )
        return f"{action}: {prices}"
    if cost.status in (Status.PRICED, Status.PRICE_NOT_FOUND):
        return f"{action}: {numbers.after_cell(cost)}"
    return action


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("finops_gate.report", "templates"),
        autoescape=False,  # plan text is escaped explicitly by the `text` and `code` filters
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        text=markdown_text,
        code=markdown_code,
        money=numbers.money,
        signed=numbers.signed_money,
        percent=numbers.percent,
        quantity=numbers.quantity,
        component_quantity=numbers.component_quantity,
        action=lambda action: _ACTIONS[action],
        component_price=_component_price,
        component_cost=_component_cost,
        section_detail=_section_detail,
        severity_icon=lambda severity: "❌" if severity == "error" else "⚠️",
        finding_notes=finding_notes,
        waiver_text=waiver_text,
        saving_cell=saving_cell,
    )
    return env


_TEMPLATE = _environment().get_template("verdict.md.j2")


def render_markdown(report: Report, project: str | None = None) -> str:
    findings = sorted(report.findings, key=lambda f: f.policy_id)
    by_policy: list[tuple[str, list[Finding]]] = [
        (policy_id, list(group))
        for policy_id, group in groupby(findings, key=lambda f: f.policy_id)
    ]
    notes = list(report.plan.notes)
    sections = [
        ("Unchanged resources", report.unchanged),
        (
            "Usage-based resources (priced per unit, $0 in totals)",
            report.with_status(Status.USAGE_BASED),
        ),
        ("Free resources", report.with_status(Status.FREE)),
        ("Not supported yet (not in totals)", report.with_status(Status.UNSUPPORTED)),
    ]
    return _TEMPLATE.render(
        report=report,
        marker_suffix=f" project={markdown_text(project)}" if project else "",
        verdict_icon=_ICONS[report.verdict],
        verdict_word=report.verdict.value,
        cost_line=headline.cost_line(report.estimate.totals, "→"),
        not_priced=headline.not_priced_text(report.estimate.totals),
        summary=summary_text(report, markdown_text),
        notes=notes,
        regions=shown_regions(report.plan),
        # (cost, its cells): the cost table and the breakdown show the same cells
        changed=[(cost, numbers.cost_cells(cost)) for cost in report.changed],
        findings_by_policy=by_policy,
        enforcement=dict(report.enforcement),
        overrides=report.overrides,
        waived=report.waived,
        expired_waivers=report.expired_waivers,
        sections=sections,
        footer=footer_text(report),
        savings_line=savings_headline(report),
        recommendations=report.recommendations,
    )
