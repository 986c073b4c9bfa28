"""ec2instances.info data (aws-ec2instancesinfo-derived/): EC2 on-demand and spot by region
(2024-04), RDS Single-AZ by region and engine (2021-08-03)."""

from __future__ import annotations

from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import Prices, dec, load_json, put

EC2INFO_FILE = (
    "aws-ec2instancesinfo-derived/ec2_ondemand_linux_by_region_opszero_pr735_2024-04.json"
)
RDSINFO_FILE = "aws-ec2instancesinfo-derived/rds_instances_2021-08-03.json"


def ec2instancesinfo_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand USD/hour. A type may be listed once per architecture (i386 and
    x86_64) with the same price; an ondemand of 0 or empty means "no price": skipped."""
    prices: Prices = {}
    for entry in load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("region") != region or not entry.get("ondemand"):
            continue
        price = dec(entry["ondemand"])
        if price > 0:
            put(prices, keys.ec2_instance(entry["instance-type"]), price, EC2INFO_FILE)
    return prices


def ec2instancesinfo_spot(sources: Path, region: str) -> Prices:
    """Average spot price USD/hour (``spot_avg``) as ``ec2:<type>:spot`` (rule spot-average)."""
    prices: Prices = {}
    for entry in load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("region") != region or not entry.get("spot_avg"):
            continue
        price = dec(entry["spot_avg"])
        if price > 0:
            put(prices, keys.ec2_spot(entry["instance-type"]), price, EC2INFO_FILE)
    return prices


# www/rds/instances.json keys each region's prices twice. Once by the offer file's
# databaseEngine name ("MySQL", "Oracle", "SQL Server", ...): not unique per edition or
# licence model, the last SKU processed wins (us-east-1 db.m5.large "Oracle" is the 0.407
# SE1 licence-included price, eu-central-1 db.t3.xlarge "SQL Server" is Express): never used.
# Once by the offer file's engineCode, unique per engine + edition + licence model: used.
# Code meanings, verified by matching prices of the same class against terracost eu-west-1
# (databaseEngine/databaseEdition/licenseModel) and Infracost's us-east-1 golden line items
# (db.m5.large: 2 = 0.171 MySQL; db.t3.large: 14 = 0.145 postgres, 10 = 0.162, 11 = 0.232,
# 20 = 0.3 Oracle SE2 licence included; db.m5.xlarge: 12 = 1.224, 15 = 2.336):
RDS_ENGINE_CODES: dict[str, str] = {
    "2": "mysql",
    "14": "postgres",
    "18": "mariadb",
    "19": "oracle-se2",  # Oracle Standard Edition Two, bring your own licence
    "20": "oracle-se2-li",  # Oracle Standard Edition Two, licence included
    "5": "oracle-ee",  # Oracle Enterprise Edition, bring your own licence
    "10": "sqlserver-ex",  # SQL Server Express, licence included
    "11": "sqlserver-web",  # SQL Server Web, licence included
    "12": "sqlserver-se",  # SQL Server Standard, licence included
    "15": "sqlserver-ee",  # SQL Server Enterprise, licence included
    "16": "aurora-mysql",  # Aurora MySQL (standard storage configuration)
    "21": "aurora-postgresql",  # Aurora PostgreSQL (standard storage configuration)
}
# Not used: 3 / 4 (Oracle SE1 / SE, BYOL), 6 (Oracle SE1, licence included), 230-232
# (SQL Server on Outposts), 100 / 110 / 120 (db.*v11 classes).
# The file has no Multi-AZ prices: its scraper skipped every "Multi-AZ" price dimension.


def ec2instancesinfo_rds(sources: Path, region: str) -> Prices:
    """RDS Single-AZ on-demand USD/hour per instance class and engine."""
    prices: Prices = {}
    for instance in load_json(sources / RDSINFO_FILE):
        by_code = instance["pricing"].get(region, {})
        for code, engine in RDS_ENGINE_CODES.items():
            price = by_code.get(code, {}).get("ondemand")
            if price and price > 0:
                key = keys.rds_instance(instance["instance_type"], engine, "single-az")
                put(prices, key, dec(price), RDSINFO_FILE)
    return prices
