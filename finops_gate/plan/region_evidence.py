"""Regions named by a plan's known values: availability zones, ARNs, service names.

A string counts only when it names a real AWS region (`aws_regions.AWS_REGIONS`) in one
of these shapes, so an arbitrary tag value cannot pass for a region:

- `availability_zone`, `availability_zones`, `preferred_availability_zones`, ... (any key
  containing `availability_zone`): `eu-west-1a`, or a Local Zone `us-east-1-bos-1a`;
- an ARN anywhere: `arn:aws:rds:eu-west-1:123456789012:db:x` (`aws-cn`, `aws-us-gov`,
  `aws-eusc` partitions too; global ARNs such as S3's and IAM's name no region);
- a service name anywhere: `com.amazonaws.eu-west-1.s3`, `com.amazonaws.vpce.eu-west-1.x`;
- a `region` attribute (AWS provider 6.x gives every resource one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import field
from typing import Any

from finops_gate.plan.aws_regions import AWS_REGIONS
from finops_gate.records import record

_ARN = re.compile(r"arn:aws(?:-cn|-us-gov|-eusc)?:[^:]*:([a-z0-9-]*):")
_SERVICE = re.compile(r"com\.amazonaws\.(?:vpce\.)?([a-z0-9-]+)\.")
_ZONE = re.compile(r"([a-z]{2,4}(?:-[a-z]+)+-\d+)(?:[a-z]|-[a-z0-9-]+)")


def region_named_by(key: str, value: str) -> str | None:
    """The region `value` names as the value of attribute `key`, if it names one."""
    match: re.Match[str] | None
    if value.startswith("arn:"):
        match = _ARN.match(value)
    elif value.startswith("com.amazonaws."):
        match = _SERVICE.match(value)
    elif "availability_zone" in key:
        match = _ZONE.fullmatch(value)
    elif key == "region":
        return value if value in AWS_REGIONS else None
    else:
        return None
    region = match.group(1) if match else None
    return region if region in AWS_REGIONS else None


def regions_in(values: Any) -> dict[str, str]:
    """Region -> the first `attribute = value` that names it, among the strings of a
    resource's values (nested blocks and lists included; a list item keeps its
    attribute's name)."""
    found: dict[str, str] = {}
    stack: list[tuple[str, Any]] = [("", values)]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            region = region_named_by(key, value)
            if region is not None and region not in found:
                found[region] = f"{key} = {value}"
        elif isinstance(value, dict):
            stack.extend(reversed(value.items()))
        elif isinstance(value, list):
            stack.extend((key, item) for item in reversed(value))
    return found


@record(slots=True)
class Decision:
    """What a tally of votes says: a region (None: no votes, or a tie) and why."""

    region: str | None
    votes: int = 0
    example: str = ""  # the first evidence for the chosen region
    disagreement: str | None = None  # the regions and their votes, when they differ
    tied: bool = False


@record(frozen=False, slots=True)
class Tally:
    """Votes for regions, one per piece of evidence (a resource, a data source)."""

    counts: dict[str, int] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)

    def add(self, region: str, example: str) -> None:
        self.counts[region] = self.counts.get(region, 0) + 1
        self.examples.setdefault(region, example)

    def decide(self, unit: str) -> Decision:
        """The region with most votes; a tie for the most is no decision. `unit` names
        what a vote is ("resource", "data source") in the disagreement text."""
        if not self.counts:
            return Decision(None)
        ranked = sorted(self.counts.items(), key=lambda item: (-item[1], item[0]))
        listing = ", ".join(f"{region} ({_count(n, unit)})" for region, n in ranked)
        disagreement = listing if len(ranked) > 1 else None
        best, votes = ranked[0]
        if len(ranked) > 1 and ranked[1][1] == votes:
            return Decision(None, disagreement=disagreement, tied=True)
        return Decision(best, votes, self.examples[best], disagreement)


def _count(number: int, unit: str) -> str:
    return f"{number} {unit}" if number == 1 else f"{number} {unit}s"


def zone_region(zone: str) -> str | None:
    """`eu-west-1a` -> `eu-west-1` (None when it is not a zone of a known region)."""
    return region_named_by("availability_zone", zone)


def first_region(values: Iterable[Any]) -> str | None:
    for value in values:
        if isinstance(value, str) and value in AWS_REGIONS:
            return value
    return None


def data_source_region(data_type: str, values: Mapping[str, Any]) -> str | None:
    """The region a data source read during the plan reports, if it is one that does."""
    if data_type == "aws_region":
        # `name` up to provider 5.x; `region` from 6.x (where `name` is deprecated).
        return first_region((values.get("region"), values.get("name"), values.get("id")))
    if data_type == "aws_availability_zones":
        names = values.get("names")
        if isinstance(names, list):
            zones = {zone_region(n) for n in names if isinstance(n, str)}
            zones.discard(None)
            if len(zones) == 1:
                return zones.pop()
    return None
