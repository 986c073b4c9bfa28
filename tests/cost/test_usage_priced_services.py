"""Usage-priced services where the usage file meets AWS's tiers, free allowances and billing
increments, against published prices (us-east-1; AWS pricing pages, 2025-11, unless named):

- SNS (aws.amazon.com/sns/pricing): the first 1M API requests a month free, then $0.50 per
  1M, each 64 KB of a request counting as one; FIFO topics $0.30 per 1M publishes, $0.017
  per GB published, $0.01 per 1M deliveries to subscribed queues and $0.001 per GB of their
  payload; SMS by destination country (here the usage file's $0.00645 per SMS), the first
  100 free;
- CloudFront (aws.amazon.com/cloudfront/pricing): South Africa to the internet $0.110 per
  GB for the first 10 TB, $0.105 for the next 40 TB; Origin Shield in sa-east-1 $0.0160
  per 10,000 requests; a dedicated-IP custom SSL certificate $600 a month; CloudFront
  Functions $0.10 per 1M invocations;
- S3 Glacier Deep Archive (aws.amazon.com/s3/pricing; Infracost's golden output):
  $0.00099 per GB-month, $0.05 per 1,000 PUT requests, $0.10 / $0.025 per 1,000 standard /
  bulk restore requests;
- Kinesis Data Streams (aws.amazon.com/kinesis/data-streams/pricing): $0.015 per
  shard-hour; extended retention (over 24 hours) $0.020 per shard-hour;
- MWAA (aws.amazon.com/managed-workflows-for-apache-airflow/pricing): mw1.large $0.99 per
  hour, an additional large worker $0.22 per hour;
- EBS (aws.amazon.com/ebs/pricing): fast snapshot restore $0.75 per DSU-hour;
- API Gateway (aws.amazon.com/api-gateway/pricing): HTTP APIs $1.00 per 1M requests for the
  first 300M, $0.90 above; WebSocket $1.00 per 1M messages for the first 1B, $0.80 above;
- Route 53 (aws.amazon.com/route53/pricing): latency-based queries $0.60 per 1M for the
  first 1B, $0.30 above; geolocation $0.70, $0.35 above;
- Step Functions Express (aws.amazon.com/step-functions/pricing): $1.00 per 1M requests,
  $0.00001667 per GB-second for the first 1,000 GB-hours, duration rounded up to 100 ms and
  memory to 64 MB.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import USAGE_PRICE_SOURCE, CostComponent, ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import FIXTURES, fixture_plan_path

HOURS = 730
SNS_1M, SMS_GIVEN = 0.50, 0.00645
SNS_FIFO_1M, SNS_FIFO_GB, SNS_FIFO_DELIVERY_1M, SNS_FIFO_DELIVERY_GB = 0.30, 0.017, 0.01, 0.001
CF_SOUTH_AFRICA_10TB, CF_SOUTH_AFRICA_NEXT_40TB = 0.110, 0.105
CF_SHIELD_SOUTH_AMERICA_10K, CF_DEDICATED_IP_SSL, CF_FUNCTION_1M = 0.0160, 600.0, 0.10
DEEP_ARCHIVE_GB, DEEP_ARCHIVE_PUT_1K = 0.00099, 0.05
DEEP_ARCHIVE_STANDARD_RESTORE_1K, DEEP_ARCHIVE_BULK_RESTORE_1K = 0.10, 0.025
KINESIS_SHARD, KINESIS_EXTENDED_RETENTION = 0.015, 0.020
MWAA_LARGE, MWAA_LARGE_WORKER = 0.99, 0.22
FAST_SNAPSHOT_RESTORE = 0.75
HTTP_FIRST_300M, HTTP_OVER_300M = 1.00, 0.90
WEBSOCKET_FIRST_1B, WEBSOCKET_OVER_1B = 1.00, 0.80
LATENCY_FIRST_1B, LATENCY_OVER_1B, GEO_FIRST_1B = 0.60, 0.30, 0.70
SFN_EXPRESS_1M, SFN_EXPRESS_GB_SECOND = 1.00, 0.00001667


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("usage_priced_services")))
    usage = load_usage_file(str(FIXTURES / "usage_priced_services" / "usage.yml"))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices, usage).resources}


def by_key(cost: ResourceCost, key: str) -> list[CostComponent]:
    return [c for c in cost.components if c.price_key == key]


def test_sns_first_million_requests_free_and_sms_at_the_given_price(
    costs: dict[str, ResourceCost],
) -> None:
    """1.5M requests of 100 KB are 3M billed requests (two 64 KB chunks each), 2M after the
    free million; one SMS subscriber gets 3M messages, 100 of them free."""
    cost = costs["aws_sns_topic.alerts"]
    (requests,) = by_key(cost, "sns:requests")
    assert requests.monthly_quantity == pytest.approx(2)
    (sms,) = by_key(cost, "sns:notifications:sms")
    assert sms.source == USAGE_PRICE_SOURCE
    assert sms.monthly_cost == pytest.approx((3_000_000 - 100) * SMS_GIVEN)
    assert cost.monthly_cost_after == pytest.approx(2 * SNS_1M + (3_000_000 - 100) * SMS_GIVEN)


def test_sns_fifo_deliveries_to_each_subscribed_queue(costs: dict[str, ResourceCost]) -> None:
    """Two queues subscribe: 1M publishes of 8 KB become 2M deliveries and 16 GB."""
    cost = costs["aws_sns_topic.orders"]
    assert [c.price_key for c in cost.components] == [
        "sns:fifo:requests",
        "sns:fifo:payload-gb",
        "sns:fifo:notifications",
        "sns:fifo:notification-payload-gb",
    ]
    assert [c.monthly_quantity for c in cost.components] == pytest.approx([1, 8, 2, 16])
    assert cost.monthly_cost_after == pytest.approx(
        SNS_FIFO_1M + 8 * SNS_FIFO_GB + 2 * SNS_FIFO_DELIVERY_1M + 16 * SNS_FIFO_DELIVERY_GB
    )


def test_cloudfront_geography_tiers_shield_and_vip_certificate(
    costs: dict[str, ResourceCost],
) -> None:
    cost = costs["aws_cloudfront_distribution.cdn"]
    south_africa = [c.monthly_cost for c in cost.components if "South Africa" in c.name]
    assert south_africa == pytest.approx(
        [10_240 * CF_SOUTH_AFRICA_10TB, 10_240 * CF_SOUTH_AFRICA_NEXT_40TB]
    )
    (shield,) = by_key(cost, "cloudfront:origin-shield:south-america")
    assert shield.monthly_cost == pytest.approx(100 * CF_SHIELD_SOUTH_AMERICA_10K)
    (ssl,) = by_key(cost, "cloudfront:dedicated-ip-ssl")
    assert (ssl.monthly_quantity, ssl.usage_based) == (1, False)  # ssl_support_method = "vip"
    assert cost.monthly_cost_after == pytest.approx(
        CF_DEDICATED_IP_SSL
        + 10_240 * (CF_SOUTH_AFRICA_10TB + CF_SOUTH_AFRICA_NEXT_40TB)
        + 100 * CF_SHIELD_SOUTH_AMERICA_10K
    )
    assert costs["aws_cloudfront_function.rewrite"].monthly_cost_after == pytest.approx(
        5 * CF_FUNCTION_1M
    )


def test_s3_glacier_deep_archive(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_s3_bucket.archive"]
    assert cost.monthly_cost_after == pytest.approx(
        10_000 * DEEP_ARCHIVE_GB
        + 20 * DEEP_ARCHIVE_PUT_1K
        + 4 * DEEP_ARCHIVE_STANDARD_RESTORE_1K
        + 8 * DEEP_ARCHIVE_BULK_RESTORE_1K
    )


def test_kinesis_extended_retention_per_shard_hour(costs: dict[str, ResourceCost]) -> None:
    """retention_period = 72 hours on 2 shards; the usage file's GB figure is not a rate's
    unit and is not priced."""
    cost = costs["aws_kinesis_stream.retained"]
    (retention,) = by_key(cost, "kinesis:extended-retention")
    assert retention.monthly_quantity == 2 * HOURS
    assert cost.monthly_cost_after == pytest.approx(
        2 * HOURS * KINESIS_SHARD + 2 * HOURS * KINESIS_EXTENDED_RETENTION
    )


def test_mwaa_class_in_any_letter_case(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_mwaa_environment.mixed_case"]  # environment_class = "mW1.laRgE"
    assert cost.monthly_cost_after == pytest.approx(HOURS * MWAA_LARGE + HOURS * MWAA_LARGE_WORKER)


def test_ebs_snapshot_of_unknown_size_keeps_its_usage_lines(
    costs: dict[str, ResourceCost],
) -> None:
    cost = costs["aws_ebs_snapshot.unsized"]
    assert cost.status == "priced" and not cost.complete  # storage: known after apply
    assert cost.monthly_cost_after == pytest.approx(10 * FAST_SNAPSHOT_RESTORE)


def test_api_gateway_v2_volume_tiers(costs: dict[str, ResourceCost]) -> None:
    assert costs["aws_apigatewayv2_api.http"].monthly_cost_after == pytest.approx(
        300 * HTTP_FIRST_300M + 200 * HTTP_OVER_300M
    )
    assert costs["aws_apigatewayv2_api.websocket"].monthly_cost_after == pytest.approx(
        1_000 * WEBSOCKET_FIRST_1B + 200 * WEBSOCKET_OVER_1B
    )


def test_route53_latency_and_geo_queries_above_a_billion(
    costs: dict[str, ResourceCost],
) -> None:
    """1.1B latency-based queries cross the 1B tier; 1B geolocation queries stay below it."""
    cost = costs["aws_route53_record.www"]
    assert cost.monthly_cost_after == pytest.approx(
        1_000 * LATENCY_FIRST_1B + 100 * LATENCY_OVER_1B + 1_000 * GEO_FIRST_1B
    )


def test_step_functions_express_billing_increments(costs: dict[str, ResourceCost]) -> None:
    """250 ms is billed as 300 ms and 100 MB as 128 MB: 1M x 0.3 s x 0.125 GB."""
    cost = costs["aws_sfn_state_machine.express"]
    assert cost.monthly_cost_after == pytest.approx(
        SFN_EXPRESS_1M + 1_000_000 * 0.3 * 0.125 * SFN_EXPRESS_GB_SECOND
    )
