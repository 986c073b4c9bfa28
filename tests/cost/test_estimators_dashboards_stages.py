"""CloudWatch dashboards and API Gateway stage caches on the `dashboards_and_stages` plan
(made by terraform), against AWS's published prices: the rows "Dashboard Basic Dashboard"
(cloudwatch, no region: 3 USD per dashboard-month) and "Caching Memory Size ..." (apigateway,
per hour) of ../shared/price-sources/aws-pricing-page-unitmaps-2025-11-04/
aws_unitmaps_2025-11-04.csv. Infracost's goldens agree: cloudwatch_dashboard_test $3.00,
api_gateway_stage_test 0.5 GB $14.60 and 237 GB $2,774.00 a month.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
DASHBOARD_MONTH = 3.00  # every region
CACHE_0_5_GB_US_EAST_1 = 0.02  # "Caching Memory Size 0 5"
CACHE_237_GB_US_EAST_1 = 3.80  # "Caching Memory Size 237"
CACHE_6_1_GB_EU_WEST_1 = 0.20  # "Caching Memory Size 6 1", eu-west-1


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path("dashboards_and_stages"))), prices)
    return {cost.resource.address: cost for cost in result.resources}


def lines(cost: ResourceCost) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.unit, c.price_key, c.monthly_quantity) for c in cost.components]


@pytest.mark.parametrize("address", ["main", "ireland"])
def test_dashboard_is_one_flat_fee_in_every_region(
    costs: dict[str, ResourceCost], address: str
) -> None:
    cost = costs[f"aws_cloudwatch_dashboard.{address}"]
    assert lines(cost) == [("Dashboard", "month", "cloudwatch:dashboard", 1)]
    assert cost.monthly_cost_after == pytest.approx(DASHBOARD_MONTH)
    assert not cost.components[0].approximate


@pytest.mark.parametrize(
    ("address", "size", "hourly"),
    [
        ("cache_small", "0.5", CACHE_0_5_GB_US_EAST_1),
        ("cache_large", "237", CACHE_237_GB_US_EAST_1),
        ("cache_ireland", "6.1", CACHE_6_1_GB_EU_WEST_1),
    ],
)
def test_stage_cache_priced_by_size_and_region(
    costs: dict[str, ResourceCost], address: str, size: str, hourly: float
) -> None:
    cost = costs[f"aws_api_gateway_stage.{address}"]
    assert lines(cost) == [
        (f"Cache memory ({size} GB)", "hour", f"apigateway:cache:{size}gb:hour", HOURS)
    ]
    assert cost.monthly_cost_after == pytest.approx(HOURS * hourly)
    assert not cost.components[0].approximate


@pytest.mark.parametrize("address", ["no_cache", "cache_disabled"])
def test_stage_without_cache_costs_nothing(costs: dict[str, ResourceCost], address: str) -> None:
    cost = costs[f"aws_api_gateway_stage.{address}"]
    assert cost.components == ()
    assert cost.status == Status.FREE
    assert cost.monthly_cost_after == 0
