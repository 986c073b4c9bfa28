"""`finops-gate pricing update`: the offer index, each service's region index, then each
region's offer file, every one conditional on the cached copy; the figures kept become a
price table in the bundled table's format, each figure citing its offer's version."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from pathlib import Path
from typing import IO, Any

from finops_gate.errors import PriceTableError
from finops_gate.pricing.layout import Figure, render_table
from finops_gate.pricing.update.cache import Cache, Entry
from finops_gate.pricing.update.catalog import (
    OFFER_INDEX_PATH,
    RegionFile,
    chosen_regions,
    endpoint_url,
    region_files,
    region_index_paths,
)
from finops_gate.pricing.update.extract import (
    Extract,
    csv_extractor,
    index_reader,
    json_extractor,
)
from finops_gate.pricing.update.fetch import Downloader, NotFound
from finops_gate.records import record

LICENSE = "AWS Price List (public pricing data)"


@record
class UpdateRequest:
    services: list[str]
    regions: list[str]  # empty: every commercial region of each service
    endpoint: str
    cache_dir: Path
    max_document_bytes: int  # an index, or a JSON offer (the CSV is streamed)


@record(frozen=False)
class UpdateResult:
    tables: dict[str, dict[str, Figure]] = field(default_factory=dict)
    sources: dict[str, dict[str, str]] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)

    def render(self) -> str:
        return render_table(self.tables, self.sources, {})

    def price_count(self) -> int:
        return sum(len(table) for table in self.tables.values())


def source_id(extract: Extract) -> str:
    return f"aws-price-list:{extract.offer_code}:{extract.version}"


def _to_json(extractor: Callable[[IO[bytes]], Extract]) -> Callable[[IO[bytes]], Any]:
    return lambda body: extractor(body).to_json()


def _is_extract(content: Any) -> bool:
    return Extract.from_json(content) is not None


class _Updater:
    def __init__(self, request: UpdateRequest, downloader: Downloader) -> None:
        self.request = request
        self.downloader = downloader
        self.cache = Cache(request.cache_dir)

    def url(self, path: str) -> str:
        return endpoint_url(self.request.endpoint, path)

    def cached_get(
        self,
        name: str,
        url: str,
        consume: Callable[[IO[bytes]], Any],
        usable: Callable[[Any], bool],
        label: str,
    ) -> Any:
        """The content of `url`, downloaded unless the cached copy is still current."""
        entry = self.cache.load(name, url)
        if entry is not None and not usable(entry.content):
            entry = None
        fetched = self.downloader.get(url, entry.validators if entry else None, consume, label)
        if fetched is None:
            if entry is None:  # 304 without having asked conditionally: not a usable answer
                raise PriceTableError(f"{url}: 304 Not Modified to an unconditional request")
            return entry.content
        self.cache.store(name, Entry(url, fetched.validators, fetched.value))
        return fetched.value

    def index(self, name: str, path: str) -> Any:
        url = self.url(path)
        reader = index_reader(path, self.request.max_document_bytes)
        return self.cached_get(name, url, reader, lambda content: True, path)

    def extract(self, file: RegionFile) -> Extract:
        name, label = f"{file.service}/{file.region}", f"{file.service} {file.region}"
        try:
            extractor = csv_extractor(file.region, file.csv_path)
            url = self.url(file.csv_path)
            content = self.cached_get(name, url, _to_json(extractor), _is_extract, label)
        except NotFound:  # a mirror with the JSON offer files only
            limit = self.request.max_document_bytes
            extractor = json_extractor(file.region, file.json_path, limit)
            url = self.url(file.json_path)
            content = self.cached_get(name, url, _to_json(extractor), _is_extract, label)
        extract = Extract.from_json(content)
        assert extract is not None  # checked by `_is_extract`, or just made
        return extract

    def origin(self, file: RegionFile) -> str:
        path = file.csv_path.replace(f"/{file.region}/", "/<region>/")
        return f"{self.url(path)} (or index.json beside it)"


def update_prices(request: UpdateRequest, downloader: Downloader) -> UpdateResult:
    updater = _Updater(request, downloader)
    offer_index = updater.index("offer-index", OFFER_INDEX_PATH)
    index_paths = region_index_paths(offer_index, sorted(set(request.services)))
    files: dict[str, dict[str, RegionFile]] = {}
    for service, path in index_paths.items():
        files[service] = region_files(service, updater.index(f"{service}/region-index", path), path)
    offered = {region for service_files in files.values() for region in service_files}
    unknown = [region for region in request.regions if region not in offered]
    if unknown:
        raise PriceTableError(
            f"unknown region {unknown[0]!r}: not in the region index of {', '.join(sorted(files))}"
        )
    result = UpdateResult()
    for service in sorted(files):
        regions = chosen_regions(files[service], sorted(set(request.regions)))
        for region in regions:
            file = files[service][region]
            extract = updater.extract(file)
            if not extract.figures:
                result.skipped.append(f"{service} {region}: no price the estimators use")
                continue
            sid = source_id(extract)
            result.sources.setdefault(
                sid,
                {
                    "title": f"AWS Price List Bulk API: offer {extract.offer_code}, version "
                    f"{extract.version}, published {extract.publication}",
                    "origin": updater.origin(file),
                    "license": LICENSE,
                    "as_of": extract.published.isoformat(),
                },
            )
            table = result.tables.setdefault(region, {})
            for key, price in sorted(extract.figures.items()):
                kept = table.get(key)
                if kept is not None and kept.price != price:
                    # Two offers price one product (load balancers were once in the EC2
                    # offer too): the first, in offer-code order, is kept and the other said.
                    result.skipped.append(
                        f"{service} {region}: {key} {price} differs from {kept.price} in "
                        f"{kept.source_id}; kept {kept.price}"
                    )
                    continue
                table.setdefault(key, Figure(price, sid))
    if not result.tables:
        raise PriceTableError(
            "no price in the downloaded offers maps to a price key of finops-gate "
            f"(services: {', '.join(sorted(files))})"
        )
    return result
