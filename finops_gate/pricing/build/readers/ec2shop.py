"""AWS's own pricing-page files saved by ec2.shop (aws-pricing-page-ec2shop-2025-04-05/):
EC2 Linux on-demand, RDS MySQL / PostgreSQL / MariaDB, EBS and Amazon MQ by region."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import BuildError, Prices, dec, put, rows_by_region

EC2SHOP_DIR = "aws-pricing-page-ec2shop-2025-04-05"
EC2SHOP_MANIFEST = f"{EC2SHOP_DIR}/manifest.json"
AWS_PAGE_RDS_FILE = f"{EC2SHOP_DIR}/rds_ondemand_by_region_2024-09-28.csv"
AWS_PAGE_EC2_FILE = f"{EC2SHOP_DIR}/ec2_linux_ondemand_by_region_2025-04-04.csv"
AWS_PAGE_EBS_FILE = f"{EC2SHOP_DIR}/ebs_mq_msk_redshift_by_region.csv"
AWS_PAGE_EC2_RESERVED_FILE = f"{EC2SHOP_DIR}/ec2_linux_reserved_noupfront_by_region_2025-04-05.csv"

# source id -> the upstream files (as named in the folder's manifest.json) whose AWS
# publication date must equal the source's as_of: a refreshed folder must update SOURCES.
PAGE_FILES: dict[str, tuple[str, ...]] = {
    "aws-pricing-page-rds": tuple(
        f"data/rds/rds-{engine}-ondemand.json" for engine in ("mysql", "postgresql", "mariadb")
    ),
    "aws-pricing-page-ebs": ("data/ebs/ebs.json",),
    "aws-pricing-page-ec2": ("data/ec2/us-east-2-ondemand.json",),
    "aws-pricing-page-mq": ("data/mq/mq.json",),
}


# RDS (MySQL, PostgreSQL, MariaDB only). "Multi-AZ readable standbys" is the Multi-AZ DB
# cluster (one writer, two readable standbys), another product: not read.
AWS_PAGE_RDS_ENGINES = {"mysql": "mysql", "postgresql": "postgres", "mariadb": "mariadb"}
AWS_PAGE_RDS_DEPLOYMENTS = {"Single-AZ": "single-az", "Multi-AZ": "multi-az"}
# description -> key; one price for every engine of a region (checked by `put`)
AWS_PAGE_RDS_ITEMS: dict[str, str] = {
    "Database Storage Single AZ General Purpose": keys.RDS_STORAGE_GP2_SINGLE_AZ,
    "Database Storage Multi AZ General Purpose": keys.RDS_STORAGE_GP2_MULTI_AZ,
    "Database Storage Single AZ General Purpose-GP3": keys.RDS_STORAGE_GP3_SINGLE_AZ,
    "Database Storage Multi AZ General Purpose-GP3": keys.RDS_STORAGE_GP3_MULTI_AZ,
    "Database Storage Single AZ Provisioned IOPS": keys.RDS_STORAGE_IO1_SINGLE_AZ,
    "Database Storage Multi AZ Provisioned IOPS": keys.RDS_STORAGE_IO1_MULTI_AZ,
    "Database Storage Single AZ Provisioned IOPS-IO2": keys.RDS_STORAGE_IO2_SINGLE_AZ,
    "Database Storage Multi AZ Provisioned IOPS-IO2": keys.RDS_STORAGE_IO2_MULTI_AZ,
    "Database Storage Single AZ Magnetic": keys.RDS_STORAGE_STANDARD_SINGLE_AZ,
    "Database Storage Multi AZ Magnetic": keys.RDS_STORAGE_STANDARD_MULTI_AZ,
    "Provisioned IOPS Single AZ": keys.RDS_IOPS_IO1_SINGLE_AZ,
    "Provisioned IOPS Multi AZ": keys.RDS_IOPS_IO1_MULTI_AZ,
    "Provisioned IO2 IOPS Single AZ": keys.RDS_IOPS_IO2_SINGLE_AZ,
    "Provisioned IO2 IOPS Multi AZ": keys.RDS_IOPS_IO2_MULTI_AZ,
    "Provisioned GP3 IOPS Single AZ": keys.RDS_IOPS_GP3_SINGLE_AZ,
    "Provisioned GP3 IOPS Multi AZ": keys.RDS_IOPS_GP3_MULTI_AZ,
    "Storage Snapshot": keys.RDS_BACKUP,  # backup storage beyond the free allowance
}


def aws_page_rds(sources: Path, region: str) -> Prices:
    """RDS MySQL / PostgreSQL / MariaDB instances (Single-AZ, Multi-AZ), storage, IOPS and
    backup, USD per hour / GB-month / IOPS-month, from AWS's RDS pricing-page files."""
    prices: Prices = {}
    for row in rows_by_region(sources / AWS_PAGE_RDS_FILE, "region_code").get(region, ()):
        engine = AWS_PAGE_RDS_ENGINES.get(row["engine"])
        if engine is None:
            raise BuildError(f"{AWS_PAGE_RDS_FILE}: unknown engine {row['engine']!r}")
        if row["kind"] == "instance_hour":
            deployment = AWS_PAGE_RDS_DEPLOYMENTS.get(row["deployment_option"])
            if deployment is None:
                continue
            key = keys.rds_instance(row["instance_type"], engine, deployment)
        else:
            found = AWS_PAGE_RDS_ITEMS.get(row["description"])
            if found is None:
                continue
            key = found
        price = dec(row["price_usd"])
        if price > 0:
            put(prices, key, price, f"{AWS_PAGE_RDS_FILE} {row['sku']}")
    return prices


def aws_page_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand, shared tenancy, USD per hour (current and previous generation)."""
    prices: Prices = {}
    for row in rows_by_region(sources / AWS_PAGE_EC2_FILE, "region_code").get(region, ()):
        price = dec(row["price_usd_hour"])
        if price > 0:
            put(prices, keys.ec2_instance(row["instance_type"]), price, AWS_PAGE_EC2_FILE)
    return prices


# Reserved Instances: the file's term and payment spellings -> the key's
AWS_PAGE_RI_TERMS = {"1y": "1y", "3y": "3y"}
AWS_PAGE_RI_PAYMENTS = {"No Upfront": "no-upfront"}


def aws_page_ec2_reserved(sources: Path, region: str) -> Prices:
    """EC2 Linux Reserved Instances, shared tenancy, No Upfront (standard and convertible,
    1 and 3 years), USD per hour."""
    prices: Prices = {}
    for row in rows_by_region(sources / AWS_PAGE_EC2_RESERVED_FILE, "region_code").get(region, ()):
        term = AWS_PAGE_RI_TERMS.get(row["term"])
        payment = AWS_PAGE_RI_PAYMENTS.get(row["purchase_option"])
        offering = row["offering_class"]
        if term is None or payment is None or offering not in keys.EC2_RESERVED_CLASSES:
            raise BuildError(f"{AWS_PAGE_EC2_RESERVED_FILE}: unexpected row {row}")
        price = dec(row["price_usd_hour"])
        if price > 0:
            key = keys.ec2_reserved(row["instance_type"], offering, term, payment)
            put(prices, key, price, AWS_PAGE_EC2_RESERVED_FILE)
    return prices


# EBS pricing page: description -> (key, exact factor to the key's unit). The descriptions
# without the volume type ("Storage General Purpose GB Mo") repeat the typed ones: not read.
AWS_PAGE_EBS_ITEMS: dict[str, tuple[str, Decimal]] = {
    "Storage General Purpose gp2 GB Mo": (keys.EBS_GP2_STORAGE, Decimal(1)),
    "Storage General Purpose gp3 GB Mo": (keys.EBS_GP3_STORAGE, Decimal(1)),
    "Storage Provisioned IOPS io1 GB Mo": (keys.EBS_IO1_STORAGE, Decimal(1)),
    "Storage Provisioned IOPS io2 GB month": (keys.EBS_IO2_STORAGE, Decimal(1)),
    "Storage Throughput Optimized HDD st1 GB Mo": (keys.EBS_ST1_STORAGE, Decimal(1)),
    "Storage Cold HDD sc1 GB Mo": (keys.EBS_SC1_STORAGE, Decimal(1)),
    "Storage Magnetic standard GB Mo": (keys.EBS_STANDARD_STORAGE, Decimal(1)),
    "Provisioned EBS IOPS gp3 Volumes per IOPS Mo": (keys.EBS_GP3_IOPS, Decimal(1)),
    "Provisioned EBS IOPS io1 Volumes per IOPS Mo": (keys.EBS_IO1_IOPS, Decimal(1)),
    "Provisioned EBS IOPS io2 Volumes per IOPS Mo": (keys.EBS_IO2_IOPS, Decimal(1)),
    "Provisioned EBS IOPS Tier 2 io2 Volumes per IOPS Mo": (keys.EBS_IO2_IOPS_TIER2, Decimal(1)),
    "Provisioned EBS IOPS Tier 3 io2 Volumes per IOPS Mo": (keys.EBS_IO2_IOPS_TIER3, Decimal(1)),
    # per GiBps-month -> per MiBps-month; per I/O -> per 1M I/O requests
    "Provisioned Throughput gp3 per GiBps mo": (keys.EBS_GP3_THROUGHPUT, Decimal(1) / 1024),
    "Provisioned EBS I O Requests standard Volumes per IOs": (
        keys.EBS_STANDARD_IO,
        Decimal(1_000_000),
    ),
    "Storage Snapshot Amazon S3 GB Mo": (keys.EBS_SNAPSHOT_STORAGE, Decimal(1)),
    "List Requests for EBS direct APIs per Requests": (keys.EBS_SNAPSHOT_API_LIST, Decimal(1000)),
    "Get Requests for EBS direct APIs per SnapshotAPIUnits": (
        keys.EBS_SNAPSHOT_API_GET,
        Decimal(1000),
    ),
    "Put Requests for EBS direct APIs per SnapshotAPIUnits": (
        keys.EBS_SNAPSHOT_API_PUT,
        Decimal(1000),
    ),
    "Fast Snapshot Restore per hours": (keys.EBS_SNAPSHOT_FAST_RESTORE, Decimal(1)),
}


def aws_page_ebs(sources: Path, region: str) -> Prices:
    """EBS volumes, IOPS, throughput, magnetic I/O and snapshots from the EBS pricing page."""
    prices: Prices = {}
    rows = rows_by_region(sources / AWS_PAGE_EBS_FILE, "region_code").get(region, ())
    for row in rows:
        item = AWS_PAGE_EBS_ITEMS.get(row["description"]) if row["service"] == "ebs" else None
        if item is None:
            continue
        price = (dec(row["price_usd"]) * item[1]).normalize()
        if price > 0:
            put(prices, item[0], price, f"{AWS_PAGE_EBS_FILE} {row['sku']}")
    return prices


# Amazon MQ pricing page. Brokers: "[RabbitMQ ]Single Instance|Active Standby mq <type>"
# (RabbitMQ's "Active Standby" rows are the 3-node cluster, cluster_multi_az); storage:
# "Broker Storage GB Mo" is ActiveMQ on EFS, "Broker Storage Single AZ GB-Mo" ActiveMQ on EBS.
# The CRDR rows (cross-region data replication) and the free tier are not read.
AWS_PAGE_MQ_BROKER = re.compile(
    r"(?P<rabbit>RabbitMQ )?(?P<mode>Single Instance|Active Standby) "
    r"mq (?P<type>[a-z0-9]+\.[a-z0-9]+)"
)
AWS_PAGE_MQ_DEPLOYMENTS = {"Single Instance": "single-instance", "Active Standby": "multi-az"}
AWS_PAGE_MQ_STORAGE = {
    "Broker Storage GB Mo": keys.MQ_STORAGE_EFS,
    "Broker Storage Single AZ GB-Mo": keys.MQ_STORAGE_EBS,
}


def aws_page_mq(sources: Path, region: str) -> Prices:
    """Amazon MQ brokers (USD per hour) and ActiveMQ storage (per GB-month)."""
    prices: Prices = {}
    rows = rows_by_region(sources / AWS_PAGE_EBS_FILE, "region_code").get(region, ())
    for row in rows:
        if row["service"] != "mq":
            continue
        description = row["description"]
        match = AWS_PAGE_MQ_BROKER.fullmatch(description)
        if match:
            engine = "rabbitmq" if match["rabbit"] else "activemq"
            deployment = AWS_PAGE_MQ_DEPLOYMENTS[match["mode"]]
            key = keys.mq_broker(f"mq.{match['type']}", engine, deployment)
        elif description in AWS_PAGE_MQ_STORAGE:
            key = AWS_PAGE_MQ_STORAGE[description]
        else:
            continue
        price = dec(row["price_usd"])
        if price > 0:
            put(prices, key, price, f"{AWS_PAGE_EBS_FILE} {row['sku']}")
    return prices
