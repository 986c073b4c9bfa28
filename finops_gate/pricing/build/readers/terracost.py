"""The terracost dump of AWS's offer files (aws-terracost-eu-west-1-2023-02-23/): EC2 of
every tenancy, EBS-optimized fees, RDS instances, and the services mapped by
`finops_gate.pricing.usage_types` (the same map as `pricing build --from-aws-offer`).

A region needs its usage-type prefix in `TERRACOST_USAGE_PREFIX` to be read."""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, dec, put
from finops_gate.pricing.usage_types import priced_operating_system, usage_item

TERRACOST_FILE = (
    "aws-terracost-eu-west-1-2023-02-23/"
    "terracost_pricing_dump_2023-02-23.products_with_prices.jsonl.gz"
)
TERRACOST_USAGE_PREFIX = {"eu-west-1": "EU-"}  # usageType prefix of the region's products


@lru_cache(maxsize=2)
def _terracost_rows(path: Path) -> tuple[dict[str, Any], ...]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return tuple(json.loads(line) for line in fh if line.strip())


def _terracost_products(sources: Path, region: str) -> Iterable[dict[str, Any]]:
    """The region's products, without AWS Outposts ones (on-premises racks)."""
    for row in _terracost_rows(sources / TERRACOST_FILE):
        attrs = row["attributes"]
        if row["location"] != region or "Outpost" in attrs.get("UsageType", ""):
            continue
        if "Outpost" in attrs.get("DatabaseEngine", ""):
            continue
        yield row


def _ondemand_tiers(row: Mapping[str, Any]) -> dict[Decimal, tuple[Decimal, str]]:
    """{tier start: (price, unit)} of a product's on-demand price dimensions."""
    tiers: dict[Decimal, tuple[Decimal, str]] = {}
    for dim in row["prices"]:
        if dim["attributes"].get("TermType") == "OnDemand":
            start = dec(dim["attributes"].get("StartingRange") or "0")
            tiers[start] = (dec(dim["price"]), dim["unit"])
    return tiers


def _single_ondemand(row: Mapping[str, Any], unit: str) -> Decimal | None:
    tiers = _ondemand_tiers(row)
    if not tiers:
        return None
    if len(tiers) != 1 or next(iter(tiers.values()))[1] != unit:
        raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']}: expected one {unit} price")
    return next(iter(tiers.values()))[0]


def _terracost_ec2_linux(
    sources: Path,
    region: str,
    tenancy: str,
    key: Callable[[str], str],
    operating_system: str = "Linux",
) -> Prices:
    """EC2 of one operating system (Linux unless said) and tenancy, no pre-installed
    software, capacity status Used, licence included (the dump's "No License required"
    rows: for Windows they carry the licence-included price, its "Bring your own
    license" rows the Linux price)."""
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        attrs = row["attributes"]
        if not (
            row["service"] == "AmazonEC2"
            and row["family"].startswith("Compute Instance")
            and attrs.get("OperatingSystem") == operating_system
            and attrs.get("Tenancy") == tenancy
            and attrs.get("PreInstalledSW") == "NA"
            and attrs.get("CapacityStatus") == "Used"
            and attrs.get("LicenseModel") == "No License required"
        ):
            continue
        price = _single_ondemand(row, "Hrs")
        if price:
            put(prices, key(attrs["InstanceType"]), price, TERRACOST_FILE)
    return prices


def terracost_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux, shared tenancy, as ``ec2:<type>``."""
    return _terracost_ec2_linux(sources, region, "Shared", keys.ec2_instance)


def terracost_ec2_dedicated(sources: Path, region: str) -> Prices:
    """EC2 Linux, dedicated tenancy (dedicated instance), as ``ec2:<type>:dedicated``."""
    return _terracost_ec2_linux(sources, region, "Dedicated", keys.ec2_dedicated)


def terracost_ec2_windows(sources: Path, region: str) -> Prices:
    """EC2 Windows (licence included), shared and dedicated tenancy, as
    ``ec2:<type>:windows`` and ``ec2:<type>:windows:dedicated``, and Windows CPU credits."""
    prices = _terracost_ec2_linux(sources, region, "Shared", _windows_key, "Windows")
    prices.update(
        _terracost_ec2_linux(sources, region, "Dedicated", _windows_dedicated_key, "Windows")
    )
    prices.update(terracost_ec2_windows_cpu_credits(sources, region))
    return prices


def terracost_ec2_windows_cpu_credits(sources: Path, region: str) -> Prices:
    """Unlimited-mode CPU credits of Windows instances (product family "CPU Credits",
    usage type "<prefix>CPUCredits:<family>", operating system Windows)."""
    prefix = TERRACOST_USAGE_PREFIX.get(region)
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        attrs = row["attributes"]
        usage = attrs.get("UsageType", "")
        family = usage.removeprefix(f"{prefix}CPUCredits:") if prefix else ""
        key = keys.EC2_CPU_CREDITS_WINDOWS.get(family)
        if row["family"] != "CPU Credits" or attrs.get("OperatingSystem") != "Windows" or not key:
            continue
        price = _single_ondemand(row, "vCPU-Hours")
        if price:
            put(prices, key, price, TERRACOST_FILE)
    return prices


def _windows_key(instance_type: str) -> str:
    return keys.ec2_platform(instance_type, "windows")


def _windows_dedicated_key(instance_type: str) -> str:
    return keys.ec2_platform(instance_type, "windows", dedicated=True)


# Dedicated Hosts: products "<prefix>HostUsage:<family>" of family "Dedicated Host",
# tenancy Host (tenancy Reserved rows are the reservation's own usage types).
HOST_USAGE = re.compile(r"(?:[A-Z0-9]+-)?HostUsage:(?P<family>[a-z0-9][a-z0-9-]*)")


def terracost_ec2_hosts(sources: Path, region: str) -> Prices:
    """EC2 Dedicated Hosts, on-demand, as ``ec2-host:<family>``."""
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        attrs = row["attributes"]
        match = HOST_USAGE.fullmatch(attrs.get("UsageType", ""))
        if row["family"] != "Dedicated Host" or attrs.get("Tenancy") != "Host" or not match:
            continue
        price = _single_ondemand(row, "Hrs")
        if price:
            put(prices, keys.ec2_host(match["family"]), price, TERRACOST_FILE)
    return prices


# The hourly EBS-optimized fee: products "<prefix>EBSOptimized:<type>". AWS lists one for
# every type that can be EBS-optimized: 0 where it is included (current generations, on by
# default), > 0 for the few previous-generation types that charge for it.
EBS_OPTIMIZED_USAGE = re.compile(r"(?:[A-Z0-9]+-)?EBSOptimized:(?P<type>[a-z0-9][a-z0-9.-]*)")


def terracost_ebs_optimized_fees(sources: Path, region: str) -> dict[str, Decimal]:
    """{instance type: hourly EBS-optimized fee}, 0 included, from the offer data."""
    fees: dict[str, Decimal] = {}
    for row in _terracost_products(sources, region):
        match = EBS_OPTIMIZED_USAGE.fullmatch(row["attributes"].get("UsageType", ""))
        if row["service"] != "AmazonEC2" or match is None:
            continue
        if match["type"] != row["attributes"].get("InstanceType"):
            raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']}: usage type / instance type")
        fee = _single_ondemand(row, "Hrs")
        if fee is None or fees.get(match["type"], fee) != fee:
            raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']}: no single EBS-optimized fee")
        fees[match["type"]] = fee
    return fees


def terracost_ebs_optimized(sources: Path, region: str) -> Prices:
    """``ec2:<type>:ebs-optimized`` where the fee is charged (the table never holds 0)."""
    prices: Prices = {}
    for instance_type, fee in sorted(terracost_ebs_optimized_fees(sources, region).items()):
        if fee:
            put(prices, keys.ec2_ebs_optimized(instance_type), fee, TERRACOST_FILE)
    return prices


# (databaseEngine, databaseEdition, licenseModel) -> engine. Not mapped, hence skipped:
# licence model "NA" (RDS Custom for SQL Server), Aurora, Outposts engines.
TERRACOST_RDS_ENGINES: dict[tuple[str, str, str], str] = {
    ("MySQL", "", "No license required"): "mysql",
    ("PostgreSQL", "", "No license required"): "postgres",
    ("MariaDB", "", "No license required"): "mariadb",
    ("Oracle", "Standard Two", "Bring your own license"): "oracle-se2",
    ("Oracle", "Standard Two", "License included"): "oracle-se2-li",
    ("Oracle", "Enterprise", "Bring your own license"): "oracle-ee",
    ("SQL Server", "Express", "License included"): "sqlserver-ex",
    ("SQL Server", "Web", "License included"): "sqlserver-web",
    ("SQL Server", "Standard", "License included"): "sqlserver-se",
    ("SQL Server", "Enterprise", "License included"): "sqlserver-ee",
    ("Aurora MySQL", "", "No license required"): "aurora-mysql",
    ("Aurora PostgreSQL", "", "No license required"): "aurora-postgresql",
}
# "Multi-AZ (readable standbys)" (Multi-AZ DB clusters) is a different product: skipped.
TERRACOST_DEPLOYMENTS = {"Single-AZ": "single-az", "Multi-AZ": "multi-az"}


def terracost_rds(sources: Path, region: str) -> Prices:
    """RDS on-demand USD/hour, Single-AZ and Multi-AZ (SQL Server Multi-AZ = mirroring)."""
    found: dict[str, set[Decimal]] = defaultdict(set)
    for row in _terracost_products(sources, region):
        attrs = row["attributes"]
        if row["service"] != "AmazonRDS" or row["family"] != "Database Instance":
            continue
        engine = TERRACOST_RDS_ENGINES.get(
            (
                attrs.get("DatabaseEngine", ""),
                attrs.get("DatabaseEdition", ""),
                attrs.get("LicenseModel", ""),
            )
        )
        deployment = TERRACOST_DEPLOYMENTS.get(attrs.get("DeploymentOption", ""))
        price = _single_ondemand(row, "Hrs")
        if engine and deployment and price:
            found[keys.rds_instance(attrs["InstanceType"], engine, deployment)].add(price)
    prices: Prices = {}
    for key, candidates in found.items():
        if len(candidates) > 1 and not key.endswith(":oracle-ee:single-az"):
            raise BuildError(f"{TERRACOST_FILE}: {key} has prices {sorted(candidates)}")
        # Oracle EE BYOL Single-AZ of db.m5/db.r5 classes is listed twice with identical
        # attributes: RDS proper and RDS Custom for Oracle (about 20% more). The dump lacks
        # the attribute that tells them apart; the lower one is RDS proper (it equals
        # ec2instances.info's engine code 5, e.g. db.m5.large 0.189 vs 0.227).
        prices[key] = min(candidates)
    return prices


def terracost_services(sources: Path, region: str) -> Prices:
    """The products `usage_types.USAGE_TYPES` maps: EBS, NAT gateway, Elastic IP, CPU credits,
    load balancers, RDS and Aurora storage / IOPS / backup, CloudWatch."""
    prefix = TERRACOST_USAGE_PREFIX.get(region)
    if prefix is None:
        return {}
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        usage = row["attributes"].get("UsageType", "")
        if not usage.startswith(prefix):
            continue
        item = usage_item(row["service"], row["family"], usage[len(prefix) :])
        if item is None or not priced_operating_system(
            row["attributes"].get("OperatingSystem", "")
        ):
            continue
        tiers = _ondemand_tiers(row)
        if item.begin not in tiers or tiers[item.begin][1] != item.unit:
            raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']} ({usage}): unexpected {tiers}")
        price = (tiers[item.begin][0] * item.factor).normalize()
        put(prices, item.key, price, f"{TERRACOST_FILE} {usage}")
    return prices
