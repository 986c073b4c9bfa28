"""EC2 data transfer by region: out to the internet in AWS's volume tiers from coroot's
extraction of the Infracost AWS Price List dump (aws-rds-by-region-coroot-2024-08-09/,
32 regions), and within a region, to other regions and between the two US East regions
from Infracost's `data_transfer_test` golden output (infracost-golden-facts/).

That golden case prices one usage-file `aws_data_transfer` entry per region, each named
after its `region` key (`aws_data_transfer.sa-east-1` has `region: sa-east-1` in the
case's usage file), so the resource name gives the region of each line item; the CSV's
`tf_provider_region` column is the provider's, not the entry's.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, csv_rows, dec, load_json, put
from finops_gate.pricing.build.readers.coroot import COROOT_DIR
from finops_gate.pricing.build.readers.golden_specs import CENT, GOLDEN_FILE

COROOT_TRANSFER_FILE = f"{COROOT_DIR}/data_transfer_out_internet_by_region_2024-08-09.json"
GOLDEN_TRANSFER_TEST = "data_transfer_test"
GOLDEN_TRANSFER_PREFIX = "aws_data_transfer."

# coroot's tier starts (GB) -> key: the base key up to 10 TB, then one key per tier.
INTERNET_TIER_KEYS: dict[str, str] = {
    "0": keys.DATA_TRANSFER_INTERNET,
    **{
        str(start): key
        for start, key in zip(
            keys.DATA_TRANSFER_INTERNET_TIER_STARTS, keys.DATA_TRANSFER_INTERNET_TIERS, strict=True
        )
    },
}
# Infracost's line items -> key.
GOLDEN_TRANSFER_ITEMS: dict[str, str] = {
    "Intra-region data transfer": keys.DATA_TRANSFER_INTRA_REGION,
    "Outbound data transfer to Internet (first 10TB)": keys.DATA_TRANSFER_INTERNET,
    "Outbound data transfer to Internet (next 40TB)": keys.DATA_TRANSFER_INTERNET_TIERS[0],
    "Outbound data transfer to Internet (next 100TB)": keys.DATA_TRANSFER_INTERNET_TIERS[1],
    "Outbound data transfer to Internet (over 150TB)": keys.DATA_TRANSFER_INTERNET_TIERS[2],
    "Outbound data transfer to other regions": keys.DATA_TRANSFER_INTER_REGION,
    "Outbound data transfer to US East regions": keys.DATA_TRANSFER_US_EAST,
}
# AWS publishes data-transfer rates with at most four decimals (0.1093, 0.1105 USD/GB).
MAX_DECIMALS = 4


def coroot_data_transfer_date(sources: Path) -> str:
    return str(load_json(sources / COROOT_TRANSFER_FILE)["data_date"])


def coroot_internet_transfer(sources: Path, region: str) -> Prices:
    """Data transfer out to the internet, USD per GB, one key per volume tier."""
    tiers = load_json(sources / COROOT_TRANSFER_FILE)["regions"].get(region, {})
    if tiers and set(tiers) != set(INTERNET_TIER_KEYS):
        raise BuildError(f"{COROOT_TRANSFER_FILE}: {region}: unexpected tiers {sorted(tiers)}")
    prices: Prices = {}
    for start, value in sorted(tiers.items()):
        price = dec(value)
        if price <= 0:
            raise BuildError(f"{COROOT_TRANSFER_FILE}: {region}: tier {start} price {price}")
        put(prices, INTERNET_TIER_KEYS[start], price, f"{COROOT_TRANSFER_FILE} {region}")
    return prices


def golden_transfer_rows(sources: Path, region: str) -> dict[str, list[tuple[Decimal, Decimal]]]:
    """{key: [(quantity GB, cents-rounded monthly cost), ...]} of the region's entry."""
    rows: dict[str, list[tuple[Decimal, Decimal]]] = {}
    resource = f"{GOLDEN_TRANSFER_PREFIX}{region}"
    for raw in csv_rows(sources / GOLDEN_FILE):
        if raw["test"] != GOLDEN_TRANSFER_TEST or raw["resource"] != resource:
            continue
        key = GOLDEN_TRANSFER_ITEMS.get(raw["line_item"])
        if key is None:
            raise BuildError(f"{GOLDEN_FILE}: {resource}: unknown line item {raw['line_item']!r}")
        quantity = dec(raw["monthly_qty"].replace(",", ""))
        rows.setdefault(key, []).append((quantity, dec(raw["monthly_cost_usd"])))
    return rows


def reproduces(price: Decimal, quantity: Decimal, cost: Decimal) -> bool:
    """quantity x price, rounded to the cent as Infracost shows it, is the cost."""
    return (price * quantity).quantize(CENT, ROUND_HALF_UP) == cost


def shortest_price(quantity: Decimal, cost: Decimal) -> Decimal | None:
    """The unit price with the fewest decimals (at most MAX_DECIMALS) whose cost rounds to
    the shown cents: 82.88 USD for 750 GB is 0.1105 (0.11050666... is the rounding's)."""
    if quantity <= 0:
        return None
    exact = cost / quantity
    for decimals in range(MAX_DECIMALS + 1):
        candidate = exact.quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
        if candidate > 0 and reproduces(candidate, quantity, cost):
            return candidate.normalize()
    return None


def golden_data_transfer(sources: Path, region: str) -> Prices:
    """Intra-region, inter-region, US East and internet data transfer, USD per GB, from the
    golden line items of the region's `aws_data_transfer` entry; each price must reproduce
    every row of its key."""
    prices: Prices = {}
    for key, rows in sorted(golden_transfer_rows(sources, region).items()):
        quantity, cost = max(rows)
        price = shortest_price(quantity, cost)
        if price is None or not all(reproduces(price, q, c) for q, c in rows):
            raise BuildError(f"{GOLDEN_FILE}: {region} {key}: no price reproduces {rows}")
        prices[key] = price
    return prices


def check_data_transfer_against_golden(
    sources: Path, region: str, figures: dict[str, Decimal]
) -> list[str]:
    """The published figures of the region (`figures`: key -> price) that do not reproduce
    its golden data-transfer line items."""
    bad = []
    for key, rows in sorted(golden_transfer_rows(sources, region).items()):
        if key in figures and not all(reproduces(figures[key], q, c) for q, c in rows):
            bad.append(f"{key} = {figures[key]} does not give {rows}")
    return bad
