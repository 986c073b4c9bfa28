"""AWS Directory Service directories and Amazon MWAA environments on the
`directories_and_workflows` plan (made by terraform), against published prices.

Unit prices are written here from Infracost's golden outputs
(../shared/price-sources/infracost-golden-facts/infracost_aws_golden_line_items.csv, us-east-1,
tests directory_service_directory_test and mwaa_environment_test), which are AWS's list
prices (https://aws.amazon.com/directoryservice/pricing/,
https://aws.amazon.com/managed-workflows-for-apache-airflow/pricing/), never read from
finops-gate's table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
CASE = "directories_and_workflows"

# Directory Service, per domain controller-month (golden: 2 controllers = $87.60 etc.)
MICROSOFT_AD_STANDARD_MONTH = 43.80
MICROSOFT_AD_ENTERPRISE_MONTH = 146.00
SIMPLE_AD_SMALL_MONTH = 36.50
SHARING_STANDARD_MONTH = 13.14  # per shared account-month
# MWAA, per hour (golden: "Environment (Medium)" 730 h = $540.20 -> 0.74)
MWAA_SMALL_ENVIRONMENT = 0.49
MWAA_MEDIUM_ENVIRONMENT = 0.74
MWAA_LARGE_ENVIRONMENT = 0.99
MWAA_MEDIUM_WORKER = 0.11
MWAA_MEDIUM_SCHEDULER = 0.11
MWAA_META_DATABASE = 0.10  # per GB-month


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(CASE)))
    usage = load_usage_file(usage_path) if usage_path else None
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


def lines(cost: ResourceCost) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.unit, c.price_key, c.monthly_quantity) for c in cost.components]


# Directory Service ------------------------------------------------------------------


def test_simple_ad_is_two_controllers(costs: dict[str, ResourceCost]) -> None:
    simple = costs["aws_directory_service_directory.simple_small"]
    assert lines(simple) == [
        (
            "Directory service (Simple AD, Small)",
            "controller-hour",
            "directoryservice:simple-ad:small",
            2 * HOURS,
        ),
        (
            "Additional domain controllers",
            "controller-hour",
            "directoryservice:simple-ad:small",
            None,
        ),
    ]
    assert simple.monthly_cost_after == pytest.approx(2 * SIMPLE_AD_SMALL_MONTH)  # 73.00


def test_microsoft_ad_by_edition(costs: dict[str, ResourceCost]) -> None:
    standard = costs["aws_directory_service_directory.microsoft_standard"]
    assert [c.price_key for c in standard.components] == [
        "directoryservice:microsoft-ad:standard",
        "directoryservice:microsoft-ad:standard",
        "directoryservice:sharing:microsoft-ad:standard",
    ]
    assert standard.monthly_cost_after == pytest.approx(2 * MICROSOFT_AD_STANDARD_MONTH)  # 87.60
    default = costs["aws_directory_service_directory.microsoft_default_edition"]
    assert default.components[0].name == "Directory service (Microsoft AD, Enterprise)"
    assert default.components[0].note and "Enterprise" in default.components[0].note
    assert default.monthly_cost_after == pytest.approx(2 * MICROSOFT_AD_ENTERPRISE_MONTH)  # 292


def test_directory_without_a_source_is_price_not_found(costs: dict[str, ResourceCost]) -> None:
    connector = costs["aws_directory_service_directory.connector_large"]
    assert connector.components[0].price_key == "directoryservice:ad-connector:large"
    assert connector.status == Status.PRICE_NOT_FOUND
    assert connector.monthly_cost_after is None


def test_directory_outside_us_east_1_is_approximate(costs: dict[str, ResourceCost]) -> None:
    ireland = costs["aws_directory_service_directory.simple_small_ireland"]
    assert ireland.components[0].approximate
    assert ireland.monthly_cost_after is not None and ireland.monthly_cost_after > 0


def test_directory_usage(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_directory_service_directory.microsoft_standard:
    additional_domain_controllers: 4
    shared_accounts: 8
""",
        encoding="utf-8",
    )
    standard = estimate(prices, str(path))["aws_directory_service_directory.microsoft_standard"]
    assert [c.monthly_quantity for c in standard.components] == [2 * HOURS, 4 * HOURS, 8 * HOURS]
    # golden: 87.60 + 175.20 + 105.12
    assert standard.monthly_cost_after == pytest.approx(
        6 * MICROSOFT_AD_STANDARD_MONTH + 8 * SHARING_STANDARD_MONTH
    )


# MWAA -------------------------------------------------------------------------------


def test_mwaa_default_class_is_small(costs: dict[str, ResourceCost]) -> None:
    default = costs["aws_mwaa_environment.default_class"]
    assert lines(default) == [
        ("Environment (Small)", "hour", "mwaa:environment:small", HOURS),
        ("Worker (Small)", "hour", "mwaa:worker:small", None),
        ("Scheduler (Small)", "hour", "mwaa:scheduler:small", None),
        ("Meta database", "GB-month", "mwaa:meta-database", None),
    ]
    assert default.components[0].note and "mw1.small" in default.components[0].note
    assert default.monthly_cost_after == pytest.approx(HOURS * MWAA_SMALL_ENVIRONMENT)  # 357.70


def test_mwaa_class_and_usage(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_mwaa_environment.medium:
    additional_workers: 2.5
    additional_schedulers: 3
    meta_database_gb: 1000
""",
        encoding="utf-8",
    )
    medium = estimate(prices, str(path))["aws_mwaa_environment.medium"]
    assert [c.monthly_quantity for c in medium.components] == [
        HOURS,
        2.5 * HOURS,
        3 * HOURS,
        1000,
    ]
    assert medium.monthly_cost_after == pytest.approx(
        HOURS * MWAA_MEDIUM_ENVIRONMENT  # 540.20
        + 2.5 * HOURS * MWAA_MEDIUM_WORKER  # 200.75
        + 3 * HOURS * MWAA_MEDIUM_SCHEDULER  # 240.90
        + 1000 * MWAA_META_DATABASE  # 100.00
    )


def test_mwaa_class_without_a_source_is_price_not_found(costs: dict[str, ResourceCost]) -> None:
    xlarge = costs["aws_mwaa_environment.xlarge"]
    assert xlarge.components[0].price_key == "mwaa:environment:xlarge"
    assert xlarge.status == Status.PRICE_NOT_FOUND


def test_mwaa_outside_us_east_1_is_approximate(costs: dict[str, ResourceCost]) -> None:
    ireland = costs["aws_mwaa_environment.large_ireland"]
    environment = ireland.components[0]
    assert environment.price_key == "mwaa:environment:large"
    assert environment.approximate
    # a regional-ratio estimate: us-east-1's 0.99 scaled by the region's EC2 price ratio
    assert environment.unit_price == pytest.approx(MWAA_LARGE_ENVIRONMENT, rel=0.15)
