"""One AWS usage-type -> price-key map for both readers of AWS's offer data.

The bundled-table builder reads the offer products through the terracost dump
(`finops_gate.pricing.build.readers.terracost`), `pricing build --from-aws-offer` reads the
offer files themselves (`finops_gate.pricing.offer`); both map a product with
`finops_gate.pricing.usage_types`. The same rows through both paths give the same figures.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from finops_gate.pricing import key_forms, keys
from finops_gate.pricing.build.readers import terracost
from finops_gate.pricing.offer import LOAD_BALANCERS, USAGE_ITEMS, ingest, read_offer_file
from finops_gate.pricing.usage_types import ANY_FAMILY, LOAD_BALANCER_ITEMS, USAGE_TYPES, usage_item

FIXTURES = Path(__file__).parent / "fixtures"
SOURCES = Path(__file__).resolve().parents[2].parent / "shared" / "price-sources"
REGION, PREFIX, LOCATION = "eu-west-1", "EU-", "EU (Ireland)"
# The header row of a real AWS offer CSV (AmazonEC2 eu-west-3, 2020-10-19)
OFFER_HEADER = next(
    csv.reader(FIXTURES.joinpath("offer_ec2_eu-west-3_excerpt.csv").read_text().splitlines()[5:6])
)


def dump_row(service: str, family: str, usage: str, unit: str, begin: str, price: str) -> Any:
    """A product in the terracost dump's shape (one JSON object per line)."""
    return {
        "attributes": {"UsageType": PREFIX + usage},
        "family": family,
        "location": REGION,
        "prices": [
            {
                "attributes": {"StartingRange": begin, "TermType": "OnDemand"},
                "currency": "USD",
                "price": price,
                "unit": unit,
            }
        ],
        "provider": "aws",
        "service": service,
        "sku": f"SKU{abs(hash((service, family, usage))) % 10**12:012d}",
    }


def write_dump(sources: Path, rows: list[Any]) -> None:
    path = sources / terracost.TERRACOST_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.writelines(json.dumps(row) + "\n" for row in rows)


def write_offer_csvs(directory: Path, rows: list[Any]) -> None:
    """The same products as AWS Bulk API offer CSVs, one file per service (offer code)."""
    by_service: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_service[row["service"]].append(row)
    for service, products in by_service.items():
        out = io.StringIO()
        writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n")
        writer.writerows(
            [
                ["FormatVersion", "v1.0"],
                ["Disclaimer", "test"],
                ["Publication Date", "2023-02-23T00:00:00Z"],
                ["Version", "20230223000000"],
                ["OfferCode", service],
                OFFER_HEADER,
            ]
        )
        for product in products:
            for dim in product["prices"]:
                values = {
                    "SKU": product["sku"],
                    "TermType": dim["attributes"]["TermType"],
                    "StartingRange": dim["attributes"].get("StartingRange", "0"),
                    "Unit": dim["unit"],
                    "PricePerUnit": dim["price"],
                    "Currency": dim["currency"],
                    "Product Family": product["family"],
                    "serviceCode": service,
                    "Location": LOCATION,
                    "Location Type": "AWS Region",
                    "usageType": product["attributes"]["UsageType"],
                    "Operating System": product["attributes"].get("OperatingSystem", ""),
                }
                writer.writerow([values.get(column, "") for column in OFFER_HEADER])
        (directory / f"{service}.csv").write_text(out.getvalue(), encoding="utf-8")


def both_paths(tmp_path: Path, rows: list[Any]) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    sources, offers = tmp_path / "sources", tmp_path / "offers"
    offers.mkdir()
    write_dump(sources, rows)
    write_offer_csvs(offers, rows)
    built = terracost.terracost_services(sources, REGION)
    ingested = {k: f.price for k, f in ingest([offers]).tables.get(REGION, {}).items()}
    return built, ingested


def test_every_usage_type_gives_the_same_figure_through_both_paths(tmp_path: Path) -> None:
    rows, expected = [], {}
    for number, ((service, family, usage), item) in enumerate(sorted(USAGE_TYPES.items())):
        if service != "AWSELB" and (family, usage) in LOAD_BALANCER_ITEMS:
            continue  # listed again in the AmazonEC2 offer; one product per key here
        price = Decimal(number + 1) / 1000
        product_family = "Storage" if family == ANY_FAMILY else family
        rows.append(
            dump_row(service, product_family, usage, item.unit, str(item.begin), str(price))
        )
        expected[item.key] = (price * item.factor).normalize()
    built, ingested = both_paths(tmp_path, rows)
    assert built == ingested == expected
    assert len(expected) == len({item.key for item in USAGE_TYPES.values()})


def test_a_product_in_another_unit_is_not_mapped(tmp_path: Path) -> None:
    """The io2 storage unit is "GB-month" (AWS's spelling), not the other types' "GB-Mo"."""
    io2 = usage_item("AmazonEC2", "Storage", "EBS:VolumeUsage.io2")
    assert io2 is not None and io2.unit == "GB-month"
    right = dump_row("AmazonEC2", "Storage", "EBS:VolumeUsage.io2", "GB-month", "0", "0.138")
    built, ingested = both_paths(tmp_path, [right])
    assert built == ingested == {keys.EBS_IO2_STORAGE: Decimal("0.138")}
    wrong = dump_row("AmazonEC2", "Storage", "EBS:VolumeUsage.io2", "GB-Mo", "0", "0.138")
    sources, offers = tmp_path / "wrong", tmp_path / "wrong-offers"
    offers.mkdir()
    write_dump(sources, [wrong])
    with pytest.raises(terracost.BuildError, match="unexpected"):
        terracost.terracost_services(sources, REGION)  # the builder stops
    write_offer_csvs(offers, [wrong])
    with pytest.raises(Exception, match="no price in the input"):
        ingest([offers])  # the ingester skips the product, then has nothing


def test_compatibility_views_cover_the_map() -> None:
    assert {item.key for item in USAGE_ITEMS.values()} | {
        item.key for item in LOAD_BALANCERS.values()
    } == {item.key for item in USAGE_TYPES.values()}
    assert all(key_forms.is_declared(item.key) for item in USAGE_TYPES.values())


@pytest.mark.skipif(not SOURCES.is_dir(), reason=f"raw price data not found at {SOURCES}")
def test_the_real_offer_rows_give_the_same_figures_through_both_paths(tmp_path: Path) -> None:
    """Every eu-west-1 product of AWS's offer data (terracost dump, 2023-02-23) that the map
    knows, written back as offer CSVs: the ingester reads what the builder reads."""
    with gzip.open(SOURCES / terracost.TERRACOST_FILE, "rt", encoding="utf-8") as fh:
        rows = [
            row
            for row in map(json.loads, fh)
            if row["location"] == REGION
            and row["attributes"].get("UsageType", "").startswith(PREFIX)
            and "Outpost" not in row["attributes"]["UsageType"]
            and usage_item(
                row["service"], row["family"], row["attributes"]["UsageType"][len(PREFIX) :]
            )
        ]
    built, ingested = both_paths(tmp_path, rows)
    assert built == ingested
    # every usage type the builder used to know only itself, now read by both
    for key in (
        keys.AURORA_STORAGE,
        keys.AURORA_IO,
        keys.AURORA_SERVERLESS_V2_ACU,
        keys.AURORA_BACKUP,
        keys.RDS_IOPS_GP3_SINGLE_AZ,
        keys.RDS_IOPS_GP3_MULTI_AZ,
        keys.RDS_STORAGE_STANDARD_SINGLE_AZ,
        keys.RDS_STORAGE_STANDARD_MULTI_AZ,
        keys.CLOUDWATCH_LOGS_INGEST,
        keys.CLOUDWATCH_LOGS_STORAGE,
        keys.EBS_IO2_STORAGE,
    ):
        assert key in ingested, key


OFFICIAL_SAMPLE = SOURCES / "aws-official-format-samples" / "terracost__AmazonEC2_eu-west-3.csv"


@pytest.mark.parametrize(
    "sample",
    [
        FIXTURES / "offer_ec2_eu-west-3_excerpt.csv",
        pytest.param(
            OFFICIAL_SAMPLE,
            marks=pytest.mark.skipif(
                not OFFICIAL_SAMPLE.is_file(), reason=f"AWS sample not found: {OFFICIAL_SAMPLE}"
            ),
        ),
    ],
    ids=["committed-excerpt", "shared-sample"],
)
def test_an_official_offer_csv_gives_the_same_figures_through_both_paths(
    sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """AWS's own offer CSV (EC2, eu-west-3, 2020-10-19) through the ingester, and its rows in
    the dump's shape through the builder's reader."""
    offer = read_offer_file(sample)
    rows = [
        {
            "attributes": {"UsageType": product.attr("usageType")},
            "family": product.family,
            "location": "eu-west-3",
            "prices": [
                {
                    "attributes": {"StartingRange": str(dim.begin), "TermType": "OnDemand"},
                    "currency": "USD",
                    "price": str(dim.usd),
                    "unit": dim.unit,
                }
                for dim in product.on_demand
            ],
            "service": offer.offer_code,
            "sku": product.sku,
        }
        for product in offer.products
    ]
    monkeypatch.setitem(terracost.TERRACOST_USAGE_PREFIX, "eu-west-3", "EUW3-")
    write_dump(tmp_path, rows)
    built = terracost.terracost_services(tmp_path, "eu-west-3")
    ingested = {k: f.price for k, f in ingest([sample]).tables["eu-west-3"].items()}
    assert built == ingested
    assert built[keys.EBS_GP2_STORAGE] == Decimal("0.116")
    assert built[keys.EBS_STANDARD_IO] == Decimal("0.058")  # per I/O x 1M
