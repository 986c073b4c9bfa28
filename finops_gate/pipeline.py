"""Plan in, report text and verdict out: the whole gate, with no terminal I/O."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable, load_price_table
from finops_gate.plan import load_plan
from finops_gate.policy.engine import evaluate
from finops_gate.policy.findings import Verdict
from finops_gate.policy.loader import DEFAULT_POLICY, load_policy
from finops_gate.report.json_report import render_json
from finops_gate.report.markdown import render_markdown
from finops_gate.report.model import PriceInfo, Report, build_report
from finops_gate.report.table import render_table


class OutputFormat(str, Enum):
    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"


@dataclass(frozen=True)
class GateOptions:
    """Everything the gate needs from the command line (one field per option)."""

    plan: str
    policy: str | None = None
    output_format: OutputFormat = OutputFormat.TABLE


def price_info(prices: PriceTable) -> PriceInfo:
    return PriceInfo(prices.as_of, prices.newest, dict(prices.sources), dict(prices.rules))


def build_gate_report(options: GateOptions) -> Report:
    policy_file, _ = load_policy(options.policy)
    plan = load_plan(options.plan)
    prices = load_price_table()
    estimate = estimate_plan(plan, prices)
    findings = evaluate(policy_file, plan, estimate)
    return build_report(
        plan, estimate, findings, price_info(prices), options.policy or DEFAULT_POLICY
    )


def render(report: Report, output_format: OutputFormat) -> str:
    if output_format == OutputFormat.JSON:
        return render_json(report)
    if output_format == OutputFormat.MARKDOWN:
        return render_markdown(report)
    return render_table(report)


def run_gate(options: GateOptions) -> tuple[str, bool]:
    report = build_gate_report(options)
    return render(report, options.output_format), report.verdict == Verdict.FAIL
