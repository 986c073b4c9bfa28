"""`build` (sources -> checked region tables) and the command line of
`scripts/build_prices.py` / `python -m finops_gate.pricing.build`."""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

from finops_gate.pricing.build.base import BuildError, RegionTable
from finops_gate.pricing.build.checks import check_page_dates, check_tables
from finops_gate.pricing.build.ebs_optimized import ebs_optimized_charged, render_ebs_optimized
from finops_gate.pricing.build.layers import build_region, commercial_regions
from finops_gate.pricing.build.output import render_notice, render_table, summarize, used_ids
from finops_gate.pricing.build.ratio import ec2_ratios
from finops_gate.pricing.build.readers.readme_facts import README_FILE
from finops_gate.pricing.build.regional import REGIONAL_RULE_IDS
from finops_gate.pricing.build.rule_errors import (
    leave_one_out,
    render_rule_errors,
    rule_errors,
    service_errors,
    write_rule_errors,
)
from finops_gate.pricing.build.rule_texts import RULES
from finops_gate.pricing.build.rules import apply_rules

# The checkout this module sits in (finops_gate/pricing/build/main.py).
REPO_ROOT = Path(__file__).resolve().parents[3]
EBS_OPTIMIZED_MODULE_PATH = Path("finops_gate", "cost", "estimators", "_ebs_optimized.py")


def published_tables(sources: Path) -> tuple[dict[str, RegionTable], dict[str, Decimal]]:
    """Every region's figures from its sources, before any rule; the EC2 price ratios."""
    if not (sources / README_FILE).is_file():
        raise BuildError(f"no price sources at {sources}")
    check_page_dates(sources)
    regions = commercial_regions(sources)
    tables = {region: build_region(sources, region) for region in regions}
    return tables, ec2_ratios(sources, regions)


def build(sources: Path) -> dict[str, RegionTable]:
    tables, ratios = published_tables(sources)
    apply_rules(tables, ratios)
    check_tables(sources, tables)
    return tables


def rule_error_table(sources: Path) -> str:
    """The Markdown table of every rule's leave-one-out error (pricing/README.md): the rules
    the table uses and every documented rule that is not a chain of two."""
    tables, ratios = published_tables(sources)
    checks = leave_one_out(tables, ratios)
    apply_rules(tables, ratios)
    _, used = used_ids(tables)
    rules = sorted({rule for rule in RULES if "+" not in rule} | set(used))
    by_service = service_errors(checks, REGIONAL_RULE_IDS)
    return render_rule_errors(rule_errors(checks, rules), by_service)


def main(argv: list[str] | None = None, repo_root: Path = REPO_ROOT) -> int:
    """Build the table, NOTICE and the EBS-optimized module into a checkout (`repo_root`)."""
    parser = argparse.ArgumentParser(description="Build pricing/aws.json and pricing/NOTICE.")
    parser.add_argument(
        "--sources",
        type=Path,
        default=repo_root.parent / "shared" / "price-sources",
        help="raw price data directory (default: %(default)s)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=repo_root / "pricing" / "aws.json",
        help="price table to write (default: %(default)s)",
    )
    parser.add_argument(
        "--ebs-optimized-out",
        type=Path,
        default=repo_root / EBS_OPTIMIZED_MODULE_PATH,
        help="instance types charging an EBS-optimized fee, a Python module to write "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--notice",
        type=Path,
        default=None,
        help="attribution file to write (default: NOTICE next to --out)",
    )
    parser.add_argument(
        "--rule-errors",
        type=Path,
        default=None,
        metavar="README",
        help="only measure each rule's error against the published figures and rewrite the "
        "generated table in README (pricing/README.md); write nothing else",
    )
    args = parser.parse_args(argv)
    if args.rule_errors is not None:
        try:
            block = rule_error_table(args.sources.resolve())
            write_rule_errors(args.rule_errors, block)
        except (BuildError, ValueError, OSError) as exc:
            print(f"build_prices: error: {exc}", file=sys.stderr)
            return 1
        return 0
    try:
        tables = build(args.sources.resolve())
        charged = ebs_optimized_charged(args.sources.resolve())
    except BuildError as exc:
        print(f"build_prices: error: {exc}", file=sys.stderr)
        return 1
    notice = args.notice or args.out.with_name("NOTICE")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_table(tables), encoding="utf-8", newline="\n")
    notice.write_text(render_notice(tables), encoding="utf-8", newline="\n")
    args.ebs_optimized_out.write_text(render_ebs_optimized(charged), encoding="utf-8", newline="\n")
    print(summarize(tables), file=sys.stderr)
    return 0
