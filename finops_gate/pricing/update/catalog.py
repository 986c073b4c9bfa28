"""The Price List Bulk API's two index files and the addresses they lead to.

* the offer index, `/offers/v1.0/aws/index.json`: `offers` by offer code, each with its
  `currentRegionIndexUrl`;
* a service's region index (`currentRegionIndexUrl`): `regions` by region code, each with
  its `currentVersionUrl`, the region's offer file in JSON
  (`/offers/v1.0/aws/AmazonEC2/20240101000000/us-east-1/index.json`); the CSV of the same
  offer sits beside it as `index.csv`. Savings Plans region indexes list their regions as
  an array of the same objects, which is accepted too.

Addresses in the index files are paths on the endpoint that served them; every request
goes to the configured endpoint (a mirror keeps its own host and path prefix).
"""

from __future__ import annotations

import difflib
import re
import urllib.parse
from collections.abc import Mapping
from typing import Any

from finops_gate.errors import PriceTableError
from finops_gate.pricing.usage_types import USAGE_TYPES
from finops_gate.records import record

OFFER_INDEX_PATH = "/offers/v1.0/aws/index.json"
DEFAULT_ENDPOINT = "https://pricing.us-east-1.amazonaws.com"

# The offers holding every product that `finops_gate.pricing.offer` maps to a price key:
# EC2 instances, and the services of the usage-type map.
DEFAULT_SERVICES: tuple[str, ...] = tuple(
    sorted({"AmazonEC2", *(service for service, _, _ in USAGE_TYPES)})
)

# A commercial region's code (us-east-1, ap-southeast-5); GovCloud, China and the isolated
# partitions price differently and are left out unless asked for by name.
_REGION_CODE = re.compile(r"^[a-z]{2}-[a-z]+-[0-9]+$")
_OTHER_PARTITIONS = ("us-gov-", "cn-", "us-iso", "us-isob-", "eu-isoe-")


@record
class RegionFile:
    """One region's offer file of one service."""

    service: str
    region: str
    json_path: str  # as listed in the region index

    @property
    def csv_path(self) -> str:
        return re.sub(r"\.json$", ".csv", self.json_path)


def is_commercial(region: str) -> bool:
    return bool(_REGION_CODE.match(region)) and not region.startswith(_OTHER_PARTITIONS)


def endpoint_url(endpoint: str, path: str) -> str:
    """The address of `path` (or of the path of an absolute address) on `endpoint`."""
    split = urllib.parse.urlsplit(path)
    return endpoint.rstrip("/") + "/" + split.path.lstrip("/")


def check_endpoint(endpoint: str) -> str:
    split = urllib.parse.urlsplit(endpoint)
    if split.scheme not in ("http", "https") or not split.netloc:
        raise PriceTableError(f"--endpoint {endpoint!r}: expected an http:// or https:// address")
    if split.username is not None or split.password is not None:
        # Never needed (the Price List is public), and would be echoed in every message.
        raise PriceTableError("--endpoint: an address without user name or password")
    if split.query or split.fragment:
        raise PriceTableError(f"--endpoint {endpoint!r}: an address without ?query or #fragment")
    return endpoint.rstrip("/")


def _mapping(document: Any, name: str, where: str) -> Mapping[str, Any]:
    value = document.get(name) if isinstance(document, Mapping) else None
    if not isinstance(value, Mapping):
        raise PriceTableError(f"{where}: not a Price List index (no `{name}` object)")
    return value


def region_index_paths(offer_index: Any, services: list[str]) -> dict[str, str]:
    """service -> the path of its region index; PriceTableError naming an unknown service."""
    where = OFFER_INDEX_PATH
    offers = _mapping(offer_index, "offers", where)
    paths: dict[str, str] = {}
    for service in services:
        offer = offers.get(service)
        if offer is None:
            close = difflib.get_close_matches(service, list(offers), n=3)
            hint = f" (did you mean {', '.join(close)}?)" if close else ""
            raise PriceTableError(
                f"unknown service {service!r}: not an offer code in the Price List "
                f"offer index{hint}"
            )
        path = offer.get("currentRegionIndexUrl") if isinstance(offer, Mapping) else None
        if not isinstance(path, str) or not path:
            raise PriceTableError(f"{where}: offer {service} has no currentRegionIndexUrl")
        paths[service] = path
    return paths


def region_files(service: str, region_index: Any, where: str) -> dict[str, RegionFile]:
    """region -> its offer file, from a service's region index."""
    if not isinstance(region_index, Mapping):
        raise PriceTableError(f"{where}: not a Price List region index")
    regions = region_index.get("regions")
    entries = list(regions.values()) if isinstance(regions, Mapping) else regions
    if not isinstance(entries, list):
        raise PriceTableError(f"{where}: not a Price List region index (no `regions`)")
    files: dict[str, RegionFile] = {}
    for entry in entries:
        code = entry.get("regionCode") if isinstance(entry, Mapping) else None
        path = None
        if isinstance(entry, Mapping):
            path = entry.get("currentVersionUrl") or entry.get("versionUrl")
        if not isinstance(code, str) or not isinstance(path, str) or not path:
            raise PriceTableError(f"{where}: a region without regionCode or currentVersionUrl")
        files[code] = RegionFile(service, code, path)
    return files


def chosen_regions(available: Mapping[str, RegionFile], asked: list[str]) -> list[str]:
    """The asked regions this service is offered in, or all its commercial regions."""
    if asked:
        return [region for region in asked if region in available]
    return sorted(region for region in available if is_commercial(region))
