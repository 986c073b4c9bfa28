"""Build a price table from AWS's own Price List files.

Accepted inputs (one file, or a directory of them; the shapes are AWS's):

* the Bulk API offer CSV (`.../offers/v1.0/aws/<Offer>/current/<region>/index.csv`): five
  metadata rows (FormatVersion, Disclaimer, Publication Date, Version, OfferCode), a header
  row, then one row per price dimension;
* the Bulk API offer JSON (`index.json`): `products` by SKU and `terms.OnDemand` by SKU;
* the Query API (`pricing:GetProducts`): one PriceList element (`product`, `terms`), or a
  whole response (`{"PriceList": [element or JSON text, ...]}`), or a JSON list of elements;
* Savings Plans files are recognised and skipped (they hold no on-demand prices).

Only on-demand prices in USD are read. Products map to price keys as follows (everything
else is ignored): EC2 Linux instances with no pre-installed software (`ec2:<type>` for
shared tenancy, `ec2:<type>:dedicated` for dedicated, `ec2:<type>:ebs-optimized` for a
non-zero EBS-optimized fee), and the products of `finops_gate.pricing.usage_types` (the map
the bundled-table builder uses too): EBS volumes, IOPS, throughput, I/O and snapshots, NAT
gateways, idle Elastic IPs, CPU credits, load balancers, RDS and Aurora storage / IOPS /
backup, Aurora Serverless v2, CloudWatch metrics, alarms and logs. Each input file becomes
one source, dated by its publication date.

`stream_offer_csv` reads an offer CSV one row at a time from any text stream, and
`price_figure` maps one product to its figure: `finops_gate.pricing.update` uses both on
downloads too large to hold, so both paths give the same figures for the same rows.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import field
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from finops_gate.cost.prices import MAX_UNIT_PRICE
from finops_gate.errors import PriceTableError
from finops_gate.pricing import keys
from finops_gate.pricing.layout import Figure, render_table
from finops_gate.pricing.usage_types import (
    ANY_FAMILY,
    GB_MONTH,
    HOURS,
    IOPS_MONTH,
    USAGE_TYPES,
    UsageItem,
    priced_operating_system,
    usage_item,
)
from finops_gate.records import record

__all__ = [
    "GB_MONTH",
    "HOURS",
    "IOPS_MONTH",
    "LOAD_BALANCERS",
    "LOCATIONS",
    "OFFER_CSV_METADATA_ROWS",
    "USAGE_ITEMS",
    "Dimension",
    "IngestResult",
    "OfferFile",
    "OfferHeader",
    "Product",
    "UsageItem",
    "ingest",
    "offer_files",
    "price_figure",
    "product_price",
    "product_region",
    "read_get_products",
    "read_offer_csv",
    "read_offer_file",
    "read_offer_json",
    "source_id",
    "stream_offer_csv",
]

# AWS location names (the `location` attribute) of the commercial regions, for files that
# predate the `regionCode` attribute.
LOCATIONS: dict[str, str] = {
    "US East (N. Virginia)": "us-east-1",
    "US East (Ohio)": "us-east-2",
    "US West (N. California)": "us-west-1",
    "US West (Oregon)": "us-west-2",
    "Africa (Cape Town)": "af-south-1",
    "Asia Pacific (Hong Kong)": "ap-east-1",
    "Asia Pacific (Tokyo)": "ap-northeast-1",
    "Asia Pacific (Seoul)": "ap-northeast-2",
    "Asia Pacific (Osaka)": "ap-northeast-3",
    "Asia Pacific (Osaka-Local)": "ap-northeast-3",
    "Asia Pacific (Mumbai)": "ap-south-1",
    "Asia Pacific (Hyderabad)": "ap-south-2",
    "Asia Pacific (Singapore)": "ap-southeast-1",
    "Asia Pacific (Sydney)": "ap-southeast-2",
    "Asia Pacific (Jakarta)": "ap-southeast-3",
    "Asia Pacific (Melbourne)": "ap-southeast-4",
    "Asia Pacific (Malaysia)": "ap-southeast-5",
    "Asia Pacific (Thailand)": "ap-southeast-7",
    "Canada (Central)": "ca-central-1",
    "Canada West (Calgary)": "ca-west-1",
    "EU (Frankfurt)": "eu-central-1",
    "EU (Zurich)": "eu-central-2",
    "EU (Stockholm)": "eu-north-1",
    "EU (Milan)": "eu-south-1",
    "EU (Spain)": "eu-south-2",
    "EU (Ireland)": "eu-west-1",
    "EU (London)": "eu-west-2",
    "EU (Paris)": "eu-west-3",
    "Israel (Tel Aviv)": "il-central-1",
    "Middle East (UAE)": "me-central-1",
    "Middle East (Bahrain)": "me-south-1",
    "Mexico (Central)": "mx-central-1",
    "South America (Sao Paulo)": "sa-east-1",
}


# Views of `usage_types.USAGE_TYPES`, the one usage-type -> key map (match products with
# `usage_types.usage_item`, which also checks the service): usage type -> item for the items
# of any product family, and (product family, usage type) -> item for the family-specific
# ones (load balancers, CloudWatch Logs ingestion).
USAGE_ITEMS: dict[str, UsageItem] = {
    usage: item for (_, family, usage), item in USAGE_TYPES.items() if family == ANY_FAMILY
}
LOAD_BALANCERS: dict[tuple[str, str], UsageItem] = {
    (family, usage): item
    for (_, family, usage), item in USAGE_TYPES.items()
    if family != ANY_FAMILY
}
_REGION_PREFIX = re.compile(r"^[A-Z]{2,5}[0-9]?-(?=[A-Za-z])")


def _norm(name: str) -> str:
    """Attribute names differ between CSV ("Instance Type") and JSON ("instanceType")."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@record
class Dimension:
    begin: Decimal
    unit: str
    usd: Decimal


@record(frozen=False)
class Product:
    sku: str
    family: str
    service: str
    attributes: dict[str, str]  # normalised names (see _norm)
    on_demand: list[Dimension] = field(default_factory=list)

    def attr(self, name: str) -> str:
        return self.attributes.get(_norm(name), "")


@record(frozen=False)
class OfferFile:
    """One input file, read into products with their on-demand price dimensions."""

    path: Path
    kind: str  # "offer-csv", "offer-json", "get-products", "savings-plans"
    offer_code: str
    published: date | None
    products: list[Product]


def _decimal(text: Any, where: str) -> Decimal:
    """A finite, non-negative number from an offer file (a price or a tier's start)."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise PriceTableError(f"{where}: {_excerpt(text)} is not a price") from None
    if not value.is_finite() or value < 0:
        raise PriceTableError(f"{where}: {_excerpt(text)} is not a price")
    return value


def _price(text: Any, where: str) -> Decimal:
    """A unit price in USD: `_decimal`, and no more than the loader accepts (NaN, Infinity
    or 1e999999 would otherwise be written into the table as invalid JSON)."""
    value = _decimal(text, where)
    if value > Decimal(MAX_UNIT_PRICE):
        raise PriceTableError(
            f"{where}: {_excerpt(text)}: above {MAX_UNIT_PRICE:,.0f} USD, not a plausible price"
        )
    return value


def _excerpt(text: Any) -> str:
    shown = repr(text)
    return shown if len(shown) <= 40 else f"{shown[:40]}... ({len(shown)} characters)"


def _date(text: str) -> date | None:
    match = re.match(r"\d{4}-\d{2}-\d{2}", text or "")
    if match is None:
        return None
    try:
        return date.fromisoformat(match[0])
    except ValueError:  # 2026-13-45: no usable publication date, like no date at all
        return None


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------


@record
class OfferHeader:
    """The five metadata rows at the top of an offer CSV."""

    offer_code: str
    published: date | None
    publication: str  # the file's own text, e.g. 2020-10-19T20:48:02Z
    version: str


OFFER_CSV_METADATA_ROWS = 5


def stream_offer_csv(lines: Iterable[str], where: str) -> tuple[OfferHeader, Iterator[Product]]:
    """An offer CSV read one row at a time: its metadata, then one `Product` per on-demand
    USD row, holding that row's single price dimension (rows of one SKU are not merged).

    `lines` may be a text stream: only the current row is ever held. A row whose column
    count differs from the header's, or a metadata block without FormatVersion/OfferCode,
    is a PriceTableError; so is a csv.Error (a NUL byte, an overlong field).
    """
    # strict: AWS quotes every field, so a stray or unclosed quote is damage, not data.
    reader = csv.reader(lines, strict=True)
    metadata: dict[str, str] = {}
    try:
        for meta in itertools.islice(reader, OFFER_CSV_METADATA_ROWS):
            if len(meta) >= 2:
                metadata[meta[0]] = meta[1]
        if "FormatVersion" not in metadata or "OfferCode" not in metadata:
            raise PriceTableError(
                f"{where}: not an AWS offer CSV (no FormatVersion/OfferCode rows)"
            )
        header = next(reader, None)
    except csv.Error as error:
        raise PriceTableError(f"{where}: not a valid offer CSV: {error}") from None
    if not header:
        raise PriceTableError(f"{where}: an offer CSV without its header row")
    offer = OfferHeader(
        metadata["OfferCode"],
        _date(metadata.get("Publication Date", "")),
        metadata.get("Publication Date", ""),
        metadata.get("Version", ""),
    )
    return offer, _csv_products(reader, header, where)


def _csv_products(reader: Any, header: list[str], where: str) -> Iterator[Product]:
    column = {name: index for index, name in enumerate(header)}
    term, currency = column.get("TermType"), column.get("Currency")
    if term is None:
        raise PriceTableError(f"{where}: an offer CSV without a TermType column")
    names = [_norm(name) for name in header]
    try:
        for row in reader:
            if not row:
                continue  # a blank line, as csv.DictReader skips
            at = f"{where}:{reader.line_num}"
            if len(row) != len(header):
                raise PriceTableError(
                    f"{at}: {len(row)} fields where the header has {len(header)}: "
                    "not a valid offer CSV"
                )
            if row[term] != "OnDemand" or (currency is not None and row[currency] != "USD"):
                continue
            values = dict(zip(header, row, strict=True))
            attributes = {names[i]: value for i, value in enumerate(row) if value and header[i]}
            product = Product(
                values.get("SKU", ""),
                values.get("Product Family", ""),
                values.get("serviceCode", ""),
                attributes,
            )
            product.on_demand.append(
                Dimension(
                    _decimal(values.get("StartingRange") or "0", at),
                    values.get("Unit", ""),
                    _price(values.get("PricePerUnit", ""), at),
                )
            )
            yield product
    except csv.Error as error:
        raise PriceTableError(f"{where}: not a valid offer CSV: {error}") from None


def read_offer_csv(path: Path, text: str) -> OfferFile:
    header, rows = stream_offer_csv(text.splitlines(keepends=True), str(path))
    products: dict[str, Product] = {}
    for row in rows:
        product = products.get(row.sku)
        if product is None:
            products[row.sku] = row
        else:
            product.on_demand.extend(row.on_demand)
    return OfferFile(
        path, "offer-csv", header.offer_code, header.published, list(products.values())
    )


def _terms_dimensions(terms: Mapping[str, Any], where: str) -> list[Dimension]:
    dimensions = []
    for term in terms.values():
        for dim in term.get("priceDimensions", {}).values():
            usd = dim.get("pricePerUnit", {}).get("USD")
            if usd is None:
                continue
            dimensions.append(
                Dimension(
                    _decimal(dim.get("beginRange") or "0", where),
                    dim.get("unit", ""),
                    _price(usd, where),
                )
            )
    return dimensions


def _product(raw: Mapping[str, Any], service: str) -> Product:
    attributes = {_norm(k): str(v) for k, v in raw.get("attributes", {}).items()}
    return Product(
        str(raw.get("sku", "")),
        str(raw.get("productFamily", "")),
        str(raw.get("serviceCode") or attributes.get("servicecode") or service),
        attributes,
    )


def read_offer_json(path: Path, data: Mapping[str, Any]) -> OfferFile:
    on_demand = data.get("terms", {}).get("OnDemand", {})
    products = []
    for sku, raw in data.get("products", {}).items():
        product = _product(raw, str(data.get("offerCode", "")))
        product.on_demand = _terms_dimensions(on_demand.get(sku, {}), f"{path}: {sku}")
        products.append(product)
    return OfferFile(
        path,
        "offer-json",
        str(data.get("offerCode", "")),
        _date(str(data.get("publicationDate", ""))),
        products,
    )


def read_get_products(path: Path, elements: list[Any]) -> OfferFile:
    products, dates, service = [], [], ""
    for element in elements:
        item = json.loads(element) if isinstance(element, str) else element
        service = str(item.get("serviceCode", service))
        product = _product(item.get("product", {}), service)
        terms = item.get("terms", {}).get("OnDemand", {})
        product.on_demand = _terms_dimensions(terms, f"{path}: {product.sku}")
        dates += [_date(str(t.get("effectiveDate", ""))) for t in terms.values()]
        published = _date(str(item.get("publicationDate", "")))
        dates.append(published)
        products.append(product)
    known = [d for d in dates if d is not None]
    return OfferFile(path, "get-products", service, max(known) if known else None, products)


def read_offer_file(path: Path) -> OfferFile:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise PriceTableError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError:
        raise PriceTableError(f"{path}: not a text file") from None
    if text.lstrip().startswith('"FormatVersion"') or text.startswith("FormatVersion"):
        try:
            return read_offer_csv(path, text)
        except csv.Error as error:  # e.g. a field over the csv module's 131,072 characters
            raise PriceTableError(f"{path}: not a valid offer CSV: {error}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise PriceTableError(f"{path}: neither an offer CSV nor JSON: {error.msg}") from None
    except RecursionError:
        raise PriceTableError(f"{path}: JSON nested too deeply for a Price List file") from None
    try:
        return _read_offer_json_document(path, data)
    except (AttributeError, TypeError, KeyError, IndexError):
        # The readers walk the documented shape; a file with another shape (a list where
        # an object belongs) is not a Price List file, whoever wrote it.
        raise PriceTableError(f"{path}: not in the shape of an AWS Price List file") from None


def _read_offer_json_document(path: Path, data: Any) -> OfferFile:
    if isinstance(data, list):
        return read_get_products(path, data)
    if not isinstance(data, dict):
        raise PriceTableError(f"{path}: not an AWS Price List file")
    if "PriceList" in data:
        return read_get_products(path, list(data["PriceList"]))
    if "product" in data and "terms" in data:
        return read_get_products(path, [data])
    if "products" in data and isinstance(data["products"], dict):
        return read_offer_json(path, data)
    if "products" in data or "regions" in data:  # Savings Plans (rates, region index)
        return OfferFile(path, "savings-plans", "", _date(str(data.get("publicationDate"))), [])
    raise PriceTableError(f"{path}: not an AWS Price List file (no products or PriceList)")


def offer_files(paths: list[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix in (".csv", ".json")
            )
        elif path.exists():
            yield path
        else:
            raise PriceTableError(f"{path}: no such file or directory")


# --------------------------------------------------------------------------------------------
# Products -> price keys
# --------------------------------------------------------------------------------------------


def product_region(product: Product) -> str | None:
    code = product.attr("regionCode")
    if code:
        return code
    return LOCATIONS.get(product.attr("location"))


def _rate(product: Product, unit: str, begin: Decimal = Decimal(0)) -> Decimal | None:
    for dim in product.on_demand:
        if dim.begin == begin and dim.unit == unit:
            return dim.usd
    return None


def product_price(product: Product, offer_code: str = "") -> tuple[str, Decimal] | None:
    """(price key, price in the key's unit) or None when the product maps to no key.

    `offer_code`: the code of the offer file the product comes from (`AmazonEC2`), tried
    after the product's own service code when matching `usage_types.USAGE_TYPES`."""
    family = product.family
    usage = _REGION_PREFIX.sub("", product.attr("usagetype"), count=1)
    if usage.startswith("EBSOptimized:"):
        # AWS lists the fee for every type that can be EBS-optimized: 0 where it is
        # included, which the table never stores (no key: no charge).
        fee = _rate(product, HOURS)
        instance_type = usage.removeprefix("EBSOptimized:")
        return (keys.ec2_ebs_optimized(instance_type), fee) if fee else None
    if family.startswith("Compute Instance"):
        return _instance_price(product)
    item = next(
        (
            found
            for service in dict.fromkeys((product.service, offer_code))
            if (found := usage_item(service, family, usage)) is not None
        ),
        None,
    )
    if item is None or not priced_operating_system(product.attr("operatingSystem")):
        return None
    price = _rate(product, item.unit, item.begin)
    if price is None:
        return None
    return item.key, (price * item.factor).normalize()


def _instance_price(product: Product) -> tuple[str, Decimal] | None:
    """EC2 Linux with no pre-installed software, shared or dedicated tenancy."""
    if not (
        product.attr("operatingSystem") == "Linux"
        and product.attr("preInstalledSw") in ("NA", "")
        and product.attr("capacitystatus") in ("Used", "")
        and product.attr("licenseModel") in ("No License required", "")
    ):
        return None
    instance_type = product.attr("instanceType")
    key = {"Shared": keys.ec2_instance, "Dedicated": keys.ec2_dedicated}.get(
        product.attr("tenancy")
    )
    price = _rate(product, HOURS)
    if key is None or price is None or not instance_type:
        return None
    return key(instance_type), price


def price_figure(product: Product, offer_code: str = "") -> tuple[str, str, Decimal] | None:
    """(region, price key, price) of a product the table uses, or None. A zero price is
    None too: the table never stores one (a missing key is "price not found", never $0).
    `offer_code`: as for `product_price`."""
    region = product_region(product)
    mapped = product_price(product, offer_code)
    if region is None or mapped is None or mapped[1] <= 0:
        return None
    return region, mapped[0], mapped[1]


@record(frozen=False)
class IngestResult:
    tables: dict[str, dict[str, Figure]]
    sources: dict[str, dict[str, str]]
    skipped: list[str]  # files without any price the table uses, and why

    def render(self) -> str:
        return render_table(self.tables, self.sources, {})

    def summary_lines(self) -> list[str]:
        """One line per region and per skipped file (whose name may hold any character)."""
        lines = [
            f"{region}: {len(prices)} prices" for region, prices in sorted(self.tables.items())
        ]
        lines += [f"skipped {reason}" for reason in self.skipped]
        return lines

    def summary(self) -> str:
        return "\n".join(self.summary_lines())


def source_id(offer: OfferFile) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", offer.path.stem)
    return f"aws-price-list:{offer.offer_code or 'unknown'}:{stem}"


def ingest(paths: list[Path]) -> IngestResult:
    tables: dict[str, dict[str, Figure]] = {}
    sources: dict[str, dict[str, str]] = {}
    skipped: list[str] = []
    for path in offer_files(paths):
        offer = read_offer_file(path)
        sid = source_id(offer)
        used = 0
        for product in offer.products:
            figure = price_figure(product, offer.offer_code)
            if figure is None:
                continue
            region, key, price = figure
            table = tables.setdefault(region, {})
            if key in table and table[key].price != price:
                raise PriceTableError(
                    f"{path}: {region} {key} has two prices: {table[key].price} and {price}"
                )
            table[key] = Figure(price, sid)
            used += 1
        if not used:
            why = "no on-demand prices" if offer.kind == "savings-plans" else "no mapped prices"
            skipped.append(f"{path.name} ({offer.kind}: {why})")
            continue
        if offer.published is None:
            raise PriceTableError(f"{path}: no publication or effective date")
        sources[sid] = {
            "title": f"AWS Price List {offer.kind} file {path.name} "
            f"(offer {offer.offer_code or 'unknown'})",
            "origin": f"AWS Price List API, file {path.name}",
            "license": "AWS Price List (public pricing data)",
            "as_of": offer.published.isoformat(),
        }
    if not tables:
        raise PriceTableError("no price in the input maps to a price key of finops-gate")
    return IngestResult(tables, sources, skipped)
