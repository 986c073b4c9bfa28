"""The formats of a run over many projects: pure functions from a RunReport to text.

- JSON: the one-project report's top-level fields that make sense for a run
  (`schema_version`, `tool_version`, `currency`, `verdict`, `totals`), then `projects`,
  each with `name`, `path`, `environment`, `status` and, when evaluated, every field of
  its own report; `budget_findings` for budgets across projects.
- Markdown: the run's verdict and totals, a table of projects by cost change, then each
  project; projects with nothing to read are collapsed, and are the first thing left out
  when the comment must be shortened (`integrations.fit`).
- SARIF: one run; every project's results, located at its path in the repository.
- JUnit: one suite per project and policy (`project/policy`).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree as ET

import orjson
from jinja2 import Environment, PackageLoader, StrictUndefined

from finops_gate import __version__
from finops_gate.cost.model import Totals
from finops_gate.policy.findings import Finding, Verdict
from finops_gate.projects.model import NOT_EVALUATED, ProjectOutcome, RunReport
from finops_gate.report import headline, numbers
from finops_gate.report.escape import json_document, markdown_code, markdown_text, terminal_text
from finops_gate.report.json_report import SCHEMA_VERSION
from finops_gate.report.json_text import indented_json
from finops_gate.report.savings_text import NO_FIGURE

_ICONS = {Verdict.PASS: "✅", Verdict.WARN: "⚠️", Verdict.FAIL: "❌"}
# Fields of a one-project report that describe the tool, not the project.
_RUN_FIELDS = ("schema_version", "tool_version", "currency")


def _cents(amount: float) -> float:
    return round(amount, 2) + 0.0  # + 0.0: never "-0.0"


def _totals_data(totals: Totals) -> dict[str, Any]:
    return {
        "monthly_cost_before": _cents(totals.monthly_cost_before),
        "monthly_cost_after": _cents(totals.monthly_cost_after),
        "monthly_cost_delta": _cents(totals.monthly_cost_delta),
        "percent_change": totals.percent_change,
        "complete": totals.complete,
        "before_lower_bound": totals.before_lower_bound,
        "after_lower_bound": totals.after_lower_bound,
        "delta_bound": totals.delta_bound,
        "not_priced": totals.not_priced.as_dict(),
        "unchanged_not_priced": totals.unchanged_not_priced,
    }


def _finding_data(finding: Finding) -> dict[str, Any]:
    return {
        "policy_id": finding.policy_id,
        "severity": finding.severity,
        "message": finding.message,
        "remediation": finding.remediation,
        "enforcement": finding.enforcement,
    }


def project_data(project: ProjectOutcome) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": project.name,
        "path": project.path,
        "environment": project.environment,
        "status": "evaluated" if project.evaluated else "not_evaluated",
    }
    if project.error is not None:
        data["error"] = project.error
    if project.tag_sums is not None:
        data["tag_sums"] = project.tag_sums
    if project.artifact:
        data["artifact"] = project.artifact
    if project.data is not None:
        data.update({k: v for k, v in project.data.items() if k not in _RUN_FIELDS})
    return data


def savings_headline(run: RunReport) -> str | None:
    """The line "Potential savings: $X/month (N suggestions)" over every project, as a
    one-project report words it; None without suggestions."""
    count = run.recommendation_count
    if not count:
        return None
    mark = numbers.APPROX if run.savings_approximate else ""
    noun = "suggestion" if count == 1 else "suggestions"
    total = numbers.money(run.potential_monthly_savings)
    return f"Potential savings: {mark}{total}/month ({count} {noun})"


def project_savings_headline(project: ProjectOutcome) -> str | None:
    return savings_headline(RunReport((project,)))


def run_data(run: RunReport) -> dict[str, Any]:
    data = _run_data(run)
    if run.recommendation_count:
        # Only with suggestions, as in a one-project report, so a run without any keeps
        # its bytes.
        data["totals"]["potential_monthly_savings"] = run.potential_monthly_savings
        data["summary"]["recommendations"] = run.recommendation_count
    return data


def _run_data(run: RunReport) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "currency": "USD",
        "verdict": run.verdict.value,
        "totals": _totals_data(run.totals),
        "summary": {
            "projects": len(run.projects),
            "not_evaluated": len(run.not_evaluated),
            **{
                verdict.value: sum(1 for p in run.projects if p.verdict == verdict)
                for verdict in Verdict
            },
        },
        "budgets_policy": run.policy_name or None,
        "budget_findings": [_finding_data(f) for f in run.budget_findings],
        "projects": [project_data(p) for p in run.projects],
    }


def render_run_json(run: RunReport) -> str:
    document = orjson.dumps(run_data(run), option=orjson.OPT_INDENT_2).decode()
    return json_document(document) + "\n"


def _verdict_cell(verdict: Verdict | None) -> str:
    if verdict is None:
        return f"❌ {NOT_EVALUATED}"
    return f"{_ICONS[verdict]} {verdict.value}"


def _money_cell(value: float | None) -> str:
    return numbers.PRICE_NOT_FOUND if value is None else numbers.money(value)


def _signed_cell(value: float | None) -> str:
    return "n/a" if value is None else numbers.signed_money(value)


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
        verdict_cell=_verdict_cell,
        cell=_money_cell,
        signed_cell=_signed_cell,
        cost_line=lambda totals: headline.cost_line(totals, "→"),
        not_priced=headline.not_priced_text,
        before_total=lambda t: headline.total_text(t.monthly_cost_before, t.before_lower_bound),
        after_total=lambda t: headline.total_text(t.monthly_cost_after, t.after_lower_bound),
        change_total=headline.change_text,
        severity_icon=lambda severity: "❌" if severity == "error" else "⚠️",
        most_severe=_most_severe,
        more_findings=_more_findings,
        project_savings=project_savings_headline,
        saving_cell=_saving_cell,
    )
    return env


# A project's findings shown in the comment before the rest are counted in one line:
# hundreds of lines would push every other project out of GitHub's size limit.
FINDING_LIMIT = 25


def _most_severe(findings: list[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Errors first, then warnings, each in the report's order (a stable sort)."""
    return sorted(findings, key=lambda f: f["severity"] != "error")


def _more_findings(rest: list[Mapping[str, Any]]) -> str:
    errors = sum(1 for f in rest if f["severity"] == "error")
    parts = []
    if errors:
        parts.append(f"{errors} more error{'s' if errors != 1 else ''}")
    if len(rest) - errors:
        others = len(rest) - errors
        parts.append(f"{others} more warning{'s' if others != 1 else ''}")
    return " and ".join(parts)


def _saving_cell(item: Mapping[str, Any]) -> str:
    amount = item.get("monthly_savings")
    if amount is None:
        return NO_FIGURE
    mark = numbers.APPROX if item.get("approximate") else ""
    return f"{mark}{numbers.money(float(amount))}"


def _footer(run: RunReport) -> str:
    versions = sorted(
        {str(p.data["tool_version"]) for p in run.projects if p.data and p.data.get("tool_version")}
    )
    dates = sorted(
        {
            str(p.data["prices"]["prices_date"])
            for p in run.projects
            if p.data and "prices" in p.data
        }
    )
    made = f"finops-gate {__version__}"
    if versions and versions != [__version__]:
        made += f" (reports by {', '.join(versions)})"
    dated = f" (dated {dates[0]})" if dates else ""
    return (
        f"{made}: USD on-demand list prices{dated}, 730 hours a month; "
        "every project's own report has its full breakdown."
    )


def render_run_markdown(run: RunReport, project: str | None = None) -> str:
    template = _environment().get_template("projects.md.j2")
    by_delta = run.by_delta
    totals = run.totals
    return template.render(
        marker_suffix=f" project={markdown_text(project)}" if project else "",
        verdict_icon=_ICONS[run.verdict],
        verdict_word=run.verdict.value,
        projects=run.projects,
        cost_line=headline.cost_line(totals, "→"),
        not_priced=headline.not_priced_text(totals),
        by_delta=by_delta,
        not_evaluated=run.not_evaluated,
        budget_findings=run.budget_findings,
        shown=[p for p in by_delta if p.evaluated and not p.unchanged],
        unchanged=[p for p in by_delta if p.unchanged],
        savings_line=savings_headline(run),
        finding_limit=FINDING_LIMIT,
        footer=_footer(run),
    )


def render_run_table(run: RunReport) -> str:
    width = max([len(terminal_text(p.name)) for p in run.projects] + [20])
    lines = [
        f"finops-gate verdict: {run.verdict.value.upper()} ({_count(len(run.projects))})",
        f"Monthly cost: {headline.cost_line(run.totals)}",
    ]
    missing = headline.not_priced_text(run.totals)
    if missing:
        lines.append(f"Not priced: {missing}")
    savings = savings_headline(run)
    if savings:
        lines.append(savings)
    lines.append("")
    for project in run.by_delta:
        name = terminal_text(project.name)
        if not project.evaluated:
            lines.append(
                f"  {name:<{width}}  {NOT_EVALUATED}: {terminal_text(project.error or '')}"
            )
            continue
        verdict = project.verdict.value.upper() if project.verdict else ""
        lines.append(f"  {name:<{width}}  {verdict:<4}  {headline.cost_line(project.totals)}")
        for finding in project.findings:
            where = f"{finding['address']}: " if finding.get("address") else ""
            text = terminal_text(f"{where}{finding['message']}")
            lines.append(f"      [{finding['severity']}] {finding['policy_id']}: {text}")
        lines += _savings_lines(project)
    if run.budget_findings:
        lines += ["", "Budgets across projects:"]
        for f in run.budget_findings:
            lines.append(f"  [{f.severity}] {f.policy_id}: {terminal_text(f.message)}")
    return "\n".join(lines) + "\n"


def _savings_lines(project: ProjectOutcome) -> list[str]:
    """A project's suggestions, worded as a one-project table report words them."""
    headline_text = project_savings_headline(project)
    if headline_text is None:
        return []
    lines = [f"      {headline_text}"]
    for item in project.recommendations:
        saving = _saving_cell(item)
        amount = f" ({saving})" if item.get("monthly_savings") is None else f" saves {saving}/month"
        change = f"{item['attribute']}: {item['current_value']} → {item['suggested_value']}"
        lines.append(
            f"        {terminal_text(str(item['address']))}: {terminal_text(change)}{amount}"
        )
        if item.get("caveat"):
            lines.append(f"            check: {terminal_text(str(item['caveat']))}")
    return lines


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def run_sarif_data(run: RunReport) -> dict[str, Any]:
    """One SARIF run: every project's rules (by id, the first project's description wins)
    and results, each located at its project's file and named `project:address`."""
    rules: dict[str, Mapping[str, Any]] = {}
    results: list[tuple[Mapping[str, Any], str]] = []
    artifacts: list[str] = []
    for project in run.projects:
        if project.sarif is None:
            continue
        [sarif_run] = project.sarif["runs"]
        project_rules = sarif_run["tool"]["driver"]["rules"]
        for rule in project_rules:
            rules.setdefault(rule["id"], rule)
        for artifact in sarif_run.get("artifacts", []):
            artifacts.append(artifact["location"]["uri"])
        for result in sarif_run["results"]:
            results.append((result, project.name))
    ordered = [rules[key] for key in sorted(rules)]
    index = {rule["id"]: n for n, rule in enumerate(ordered)}
    out_results: list[dict[str, Any]] = []
    for result, name in results:
        copy = json.loads(json.dumps(result))
        copy["ruleIndex"] = index[copy["ruleId"]]
        for location in copy["locations"]:
            for logical in location.get("logicalLocations", []):
                logical["fullyQualifiedName"] = f"{name}:{logical['fullyQualifiedName']}"
        fingerprints = copy.get("partialFingerprints", {})
        for key in sorted(fingerprints):  # a finding's, or a savings suggestion's
            fingerprints[key] = _fingerprint(name, fingerprints[key])
        out_results.append(copy)
    for finding in run.budget_findings:
        out_results.append(_budget_result(finding, index, ordered))
    totals = run.totals
    sarif_run_data: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "finops-gate",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": ordered,
            }
        },
        "results": out_results,
        "properties": {
            "verdict": run.verdict.value,
            "monthlyCostBefore": totals.monthly_cost_before,
            "monthlyCostAfter": totals.monthly_cost_after,
            "monthlyCostDelta": totals.monthly_cost_delta,
            "monthlyCost": headline.headline(totals),
            "projects": [p.name for p in run.projects],
            "notEvaluated": [p.name for p in run.not_evaluated],
        },
    }
    if artifacts:
        sarif_run_data["artifacts"] = [
            {"location": {"uri": uri}, "roles": ["analysisTarget"]} for uri in artifacts
        ]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [sarif_run_data],
    }


def _budget_result(
    finding: Finding, index: dict[str, int], ordered: list[Mapping[str, Any]]
) -> dict[str, Any]:
    if finding.policy_id not in index:
        index[finding.policy_id] = len(ordered)
        ordered.append(
            {
                "id": finding.policy_id,
                "shortDescription": {"text": f"budget across projects {finding.policy_id}"},
                "defaultConfiguration": {"level": "error"},
                "properties": {"kind": "budget"},
            }
        )
    return {
        "ruleId": finding.policy_id,
        "ruleIndex": index[finding.policy_id],
        "level": finding.severity if finding.severity in ("error", "warning") else "note",
        "message": {"text": finding.message},
        "locations": [{"logicalLocations": [{"fullyQualifiedName": "run", "kind": "module"}]}],
        "partialFingerprints": {
            "finopsGateFinding/v1": _fingerprint("run", finding.policy_id, finding.message)
        },
    }


def render_run_sarif(run: RunReport) -> str:
    text = indented_json(run_sarif_data(run))
    return json_document(text) + "\n"


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped (tag values, file names)."""
    return _NOT_IN_XML.sub("?", text)


def render_run_junit(run: RunReport) -> str:
    root = ET.Element("testsuites", name="finops-gate")
    tests = failures = 0
    for project in run.projects:
        if project.junit is None:
            suite = ET.SubElement(root, "testsuite", name=f"{project.name}/load")
            case = ET.SubElement(suite, "testcase", classname=project.name, name=project.path)
            ET.SubElement(
                case, "failure", message=_clean(project.error or NOT_EVALUATED), type="error"
            )
            for key, value in (
                ("tests", "1"),
                ("failures", "1"),
                ("errors", "0"),
                ("skipped", "0"),
            ):
                suite.set(key, value)
            tests, failures = tests + 1, failures + 1
            continue
        for suite in ET.fromstring(project.junit):
            suite.set("name", f"{project.name}/{suite.get('name')}")
            for case in suite.iter("testcase"):
                case.set("classname", f"{project.name}/{case.get('classname')}")
            root.append(suite)
            tests += int(suite.get("tests", "0"))
            failures += int(suite.get("failures", "0"))
    if run.budget_findings:
        suite = ET.SubElement(root, "testsuite", name="budgets")
        errors = [f for f in run.budget_findings if f.severity == "error"]
        case = ET.SubElement(suite, "testcase", classname="budgets", name="run")
        if errors:
            ET.SubElement(
                case, "failure", message=_clean(errors[0].message), type="error"
            ).text = _clean("\n".join(f"[{f.severity}] {f.policy_id}: {f.message}" for f in errors))
        for key, value in (("tests", "1"), ("failures", str(int(bool(errors)))), ("errors", "0")):
            suite.set(key, value)
        suite.set("skipped", "0")
        tests, failures = tests + 1, failures + int(bool(errors))
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root, space="  ")
    from finops_gate.report.escape import xml_document

    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + xml_document(ET.tostring(root, encoding="unicode"))
        + "\n"
    )


RUN_RENDERERS = {
    "json": render_run_json,
    "table": render_run_table,
    "sarif": render_run_sarif,
    "junit": render_run_junit,
}


def render_run(run: RunReport, output_format: str, project: str | None = None) -> str:
    if output_format == "markdown":
        return render_run_markdown(run, project)
    return RUN_RENDERERS[output_format](run)


def _count(projects: int) -> str:
    return f"{projects} project" if projects == 1 else f"{projects} projects"
