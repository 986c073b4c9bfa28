"""Lightsail instances on the `lightsail_instances` plan (made by terraform), against AWS's
published hourly bundle prices (https://aws.amazon.com/lightsail/pricing/; the rows
"Lightsail Instance Bundle ..." of ../shared/price-sources/
aws-pricing-page-unitmaps-2025-11-04/aws_unitmaps_2025-11-04.csv; Infracost golden
lightsail_instance_test: xlarge Linux $82.42, small Windows $21.58 a month).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
XLARGE_LINUX_US_EAST_1 = 0.1129  # 16 GB Linux bundle
SMALL_WINDOWS_US_EAST_1 = 0.02956  # 2 GB Windows bundle
NANO_IPV6_LINUX_US_EAST_1 = 0.0047  # 0.5 GB IPv6-only Linux bundle
MEDIUM_LINUX_EU_WEST_1 = 0.03225  # 4 GB Linux bundle


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path("lightsail_instances"))), prices)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.mark.parametrize(
    ("address", "name", "key", "hourly"),
    [
        ("app", "Virtual server (Linux/UNIX)", "lightsail:16gb:linux", XLARGE_LINUX_US_EAST_1),
        ("windows", "Virtual server (Windows)", "lightsail:2gb:windows", SMALL_WINDOWS_US_EAST_1),
        (
            "ipv6_only",
            "Virtual server (Linux/UNIX)",
            "lightsail:0.5gb:linux:ipv6",
            NANO_IPV6_LINUX_US_EAST_1,
        ),
        ("ireland", "Virtual server (Linux/UNIX)", "lightsail:4gb:linux", MEDIUM_LINUX_EU_WEST_1),
    ],
)
def test_bundle_price(
    costs: dict[str, ResourceCost], address: str, name: str, key: str, hourly: float
) -> None:
    cost = costs[f"aws_lightsail_instance.{address}"]
    (server,) = cost.components
    assert (server.name, server.unit, server.price_key, server.monthly_quantity) == (
        name,
        "hour",
        key,
        HOURS,
    )
    assert not server.approximate
    assert cost.monthly_cost_after == pytest.approx(HOURS * hourly)


UNITMAPS = (
    Path(__file__).resolve().parents[2].parent
    / "shared/price-sources/aws-pricing-page-unitmaps-2025-11-04/aws_unitmaps_2025-11-04.csv"
)
TABLE = Path(__file__).resolve().parents[2] / "pricing" / "aws.json"


@pytest.mark.skipif(not UNITMAPS.is_file(), reason=f"raw price data not found at {UNITMAPS}")
def test_every_published_bundle_is_in_the_table() -> None:
    """Each general-purpose bundle row of the pricing page, read with simple code, is the
    table's exact figure for its region (0.5 GB is written "0 5GB" there)."""
    regions = json.loads(TABLE.read_text(encoding="utf-8"))["regions"]
    checked: set[tuple[str, str]] = set()
    with UNITMAPS.open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            words = row["description"].split()
            if row["service"] != "lightsail" or words[:3] != ["Lightsail", "Instance", "Bundle"]:
                continue
            memory = "0.5" if words[3:5] == ["0", "5GB"] else words[3].removesuffix("GB")
            rest = words[5:] if memory == "0.5" else words[4:]
            ipv6 = rest[0] == "IPv6"
            system = (rest[1] if ipv6 else rest[0]).lower()
            key = f"lightsail:{memory}gb:{system}" + (":ipv6" if ipv6 else "")
            figure = regions[row["region_code"]][key]
            assert figure == [float(row["price_usd"]), "aws-pricing-page-2025-11"], key
            checked.add((row["region_code"], key))  # ap-southeast-3 lists each row twice
    assert len(checked) == 15 * 32  # 15 Lightsail regions x 8 sizes x Linux/Windows x IPv4/6
