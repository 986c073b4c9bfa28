"""The usage file: Infracost's infracost-usage.yml schema, wildcards, precedence, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import UsageFileError, load_usage_file, parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
# us-east-1 published prices (Infracost golden facts; AWS pricing pages)
LAMBDA_REQUESTS = 0.20  # per 1M requests
LAMBDA_GB_SECOND = 0.0000166667
NAT_HOUR = 0.045
NAT_GB = 0.045
S3_STANDARD = 0.023
S3_PUT_1K = 0.005
SQS_STANDARD = 0.40
CPU_CREDIT_T3 = 0.05
ACU = 0.12
EBS_GP3 = 0.08
M5_LARGE = 0.096
LB_HOUR = 0.0225  # AWS, ALB and NLB
ALB_LCU = 0.008  # AWS, per LCU-hour
NLB_LCU = 0.006  # AWS, per NLCU-hour
AURORA_STORAGE = 0.10  # golden
AURORA_IO_1M = 0.20  # golden
KINESIS_SHARD = 0.015  # golden
KINESIS_PUT_1M = 0.014  # AWS: $0.014 per 1,000,000 PUT payload units
ROUTE53_QUERIES_1M = 0.40  # AWS
EBS_STANDARD = 0.05  # golden: "Storage (magnetic)"
EBS_STANDARD_IO = 0.05  # golden: "I/O requests", per 1M


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def costs(case: str, prices: PriceTable, usage_path: str) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(case)))
    result = estimate_plan(plan, prices, load_usage_file(usage_path))
    return {cost.resource.address: cost for cost in result.resources}


def test_infracost_schema_prices_usage_into_totals(tmp_path: Path, prices: PriceTable) -> None:
    path = write(
        tmp_path,
        """\
# from an Infracost project
version: 0.1
resource_type_default_usage:
  aws_lambda_function:
    monthly_requests: 2000000
    request_duration_ms: 500
resource_usage:
  aws_lambda_function.arm:
    monthly_requests: 0
  aws_s3_bucket.data:
    standard:
      storage_gb: 1000
      monthly_tier_1_requests: 200000
  aws_nat_gateway.main:
    monthly_data_processed_gb: 100
  aws_sqs_queue.jobs:
    monthly_requests: 3000000
    request_size: 100
""",
    )
    compute = costs("compute_us_east_1", prices, path)
    x86 = compute["aws_lambda_function.x86"]  # 512 MB, defaults for the type
    requests, duration = x86.components
    assert requests.monthly_quantity == pytest.approx(2.0)
    assert duration.monthly_quantity == pytest.approx(2_000_000 * 0.5 * 0.5)  # GB-seconds
    assert x86.status == Status.PRICED
    assert x86.monthly_cost_after == pytest.approx(
        2 * LAMBDA_REQUESTS + 500_000 * LAMBDA_GB_SECOND, rel=1e-4
    )
    assert requests.note and "usage file" in requests.note
    arm = compute["aws_lambda_function.arm"]  # the exact address wins over the default
    assert arm.components[0].monthly_quantity == 0

    services = costs("services_us_east_1", prices, path)
    bucket = services["aws_s3_bucket.data"]
    assert [c.monthly_quantity for c in bucket.components] == [1000, 200, None]
    assert bucket.monthly_cost_after == pytest.approx(1000 * S3_STANDARD + 200 * S3_PUT_1K)
    nat = services["aws_nat_gateway.main"]
    assert nat.monthly_cost_after == pytest.approx(NAT_HOUR * HOURS + 100 * NAT_GB)
    queue = services["aws_sqs_queue.jobs"]  # 100 KB requests count twice (64 KB chunks)
    assert queue.components[0].monthly_quantity == pytest.approx(6.0)
    assert queue.monthly_cost_after == pytest.approx(6 * SQS_STANDARD)
    result = estimate_plan(
        load_plan(str(fixture_plan_path("services_us_east_1"))),
        prices,
        load_usage_file(path),
    )
    without = estimate_plan(load_plan(str(fixture_plan_path("services_us_east_1"))), prices)
    added = 1000 * S3_STANDARD + 200 * S3_PUT_1K + 100 * NAT_GB + 6 * SQS_STANDARD
    assert result.totals.monthly_cost_after == pytest.approx(
        without.totals.monthly_cost_after + added
    )


def test_wildcards_and_modules(tmp_path: Path, prices: PriceTable) -> None:
    path = write(
        tmp_path,
        """\
version: 0.1
resource_usage:
  module.eu.aws_s3_bucket.data:
    standard:
      storage_gb: 10
  aws_rds_cluster_instance.aurora[*]:
    capacity_units_per_hr: 2
  aws_rds_cluster_instance.serverless:
    capacity_units_per_hr: 1.5
""",
    )
    regions = costs("three_regions", prices, path)
    assert regions["module.eu.aws_s3_bucket.data"].components[0].monthly_quantity == 10
    assert regions["module.us.aws_s3_bucket.data"].components[0].monthly_quantity is None
    services = costs("services_us_east_1", prices, path)
    serverless = services["aws_rds_cluster_instance.serverless"]
    assert serverless.components[0].monthly_quantity == pytest.approx(1.5 * HOURS)
    assert serverless.monthly_cost_after == pytest.approx(1.5 * HOURS * ACU)
    # provisioned instances have no ACU component: the wildcard matches but changes nothing
    assert services["aws_rds_cluster_instance.aurora[0]"].status == Status.PRICED


def test_module_wildcard_and_cpu_credits(tmp_path: Path, prices: PriceTable) -> None:
    path = write(
        tmp_path,
        """\
version: 0.1
resource_usage:
  module.web[*].aws_instance.this:
    monthly_cpu_credit_hrs: 10
  aws_instance.burst:
    monthly_cpu_credit_hrs: 100
""",
    )
    compute = costs("compute_us_east_1", prices, path)
    credits = compute["aws_instance.burst"].components[-1]  # t3.medium: 2 vCPUs
    assert credits.monthly_quantity == pytest.approx(200)
    assert credits.monthly_cost == pytest.approx(200 * CPU_CREDIT_T3)
    usage = load_usage_file(path)
    assert usage.for_resource("module.web[1].aws_instance.this", "aws_instance") == {
        "monthly_cpu_credit_hrs": 10
    }
    assert usage.for_resource("module.web.aws_instance.this", "aws_instance") == {}


def test_aurora_kinesis_ebs_usage(tmp_path: Path, prices: PriceTable) -> None:
    path = write(
        tmp_path,
        """\
version: 0.1
resource_type_default_usage:
  aws_rds_cluster:
    storage_gb: 200
    write_requests_per_sec: 10
    read_requests_per_sec: 40
    backup_snapshot_size_gb: 100
  aws_kinesis_stream:
    monthly_provisioned_put_units: 5000000
resource_usage:
  aws_ebs_volume.standard:
    monthly_standard_io_requests: 3000000
  aws_route53_record.www:
    monthly_standard_queries: 2000000
""",
    )
    services = costs("services_us_east_1", prices, path)
    aurora = services["aws_rds_cluster.aurora"]  # backup_retention_period 1: nothing billed
    storage, io, backup = aurora.components
    assert storage.monthly_quantity == 200
    assert io.monthly_quantity == pytest.approx(50 * 730 * 3600 / 1e6)  # 131.4 M requests
    assert backup.monthly_quantity == 0
    assert aurora.monthly_cost_after == pytest.approx(200 * AURORA_STORAGE + 131.4 * AURORA_IO_1M)
    events = services["aws_kinesis_stream.events"]
    assert events.components[1].monthly_quantity == pytest.approx(5.0)
    assert events.monthly_cost_after == pytest.approx(
        2 * HOURS * KINESIS_SHARD + 5 * KINESIS_PUT_1M
    )
    queries = services["aws_route53_record.www"]
    assert queries.monthly_cost_after == pytest.approx(2 * ROUTE53_QUERIES_1M)
    standard = costs("priced_us_east_1", prices, path)["aws_ebs_volume.standard"]
    assert standard.monthly_cost_after == pytest.approx(20 * EBS_STANDARD + 3 * EBS_STANDARD_IO)


def test_load_balancer_capacity_units(prices: PriceTable) -> None:
    """Infracost's meaning: each figure / its amount per LCU is the month's LCU-hours, the
    largest counts (Infracost's lb_test golden: this usage is 1,000 LCU-hours, i.e.
    1.3698 LCU-months, $8.00 on an ALB and $6.00 on an NLB)."""
    lb_test = {
        "new_connections": 10000,  # / 100 = 100
        "active_connections": 1000,  # / 3,000 = 0.33
        "processed_bytes_gb": 1000,  # GB a month / 1 = 1,000
        "rule_evaluations": 300,  # / 1,000 = 0.3 (ALB only)
    }
    usage = parse_usage(
        {
            "version": 0.1,
            "resource_usage": {
                "aws_lb.app": lb_test,
                "aws_lb.net": {"active_connections": 50000},  # 16.67 LCU-hours
            },
        },
        "u.yml",
    )
    plan = load_plan(str(fixture_plan_path("priced_us_east_1")))
    result = {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}
    app = result["aws_lb.app"]
    assert app.components[1].monthly_quantity == pytest.approx(1000)
    assert app.components[1].monthly_cost == pytest.approx(1000 * ALB_LCU)  # $8.00
    assert app.monthly_cost_after == pytest.approx(LB_HOUR * HOURS + 1000 * ALB_LCU)
    net = result["aws_lb.net"]
    assert net.monthly_cost_after == pytest.approx(LB_HOUR * HOURS + 50000 / 3000 * NLB_LCU)
    rules_alone = parse_usage(
        {"version": 0.1, "resource_usage": {"aws_lb.app": {"rule_evaluations": 5000}}}, "u.yml"
    )
    alone = {c.resource.address: c for c in estimate_plan(plan, prices, rules_alone).resources}
    assert alone["aws_lb.app"].components[1].monthly_quantity is None  # as in Infracost


def test_precedence_merges_nested_keys() -> None:
    usage = parse_usage(
        {
            "version": "v0.1",
            "resource_type_default_usage": {
                "aws_s3_bucket": {"standard": {"storage_gb": 1, "monthly_tier_1_requests": 5}}
            },
            "resource_usage": {
                "aws_s3_bucket.logs[*]": {"standard": {"storage_gb": 2}},
                'aws_s3_bucket.logs["a"]': {"standard": {"storage_gb": 3}},
            },
        },
        "u.yml",
    )
    assert usage.for_resource('aws_s3_bucket.logs["a"]', "aws_s3_bucket") == {
        "standard": {"storage_gb": 3, "monthly_tier_1_requests": 5}
    }
    assert usage.for_resource('aws_s3_bucket.logs["b"]', "aws_s3_bucket") == {
        "standard": {"storage_gb": 2, "monthly_tier_1_requests": 5}
    }
    assert usage.for_resource("aws_s3_bucket.other", "aws_s3_bucket") == {
        "standard": {"storage_gb": 1, "monthly_tier_1_requests": 5}
    }


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "version: 0.1\nresource_usage:\n  aws_s3_bucket.b:\n    standard:\n      storage: 1\n",
            "u.yml: resource_usage.aws_s3_bucket.b.standard.storage: unknown usage key for "
            "aws_s3_bucket (closest known: standard.storage_gb; ",
        ),
        (
            "version: 0.1\nresource_type_default_usage:\n  aws_iot_topic_rule:\n"
            "    monthly_gb: 1\n",
            "u.yml: resource_type_default_usage.aws_iot_topic_rule: resource type "
            "aws_iot_topic_rule has no usage-based costs in finops-gate",
        ),
        (
            "version: 0.1\nresource_usage:\n  aws_lambda_function.f:\n    monthly_requests: lots\n",
            "u.yml: resource_usage.aws_lambda_function.f.monthly_requests: expected a "
            "non-negative number",
        ),
        (
            "version: 0.1\nresource_usage:\n  not an address:\n    x: 1\n",
            "u.yml: resource_usage.not an address: not a resource address",
        ),
        ("version: 0.2\n", "u.yml: version: Value error, unsupported version '0.2'"),
        ("version: 0.1\nresources: {}\n", "u.yml: resources: Extra inputs are not permitted"),
        ("- 1\n", "u.yml: expected a mapping with version and resource_usage"),
        ("version: [\n", "u.yml: not valid YAML (line 2)"),
    ],
)
def test_errors_name_the_file_and_key_path(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "u.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(UsageFileError) as error:
        load_usage_file(str(path), strict=True)
    assert str(error.value).replace(str(tmp_path) + "/", "").startswith(message)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_cli_usage_file_and_error_exit_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(
        tmp_path,
        "version: 0.1\nresource_usage:\n  aws_s3_bucket.data:\n"
        "    standard:\n      storage_gb: 1000\n",
    )
    plan = str(fixture_plan_path("services_us_east_1"))
    code, out, err = run_cli(["check", plan, "--usage-file", good, "--format", "json"], capsys)
    assert code in (0, 1), err
    assert "standard.storage_gb = 1,000" in out
    bad = tmp_path / "bad.yml"
    bad.write_text("version: 0.1\nresource_usage:\n  aws_s3_bucket.data:\n    size: 1\n")
    code, out, err = run_cli(["check", plan, "--usage-file", str(bad), "--strict-usage"], capsys)
    assert code == 2 and out == ""
    assert "bad.yml: resource_usage.aws_s3_bucket.data.size: unknown usage key" in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run_cli(["check", plan, "--usage-file", str(tmp_path / "none.yml")], capsys)
    assert code == 2 and "usage file not found" in err
