"""The pre-commit hook's verdict for one directory: a headline and indented details.

    finops-gate infra: FAIL (policy default), monthly cost $8.39 -> $3,373.03 (+$3,364.64
    since HEAD), 2 resource(s), 1 changed
      lower bound: 1 resource not priced
      [error] non-prod-instance-size: aws_instance.batch: ... (main.tf:13)
      note: HCL mode: ...

Short on purpose: it is printed for every gated directory on every commit. Names, file
names, messages and notes come from the commit; each is escaped so that it stays on its
own line and carries no control sequence.
"""

from __future__ import annotations

from finops_gate.errors import one_line
from finops_gate.plan.resource import Plan
from finops_gate.report import headline
from finops_gate.report.escape import terminal_text
from finops_gate.report.model import Report


def render_hook_text(report: Report, directory: str, base: str | None) -> str:
    """`directory` names the gated directory; `base` is the git ref priced as before
    (None: the directory was priced as all new)."""
    totals = report.estimate.totals
    cost = headline.total_text(totals.monthly_cost_after, totals.after_lower_bound)
    if base is not None:
        before = headline.total_text(totals.monthly_cost_before, totals.before_lower_bound)
        cost = f"{before} -> {cost} ({headline.change_text(totals)} since {one_line(base)})"
    resources = report.plan.resources
    changed = sum(1 for resource in resources if resource.action.changes)
    lines = [
        f"finops-gate {one_line(directory)}: {report.verdict.value.upper()} "
        f"(policy {one_line(report.policy_name)}), monthly cost {cost}, "
        f"{len(resources)} resource(s), {changed} changed"
    ]
    missing = headline.not_priced_text(totals)
    if missing:
        lines.append(f"  lower bound: {missing}")
    sources = _sources(report.plan)
    for finding in report.findings:
        where = f"{finding.address}: " if finding.address else ""
        source = sources.get(finding.address) if finding.address else None
        lines.append(
            f"  [{finding.severity}] {terminal_text(finding.policy_id)}: "
            f"{terminal_text(where + finding.message)}"
            + (f" ({terminal_text(source)})" if source else "")
        )
    lines.extend(f"  note: {terminal_text(note)}" for note in report.plan.notes)
    return "\n".join(lines) + "\n"


def _sources(plan: Plan) -> dict[str, str]:
    """Address -> `file:line` of its resource block (HCL mode records them)."""
    return {
        resource.address: f"{resource.source_file}:{resource.source_line}"
        for resource in plan.resources
        if resource.source_file
    }
