"""A plain-text table for terminals."""

from __future__ import annotations

from finops_gate.cost.model import ResourceCost, Status
from finops_gate.report import headline, numbers
from finops_gate.report.escape import terminal_text
from finops_gate.report.model import Report
from finops_gate.report.regions import region_line, shown_regions
from finops_gate.report.savings_text import change_text, saving_cell, savings_headline
from finops_gate.report.summary import finding_notes, footer_text, summary_text, waiver_text


def _row(label: str, before: str, after: str, delta: str, width: int) -> str:
    return f"{label:<{width}}  {before:>14}  {after:>14}  {delta:>14}".rstrip()


def _resource_lines(cost: ResourceCost, width: int) -> list[str]:
    resource = cost.resource
    label = f"{terminal_text(resource.address)} ({resource.action.value})"
    cells = numbers.cost_cells(cost)
    lines = [_row(label, cells.before, cells.after, cells.delta, width)]
    for component in cost.components:
        price = numbers.unit_price(component.unit_price, component.approximate)
        mark = numbers.APPROX if component.approximate else ""
        if component.monthly_cost is not None:
            amount = f"{mark}{numbers.money(component.monthly_cost)}"
        elif component.unknown is not None:
            amount = numbers.unknown_until_apply(component.unknown)
        else:
            # as in Markdown: a usage-based line whose price the table lacks is not priced
            # even when the usage file gives its quantity
            priced = component.usage_based and component.unit_price is not None
            amount = "depends on usage" if priced else numbers.PRICE_NOT_FOUND
        line = (
            f"    {terminal_text(component.name)}: {numbers.component_quantity(component)} "
            f"x {mark}{price}{'' if component.unit_price is None else '/' + component.unit}"
            f" = {terminal_text(amount)}"
        )
        lines.append(line)
        if component.note:
            lines.append(f"      assumed: {terminal_text(component.note)}")
    lines.extend(f"    note: {terminal_text(note)}" for note in cost.notes)
    return lines


def _savings_lines(report: Report) -> list[str]:
    """The savings suggestions, biggest first, after the totals."""
    headline_text = savings_headline(report)
    if headline_text is None:
        return []
    lines = ["", headline_text]
    for item in report.recommendations:
        saving = saving_cell(item)
        amount = f" ({saving})" if item.monthly_savings is None else f" saves {saving}/month"
        lines.append(f"  {terminal_text(item.address)}: {terminal_text(change_text(item))}{amount}")
        if item.caveat:
            lines.append(f"      check: {terminal_text(item.caveat)}")
    return lines


def render_table(report: Report) -> str:
    totals = report.estimate.totals
    priced = [
        c for c in report.estimate.resources if c.status in (Status.PRICED, Status.PRICE_NOT_FOUND)
    ]
    width = max([len(terminal_text(c.resource.address)) + 12 for c in priced] + [30])
    lines = [
        f"finops-gate verdict: {report.verdict.value.upper()}",
        "",
        _row("RESOURCE", "BEFORE", "AFTER", "CHANGE", width),
    ]
    for cost in report.changed + report.unchanged:
        lines.extend(_resource_lines(cost, width))
    lines += [
        "",
        _row(
            "TOTAL (monthly)",
            headline.total_text(totals.monthly_cost_before, totals.before_lower_bound),
            headline.total_text(totals.monthly_cost_after, totals.after_lower_bound),
            headline.change_text(totals),
            width,
        ),
    ]
    missing = headline.not_priced_text(totals)
    if missing:
        lines.append(f"Lower bound: {missing}")
    lines += ["", summary_text(report, terminal_text)]
    for status, title in (
        (Status.USAGE_BASED, "Usage-based ($0 in totals)"),
        (Status.UNSUPPORTED, "Not supported yet"),
    ):
        rows = report.with_status(status)
        if rows:
            names = ", ".join(terminal_text(c.resource.address) for c in rows)
            lines.append(f"{title}: {names}")
    lines.extend(f"Note: {terminal_text(region_line(p))}" for p in shown_regions(report.plan))
    lines.extend(f"Note: {terminal_text(note)}" for note in report.plan.notes)
    lines.extend(_savings_lines(report))
    if report.findings:
        lines += ["", "FINDINGS"]
        for finding in report.findings:
            where = f"{terminal_text(finding.address)}: " if finding.address else ""
            message = terminal_text(finding.message)
            lines.append(
                f"  [{finding.severity}] {finding.policy_id} ({finding.enforcement}): "
                f"{where}{message}"
            )
            if finding.remediation:
                lines.append(f"      fix: {terminal_text(finding.remediation)}")
            lines.extend(f"      {terminal_text(note)}" for note in finding_notes(finding))
    if report.overrides:
        lines += ["", "OVERRIDES (soft-mandatory failures allowed to pass)"]
        for override in report.overrides:
            lines.append(f"  {override.policy_id}: {terminal_text(override.reason)}")
    if report.waived:
        lines += ["", "WAIVED FINDINGS (not counted)"]
        for finding in report.waived:
            where = f"{terminal_text(finding.address)}: " if finding.address else ""
            lines.append(f"  {finding.policy_id}: {where}{terminal_text(finding.message)}")
            if finding.waiver is not None:
                lines.append(
                    f"      waiver until {finding.waiver.expires.isoformat()}: "
                    f"{terminal_text(waiver_text(finding.waiver))}"
                )
    if report.expired_waivers:
        lines += ["", "EXPIRED WAIVERS (no longer applied)"]
        for waiver in report.expired_waivers:
            lines.append(
                f"  {waiver.policy_id} {terminal_text(waiver.address)}: expired "
                f"{waiver.expires.isoformat()}: {terminal_text(waiver_text(waiver))}"
            )
    lines += ["", footer_text(report)]
    return "\n".join(lines) + "\n"
