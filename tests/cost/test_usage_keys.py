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
    # all upfront: AWS publishes the recurring rate as 0.00; the upfront fee is paid at
    # purchase, not monthly (docs/reservations.md), and the on-demand rate is never used
    upfront = result["aws_instance.reserved_upfront"]
    upfront_usage = component(upfront, "Instance usage")
    assert upfront_usage.unit_price == 0.0 and upfront_usage.monthly_cost == 0.0
    assert "upfront fee paid at purchase is not included" in (upfront_usage.note or "")
    assert upfront.status == Status.PRICED
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
    # Deep Archive storage: S3 pricing page $0.00099 per GB-month (Infracost's golden output)
    assert component(bucket, "Deep Archive: Storage").unit_price == pytest.approx(0.00099)


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
    # 3 chunks: 3M requests, the first 1M a month free (AWS's price list): $1.00
    assert topic.monthly_cost_after == pytest.approx(2 * SNS_1M)
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
    # Origin Shield in us-east-1: CloudFront pricing page $0.0075 per 10,000 requests
    assert component(cdn, "Origin Shield").unit_price == pytest.approx(0.0075)


# The other keys Infracost documents for these types (us-east-1 list prices)
LOGS_INSIGHTS_GB = 0.005  # CloudWatch pricing page: Logs Insights, per GB scanned
DYNAMODB_PITR_GB = 0.20  # DynamoDB pricing page: PITR backup, per GB-month
DYNAMODB_RESTORE_GB = 0.15
EFS_IA_READ_GB = 0.01  # EFS pricing page: Infrequent Access reads, per GB
KINESIS_EFO_CONSUMER_SHARD_HOUR = 0.015  # Kinesis pricing page
KINESIS_LONG_TERM_GB = 0.023
SNS_HTTP_1M = 0.60  # SNS pricing page: HTTP/S deliveries, per 1M beyond 100,000 free
EBS_FAST_RESTORE_DSU_HOUR = 0.75  # EBS pricing page
EBS_PUT_BLOCK_1K = 0.006
AURORA_BACKTRACK_1M = 0.012  # Aurora pricing page: per 1M change records
RDS_PERFORMANCE_INSIGHTS_1K = 0.01  # Performance Insights pricing page: per 1,000 API calls


def plan_costs(
    case: str, prices: PriceTable, resource_usage: dict[str, Any]
) -> dict[str, ResourceCost]:
    usage = parse_usage({"version": 0.1, "resource_usage": resource_usage}, "u.yml")
    assert usage.warnings == ()
    plan = load_plan(str(fixture_plan_path(case)))
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


def test_other_documented_keys(prices: PriceTable) -> None:
    result = plan_costs(
        "services_us_east_1",
        prices,
        {
            "aws_cloudwatch_log_group.app": {"monthly_data_scanned_gb": 200},
            "aws_dynamodb_table.on_demand": {
                "pitr_backup_storage_gb": 50,
                "monthly_data_restored_gb": 10,
            },
            "aws_efs_file_system.shared": {"monthly_infrequent_access_read_gb": 300},
            "aws_kinesis_stream.events": {
                "monthly_provisioned_efo_consumer_hours": 100,
                "monthly_provisioned_long_term_retention_gb": 40,
                "monthly_provisioned_extended_retention_gb": 5,
            },
            "aws_ebs_snapshot.data": {
                "fast_snapshot_restore_hours": 10,
                "monthly_put_block_requests": 5000,
            },
            # Backtracking is Aurora MySQL's alone: the PostgreSQL cluster has none.
            **{
                address: {
                    "average_statements_per_hr": 1000,
                    "change_records_per_statement": 0.38,
                    "backtrack_window_hrs": 24,
                }
                for address in ("aws_rds_cluster.serverless", "aws_rds_cluster.aurora")
            },
            "aws_db_instance.oracle": {
                "monthly_additional_performance_insights_requests": 20_000,
                "reserved_instance_term": "1_year",
            },
        },
    )
    scanned = component(result["aws_cloudwatch_log_group.app"], "Insights")
    assert scanned.monthly_cost == pytest.approx(200 * LOGS_INSIGHTS_GB)  # $1.00
    table = result["aws_dynamodb_table.on_demand"]
    assert component(table, "Point-in-time").monthly_cost == pytest.approx(50 * DYNAMODB_PITR_GB)
    assert component(table, "restored").monthly_cost == pytest.approx(10 * DYNAMODB_RESTORE_GB)
    reads = component(result["aws_efs_file_system.shared"], "Infrequent access reads")
    assert reads.monthly_cost == pytest.approx(300 * EFS_IA_READ_GB)  # $3.00
    stream = result["aws_kinesis_stream.events"]
    consumers = component(stream, "fan-out consumers")
    assert consumers.monthly_cost == pytest.approx(100 * KINESIS_EFO_CONSUMER_SHARD_HOUR)
    long_term = component(stream, "Long-term retention")
    assert long_term.monthly_cost == pytest.approx(40 * KINESIS_LONG_TERM_GB)
    # billed per shard-hour when retention_period exceeds 24 hours (here the default 24):
    # the usage file's GB figure is accepted and not priced
    assert not [c for c in stream.components if "Extended retention" in c.name]
    snapshot = result["aws_ebs_snapshot.data"]
    restore = component(snapshot, "Fast snapshot restore")
    assert restore.monthly_cost == pytest.approx(10 * EBS_FAST_RESTORE_DSU_HOUR)  # $7.50
    puts = component(snapshot, "PutSnapshotBlock")
    assert puts.monthly_cost == pytest.approx(5 * EBS_PUT_BLOCK_1K)
    # Infracost's formula: 1,000 statements/h x 730 h x 0.38 records x 24 h = 6.6576M
    backtrack = component(result["aws_rds_cluster.serverless"], "Backtrack")  # aurora-mysql
    assert backtrack.monthly_quantity == pytest.approx(6.6576)
    assert backtrack.monthly_cost == pytest.approx(6.6576 * AURORA_BACKTRACK_1M, abs=1e-6)
    postgres = result["aws_rds_cluster.aurora"]  # aurora-postgresql
    assert not [c for c in postgres.components if "Backtrack" in c.name]
    oracle = result["aws_db_instance.oracle"]
    insights = component(oracle, "Performance Insights")
    assert insights.monthly_cost == pytest.approx(20 * RDS_PERFORMANCE_INSIGHTS_1K)  # $0.20
    instance = component(oracle, "Database instance")
    assert "reserved" in instance.name and instance.unit_price is None  # no RDS RI rates


def test_sns_deliveries_after_the_free_tier(prices: PriceTable) -> None:
    result = costs(
        prices,
        {
            "aws_sns_topic.events": {
                "monthly_requests": 1_000_000,
                "http_subscriptions": 3,
                "sms_subscriptions": 1,
            }
        },
    )
    topic = result["aws_sns_topic.events"]
    http = component(topic, "HTTP/HTTPS")
    assert http.monthly_quantity == pytest.approx((3_000_000 - 100_000) / 1e6)
    assert http.monthly_cost == pytest.approx(2.9 * SNS_HTTP_1M)  # $1.74
    assert component(topic, "SMS").unit_price is None  # per-country rates: not found


def test_db_and_cache_cpu_credits_and_snapshots(prices: PriceTable) -> None:
    result = plan_costs(
        "defaults",
        prices,
        {
            "aws_db_instance.default_storage": {"monthly_cpu_credit_hrs": 60},
            "aws_elasticache_cluster.redis": {
                "snapshot_storage_size_gb": 10,
                "reserved_instance_term": "3_year",
                "reserved_instance_payment_option": "all_upfront",
            },
        },
    )
    credits = component(result["aws_db_instance.default_storage"], "CPU credits")
    assert credits.monthly_quantity == 60 * 2  # db.t4g.large: 2 vCPUs
    assert credits.monthly_cost == pytest.approx(120 * 0.075)  # RDS pricing page: $0.075
    cache = result["aws_elasticache_cluster.redis"]
    nodes = component(cache, "Cache nodes")
    # All Upfront: the published recurring rate, 0.00 (docs/reservations.md)
    assert nodes.price_key.endswith(":reserved:3y:all-upfront") and nodes.unit_price == 0.0
    # snapshot_retention_limit unset: only the free snapshot is kept
    assert component(cache, "Backup storage").monthly_quantity == 0
