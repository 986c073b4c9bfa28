"""The reference figures of the regional rules (`regional`) and the regions' EC2 price
ratios of the rule "regional-ratio": a region's price = the reference (us-east-1) price x
the region's EC2 price ratio, for keys no source publishes in the region."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from finops_gate.pricing.build.base import (
    REFERENCE_REGION,
    BuildError,
    RegionTable,
    dec,
    load_json,
    rows_by_region,
)
from finops_gate.pricing.build.readers.ec2instancesinfo import EC2INFO_FILE
from finops_gate.pricing.build.readers.ec2shop import AWS_PAGE_EC2_FILE, aws_page_ec2
from finops_gate.pricing.build.regional import regional_figure, regional_rule
from finops_gate.pricing.keys import GLOBAL_KEYS, SERVICE_KEYS_SET
from finops_gate.pricing.layout import Figure

RATIO_REFERENCES = ("us-east-1", "us-east-2")  # the regional rules' reference prices
# Instance-like keys the regional rules may price: Redshift nodes and MSK brokers, only in
# regions no source lists any node of the service for, EC2 EBS-optimized fees, only in
# regions that offer the type (see derive_regional), and DocumentDB instances (us-east-1
# only in the sources, like DocumentDB's storage and I/O).
RATIO_INSTANCE_KEY = re.compile(r"(?:redshift|msk):.+|ec2:[^:]+:ebs-optimized|docdb:db\..+")
NODE_SERVICES = ("redshift:", "msk:")


def ec2_ratios(sources: Path, regions: Iterable[str]) -> dict[str, Decimal]:
    """Per region: median over instance types priced in both, of price / us-east-1 price,
    from one data set on both sides (the same vintage): ec2instances.info, or, for the
    regions it does not cover, AWS's EC2 pricing page."""
    info: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for entry in load_json(sources / EC2INFO_FILE)["data"]:
        if entry.get("ondemand") and dec(entry["ondemand"]) > 0:
            info[entry["region"]][entry["instance-type"]] = dec(entry["ondemand"])
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
        for region in rows_by_region(sources / AWS_PAGE_EC2_FILE, "region_code")
    }


def ratio_reference(tables: dict[str, RegionTable]) -> dict[str, Figure]:
    """key -> published reference figure of the regional rules (global services, priced
    in us-east-1 only, and the keys no regional rule prices excluded)."""
    reference: dict[str, Figure] = {}
    for ref_region in RATIO_REFERENCES:
        for key, figure in sorted(tables.get(ref_region, {}).items()):
            regional_key = key in SERVICE_KEYS_SET or RATIO_INSTANCE_KEY.fullmatch(key)
            if (
                regional_key
                and key not in GLOBAL_KEYS
                and figure.rule_id is None
                and regional_rule(key).rule is not None
            ):
                reference.setdefault(key, figure)
    return reference


def _node_services_listed(table: RegionTable) -> set[str]:
    """The node services (Redshift, MSK) whose nodes a source lists for the region."""
    return {
        service
        for key, figure in table.items()
        for service in NODE_SERVICES
        if key.startswith(service) and key not in SERVICE_KEYS_SET and figure.rule_id is None
    }


def derive_regional(table: RegionTable, reference: dict[str, Figure], ratio: Decimal) -> None:
    """Each key the region lacks, from its reference figure by the key's regional rule."""
    # A pricing page that lists a region's Redshift nodes or MSK brokers lists every type
    # offered there: a type it lacks is not offered, and is left "price not found".
    listed = _node_services_listed(table)
    for key, figure in reference.items():
        if key in table:
            continue
        if key.endswith(":ebs-optimized") and key.removesuffix(":ebs-optimized") not in table:
            continue  # the region does not offer the instance type
        if key not in SERVICE_KEYS_SET and key.startswith(tuple(listed)):
            continue
        derived = regional_figure(key, figure, ratio)
        if derived is not None:
            table[key] = derived
