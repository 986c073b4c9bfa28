"""KMS external keys, CloudHSM, VPC Traffic Mirroring, CloudFront Functions and Managed
Grafana on the `security_observability` plan (made by terraform), against published prices.

Unit prices are written here from AWS's pricing pages (the same figures are in
../shared/price-sources/aws-pricing-page-unitmaps-2025-11-04/aws_unitmaps_2025-11-04.csv
and in Infracost's golden outputs, infracost-golden-facts/infracost_aws_golden_line_items.csv),
never read from finops-gate's table.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
CASE = "security_observability"

# https://aws.amazon.com/cloudhsm/pricing/ (unitmaps "CloudHSM Hourly"; golden "HSM usage")
CLOUDHSM_US_EAST_1 = 1.60
CLOUDHSM_EU_WEST_1 = 1.47
# https://aws.amazon.com/vpc/pricing/ Traffic Mirroring, per session (source ENI)-hour
# (unitmaps "Hourly charge for Traffic Mirroring Source per hour"; golden "Traffic mirror")
TRAFFIC_MIRROR_US_EAST_1 = 0.015
TRAFFIC_MIRROR_EU_WEST_1 = 0.018
# https://aws.amazon.com/kms/pricing/: 1 USD per key-month, imported key material included;
# 0.03 USD per 10,000 requests
KMS_KEY = 1.00
KMS_REQUESTS_10K = 0.03
# https://aws.amazon.com/cloudfront/pricing/: CloudFront Functions, 0.10 USD per 1M
# invocations (golden "Total number of invocations": 0.2 x 0.1 = 0.02)
CLOUDFRONT_FUNCTION_1M = 0.10
# https://aws.amazon.com/grafana/pricing/: 9 USD per active editor/administrator, 5 USD per
# active viewer, per workspace and month, the same in every region
GRAFANA_EDITOR = 9.00
GRAFANA_VIEWER = 5.00


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(CASE)))
    usage = load_usage_file(usage_path) if usage_path else None
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


@pytest.fixture()
def usage_costs(tmp_path: Path, prices: PriceTable) -> dict[str, ResourceCost]:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_cloudhsm_v2_hsm.primary:
    monthly_hrs: 100
  aws_kms_external_key.imported:
    monthly_requests: 2000000
  aws_cloudfront_function.rewrite:
    monthly_requests: 2000000
  aws_grafana_workspace.ops:
    editors_administrator_licenses: 2
    viewer_licenses: 3
""",
        encoding="utf-8",
    )
    return estimate(prices, str(path))


def lines(cost: ResourceCost) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.unit, c.price_key, c.monthly_quantity) for c in cost.components]


def test_kms_external_key_is_a_customer_managed_key(costs: dict[str, ResourceCost]) -> None:
    key = costs["aws_kms_external_key.imported"]
    assert lines(key) == [
        ("Customer managed key", "key-month", "kms:key", 1),
        ("Requests", "10k requests", "kms:requests", None),
    ]
    assert key.monthly_cost_after == pytest.approx(KMS_KEY)


def test_cloudhsm_is_billed_by_the_hour_in_its_region(costs: dict[str, ResourceCost]) -> None:
    primary, ireland = costs["aws_cloudhsm_v2_hsm.primary"], costs["aws_cloudhsm_v2_hsm.ireland"]
    assert lines(primary) == [("HSM usage", "hour", "cloudhsm:hsm:hour", HOURS)]
    assert primary.monthly_cost_after == pytest.approx(HOURS * CLOUDHSM_US_EAST_1)  # 1,168.00
    assert ireland.monthly_cost_after == pytest.approx(HOURS * CLOUDHSM_EU_WEST_1)  # 1,073.10
    assert not any(c.approximate for c in primary.components + ireland.components)


def test_traffic_mirror_session_is_billed_per_session_hour(
    costs: dict[str, ResourceCost],
) -> None:
    us, eu = (
        costs["aws_ec2_traffic_mirror_session.ids"],
        costs["aws_ec2_traffic_mirror_session.ids_ireland"],
    )
    assert lines(us) == [("Traffic mirror", "hour", "vpc:traffic-mirror:hour", HOURS)]
    assert us.monthly_cost_after == pytest.approx(HOURS * TRAFFIC_MIRROR_US_EAST_1)  # 10.95
    assert eu.monthly_cost_after == pytest.approx(HOURS * TRAFFIC_MIRROR_EU_WEST_1)  # 13.14


def test_cloudfront_function_is_usage_based_and_global(costs: dict[str, ResourceCost]) -> None:
    function = costs["aws_cloudfront_function.rewrite"]  # its provider is eu-west-1
    (invocations,) = function.components
    assert (invocations.price_key, invocations.unit) == (
        "cloudfront:function:invocations",
        "1M invocations",
    )
    assert invocations.usage_based and invocations.monthly_quantity is None
    assert invocations.unit_price == pytest.approx(CLOUDFRONT_FUNCTION_1M)
    assert function.status == Status.USAGE_BASED


def test_grafana_workspace_has_one_editor_by_default(costs: dict[str, ResourceCost]) -> None:
    ops = costs["aws_grafana_workspace.ops"]
    assert lines(ops) == [
        ("Editor/administrator licenses", "user-month", "grafana:editor", 1),
        ("Viewer licenses", "user-month", "grafana:viewer", None),
    ]
    assert ops.monthly_cost_after == pytest.approx(GRAFANA_EDITOR)
    assert not any(c.approximate for c in ops.components)


def test_grafana_outside_us_east_1_is_the_flat_price_marked_approximate(
    costs: dict[str, ResourceCost],
) -> None:
    ireland = costs["aws_grafana_workspace.ops_ireland"]
    assert ireland.monthly_cost_after == pytest.approx(GRAFANA_EDITOR)
    editor = ireland.components[0]
    assert editor.approximate  # rule flat-global, not a published eu-west-1 figure


def test_usage_file_quantities(usage_costs: dict[str, ResourceCost]) -> None:
    hsm = usage_costs["aws_cloudhsm_v2_hsm.primary"]
    assert hsm.components[0].monthly_quantity == 100
    assert hsm.monthly_cost_after == pytest.approx(100 * CLOUDHSM_US_EAST_1)  # 160.00
    key = usage_costs["aws_kms_external_key.imported"]
    assert key.monthly_cost_after == pytest.approx(KMS_KEY + 200 * KMS_REQUESTS_10K)  # 7.00
    function = usage_costs["aws_cloudfront_function.rewrite"]
    assert function.components[0].monthly_quantity == pytest.approx(2)
    assert function.monthly_cost_after == pytest.approx(2 * CLOUDFRONT_FUNCTION_1M)  # 0.20
    grafana = usage_costs["aws_grafana_workspace.ops"]
    assert [c.monthly_quantity for c in grafana.components] == [2, 3]
    assert grafana.monthly_cost_after == pytest.approx(
        2 * GRAFANA_EDITOR + 3 * GRAFANA_VIEWER  # 33.00
    )
    # a resource the file does not name keeps its defaults
    assert usage_costs["aws_cloudhsm_v2_hsm.ireland"].components[0].monthly_quantity == HOURS


SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "price-sources"
UNITMAPS = SOURCES / "aws-pricing-page-unitmaps-2025-11-04/aws_unitmaps_2025-11-04.csv"
TABLE = Path(__file__).resolve().parents[2] / "pricing" / "aws.json"


@pytest.mark.skipif(not UNITMAPS.is_file(), reason=f"raw price data not found at {UNITMAPS}")
def test_table_has_the_pricing_page_figure_of_every_region() -> None:
    """Every region's CloudHSM and Traffic Mirroring row of AWS's pricing page is the
    table's exact (not approximate) figure for that region."""
    wanted = {
        ("cloudhsm", "CloudHSM Hourly"): "cloudhsm:hsm:hour",
        ("vpc", "Hourly charge for Traffic Mirroring Source per hour"): "vpc:traffic-mirror:hour",
    }
    regions = json.loads(TABLE.read_text(encoding="utf-8"))["regions"]
    checked = 0
    with UNITMAPS.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            key = wanted.get((row["service"], row["description"]))
            if key is None or row["region_code"] not in regions:
                continue
            figure = regions[row["region_code"]][key]
            assert figure[0] == pytest.approx(float(row["price_usd"])), row["region_code"]
            assert len(figure) == 2, f"{row['region_code']} {key} is marked approximate"
            checked += 1
    assert checked >= 40
