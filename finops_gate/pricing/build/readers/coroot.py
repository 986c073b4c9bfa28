"""RDS for MySQL and PostgreSQL by region from coroot's extraction of the Infracost AWS
Price List dump (aws-rds-by-region-coroot-2024-08-09/): a month older than AWS's RDS
pricing page (ec2shop folder), it fills the classes and deployments that page lacks. Its
Aurora file (each value Standard or I/O-Optimized, unknowable which) is not read."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, csv_rows, dec, load_json, put
from finops_gate.pricing.build.readers.ec2shop import AWS_PAGE_RDS_FILE

COROOT_DIR = "aws-rds-by-region-coroot-2024-08-09"
COROOT_RDS_FILE = f"{COROOT_DIR}/rds_mysql_postgres_ondemand_by_region_2024-08-09.json"
COROOT_ENGINES = {"mysql": "mysql", "postgres": "postgres"}
COROOT_DEPLOYMENTS = {"single_az": "single-az", "multi_az": "multi-az"}


def coroot_data_date(sources: Path) -> str:
    return str(load_json(sources / COROOT_RDS_FILE)["data_date"])


@lru_cache(maxsize=2)
def page_rds_classes(sources: Path) -> frozenset[str]:
    """The instance classes AWS's RDS pricing page lists in some region."""
    return frozenset(row["instance_type"] for row in csv_rows(sources / AWS_PAGE_RDS_FILE))


def coroot_rds(sources: Path, region: str) -> Prices:
    """RDS MySQL / PostgreSQL instances, Single-AZ and Multi-AZ, USD per hour, of the
    classes AWS's RDS pricing page lists somewhere (the dump also holds classes no page
    shows, e.g. db.cv11.*, whose product is unclear: not read). A null cell is an upstream
    gap (one row per region and engine is lost), never a price."""
    known = page_rds_classes(sources)
    prices: Prices = {}
    engines = load_json(sources / COROOT_RDS_FILE)["regions"].get(region, {})
    for engine_name, classes in sorted(engines.items()):
        engine = COROOT_ENGINES.get(engine_name)
        if engine is None:
            raise BuildError(f"{COROOT_RDS_FILE}: unknown engine {engine_name!r}")
        for instance_class, by_deployment in sorted(classes.items()):
            if instance_class not in known:
                continue
            for name, value in sorted(by_deployment.items()):
                if value is None:
                    continue
                key = keys.rds_instance(instance_class, engine, COROOT_DEPLOYMENTS[name])
                price = dec(value)
                if price > 0:
                    put(prices, key, price, f"{COROOT_RDS_FILE} {region} {instance_class}")
    return prices
