"""The output formats: one registry from a format's name to its renderer and to what the
CLI must know about it. Adding a format is one entry here (and its renderer module); the
`--format` choices, the Action's `format` input and the CLI's handling under GitHub
Actions all read this table.

Renderers are imported when used: the pre-commit hook renders none of these, and Jinja2
(Markdown) or the XML writer (JUnit) should not slow it down.
"""

from __future__ import annotations

from collections.abc import Callable

from finops_gate.records import record
from finops_gate.report.model import Report


@record
class RenderContext:
    """What a renderer may need besides the report."""

    project: str | None = None  # names the sticky comment's marker (Markdown)
    plan: str | None = None  # the plan file, as SARIF's artifact location


Renderer = Callable[[Report, RenderContext], str]


@record
class OutputFormatSpec:
    name: str
    render: Renderer
    extension: str  # of a file holding the report
    # Printed to a CI log, it is wrapped in stop-commands under GitHub Actions: it carries
    # plan text that may hold a line break (JSON and SARIF escape every one).
    guard_in_actions_log: bool
    # Read by people: annotations may share its stream (a machine-read format on standard
    # output gets them on standard error instead).
    for_people: bool


def _table(report: Report, context: RenderContext) -> str:
    from finops_gate.report.table import render_table

    return render_table(report)


def _markdown(report: Report, context: RenderContext) -> str:
    from finops_gate.report.markdown import render_markdown

    return render_markdown(report, context.project)


def _json(report: Report, context: RenderContext) -> str:
    from finops_gate.report.json_report import render_json

    return render_json(report)


def _sarif(report: Report, context: RenderContext) -> str:
    from finops_gate.report.sarif import render_sarif

    return render_sarif(report, {rule.id: rule for rule in report.rules}, context.plan)


def _junit(report: Report, context: RenderContext) -> str:
    from finops_gate.report.junit import render_junit

    return render_junit(report, {rule.id: rule for rule in report.rules})


FORMATS: dict[str, OutputFormatSpec] = {
    spec.name: spec
    for spec in (
        OutputFormatSpec("table", _table, "txt", guard_in_actions_log=True, for_people=True),
        OutputFormatSpec("markdown", _markdown, "md", guard_in_actions_log=True, for_people=True),
        OutputFormatSpec("json", _json, "json", guard_in_actions_log=False, for_people=False),
        OutputFormatSpec("sarif", _sarif, "sarif", guard_in_actions_log=False, for_people=False),
        OutputFormatSpec("junit", _junit, "xml", guard_in_actions_log=True, for_people=False),
    )
}


def output_format(name: str) -> OutputFormatSpec:
    """The format called `name`; an unknown name is a bug of the caller, never a quiet
    fall-back to another format."""
    try:
        return FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown output format {name!r}") from None
