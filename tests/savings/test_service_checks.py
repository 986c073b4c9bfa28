"""ebs-io1, and previous-generation / graviton on ElastiCache, OpenSearch, MSK, Lambda and
Fargate, on the terraform-made `savings_services` fixture (one stack planned in us-east-1
and eu-west-1). Savings worked by hand from the bundled table's unit prices:

- EBS (AWS EBS pricing page), us-east-1 / eu-west-1: io1 and io2 storage $0.125 / $0.138
  per GB-month, io1 IOPS and io2's first tier $0.065 / $0.072, io2 32,001-64,000 $0.0455 /
  $0.0504; gp3 $0.08 / $0.088 per GB-month, IOPS above 3,000 $0.005 / $0.0055, MiB/s above
  125 $0.04 / $0.044.
- ElastiCache Redis (leanercloud-elasticache): cache.r4.large $0.228 / $0.254, r5 $0.216 /
  $0.241, r6g $0.206 / $0.229; cache.m5.large $0.156 / $0.172, m6g $0.149 / $0.164.
- OpenSearch (leanercloud-opensearch): m4.large.search $0.151 / $0.167, m5 $0.142 / $0.158,
  m6g $0.128 / $0.143.
- MSK (AWS MSK pricing page): kafka.m5.large $0.21 / $0.234, kafka.m7g.large $0.204 /
  $0.2275.
- Lambda duration $0.0000166667 (x86) and $0.0000133334 (arm64) per GB-second; Fargate
  vCPU-hour $0.04048 / $0.03238 (ARM), GB-hour $0.004445 / $0.00356 (AWS pricing pages).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.report.model import Report
from tests.conftest import FIXTURES

CASE = FIXTURES / "savings_services"
H = 730
US, EU = "module.us.", "module.eu."


def _report(plan: Path, usage: Path | None = None) -> Report:
    return build_gate_report(GateOptions(plan=str(plan), usage_file=str(usage) if usage else None))


def _by(report: Report) -> dict[tuple[str, str, str], float | None]:
    return {
        (r.check_id, r.address, r.suggested_value): r.monthly_savings
        for r in report.recommendations
    }


def _expected() -> dict[tuple[str, str, str], float | None]:
    gp3 = "gp3 with iops = 4000, throughput = 1000"
    expected: dict[tuple[str, str, str], float | None] = {}
    for prefix, p in (
        (US, {"io": 0.125, "iops": 0.065, "t2": 0.0455, "gp3": 0.08, "giops": 0.005,
              "tp": 0.04, "r4": 0.228, "r5": 0.216, "r6g": 0.206, "m5": 0.156, "m6g": 0.149,
              "os4": 0.151, "os5": 0.142, "os6g": 0.128, "k5": 0.21, "k7g": 0.204}),
        (EU, {"io": 0.138, "iops": 0.072, "t2": 0.0504, "gp3": 0.088, "giops": 0.0055,
              "tp": 0.044, "r4": 0.254, "r5": 0.241, "r6g": 0.229, "m5": 0.172, "m6g": 0.164,
              "os4": 0.167, "os5": 0.158, "os6g": 0.143, "k5": 0.234, "k7g": 0.2275}),
    ):  # fmt: skip
        io1 = 100 * p["io"] + 4000 * p["iops"]
        gp3_cost = 100 * p["gp3"] + 1000 * p["giops"] + 875 * p["tp"]
        expected["ebs-io1", f"{prefix}aws_ebs_volume.fits_gp3", gp3] = io1 - gp3_cost
        expected["ebs-io1", f"{prefix}aws_ebs_volume.many_iops", "io2"] = 18000 * (
            p["iops"] - p["t2"]
        )
        group = f"{prefix}aws_elasticache_replication_group.cache"
        expected["previous-generation", group, "cache.r5.large"] = 2 * H * (p["r4"] - p["r5"])
        expected["graviton", group, "cache.r6g.large"] = 2 * H * (p["r4"] - p["r6g"])
        sessions = f"{prefix}aws_elasticache_cluster.sessions"
        expected["graviton", sessions, "cache.m6g.large"] = H * (p["m5"] - p["m6g"])
        logs = f"{prefix}aws_opensearch_domain.logs"
        expected["previous-generation", logs, "m5.large.search"] = 2 * H * (p["os4"] - p["os5"])
        expected["graviton", logs, "m6g.large.search"] = 2 * H * (p["os4"] - p["os6g"])
        events = f"{prefix}aws_msk_cluster.events"
        expected["graviton", events, "kafka.m7g.large"] = 3 * H * (p["k5"] - p["k7g"])
        expected["graviton", f"{prefix}aws_lambda_function.api", "arm64"] = None
        expected["graviton", f"{prefix}aws_ecs_task_definition.web", "ARM64"] = None
    return expected


@pytest.mark.parametrize("plan", [CASE / "plan.json", CASE], ids=["plan", "hcl"])
def test_savings_by_hand_in_two_regions_and_the_silent_cases(plan: Path) -> None:
    found = _by(_report(plan))
    expected = _expected()
    # Silent: io1 of 20,000 IOPS (gp3 cannot, io2 costs the same), io2, cache.t4g, an
    # OpenSearch domain on m6g, Redshift dc2, Lambda on arm64, ARM64 and Windows tasks.
    assert set(found) == set(expected)
    for key, saving in expected.items():
        if saving is None:
            assert found[key] is None, key
        else:
            assert found[key] == pytest.approx(saving, abs=1e-6), key
    # The figures in docs/savings.md.
    assert found[
        "ebs-io1", f"{US}aws_ebs_volume.fits_gp3", "gp3 with iops = 4000, throughput = 1000"
    ] == pytest.approx(224.5)
    assert found["ebs-io1", f"{US}aws_ebs_volume.many_iops", "io2"] == pytest.approx(351.0)


def test_usage_based_suggestions_show_the_unit_prices() -> None:
    items = {r.address: r for r in _report(CASE / "plan.json").recommendations}
    function = items[f"{US}aws_lambda_function.api"]
    assert function.per_unit == "$0.0000166667 → $0.0000133334 per GB-second (20% less)"
    task = items[f"{EU}aws_ecs_task_definition.web"]
    # 0.5 vCPU x $0.04048 + 1 GB x $0.004445 = $0.024685; on ARM64 0.5 x $0.03238 + $0.00356.
    assert task.per_unit == (
        "vCPU-hour $0.04048 → $0.03238, GB-hour $0.004445 → $0.00356; "
        "per task-hour $0.02469 → $0.01975 (20% less)"
    )


def test_a_usage_file_gives_lambda_a_dollar_figure(tmp_path: Path) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text(
        "version: 0.1\nresource_usage:\n"
        "  module.us.aws_lambda_function.api:\n"
        "    monthly_requests: 10000000\n    request_duration_ms: 300\n"
    )
    items = {r.address: r for r in _report(CASE / "plan.json", usage).recommendations}
    function = items[f"{US}aws_lambda_function.api"]
    # 10M x 0.3 s x 1 GB = 3,000,000 GB-seconds x ($0.0000166667 - $0.0000133334)
    assert function.monthly_savings == pytest.approx(3_000_000 * (0.0000166667 - 0.0000133334))
    assert function.per_unit == ""


def test_hcl_mode_rewrites_service_types_in_their_blocks() -> None:
    fixes = {
        (r.address, r.suggested_value): r.fix.replacement
        for r in _report(CASE).recommendations
        if r.address.startswith(US) and r.fix is not None
    }
    assert fixes[f"{US}aws_opensearch_domain.logs", "m6g.large.search"] == (
        '    instance_type  = "m6g.large.search"'
    )
    assert fixes[f"{US}aws_msk_cluster.events", "kafka.m7g.large"] == (
        '    instance_type   = "kafka.m7g.large"'
    )
    # iops = 4000 is already written: only the type changes and the throughput is added.
    assert fixes[f"{US}aws_ebs_volume.fits_gp3", "gp3 with iops = 4000, throughput = 1000"] == (
        '  type              = "gp3"\n  throughput = 1000'
    )
    assert fixes[f"{US}aws_ecs_task_definition.web", "ARM64"] == (
        '    cpu_architecture        = "ARM64"'
    )
