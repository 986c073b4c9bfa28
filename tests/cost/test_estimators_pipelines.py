"""Build, data-pipeline and transfer services (ECR, Glue, Lambda provisioned concurrency,
Transfer Family, CodeBuild, Data Firehose), component by component, against published
prices.

Unit prices are written here from public price lists, not read from finops-gate's table:
"golden" = the Infracost golden test figures in ../shared/price-sources/infracost-golden-facts/
(infracost_aws_golden_line_items.csv: the test named, column implied_unit_price or
monthly_cost_usd / monthly_qty); "AWS" = AWS's pricing page of the service as flattened in
../shared/price-sources/aws-pricing-page-unitmaps-2025-11-04/ (service, description).
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
ECR_GB = 0.10  # golden ecr_repository_test "Storage", us-east-1
GLUE_DPU_HOUR = 0.44  # AWS glue "ETL Job run", us-east-1
GLUE_FLEX_DPU_HOUR = 0.29  # AWS glue "ETL Job run Flex"
GLUE_CRAWLER_DPU_HOUR = 0.44  # AWS glue "Data catalog crawler run"
GLUE_CATALOG_100K_OBJECTS = 1.00  # AWS glue "Data catalog storage" 0.00001 per object
GLUE_CATALOG_1M_REQUESTS = 1.00  # AWS glue "Data catalog requests" 0.000001 per request
LAMBDA_PC_ARM = 0.0000033334  # AWS lambda "Lambda Provisioned-Concurrency-ARM", per GB-s
LAMBDA_PC_X86 = 0.0000041667  # AWS lambda "Lambda Provisioned-Concurrency"
LAMBDA_PC_DURATION_ARM = 0.0000077778  # AWS lambda "Lambda Duration-Provisioned-ARM"
LAMBDA_REQUESTS_1M = 0.20  # AWS lambda "Lambda Requests"
TRANSFER_PROTOCOL_HOUR = 0.30  # golden transfer_server_test "SFTP protocol enabled"
TRANSFER_GB = 0.04  # golden transfer_server_test "Data downloaded" / "Data uploaded"
CODEBUILD_LINUX_MEDIUM_MINUTE = 0.01  # golden codebuild_project_test "Linux (general1.medium)"
# Data Firehose, eu-west-2 (golden kinesis_firehose_delivery_stream_test)
FIREHOSE_FIRST_500TB = 0.035
FIREHOSE_NEXT_1_5PB = 0.03
FIREHOSE_FORMAT_CONVERSION = 0.021
FIREHOSE_VPC_GB = 0.01
FIREHOSE_VPC_AZ_HOUR = 0.011

USAGE = {
    "version": 0.1,
    "resource_usage": {
        "aws_ecr_repository.app": {"storage_gb": 50},
        "aws_glue_job.etl": {"monthly_hours": 60},
        "aws_glue_job.flex": {"monthly_hours": 10},
        "aws_glue_crawler.lake": {"monthly_hours": 20},
        "aws_glue_catalog_database.lake": {
            "monthly_objects": 200_000,
            "monthly_requests": 3_000_000,
        },
        "aws_lambda_provisioned_concurrency_config.api": {
            "monthly_duration_hrs": 100,
            "monthly_requests": 10_000_000,
            "request_duration_ms": 350,
        },
        "aws_transfer_server.multi": {
            "monthly_data_downloaded_gb": 50,
            "monthly_data_uploaded_gb": 10,
        },
        "aws_codebuild_project.linux": {"monthly_build_mins": 10_000},
        "aws_codebuild_project.arm": {"monthly_build_mins": 1_000},
        "aws_kinesis_firehose_delivery_stream.parquet": {"monthly_data_ingested_gb": 600_000},
        "aws_kinesis_firehose_delivery_stream.search": {"monthly_data_ingested_gb": 1_000},
    },
}


def run(prices: PriceTable, usage: dict[str, object] | None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("pipelines")))
    parsed = parse_usage(usage, "usage.yml") if usage else None
    return {c.resource.address: c for c in estimate_plan(plan, prices, parsed).resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return run(prices, USAGE)


@pytest.fixture(scope="module")
def bare(prices: PriceTable) -> dict[str, ResourceCost]:
    return run(prices, None)


def test_ecr_storage(costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]) -> None:
    assert bare["aws_ecr_repository.app"].status == Status.USAGE_BASED
    assert costs["aws_ecr_repository.app"].monthly_cost_after == pytest.approx(50 * ECR_GB)


def test_glue_jobs_are_priced_by_their_dpus(costs: dict[str, ResourceCost]) -> None:
    etl = costs["aws_glue_job.etl"]  # 10 G.2X workers = 20 DPUs, 60 hours
    assert etl.components[0].monthly_quantity == 60 * 20
    assert etl.monthly_cost_after == pytest.approx(60 * 20 * GLUE_DPU_HOUR)
    flex = costs["aws_glue_job.flex"]  # 4 G.1X workers = 4 DPUs, Flex
    assert flex.monthly_cost_after == pytest.approx(10 * 4 * GLUE_FLEX_DPU_HOUR)
    shell = costs["aws_glue_job.shell"]
    assert shell.components[0].name == "Duration (0.0625 DPUs)"
    assert shell.status == Status.USAGE_BASED


def test_glue_crawler_and_catalog(costs: dict[str, ResourceCost]) -> None:
    crawler = costs["aws_glue_crawler.lake"]
    assert crawler.monthly_cost_after == pytest.approx(20 * GLUE_CRAWLER_DPU_HOUR)
    catalog = costs["aws_glue_catalog_database.lake"]
    assert [c.monthly_quantity for c in catalog.components] == pytest.approx([2, 3])
    assert catalog.monthly_cost_after == pytest.approx(
        2 * GLUE_CATALOG_100K_OBJECTS + 3 * GLUE_CATALOG_1M_REQUESTS
    )


def test_provisioned_concurrency_reads_the_function(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    # the function: 1024 MB, arm64; 5 concurrent executions
    whole_month = bare["aws_lambda_provisioned_concurrency_config.api"]
    gb_seconds = 5 * 1.0 * HOURS * 3600
    assert whole_month.components[0].monthly_quantity == pytest.approx(gb_seconds)
    assert whole_month.monthly_cost_after == pytest.approx(gb_seconds * LAMBDA_PC_ARM)
    with_usage = costs["aws_lambda_provisioned_concurrency_config.api"]
    expected = (
        5 * 1.0 * 100 * 3600 * LAMBDA_PC_ARM
        + 10 * LAMBDA_REQUESTS_1M
        + 10_000_000 * 0.35 * 1.0 * LAMBDA_PC_DURATION_ARM
    )
    assert with_usage.monthly_cost_after == pytest.approx(expected)
    # a function outside the plan: Lambda's defaults, 128 MB on x86
    external = bare["aws_lambda_provisioned_concurrency_config.external"]
    assert external.monthly_cost_after == pytest.approx(2 * 0.125 * HOURS * 3600 * LAMBDA_PC_X86)


def test_transfer_server_protocols(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    default = bare["aws_transfer_server.default"]  # no protocols: SFTP
    assert default.monthly_cost_after == pytest.approx(HOURS * TRANSFER_PROTOCOL_HOUR)
    multi = costs["aws_transfer_server.multi"]
    assert [c.name for c in multi.components][:2] == [
        "FTPS protocol enabled",
        "SFTP protocol enabled",
    ]
    assert multi.monthly_cost_after == pytest.approx(
        2 * HOURS * TRANSFER_PROTOCOL_HOUR + 60 * TRANSFER_GB
    )


def test_codebuild_minutes(costs: dict[str, ResourceCost]) -> None:
    linux = costs["aws_codebuild_project.linux"]
    assert linux.components[0].price_key == "codebuild:linux:general1.medium"
    assert linux.monthly_cost_after == pytest.approx(10_000 * CODEBUILD_LINUX_MEDIUM_MINUTE)
    arm = costs["aws_codebuild_project.arm"]  # no Arm rate in any source: not found, not $0
    assert arm.components[0].price_key == "codebuild:arm:general1.large"
    assert arm.components[0].unit_price is None
    assert arm.monthly_cost_after is None


def test_firehose_tiers_conversion_and_vpc(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    parquet = costs["aws_kinesis_firehose_delivery_stream.parquet"]  # 600,000 GB, eu-west-2
    assert [(c.name, c.monthly_quantity) for c in parquet.components] == [
        ("Data ingested (first 500TB)", 512_000),
        ("Data ingested (next 1.5PB)", 88_000),
        ("Format conversion", 600_000),
    ]
    assert parquet.monthly_cost_after == pytest.approx(
        512_000 * FIREHOSE_FIRST_500TB
        + 88_000 * FIREHOSE_NEXT_1_5PB
        + 600_000 * FIREHOSE_FORMAT_CONVERSION
    )
    search = costs["aws_kinesis_firehose_delivery_stream.search"]  # 2 subnets
    assert search.monthly_cost_after == pytest.approx(
        1_000 * FIREHOSE_FIRST_500TB + 1_000 * FIREHOSE_VPC_GB + 2 * HOURS * FIREHOSE_VPC_AZ_HOUR
    )
    assert bare["aws_kinesis_firehose_delivery_stream.search"].monthly_cost_after == (
        pytest.approx(2 * HOURS * FIREHOSE_VPC_AZ_HOUR)
    )
    # subnets created in the same plan (ids known after apply): the 3 aws_subnet instances
    new_subnets = bare["aws_kinesis_firehose_delivery_stream.search_new_subnets"]
    assert new_subnets.monthly_cost_after == pytest.approx(3 * HOURS * FIREHOSE_VPC_AZ_HOUR)
    # us-east-1: no Firehose figure in the sources, so "price not found", never $0
    virginia = bare["aws_kinesis_firehose_delivery_stream.virginia"]
    assert virginia.components[0].unit_price is None
