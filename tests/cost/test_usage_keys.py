"""Infracost usage keys, each family with a cost worked by hand from published prices.

The plan is `tests/fixtures/terraform/usage_file` (made by terraform, us-east-1). Unit
prices are AWS's published us-east-1 list prices; the source of each is named beside it.
"""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
M5_LARGE = 0.096  # EC2 on-demand pricing page, Linux
# EC2 Reserved Instance pricing page (ec2.shop's copy, 2025-04-05), Linux, No Upfront
M5_LARGE_RI_STANDARD_1Y = 0.060
M5_LARGE_RI_CONVERTIBLE_3Y = 0.049
AURORA_V1_ACU = 0.06  # Aurora pricing page: Serverless v1, per ACU-hour
REDSHIFT_BACKUP = (0.023, 0.022)  # Redshift pricing page: first 50 TB, next 450 TB
RA3_4XL_CONCURRENCY_SECOND = 0.0009  # Redshift pricing page: $3.26/h / 3,600, rounded by AWS
SPECTRUM_TB = 5.0  # Redshift pricing page: $5 per TB scanned
ROUTE53_LATENCY_1M = 0.60  # Route 53 pricing page, first 1B queries
ROUTE53_GEO_1M = 0.70
S3_STANDARD_IA = 0.0125  # S3 pricing page, per GB-month
S3_IA_RETRIEVAL = 0.01  # per GB
S3_GLACIER = 0.0036  # Glacier Flexible Retrieval, per GB-month
S3_GLACIER_EXPEDITED_REQUEST = 0.01  # per request
S3_IT_MONITORING = 0.0025  # per 1,000 objects
S3_TAGS_10K = 0.0065  # per 10,000 tags-month
SQS_STANDARD_1M = 0.40  # SQS pricing page
SNS_1M = 0.50  # SNS pricing page
CLOUDFRONT_SOUTH_AFRICA_GB = 0.110  # CloudFront pricing page, first 10 TB
CLOUDFRONT_HTTP_US_10K = 0.0075
CLOUDFRONT_HTTPS_EUROPE_10K = 0.012
CLOUDFRONT_INVALIDATION_PATH = 0.005  # beyond the free 1,000 paths


def costs(prices: PriceTable, resource_usage: dict[str, Any]) -> dict[str, ResourceCost]:
    usage = parse_usage({"version": 0.1, "resource_usage": resource_usage}, "u.yml")
    assert usage.warnings == ()
    plan = load_plan(str(fixture_plan_path("usage_file")))
    assert usage.unmatched_warnings(r.address for r in plan.resources) == []
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


def component(cost: ResourceCost, name_part: str) -> CostComponent:
    found = [c for c in cost.components if name_part in c.name]
    assert len(found) == 1, [c.name for c in cost.components]
    return found[0]


def test_reserved_instances_price_at_the_reserved_rate(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_instance.reserved": {
                "reserved_instance_type": "standard",
                "reserved_instance_term": "1_year",
                "reserved_instance_payment_option": "no_upfront",
            },
            "aws_instance.reserved_upfront": {
                "reserved_instance_type": "standard",
                "reserved_instance_payment_option": "all_upfront",
            },
            "aws_eks_node_group.reserved": {
                "reserved_instance_type": "convertible",
                "reserved_instance_term": "3_year",
            },
        },
    )
    usage = component(result["aws_instance.reserved"], "Instance usage")
    assert usage.monthly_cost == pytest.approx(HOURS * M5_LARGE_RI_STANDARD_1Y)  # $43.80
    assert "reserved standard 1y no-upfront" in usage.name
    # all upfront: no source has the rate, and the on-demand rate is never used instead
    upfront = result["aws_instance.reserved_upfront"]
    assert component(upfront, "Instance usage").unit_price is None
    assert upfront.status == Status.PRICE_NOT_FOUND
    nodes = component(result["aws_eks_node_group.reserved"], "Instance usage")
    assert nodes.monthly_cost == pytest.approx(2 * HOURS * M5_LARGE_RI_CONVERTIBLE_3Y)  # $71.54


def test_operating_system_and_monthly_hours(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_instance.windows": {"operating_system": "windows"},
            "aws_instance.part_time": {"monthly_hrs": 450, "operating_system": "linux"},
        },
    )
    windows = component(result["aws_instance.windows"], "Instance usage")
    assert windows.name.startswith("Instance usage (Windows")
    assert windows.unit_price is None  # no Windows rate in the data: not found, not Linux's
    part_time = component(result["aws_instance.part_time"], "Instance usage")
    assert part_time.monthly_quantity == 450
    assert part_time.monthly_cost == pytest.approx(450 * M5_LARGE)  # $43.20


def test_aurora_serverless_v1_capacity(prices: PriceTable) -> None:
    result = costs(prices, {"aws_rds_cluster.serverless_v1": {"capacity_units_per_hr": 4}})
    capacity = component(result["aws_rds_cluster.serverless_v1"], "Serverless v1")
    assert capacity.monthly_quantity == 4 * HOURS
    assert capacity.monthly_cost == pytest.approx(4 * HOURS * AURORA_V1_ACU)  # $175.20


def test_redshift_backup_concurrency_scaling_and_spectrum(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_redshift_cluster.warehouse": {
                "backup_storage_gb": 60_000,
                "excess_concurrency_scaling_secs": 3600,
                "spectrum_data_scanned_tb": 0.5,
            }
        },
    )
    warehouse = result["aws_redshift_cluster.warehouse"]
    first = component(warehouse, "Backup storage (first 50 TB)")
    second = component(warehouse, "Backup storage (next 450 TB)")
    assert (first.monthly_quantity, second.monthly_quantity) == (51_200, 8_800)
    assert first.monthly_cost + second.monthly_cost == pytest.approx(  # type: ignore[operator]
        51_200 * REDSHIFT_BACKUP[0] + 8_800 * REDSHIFT_BACKUP[1]  # $1,371.20
    )
    scaling = component(warehouse, "Concurrency scaling (ra3.4xlarge)")
    assert scaling.monthly_cost == pytest.approx(3600 * RA3_4XL_CONCURRENCY_SECOND)  # $3.24
    assert component(warehouse, "Spectrum").monthly_cost == pytest.approx(0.5 * SPECTRUM_TB)


def test_route53_latency_and_geolocation_queries(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_route53_record.api": {
                "monthly_latency_based_queries": 2_000_000,
                "monthly_geo_queries": 3_000_000,
            }
        },
    )
    record = result["aws_route53_record.api"]
    assert component(record, "Latency").monthly_cost == pytest.approx(2 * ROUTE53_LATENCY_1M)
    assert component(record, "Geolocation").monthly_cost == pytest.approx(3 * ROUTE53_GEO_1M)


def test_s3_storage_classes_and_their_requests(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_s3_bucket.archive": {
                "object_tags": 20_000,
                "standard_infrequent_access": {
                    "storage_gb": 1000,
                    "monthly_data_retrieval_gb": 100,
                },
                "glacier_flexible_retrieval": {
                    "storage_gb": 2000,
                    "monthly_expedited_data_retrieval_requests": 1000,
                },
                "intelligent_tiering": {"monitored_objects": 100_000},
                "glacier_deep_archive": {"storage_gb": 100},
            }
        },
    )
    bucket = result["aws_s3_bucket.archive"]
    assert component(bucket, "Standard-IA: Storage").monthly_cost == pytest.approx(
        1000 * S3_STANDARD_IA
    )
    assert component(bucket, "Standard-IA: Retrievals").monthly_cost == pytest.approx(
        100 * S3_IA_RETRIEVAL
    )
    assert component(bucket, "Glacier Flexible Retrieval: Storage").monthly_cost == (
        pytest.approx(2000 * S3_GLACIER)
    )
    expedited = component(bucket, "Retrieval requests (expedited)")
    assert expedited.monthly_cost == pytest.approx(1000 * S3_GLACIER_EXPEDITED_REQUEST)  # $10
    assert component(bucket, "Monitoring").monthly_cost == pytest.approx(100 * S3_IT_MONITORING)
    assert component(bucket, "Object tags").monthly_cost == pytest.approx(2 * S3_TAGS_10K)
    assert component(bucket, "Deep Archive: Storage").unit_price is None  # no source


def test_request_size_kb_counts_64_kb_chunks(prices: PriceTable) -> None:
    # Infracost's sqs_queue_test: 1M requests of 128 KB are billed as 2M requests.
    result = costs(
        prices,
        {
            "aws_sqs_queue.jobs": {"monthly_requests": 1_000_000, "request_size_kb": 128},
            "aws_sns_topic.events": {"monthly_requests": 1_000_000, "request_size_kb": 150},
        },
    )
    queue = result["aws_sqs_queue.jobs"]
    assert queue.components[0].monthly_quantity == pytest.approx(2.0)
    assert queue.monthly_cost_after == pytest.approx(2 * SQS_STANDARD_1M)  # $0.80
    topic = result["aws_sns_topic.events"]
    assert topic.monthly_cost_after == pytest.approx(3 * SNS_1M)  # 3 chunks: $1.50
    older = costs(
        prices, {"aws_sqs_queue.jobs": {"monthly_requests": 1_000_000, "request_size": 129}}
    )
    assert older["aws_sqs_queue.jobs"].monthly_cost_after == pytest.approx(3 * SQS_STANDARD_1M)


def test_cloudfront_geographies_and_extras(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_cloudfront_distribution.cdn": {
                "monthly_data_transfer_to_internet_gb": {"south_africa": 100},
                "monthly_http_requests": {"us": 1_000_000},
                "monthly_https_requests": {"europe": 200_000},
                "monthly_invalidation_requests": 1500,
                "monthly_shield_requests": {"us": 10_000},
            }
        },
    )
    cdn = result["aws_cloudfront_distribution.cdn"]
    south_africa = component(cdn, "(South Africa)")
    assert south_africa.monthly_cost == pytest.approx(100 * CLOUDFRONT_SOUTH_AFRICA_GB)  # $11
    assert component(cdn, "HTTP requests (US)").monthly_cost == pytest.approx(
        100 * CLOUDFRONT_HTTP_US_10K
    )
    assert component(cdn, "HTTPS requests (Europe)").monthly_cost == pytest.approx(
        20 * CLOUDFRONT_HTTPS_EUROPE_10K
    )
    invalidations = component(cdn, "Invalidation")
    assert invalidations.monthly_quantity == 500
    assert invalidations.monthly_cost == pytest.approx(500 * CLOUDFRONT_INVALIDATION_PATH)
    assert component(cdn, "Origin Shield").unit_price is None  # no source by geography
