"""Plan in, report text and verdict out: the whole gate, with no terminal I/O."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import Estimate
from finops_gate.cost.price_layers import load_prices
from finops_gate.cost.prices import PriceLookup
from finops_gate.errors import PlanError, PolicyError, PriceTableError
from finops_gate.options import FailOn as FailOn
from finops_gate.options import GateOptions as GateOptions
from finops_gate.options import OutputFormat as OutputFormat
from finops_gate.plan import Plan
from finops_gate.policy import clock
from finops_gate.policy.engine import EvalOptions, evaluate_policies
from finops_gate.policy.findings import Override, Verdict
from finops_gate.policy.kinds import POLICY_KINDS
from finops_gate.policy.loader import DEFAULT_POLICY, load_policy
from finops_gate.report.model import (
    BUNDLED_TABLE,
    LAYERED_TABLE,
    USER_TABLE,
    PolicyRule,
    PriceInfo,
    Report,
    build_report,
)
from finops_gate.savings.engine import SavingsOptions, recommend

if TYPE_CHECKING:
    from finops_gate.cost.usage import UsageFile
    from finops_gate.policy.model import PolicyFile
    from finops_gate.policy.testing import CaseResult


def price_info(
    prices: PriceLookup,
    estimate: Estimate | None = None,
    today: date | None = None,
    table: str = BUNDLED_TABLE,
) -> PriceInfo:
    """`today` (None: no staleness check) is compared with the date of the oldest source
    that priced a component of `estimate` (no estimate, or nothing priced: the table's
    newest source date). `table` says which table(s) the prices come from."""
    used_sources: set[str] = set()
    used_rules: set[str] = set()
    for cost in estimate.resources if estimate else ():
        for component in (*cost.components, *cost.components_before):
            if component.source is not None:
                used_sources.add(component.source)
            if component.rule is not None:
                used_rules.add(component.rule)
    dates = [prices.sources[s].as_of for s in used_sources if s in prices.sources]
    # A report lists the sources and rules behind its own prices, not the whole table's.
    return PriceInfo(
        prices.as_of,
        prices.newest,
        {s: prices.sources[s] for s in sorted(used_sources) if s in prices.sources},
        {r: prices.rules[r] for r in sorted(used_rules) if r in prices.rules},
        used_oldest=min(dates) if dates else None,
        today=today,
        table=table,
    )


def gate_prices(options: GateOptions) -> tuple[PriceLookup, str]:
    """The price table of a run and how the report names it."""
    if options.prices is None:
        if options.prices_only:
            raise PriceTableError(
                "--prices-only needs a table: --prices FILE or FINOPS_GATE_PRICES"
            )
        return load_prices(None), BUNDLED_TABLE
    layered = not options.prices_only
    table = LAYERED_TABLE if layered else USER_TABLE
    return load_prices(Path(options.prices), layered=layered), table


def plan_config_dir(options: GateOptions) -> str | None:
    """--config-dir, else the plan file's own directory when it holds .tf files (a plan
    is usually written next to its configuration); never for standard input."""
    if options.config_dir is not None or options.plan == "-":
        return options.config_dir
    from finops_gate.plan.config_dir import has_tf_files

    directory = Path(options.plan).parent
    return str(directory) if has_tf_files(directory) else None


def load_gate_plan(options: GateOptions, environ: Mapping[str, str] | None = None) -> Plan:
    """A plan JSON file, or a directory of .tf files read directly (HCL mode).

    `environ` (default: the process environment) gives AWS_REGION / AWS_DEFAULT_REGION.
    """
    from finops_gate.plan.region import RegionOptions

    hcl_options = options.var_files or options.variables or options.base
    regions = RegionOptions(
        config_dir=None,
        environ=os.environ if environ is None else environ,
        region=options.region,
        allow_outside_repo=options.allow_outside_repo,
    )
    if options.plan == "-" or not Path(options.plan).is_dir():
        if hcl_options:
            raise PlanError(
                f"{options.plan}: --var, --var-file and --base need a directory of .tf files"
            )
        config_dir = plan_config_dir(options)
        regions = replace(
            regions, config_dir=config_dir, config_dir_is_plans=options.config_dir is None
        )
        from finops_gate.plan.reader import load_plan

        return load_plan(options.plan, regions)
    if options.config_dir is not None:
        raise PlanError(
            f"{options.plan}: --config-dir is for a plan file; a directory of .tf files is "
            "read directly"
        )
    from finops_gate.plan.hcl import load_directory

    plan = load_directory(
        options.plan,
        options.var_files,
        options.variables,
        regions=regions,
        allow_outside_repo=options.allow_outside_repo,
    )
    if options.base is None:
        return plan
    from finops_gate.plan.hcl.base import diff_plans, load_base

    try:
        before = load_base(
            options.plan,
            options.base,
            options.var_files,
            options.variables,
            regions=regions,
            allow_outside_repo=options.allow_outside_repo,
        )
    except PlanError as error:
        if not options.base_optional:
            raise
        note = f"Priced without a base ({error}): every resource counts as new."
        return replace(plan, notes=(*plan.notes, note))
    return diff_plans(before, plan)


def load_gate_usage(options: GateOptions, plan: Plan) -> tuple[UsageFile | None, list[str]]:
    """The usage file of a run and its warnings: entries it ignores and `resource_usage`
    addresses that match no resource of the plan (with --strict-usage, errors)."""
    if not options.usage_file:
        return None, []
    from finops_gate.cost.usage import UsageFileError, load_usage_file

    usage = load_usage_file(options.usage_file, options.strict_usage)
    warnings = [*usage.warnings, *usage.unmatched_warnings(r.address for r in plan.resources)]
    if warnings and options.strict_usage:
        raise UsageFileError(warnings[0].removesuffix(": ignored"))
    return usage, warnings


def build_gate_report(
    options: GateOptions,
    warn: Callable[[str], None] | None = None,
    *,
    loaded_policy: PolicyFile | None = None,
    loaded_prices: tuple[PriceLookup, str] | None = None,
) -> Report:
    """`warn` receives each warning about the input (one line each) as well as the report's
    notes. `loaded_policy` and `loaded_prices` (a table and how the report names it) are
    used instead of reading them again: a run over many projects reads each once."""
    if loaded_policy is None:
        policy_file, _ = load_policy(options.policy, options.allow_outside_repo)
    else:
        policy_file = loaded_policy
    plan = load_gate_plan(options)
    prices, table = gate_prices(options) if loaded_prices is None else loaded_prices
    usage, usage_warnings = load_gate_usage(options, plan)
    if usage is not None:
        from finops_gate.cost.usage_resources import with_usage_resources

        plan = with_usage_resources(plan, usage.usage_resources())
    if usage_warnings:
        plan = replace(plan, notes=(*plan.notes, *usage_warnings))
        for line in usage_warnings:
            if warn is not None:
                warn(line)
    estimate = estimate_plan(plan, prices, usage, options.today)
    savings = recommend(
        policy_file,
        plan,
        estimate,
        prices,
        usage,
        SavingsOptions(options.environment, options.all_resources, options.today),
    )
    if options.plan != "-" and Path(options.plan).is_dir():
        from finops_gate.savings.line_fix import with_line_fixes

        savings = replace(
            savings, recommendations=with_line_fixes(savings.recommendations, options.plan)
        )
    evaluation = EvalOptions(
        overrides=tuple(Override(policy_id, reason) for policy_id, reason in options.overrides),
        environment=options.environment,
        all_resources=options.all_resources,
        today=options.today,
        recommendations=savings.everything,
    )
    result = evaluate_policies(policy_file, plan, estimate, evaluation)
    return build_report(
        plan,
        estimate,
        list(result.findings),
        price_info(prices, estimate, options.today or clock.today(), table),
        options.policy or DEFAULT_POLICY,
        result,
        rules_of(policy_file),
        savings.recommendations,
    )


# SARIF levels of the savings rules, by enforcement: an advisory suggestion is a note.
SAVINGS_RULE_LEVELS = {"advisory": "note", "soft-mandatory": "warning", "hard-mandatory": "error"}


def rules_of(policy_file: PolicyFile) -> tuple[PolicyRule, ...]:
    """Descriptions and help text of every policy, for the SARIF and JUnit formats."""
    rules: list[PolicyRule] = []
    for item in policy_file.policies:
        severity = getattr(item, "severity", "error")
        level = severity if isinstance(severity, str) else "error"
        if item.kind == "savings":
            level = SAVINGS_RULE_LEVELS[item.level]  # advice unless the file enforces it
        rules.append(
            PolicyRule(
                id=item.id,
                kind=item.kind,
                description=item.description,
                remediation=item.remediation,
                plan_wide=POLICY_KINDS[item.kind].plan_wide,
                level=level,
            )
        )
    return tuple(rules)


def render(
    report: Report,
    output_format: OutputFormat,
    *,
    options: GateOptions | None = None,
) -> str:
    from finops_gate.report.formats import RenderContext
    from finops_gate.report.formats import output_format as format_named

    context = RenderContext(
        project=options.project if options else None, plan=options.plan if options else None
    )
    return format_named(OutputFormat(output_format).value).render(report, context)


def gate_failed(report: Report, fail_on: FailOn = FailOn.ERROR) -> bool:
    if fail_on == FailOn.NEVER:
        return False
    if fail_on == FailOn.WARNING:
        return report.verdict in (Verdict.FAIL, Verdict.WARN)
    return report.verdict == Verdict.FAIL


def run_policy_tests(
    directory: str, policy: str | None = None, allow_outside_repo: bool = False
) -> list[CaseResult]:
    """`policy test DIR`: each case folder's plan through the same gate as `check`, its
    findings compared with the case's expected.yml (finops_gate/policy/testing.py)."""
    from finops_gate.policy.testing import CaseResult, compare, load_expected

    root = Path(directory)
    if not root.is_dir():
        raise PolicyError(f"{directory}: not a directory")
    if policy is None:
        if not (root / "policy.yml").is_file():
            raise PolicyError(f"{directory}: no policy.yml; pass --policy FILE|NAME")
        policy = str(root / "policy.yml")
    # A bad policy stops before any case runs (bundled ones checked by the schema too).
    load_policy(policy, allow_outside_repo, check_bundled=True)
    cases = sorted(path.parent for path in root.glob("*/expected.yml"))
    if not cases:
        raise PolicyError(f"{directory}: no case folders with an expected.yml")
    results: list[CaseResult] = []
    for case in cases:
        expected = load_expected(case / "expected.yml")
        options = GateOptions(
            plan=str(case / expected.plan),
            policy=policy,
            overrides=tuple(sorted(expected.overrides.items())),
            environment=expected.environment,
            all_resources=expected.all_resources,
            today=expected.today,
            allow_outside_repo=allow_outside_repo,
        )
        report = build_gate_report(options)
        problems = compare(expected.findings, list(report.findings), "finding")
        if expected.waived is not None:
            problems += compare(expected.waived, list(report.waived), "waived finding")
        if expected.verdict is not None and expected.verdict != report.verdict.value:
            problems.append(f"verdict {report.verdict.value}, expected {expected.verdict}")
        results.append(CaseResult(case.name, tuple(problems)))
    return results
