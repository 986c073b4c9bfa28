"""EC2 data-transfer prices in the bundled table, re-read from the raw files with simple
code (no builder import), and the builder's reading of cents-rounded golden costs."""

from __future__ import annotations

import csv
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest

from finops_gate.pricing import keys
from finops_gate.pricing.build.readers.data_transfer import shortest_price

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO.parent / "shared" / "price-sources"
TABLE = REPO / "pricing" / "aws.json"
COROOT = SOURCES / (
    "aws-rds-by-region-coroot-2024-08-09/data_transfer_out_internet_by_region_2024-08-09.json"
)
GOLDEN = SOURCES / "infracost-golden-facts/infracost_aws_golden_line_items.csv"
needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"raw price data not found at {SOURCES}"
)
CENT = Decimal("0.01")


def table() -> dict[str, dict[str, list[Any]]]:
    regions: dict[str, dict[str, list[Any]]] = json.loads(TABLE.read_text("utf-8"))["regions"]
    return regions


@pytest.mark.parametrize(
    ("quantity", "cost", "price"),
    [
        ("750", "82.88", "0.1105"),  # me-south-1 to other regions: 82.875 shown as 82.88
        ("10240", "1119.23", "0.1093"),  # ap-south-1, first 10 TB
        ("2000", "20.00", "0.01"),
        ("3", "1.00", "0.333"),  # 0.999 shows as 1.00
    ],
)
def test_the_shortest_price_that_gives_the_shown_cents(
    quantity: str, cost: str, price: str
) -> None:
    assert shortest_price(Decimal(quantity), Decimal(cost)) == Decimal(price)


def test_no_price_for_no_quantity() -> None:
    assert shortest_price(Decimal(0), Decimal("1.00")) is None


@needs_sources
def test_internet_tiers_are_coroots_figures() -> None:
    raw = json.loads(COROOT.read_text("utf-8"))["regions"]
    starts = {"0": "data-transfer:internet", "10240": "data-transfer:internet:over:10240"}
    starts |= {"51200": "data-transfer:internet:over:51200"}
    starts |= {"153600": "data-transfer:internet:over:153600"}
    compared = 0
    for region, prices in table().items():
        for start, value in raw.get(region, {}).items():
            assert prices[starts[start]][:2] == [value, "coroot-data-transfer"], region
            compared += 1
    # the table's 32 regions but ap-southeast-5, ap-southeast-7 and mx-central-1
    assert compared == 4 * 29
    assert set(starts.values()) == {keys.DATA_TRANSFER_INTERNET, *keys.DATA_TRANSFER_INTERNET_TIERS}


@needs_sources
def test_every_figure_reproduces_infracosts_data_transfer_case() -> None:
    with GOLDEN.open(newline="", encoding="utf-8") as fh:
        rows = [row for row in csv.DictReader(fh) if row["test"] == "data_transfer_test"]
    items = {
        "Intra-region data transfer": "data-transfer:intra-region",
        "Outbound data transfer to other regions": "data-transfer:inter-region",
        "Outbound data transfer to US East regions": "data-transfer:us-east",
        "Outbound data transfer to Internet (first 10TB)": "data-transfer:internet",
        "Outbound data transfer to Internet (next 40TB)": "data-transfer:internet:over:10240",
        "Outbound data transfer to Internet (next 100TB)": "data-transfer:internet:over:51200",
        "Outbound data transfer to Internet (over 150TB)": "data-transfer:internet:over:153600",
    }
    regions = table()
    checked = 0
    for row in rows:
        region = row["resource"].removeprefix("aws_data_transfer.")
        if region not in regions:
            continue  # GovCloud and the Los Angeles Local Zone: not in the table
        price = Decimal(str(regions[region][items[row["line_item"]]][0]))
        quantity = Decimal(row["monthly_qty"].replace(",", ""))
        shown = (price * quantity).quantize(CENT, ROUND_HALF_UP)
        assert shown == Decimal(row["monthly_cost_usd"]), (region, row["line_item"])
        checked += 1
    assert checked == len(rows) - 3 * 6  # 25 regions of 28


def test_regions_without_a_source_have_no_figure() -> None:
    regions = table()
    for region in ("ap-southeast-7", "mx-central-1"):
        assert "data-transfer:internet" not in regions[region]
        assert "data-transfer:inter-region" not in regions[region]
        # one price everywhere, copied by rule and marked approximate
        assert regions[region]["data-transfer:intra-region"] == [
            0.01,
            "infracost-golden",
            "flat-global",
        ]
    assert "data-transfer:us-east" not in regions["eu-west-1"]
    assert not any(region.startswith("us-gov-") for region in regions)
