"""Data sources whose answer needs no AWS call, from the region of their provider.

`aws_region` and `aws_partition` are computed by the provider from its configuration;
`aws_availability_zones` comes from the bundled, dated zone list in aws_regions.json
(for a default query: no `state` other than "available", no opt-in zones). Everything
else (`aws_caller_identity`, AMI lookups, ...) is not answered: its attributes stay
unknown, as they would be to anyone without the AWS account.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from finops_gate.globs import glob_match
from finops_gate.plan.hcl.values import Unknown, contains_unknown

REGIONS_FILE = Path(__file__).with_name("aws_regions.json")

Answer = dict[str, Any]


@functools.cache
def _regions() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(REGIONS_FILE.read_text(encoding="utf-8"))
    return data


# What the provider answers for a region that no partition's pattern matches.
_NO_PARTITION = {
    "partition": "",
    "dns_suffix": "amazonaws.com",
    "reverse_dns_prefix": "com.amazonaws",
}


def partition_of(region: str) -> dict[str, str]:
    """The partition whose region pattern matches `region`."""
    partitions: list[dict[str, str]] = _regions()["partitions"]
    found = (p for p in partitions if re.match(p["region_regex"], region))
    return next(found, _NO_PARTITION)


def read_data_source(
    data_type: str, arguments: Mapping[str, Any], region: Any, address: str
) -> Answer | None:
    """The data source's attributes (each known or an Unknown saying why); None when
    HCL mode does not answer this type at all."""
    reader = _READERS.get(data_type)
    if reader is None:
        return None
    answer: Answer = dict(arguments)
    if not isinstance(region, str) or not region:
        reason = (
            region.reason
            if isinstance(region, Unknown)
            else "its provider configuration sets no region"
        )
        unknown = Unknown(f"{address} is not known: {reason}")
        answer.update({name: unknown for name in _COMPUTED[data_type]})
        return answer
    answer.update(reader(arguments, region, address))
    return answer


def _partition(arguments: Mapping[str, Any], region: str, address: str) -> Answer:
    found = partition_of(region)
    return {
        "partition": found["partition"],
        "id": found["partition"],
        "dns_suffix": found["dns_suffix"],
        "reverse_dns_prefix": found["reverse_dns_prefix"],
    }


def _region(arguments: Mapping[str, Any], region: str, address: str) -> Answer:
    name = arguments.get("name")
    if arguments.get("endpoint") is not None or contains_unknown(name) is not None:
        unknown = Unknown(f"{address}: a region chosen by endpoint is not looked up offline")
        return {key: unknown for key in _COMPUTED["aws_region"]}
    chosen = name if isinstance(name, str) and name else region
    known = _regions()["regions"].get(chosen)
    if known is None:  # the provider fails to find such a region
        unknown = Unknown(f"{address}: {chosen} is not in the bundled region list")
        return {key: unknown for key in _COMPUTED["aws_region"]}
    return {
        "name": chosen,
        "id": chosen,
        "endpoint": f"ec2.{chosen}.{partition_of(chosen)['dns_suffix']}",
        "description": known["description"],
    }


def _availability_zones(arguments: Mapping[str, Any], region: str, address: str) -> Answer:
    answer: Answer = {
        "id": region,
        "zone_ids": Unknown(f"{address}.zone_ids: zone ids map to zone names per account"),
        "group_names": Unknown(f"{address}.group_names is not known offline"),
    }
    zones: list[str] | None = _regions()["regions"].get(region, {}).get("zones")
    names = (
        Unknown(f"{address}.names: no zone list for {region} in the bundled region list")
        if zones is None
        else _select_zones(list(zones), arguments, region, address)
    )
    answer["names"] = names
    return answer


def _select_zones(
    zones: list[str], arguments: Mapping[str, Any], region: str, address: str
) -> list[str] | Unknown:
    def unknown(why: str) -> Unknown:
        return Unknown(f"{address}.names: {why}")

    found = contains_unknown(dict(arguments))
    if found is not None:
        return found
    if arguments.get("all_availability_zones") is True:
        return unknown("all_availability_zones adds the account's opted-in zones")
    if arguments.get("state") not in (None, "available"):
        return unknown(f"zones in state {arguments.get('state')!r} are known only to AWS")
    if arguments.get("exclude_zone_ids"):
        return unknown("zone ids map to zone names per account")
    excluded = arguments.get("exclude_names") or []
    zones = [zone for zone in zones if zone not in excluded]
    for query in arguments.get("filter") or []:
        name = query.get("name") if isinstance(query, dict) else None
        values = query.get("values") if isinstance(query, dict) else None
        if not isinstance(name, str) or not isinstance(values, list):
            return unknown("a filter HCL mode cannot read")
        keep = _FILTERS.get(name)
        if keep is None:
            return unknown(f"filter {name!r} is answered only by AWS")
        patterns = [str(v) for v in values]
        zones = [zone for zone in zones if keep(zone, region, patterns)]
    return zones


def _matches(text: str, patterns: list[str]) -> bool:
    return any(glob_match(text, pattern) for pattern in patterns)


# EC2 DescribeAvailabilityZones filters that the zone list answers for ordinary zones.
_FILTERS: dict[str, Callable[[str, str, list[str]], bool]] = {
    "zone-name": lambda zone, region, values: _matches(zone, values),
    "region-name": lambda zone, region, values: _matches(region, values),
    "group-name": lambda zone, region, values: _matches(region, values),
    "zone-type": lambda zone, region, values: _matches("availability-zone", values),
    "opt-in-status": lambda zone, region, values: _matches("opt-in-not-required", values),
    "state": lambda zone, region, values: _matches("available", values),
}

_READERS: dict[str, Callable[[Mapping[str, Any], str, str], Answer]] = {
    "aws_partition": _partition,
    "aws_region": _region,
    "aws_availability_zones": _availability_zones,
}

_COMPUTED: dict[str, tuple[str, ...]] = {
    "aws_partition": ("partition", "id", "dns_suffix", "reverse_dns_prefix"),
    "aws_region": ("name", "id", "endpoint", "description"),
    "aws_availability_zones": ("id", "names", "zone_ids", "group_names"),
}
