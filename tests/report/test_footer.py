"""The footer states one date (the one the stale-prices note uses) and says usage-based
components count $0 only when some have no quantity."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.summary import footer_text
from tests.conftest import ROOT

EXAMPLE = str(ROOT / "examples" / "plan.json")
TODAY = date(2026, 11, 29)
ALL_USAGE = """version: 0.1
resource_type_default_usage:
  aws_nat_gateway:
    monthly_data_processed_gb: 100
  aws_lb:
    new_connections: 1000
    active_connections: 1000
    processed_bytes_gb: 100
    rule_evaluations: 1000
  aws_db_instance:
    additional_backup_storage_gb: 50
  aws_s3_bucket:
    standard:
      storage_gb: 100
      monthly_tier_1_requests: 10000
      monthly_tier_2_requests: 100000
"""


def test_without_quantities_the_footer_says_usage_counts_zero_and_gives_one_date() -> None:
    report = build_gate_report(GateOptions(plan=EXAMPLE, today=TODAY))
    text = footer_text(report)
    assert "usage-based components without a quantity from a usage file count $0" in text
    assert f"(dated {report.prices.prices_date.isoformat()})" in text
    assert report.prices.prices_date == report.prices.used_oldest
    assert "sources dated" not in text


def test_with_every_quantity_given_the_usage_clause_goes(tmp_path: Path) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(ALL_USAGE, encoding="utf-8")
    report = build_gate_report(GateOptions(plan=EXAMPLE, today=TODAY, usage_file=str(usage)))
    unpriced = [
        (cost.resource.address, component.name)
        for cost in report.estimate.resources
        for component in cost.components
        if component.usage_based and component.monthly_quantity is None
    ]
    assert unpriced == []
    assert "count $0" not in footer_text(report)
