"""The rule "regional-ratio": a region's price = the reference (us-east-1) price x the
region's EC2 price ratio, for keys no source publishes in the region."""

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
from finops_gate.pricing.build.derive import FLAT_GLOBAL_KEYS, significant
from finops_gate.pricing.build.readers.ec2instancesinfo import EC2INFO_FILE
from finops_gate.pricing.build.readers.ec2shop import AWS_PAGE_EC2_FILE, aws_page_ec2
from finops_gate.pricing.keys import GLOBAL_KEYS, SERVICE_KEYS_SET
from finops_gate.pricing.layout import Figure

RATIO_REFERENCES = ("us-east-1", "us-east-2")  # rule "regional-ratio": reference prices
# Instance-like keys the rule may price: node types AWS offers in (nearly) every region.
# EC2 EBS-optimized fees: only in regions that offer the type (see derive_regional_ratio).
RATIO_INSTANCE_KEY = re.compile(r"(?:redshift|msk):.+|ec2:[^:]+:ebs-optimized")


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


# Keys the rule must not price: AWS publishes Aurora I/O-Optimized storage (0.225 in
# us-east-1) but no rule that relates other regions to it; left "price not found" there.
NO_REGIONAL_RATIO = frozenset({"aurora:storage:iopt1"})


def ratio_reference(tables: dict[str, RegionTable]) -> dict[str, Figure]:
    """key -> published reference figure for the rule regional-ratio."""
    reference: dict[str, Figure] = {}
    for ref_region in RATIO_REFERENCES:
        for key, figure in sorted(tables.get(ref_region, {}).items()):
            ratio_key = (key in SERVICE_KEYS_SET or RATIO_INSTANCE_KEY.fullmatch(key)) and (
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
            price = significant(figure.price * ratio)
            table[key] = Figure(price, figure.source_id, "regional-ratio")
