"""The Markdown verdict (for pull-request comments and step summaries)."""

from __future__ import annotations

from itertools import groupby

from jinja2 import Environment, PackageLoader, StrictUndefined

from finops_gate.cost.model import Status
from finops_gate.policy.findings import Finding, Verdict
from finops_gate.report import headline, numbers
from finops_gate.report.escape import markdown_code, markdown_text
from finops_gate.report.markdown_rows import (
    FindingRow,
    Remembered,
    cost_rows,
    finding_rows,
    saving_rows,
    section_rows,
)
from finops_gate.report.model import Report
from finops_gate.report.regions import shown_regions
from finops_gate.report.savings_text import savings_headline
from finops_gate.report.summary import footer_text, summary_text, waiver_text

_ICONS = {Verdict.PASS: "✅", Verdict.WARN: "⚠️", Verdict.FAIL: "❌"}


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("finops_gate.report", "templates"),
        # Plan text is escaped explicitly: by the `text` and `code` filters, and in the
        # rows of markdown_rows, which the template writes as they are.
        autoescape=False,
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
        waiver_text=waiver_text,
    )
    return env


_TEMPLATE = _environment().get_template("verdict.md.j2")


def render_markdown(report: Report, project: str | None = None) -> str:
    # A resource's address shows in the cost table and the breakdown, in its findings and
    # in its savings suggestions: escaped once per render.
    code = Remembered(markdown_code).__getitem__
    findings = sorted(report.findings, key=lambda f: f.policy_id)
    # (policy id, its findings, their rows)
    by_policy: list[tuple[str, list[Finding], list[FindingRow]]] = []
    for policy_id, group in groupby(findings, key=lambda f: f.policy_id):
        policy_findings = list(group)
        by_policy.append((policy_id, policy_findings, finding_rows(policy_findings, code)))
    notes = list(report.plan.notes)
    changed, breakdown = cost_rows(report.changed, code)
    # (title, its rows): a resource's address and what the list says of it
    sections = [
        ("Unchanged resources", section_rows(report.unchanged, code)),
        (
            "Usage-based resources (priced per unit, $0 in totals)",
            section_rows(report.with_status(Status.USAGE_BASED), code),
        ),
        ("Free resources", section_rows(report.with_status(Status.FREE), code)),
        (
            "Not supported yet (not in totals)",
            section_rows(report.with_status(Status.UNSUPPORTED), code),
        ),
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
        # the cost table's rows and the breakdown's
        changed=changed,
        breakdown=breakdown,
        findings_by_policy=by_policy,
        enforcement=dict(report.enforcement),
        overrides=report.overrides,
        waived=report.waived,
        expired_waivers=report.expired_waivers,
        sections=sections,
        footer=footer_text(report),
        savings_line=savings_headline(report),
        savings=saving_rows(report.recommendations, code),
    )
