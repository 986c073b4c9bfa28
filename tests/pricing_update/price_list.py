"""A small Price List tree in the Bulk API's published shapes, built from real AWS files.

* eu-west-3: the terracost `AmazonEC2` offer CSV (published 2020-10-19), verbatim;
* us-east-1: the GetProducts element for m5.large Linux (published 2021-02-05) as the
  offer JSON (`products` by SKU, `terms.OnDemand` / `terms.Reserved` by SKU) and as the
  offer CSV (the terracost header; one row per price dimension of every term, Reserved
  rows included, as AWS writes them), next to the terracost EBS rows moved to us-east-1;
* the offer index and the region indexes that lead to them (us-gov-west-1 is listed too:
  a region outside the commercial partition, not fetched by default).
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).parent / "fixtures"
EU_CSV = FIXTURES / "offer_AmazonEC2_eu-west-3.csv"
GET_PRODUCTS = FIXTURES / "get_products_m5_large.json"

EU_VERSION, EU_PUBLISHED = "20201019204802", "2020-10-19T20:48:02Z"
US_VERSION, US_PUBLISHED = "20210205204500", "2021-02-05T20:45:00Z"
DISCLAIMER = "This pricing list is for informational purposes only."
OFFER_INDEX = "/offers/v1.0/aws/index.json"


def region_path(service: str, version: str, region: str, suffix: str = "json") -> str:
    return f"/offers/v1.0/aws/{service}/{version}/{region}/index.{suffix}"


def _norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _csv_text(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue()


def eu_rows() -> tuple[list[list[str]], list[str], list[list[str]]]:
    """(metadata rows, header, price rows) of the real eu-west-3 CSV."""
    rows = list(csv.reader(io.StringIO(EU_CSV.read_text(encoding="utf-8"))))
    return rows[:5], rows[5], rows[6:]


def us_east_1_csv() -> str:
    element = json.loads(GET_PRODUCTS.read_text(encoding="utf-8"))
    _, header, eu_prices = eu_rows()
    column = {_norm(name): index for index, name in enumerate(header)}
    product = element["product"]
    attributes = {_norm(k): v for k, v in product["attributes"].items()}
    rows = []
    for term_type, terms in sorted(element["terms"].items()):
        for term in terms.values():
            for rate_code, dim in term["priceDimensions"].items():
                row = [""] * len(header)
                for name, value in attributes.items():
                    if name in column:
                        row[column[name]] = value
                lease = term.get("termAttributes", {})
                values = {
                    "SKU": product["sku"],
                    "OfferTermCode": term["offerTermCode"],
                    "RateCode": rate_code,
                    "TermType": term_type,
                    "PriceDescription": dim["description"],
                    "EffectiveDate": term["effectiveDate"][:10],
                    "StartingRange": dim.get("beginRange", ""),
                    "EndingRange": dim.get("endRange", ""),
                    "Unit": dim["unit"],
                    "PricePerUnit": dim["pricePerUnit"]["USD"],
                    "Currency": "USD",
                    "LeaseContractLength": lease.get("LeaseContractLength", ""),
                    "PurchaseOption": lease.get("PurchaseOption", ""),
                    "OfferingClass": lease.get("OfferingClass", ""),
                    "Product Family": product["productFamily"],
                    "serviceCode": element["serviceCode"],
                }
                for name, value in values.items():
                    row[header.index(name)] = value
                rows.append(row)
    location, usage = header.index("Location"), header.index("usageType")
    for eu in eu_prices:
        row = list(eu)
        row[location] = "US East (N. Virginia)"
        row[usage] = row[usage].removeprefix("EUW3-")  # us-east-1 usage types have no prefix
        rows.append(row)
    metadata = [
        ["FormatVersion", "v1.0"],
        ["Disclaimer", DISCLAIMER],
        ["Publication Date", US_PUBLISHED],
        ["Version", US_VERSION],
        ["OfferCode", "AmazonEC2"],
    ]
    return _csv_text([*metadata, header, *rows])


def us_east_1_json() -> str:
    element = json.loads(GET_PRODUCTS.read_text(encoding="utf-8"))
    sku = element["product"]["sku"]
    offer: dict[str, Any] = {
        "formatVersion": "v1.0",
        "disclaimer": DISCLAIMER,
        "offerCode": "AmazonEC2",
        "version": US_VERSION,
        "publicationDate": US_PUBLISHED,
        "products": {sku: element["product"]},
        "terms": {kind: {sku: terms} for kind, terms in element["terms"].items()},
    }
    return json.dumps(offer, indent=2)


def offer_index(services: list[str]) -> str:
    offers = {
        code: {
            "offerCode": code,
            "versionIndexUrl": f"/offers/v1.0/aws/{code}/index.json",
            "currentVersionUrl": f"/offers/v1.0/aws/{code}/current/index.json",
            "currentRegionIndexUrl": f"/offers/v1.0/aws/{code}/current/region_index.json",
        }
        for code in services
    }
    return json.dumps(
        {
            "formatVersion": "v1.0",
            "disclaimer": DISCLAIMER,
            "publicationDate": US_PUBLISHED,
            "offers": offers,
        },
        indent=2,
    )


def region_index(regions: dict[str, str]) -> str:
    """`regions`: region code -> its currentVersionUrl."""
    return json.dumps(
        {
            "formatVersion": "v1.0",
            "disclaimer": DISCLAIMER,
            "publicationDate": US_PUBLISHED,
            "regions": {
                code: {"regionCode": code, "currentVersionUrl": url}
                for code, url in regions.items()
            },
        },
        indent=2,
    )


def tree() -> dict[str, bytes]:
    """Path -> body of every file the server holds."""
    files = {
        OFFER_INDEX: offer_index(["AmazonEC2", "AmazonCloudWatch", "AmazonS3"]),
        "/offers/v1.0/aws/AmazonEC2/current/region_index.json": region_index(
            {
                "eu-west-3": region_path("AmazonEC2", EU_VERSION, "eu-west-3"),
                "us-east-1": region_path("AmazonEC2", US_VERSION, "us-east-1"),
                "us-gov-west-1": region_path("AmazonEC2", US_VERSION, "us-gov-west-1"),
            }
        ),
        region_path("AmazonEC2", EU_VERSION, "eu-west-3", "csv"): EU_CSV.read_text("utf-8"),
        region_path("AmazonEC2", US_VERSION, "us-east-1", "csv"): us_east_1_csv(),
        region_path("AmazonEC2", US_VERSION, "us-east-1"): us_east_1_json(),
    }
    return {path: text.encode("utf-8") for path, text in files.items()}
