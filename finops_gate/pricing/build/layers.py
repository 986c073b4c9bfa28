"""A region's prices from its sources: an ordered series of layers, the first that has a key
wins (see pricing/README.md "How the table is built")."""

from __future__ import annotations

import re
from pathlib import Path

from finops_gate.pricing.build.base import Reader, RegionTable, load_json, warn
from finops_gate.pricing.build.readers.coroot import coroot_rds
from finops_gate.pricing.build.readers.data_transfer import (
    coroot_internet_transfer,
    golden_data_transfer,
)
from finops_gate.pricing.build.readers.ec2instancesinfo import (
    EC2INFO_FILE,
    ec2instancesinfo_ec2,
    ec2instancesinfo_rds,
    ec2instancesinfo_spot,
)
from finops_gate.pricing.build.readers.ec2shop import (
    aws_page_ebs,
    aws_page_ec2,
    aws_page_ec2_reserved,
    aws_page_mq,
    aws_page_rds,
)
from finops_gate.pricing.build.readers.infracost_golden import (
    aws_list_prices,
    aws_reserved_list_prices,
    infracost_golden,
    infracost_golden_ebs_optimized,
)
from finops_gate.pricing.build.readers.karpenter import karpenter_ec2
from finops_gate.pricing.build.readers.leanercloud import (
    ELASTICACHE_FILE,
    OPENSEARCH_FILE,
    leanercloud_elasticache,
    leanercloud_elasticache_reserved,
    leanercloud_opensearch,
)
from finops_gate.pricing.build.readers.readme_facts import readme_facts
from finops_gate.pricing.build.readers.terracost import (
    TERRACOST_USAGE_PREFIX,
    terracost_ebs_optimized,
    terracost_ec2,
    terracost_ec2_dedicated,
    terracost_ec2_hosts,
    terracost_ec2_windows,
    terracost_rds,
    terracost_services,
)
from finops_gate.pricing.build.readers.unitmaps import (
    aws_page_unitmaps,
    neptune_instances,
    route53_resolver,
)
from finops_gate.pricing.layout import Figure
from finops_gate.records import record


@record
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
    found = {entry["region"] for entry in load_json(sources / EC2INFO_FILE)["data"]}
    for name in (ELASTICACHE_FILE, OPENSEARCH_FILE):
        for item in load_json(sources / name):
            found.update(item["pricing"])
    return sorted(r for r in found if COMMERCIAL_REGION.fullmatch(r))


def region_layers(region: str) -> tuple[Layer, ...]:
    """The sources of a region's prices, first wins (see pricing/README.md): AWS's own
    published figures, newest first, then third-party and older data."""
    leanercloud = (
        Layer("leanercloud-elasticache", leanercloud_elasticache),
        Layer("leanercloud-elasticache-reserved", leanercloud_elasticache_reserved),
        Layer("leanercloud-opensearch", leanercloud_opensearch),
    )
    spot = Layer("ec2instancesinfo-ec2", ec2instancesinfo_spot, rule_id="spot-average")
    aws_pages = (
        Layer("aws-pricing-page-2025-11", aws_page_unitmaps),
        Layer("aws-pricing-page-2025-11", neptune_instances),
        Layer("aws-pricing-page-2025-11", route53_resolver),
        Layer("aws-pricing-page-rds", aws_page_rds),
        Layer("aws-pricing-page-ebs", aws_page_ebs),
        Layer("coroot-rds", coroot_rds),
        Layer("aws-pricing-page-ec2-reserved", aws_page_ec2_reserved),
        Layer("aws-pricing-page-mq", aws_page_mq),
    )
    # After AWS's pages (none has EC2 data transfer); in every region, since no other
    # layer has these keys.
    data_transfer = (
        Layer("coroot-data-transfer", coroot_internet_transfer),
        Layer("infracost-golden", golden_data_transfer),
    )
    golden = (
        Layer("infracost-golden", infracost_golden),
        Layer("infracost-golden", infracost_golden_ebs_optimized),
        Layer("aws-list-prices", aws_list_prices),
        Layer("aws-reserved-list-prices", aws_reserved_list_prices),
    )
    if region == "us-east-1":
        return (
            Layer("karpenter-aws", karpenter_ec2),
            spot,
            *aws_pages,
            *data_transfer,
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
            Layer("terracost-eu-west-1", terracost_ec2_hosts),
            Layer("terracost-eu-west-1", terracost_ec2_windows),
            *aws_pages,
            *data_transfer,
            Layer("terracost-eu-west-1", terracost_rds),
            Layer("terracost-eu-west-1", terracost_services),
            Layer("terracost-eu-west-1", terracost_ebs_optimized),
            Layer("ec2instancesinfo-rds", ec2instancesinfo_rds, new_rds_classes_only=True),
            *leanercloud,
        )
    return (
        *ec2,
        *aws_pages,
        *data_transfer,
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
            warn(
                f"{region}: {layer.source_id}/{layer.read.__name__} differs from an earlier "
                f"layer on {len(differing)} keys (earlier kept), e.g. {differing[:3]}"
            )
        for key, price in sorted(prices.items()):
            table.setdefault(key, Figure(price, layer.source_id, layer.rule_id))
    return table
