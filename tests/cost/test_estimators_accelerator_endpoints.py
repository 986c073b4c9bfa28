"""Global Accelerator endpoint groups on the `accelerator_endpoints` plan (made by
terraform), with an Infracost-style usage file. The data-transfer premium rates are
Infracost's golden figures (../shared/price-sources/infracost-golden-facts/, test
global_accelerator_endpoint_group_test, column implied_unit_price; AWS's Global
Accelerator pricing page publishes the same per-GB premiums): Europe to US/Mexico/Canada
and to Europe 0.015, Europe to Australia 0.105 (inbound); North America to Europe 0.015
and to Asia Pacific 0.035 (outbound).
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

CASE = "accelerator_endpoints"
EU_TO_NA_IN = 0.015
EU_TO_EU_IN = 0.015
EU_TO_AU_IN = 0.105
NA_TO_EU_OUT = 0.015
NA_TO_AP_OUT = 0.035

USAGE = """\
version: 0.1
resource_usage:
  aws_globalaccelerator_endpoint_group.eu_west_1:
    monthly_inbound_data_transfer_gb:
      us: 12340000
      europe: 22340000
      australia: 62340000
    monthly_outbound_data_transfer_gb:
      us: 1234
      south_korea: 5234
  aws_globalaccelerator_endpoint_group.us_east_1:
    monthly_inbound_data_transfer_gb:
      europe: 2000
      asia_pacific: 2000
    monthly_outbound_data_transfer_gb:
      europe: 5000
      asia_pacific: 1000
"""


def _costs(prices: PriceTable, usage_path: Path | None) -> dict[str, ResourceCost]:
    usage = load_usage_file(str(usage_path)) if usage_path else None
    result = estimate_plan(load_plan(str(fixture_plan_path(CASE))), prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def with_usage(
    prices: PriceTable, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, ResourceCost]:
    path = tmp_path_factory.mktemp("usage") / "infracost-usage.yml"
    path.write_text(USAGE, encoding="utf-8")
    return _costs(prices, path)


def lines(cost: ResourceCost) -> list[tuple[str, str, float | None]]:
    return [(c.name, c.price_key, c.monthly_quantity) for c in cost.components]


def test_inbound_dominant_bills_every_geography_with_traffic(
    with_usage: dict[str, ResourceCost],
) -> None:
    cost = with_usage["aws_globalaccelerator_endpoint_group.eu_west_1"]
    # inbound total (97M GB) > outbound: inbound is billed, for each geography the file names
    assert lines(cost) == [
        (
            "Inbound DT-premium fee (US, Mexico, Canada)",
            "globalaccelerator:dt-premium:eu:na:in",
            12_340_000,
        ),
        ("Inbound DT-premium fee (Europe)", "globalaccelerator:dt-premium:eu:eu:in", 22_340_000),
        ("Inbound DT-premium fee (South Korea)", "globalaccelerator:dt-premium:eu:kr:in", 0),
        (
            "Inbound DT-premium fee (Australia, New Zealand)",
            "globalaccelerator:dt-premium:eu:au:in",
            62_340_000,
        ),
    ]
    assert cost.monthly_cost_after == pytest.approx(
        12_340_000 * EU_TO_NA_IN + 22_340_000 * EU_TO_EU_IN + 62_340_000 * EU_TO_AU_IN
    )
    assert all(c.usage_based for c in cost.components)


def test_outbound_dominant_uses_the_outbound_rates(with_usage: dict[str, ResourceCost]) -> None:
    cost = with_usage["aws_globalaccelerator_endpoint_group.us_east_1"]
    # 6,000 GB out > 4,000 GB in
    assert lines(cost) == [
        ("Outbound DT-premium fee (Europe)", "globalaccelerator:dt-premium:na:eu:out", 5000),
        ("Outbound DT-premium fee (Asia Pacific)", "globalaccelerator:dt-premium:na:ap:out", 1000),
    ]
    assert cost.monthly_cost_after == pytest.approx(5000 * NA_TO_EU_OUT + 1000 * NA_TO_AP_OUT)


def test_a_pair_without_a_rate_is_price_not_found(prices: PriceTable, tmp_path: Path) -> None:
    path = tmp_path / "usage.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n  aws_globalaccelerator_endpoint_group.ap_south_1:\n"
        "    monthly_inbound_data_transfer_gb:\n      india: 100\n",
        encoding="utf-8",
    )
    cost = _costs(prices, path)["aws_globalaccelerator_endpoint_group.ap_south_1"]
    assert lines(cost) == [
        (
            "Inbound DT-premium fee (India, Indonesia, Philippines, Thailand)",
            "globalaccelerator:dt-premium:ap:in:in",
            100,
        )
    ]
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.components[0].unit_price is None


def test_without_usage_one_usage_based_line_for_the_own_geography(prices: PriceTable) -> None:
    costs = _costs(prices, None)
    eu = costs["aws_globalaccelerator_endpoint_group.eu_west_1"]
    assert lines(eu) == [
        ("Inbound DT-premium fee (Europe)", "globalaccelerator:dt-premium:eu:eu:in", None)
    ]
    assert eu.status == Status.USAGE_BASED
    assert eu.components[0].unit_price == pytest.approx(EU_TO_EU_IN)
    assert costs["aws_globalaccelerator_listener.tcp"].status == Status.FREE
