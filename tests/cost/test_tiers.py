"""Prices billed in volume tiers, against AWS's published us-east-1 rates.

Unit prices are written here from AWS's pricing pages (us-east-1, on-demand), not read
from finops-gate's table:
- S3 Standard storage (aws.amazon.com/s3/pricing): $0.023 first 50 TB, $0.022 next 450 TB,
  $0.021 over 500 TB, per GB-month;
- Lambda duration (aws.amazon.com/lambda/pricing): x86 $0.0000166667 first 6B GB-seconds,
  $0.000015 next 9B, $0.0000133334 over 15B; Arm $0.0000133334 first 7.5B,
  $0.0000120001 next 11.25B; requests $0.20 per 1M;
- API Gateway REST (aws.amazon.com/api-gateway/pricing): $3.50 first 333M, $2.80 next 667M,
  $2.38 next 19B, $1.51 over 20B, per 1M requests;
- CloudFront to the internet from the US and Europe (aws.amazon.com/cloudfront/pricing):
  $0.085 first 10 TB, $0.080 next 40 TB, $0.060 next 100 TB, $0.040 next 350 TB, per GB;
- PrivateLink interface endpoint (aws.amazon.com/privatelink/pricing): $0.01 per AZ-hour;
  data processed $0.01 first 1 PB, $0.006 next 4 PB, per GB;
- Step Functions Express (aws.amazon.com/step-functions/pricing): $1.00 per 1M requests;
  duration $0.00001667 first 1,000 GB-hours, $0.00000833 next 4,000, $0.00000456 beyond,
  per GB-second;
- Route 53 (aws.amazon.com/route53/pricing): hosted zone $0.50; standard queries $0.40 per
  1M for the first billion, $0.20 above.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from finops_gate.cost.engine import estimate_plan, estimate_resource
from finops_gate.cost.model import ComponentSpec, ResourceCost, Status
from finops_gate.cost.prices import PriceTable, PriceTableEnvelope
from finops_gate.cost.tiers import TierIndex, split_tiers
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import FIXTURES, fixture_plan_path

GB_TB = 1024
GB_PB = 1024 * 1024


@pytest.fixture(scope="module")
def tiered(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("tiered_prices")))
    usage = load_usage_file(str(FIXTURES / "tiered_prices" / "usage.yml"))
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


def lines(cost: ResourceCost) -> dict[str, tuple[float, float | None]]:
    """name -> (quantity, monthly cost) of the components with a quantity."""
    return {
        c.name: (c.monthly_quantity, c.monthly_cost)
        for c in cost.components
        if c.monthly_quantity is not None
    }


def assert_lines(cost: ResourceCost, expected: dict[str, tuple[float, float]]) -> None:
    got = lines(cost)
    assert list(got) == list(expected)
    for name, (quantity, monthly) in expected.items():
        assert got[name][0] == pytest.approx(quantity), name
        assert got[name][1] == pytest.approx(monthly, abs=0.005), name
    total = sum(monthly for _, monthly in expected.values())
    assert cost.status == Status.PRICED
    assert cost.monthly_cost_after == pytest.approx(total, abs=0.01)


def test_s3_storage_tiers(tiered: dict[str, ResourceCost]) -> None:
    cost = tiered["aws_s3_bucket.archive"]
    assert_lines(
        cost,
        {
            "Standard storage (first 50 TB)": (51_200, 51_200 * 0.023),
            "Standard storage (next 450 TB)": (460_800, 460_800 * 0.022),
            "Standard storage (over 500 TB)": (88_000, 88_000 * 0.021),
        },
    )
    assert [c.price_key for c in cost.components if c.monthly_quantity] == [
        "s3:standard:storage",
        "s3:standard:storage:over:51200",
        "s3:standard:storage:over:512000",
    ]


def test_lambda_duration_tiers_x86(tiered: dict[str, ResourceCost]) -> None:
    assert_lines(
        tiered["aws_lambda_function.x86"],
        {
            "Requests": (4000, 4000 * 0.20),
            "Duration (x86, 1024 MB) (first 6B GB-second)": (6e9, 6e9 * 0.0000166667),
            "Duration (x86, 1024 MB) (next 9B GB-second)": (9e9, 9e9 * 0.000015),
            "Duration (x86, 1024 MB) (over 15B GB-second)": (5e9, 5e9 * 0.0000133334),
        },
    )


def test_lambda_duration_tiers_arm(tiered: dict[str, ResourceCost]) -> None:
    assert_lines(
        tiered["aws_lambda_function.arm"],
        {
            "Requests": (1000, 1000 * 0.20),
            "Duration (arm64, 2048 MB) (first 7.5B GB-second)": (7.5e9, 7.5e9 * 0.0000133334),
            "Duration (arm64, 2048 MB) (next 11.25B GB-second)": (2.5e9, 2.5e9 * 0.0000120001),
        },
    )


def test_api_gateway_request_tiers(tiered: dict[str, ResourceCost]) -> None:
    assert_lines(
        tiered["aws_api_gateway_rest_api.busy"],
        {
            "Requests (first 333M requests)": (333, 333 * 3.50),
            "Requests (next 667M requests)": (667, 667 * 2.80),
            "Requests (next 19B requests)": (19_000, 19_000 * 2.38),
            "Requests (over 20B requests)": (5_000, 5_000 * 1.51),
        },
    )


def test_cloudfront_tiers_each_geography_on_its_own(tiered: dict[str, ResourceCost]) -> None:
    us = 200_000 - 150 * GB_TB
    assert_lines(
        tiered["aws_cloudfront_distribution.cdn"],
        {
            "Data transfer out to the internet (US) (first 10 TB)": (10_240, 10_240 * 0.085),
            "Data transfer out to the internet (US) (next 40 TB)": (40_960, 40_960 * 0.080),
            "Data transfer out to the internet (US) (next 100 TB)": (102_400, 102_400 * 0.060),
            "Data transfer out to the internet (US) (next 350 TB)": (us, us * 0.040),
            # 5,000 GB stays in Europe's own first tier
            "Data transfer out to the internet (Europe)": (5_000, 5_000 * 0.085),
        },
    )


def test_vpc_endpoint_data_processed_tiers(tiered: dict[str, ResourceCost]) -> None:
    assert_lines(
        tiered["aws_vpc_endpoint.logs"],
        {
            "Interface endpoint (1 AZ)": (730, 730 * 0.01),
            "Data processed (first 1 PB)": (GB_PB, GB_PB * 0.01),
            "Data processed (next 4 PB)": (2_000_000 - GB_PB, (2_000_000 - GB_PB) * 0.006),
        },
    )


def test_step_functions_express_duration_tiers(tiered: dict[str, ResourceCost]) -> None:
    gb_seconds = 100e6 * 1 * 1  # requests x 1 s x 1 GB
    first, second = 1000 * 3600, 4000 * 3600
    assert_lines(
        tiered["aws_sfn_state_machine.express"],
        {
            "Requests": (100, 100 * 1.00),
            "Duration (first 3.6M GB-second)": (first, first * 0.00001667),
            "Duration (next 14.4M GB-second)": (second, second * 0.00000833),
            "Duration (over 18M GB-second)": (
                gb_seconds - first - second,
                (gb_seconds - first - second) * 0.00000456,
            ),
        },
    )


def test_route53_queries_above_a_billion(tiered: dict[str, ResourceCost]) -> None:
    assert_lines(
        tiered["aws_route53_record.www"],
        {
            "Standard queries (first 1B queries)": (1000, 1000 * 0.40),
            "Standard queries (over 1B queries)": (2000, 2000 * 0.20),
        },
    )


# The tier machinery on a table of its own: boundaries come from the table's keys.
SPEC = ComponentSpec("Thing", "GB", "svc:gb", 250.0, usage_based=True, tiered=True)


def table(prices: PriceTable, regions: dict[str, dict[str, list[object]]]) -> PriceTable:
    envelope = PriceTableEnvelope(
        schema_version=1, currency="USD", sources=prices.sources, rules=prices.rules
    )
    return PriceTable(envelope, regions)


def test_boundaries_are_read_from_the_table(prices: PriceTable) -> None:
    source = next(iter(prices.sources))
    small = table(
        prices,
        {"us-east-1": {"svc:gb": [1.0, source], "svc:gb:over:100": [0.5, source]}},
    )
    parts = split_tiers(SPEC, TierIndex(small).tiers("us-east-1", "svc:gb"))
    assert [(p.name, p.price_key, p.monthly_quantity) for p in parts] == [
        ("Thing (first 100 GB)", "svc:gb", 100),
        ("Thing (over 100 GB)", "svc:gb:over:100", 150),
    ]
    moved = table(
        prices,
        {"us-east-1": {"svc:gb": [1.0, source], "svc:gb:over:200": [0.5, source]}},
    )
    parts = split_tiers(SPEC, TierIndex(moved).tiers("us-east-1", "svc:gb"))
    assert [p.monthly_quantity for p in parts] == [200, 50]


def test_a_quantity_within_the_first_tier_keeps_its_component(prices: PriceTable) -> None:
    source = next(iter(prices.sources))
    small = table(
        prices, {"us-east-1": {"svc:gb": [1.0, source], "svc:gb:over:1000": [0.5, source]}}
    )
    assert split_tiers(SPEC, TierIndex(small).tiers("us-east-1", "svc:gb")) == [SPEC]
    assert split_tiers(SPEC, TierIndex(small).tiers("us-east-1", "other:gb")) == [SPEC]


def test_a_region_without_an_upper_tier_is_price_not_found(prices: PriceTable) -> None:
    """A region whose data lacks the S3 tier rates takes us-east-1's boundaries, and the
    quantity above 50 TB is "price not found" there, never priced at the first tier's rate."""
    plan = load_plan(str(fixture_plan_path("tiered_prices")))
    (bucket,) = [r for r in plan.resources if r.address == "aws_s3_bucket.archive"]
    usage = load_usage_file(str(FIXTURES / "tiered_prices" / "usage.yml"))
    source = next(iter(prices.sources))
    regions: dict[str, dict[str, list[object]]] = {
        "us-east-1": {
            "s3:standard:storage": [0.023, source],
            "s3:standard:storage:over:51200": [0.022, source],
            "s3:standard:storage:over:512000": [0.021, source],
        },
        "eu-west-1": {"s3:standard:storage": [0.023, source]},
    }
    cost = estimate_resource(
        replace(bucket, region="eu-west-1"),
        table(prices, regions),
        usage=usage.for_resource(bucket.address, bucket.type),
    )
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.monthly_cost_after is None
    assert cost.notes == ("price not found for s3:standard:storage:over:51200 in eu-west-1",)
    first = [c for c in cost.components if c.price_key == "s3:standard:storage"]
    assert first[0].monthly_quantity == 51_200
