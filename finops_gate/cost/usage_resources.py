"""Usage-file entries that are resources of their own: Infracost's `aws_data_transfer`.

No Terraform resource carries a region's data transfer, so Infracost users describe it in
the usage file as a pseudo resource that exists in no plan:

```yaml
resource_usage:
  aws_data_transfer.my_region:
    region: us-east-2               # required: the region the transfer leaves from
    monthly_intra_region_gb: 1000
    monthly_outbound_internet_gb: 157000
```

Each entry becomes a resource record (type `aws_data_transfer`, the address as written, in
its `region`), unchanged by the plan: it counts in the before and the after totals alike,
as any resource the plan leaves as it is. An entry without a `region`, or with a name that
is no AWS region, is ignored with a warning (an error with `--strict-usage`); a region that
is not a string is always an error.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from finops_gate.plan.aws_regions import AWS_REGIONS
from finops_gate.plan.resource import Action, Plan, Resource

DATA_TRANSFER_TYPE = "aws_data_transfer"
DATA_TRANSFER_PREFIX = f"{DATA_TRANSFER_TYPE}."
REGION_KEY = "region"
PROVIDER = "aws"
REGION_SOURCE = "usage-file"
# A Local Zone: its parent region's code, the zone's location and number (us-west-2-lax-1).
_LOCAL_ZONE = re.compile(r"(?P<parent>[a-z]{2}(?:-[a-z]+)+-[0-9]+)-[a-z]+-[0-9]+[a-z]?")


def is_usage_resource(address: str) -> bool:
    """The address names a resource that only the usage file describes."""
    return address.startswith(DATA_TRANSFER_PREFIX)


def known_region(name: str) -> bool:
    """An AWS region, or a Local Zone of one (Infracost prices both)."""
    if name in AWS_REGIONS:
        return True
    match = _LOCAL_ZONE.fullmatch(name)
    return match is not None and match["parent"] in AWS_REGIONS


class RegionProblem(Exception):
    """The entry's `region` cannot be used; `ignorable` says whether the entry may be skipped
    with a warning (missing or unknown name) or stops the run (not a string)."""

    def __init__(self, message: str, ignorable: bool) -> None:
        super().__init__(message)
        self.message = message
        self.ignorable = ignorable


def entry_region(where: str, values: Mapping[str, Any]) -> str:
    """The region of a usage-only entry (`where`: its key path in the file), lower-cased as
    Infracost reads it; RegionProblem when it has none that can be used."""
    if REGION_KEY not in values:
        raise RegionProblem(
            f"{where}: no region: a {DATA_TRANSFER_TYPE} entry needs the region its data "
            "leaves from (region: us-east-1)",
            ignorable=True,
        )
    value = values[REGION_KEY]
    if not isinstance(value, str):
        raise RegionProblem(
            f"{where}.{REGION_KEY}: expected an AWS region name (us-east-1)", ignorable=False
        )
    region = value.strip().lower()
    if not known_region(region):
        close = difflib.get_close_matches(region, sorted(AWS_REGIONS), n=1)
        hint = f" (closest: {close[0]})" if close else ""
        raise RegionProblem(
            f"{where}.{REGION_KEY}: {value!r} is not an AWS region{hint}", ignorable=True
        )
    return region


def usage_resource(address: str, region: str, usage_file: str) -> Resource:
    """The record of one usage-only entry: unchanged, with no attributes of its own."""
    return Resource(
        address=address,
        module_address=None,
        type=DATA_TRANSFER_TYPE,
        name=address[len(DATA_TRANSFER_PREFIX) :],
        index=None,
        provider=PROVIDER,
        actions=(Action.NO_OP.value,),
        action=Action.NO_OP,
        before={},
        after={},
        after_unknown={},
        region=region,
        region_source=REGION_SOURCE,
        tags={},
        tags_known=True,
        from_usage_file=usage_file,
    )


def with_usage_resources(plan: Plan, extra: Iterable[Resource]) -> Plan:
    """The plan with `extra` records placed among its resources in address order, the
    plan's own order kept (one pass over both: no resorting of a large plan)."""
    added = sorted(extra, key=lambda resource: resource.address)
    if not added:
        return plan
    merged: list[Resource] = []
    pending = iter(added)
    upcoming = next(pending, None)
    for resource in plan.resources:
        while upcoming is not None and upcoming.address < resource.address:
            merged.append(upcoming)
            upcoming = next(pending, None)
        merged.append(resource)
    while upcoming is not None:
        merged.append(upcoming)
        upcoming = next(pending, None)
    return replace(plan, resources=tuple(merged))
