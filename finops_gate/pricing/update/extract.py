"""What is kept of a region's offer file: its identity and the figures the estimators use.

The CSV is read row by row as it arrives (`offer.stream_offer_csv`), so memory holds one
row and the figures kept, whatever the file's size. The JSON form cannot be read
incrementally with the standard library; it is only the fallback for a mirror without the
CSV, and refused above a size cap.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterable
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from finops_gate.errors import PriceTableError
from finops_gate.pricing.offer import Product, price_figure, read_offer_json, stream_offer_csv
from finops_gate.records import record


@record
class Extract:
    offer_code: str
    version: str
    publication: str  # as the file states it, e.g. 2020-10-19T20:48:02Z
    published: date
    figures: dict[str, Decimal]  # price key -> price, for the file's region

    def to_json(self) -> dict[str, Any]:
        return {
            "offer_code": self.offer_code,
            "version": self.version,
            "publication": self.publication,
            "published": self.published.isoformat(),
            "figures": {key: str(price) for key, price in sorted(self.figures.items())},
        }

    @classmethod
    def from_json(cls, data: Any) -> Extract | None:
        """The extract a cache entry holds, or None if it is not one."""
        try:
            return cls(
                str(data["offer_code"]),
                str(data["version"]),
                str(data["publication"]),
                date.fromisoformat(data["published"]),
                {str(key): Decimal(str(price)) for key, price in data["figures"].items()},
            )
        except (KeyError, TypeError, ValueError, AttributeError, InvalidOperation):
            return None


def _figures(
    products: Iterable[Product], offer_code: str, region: str, where: str
) -> dict[str, Decimal]:
    figures: dict[str, Decimal] = {}
    for product in products:
        figure = price_figure(product, offer_code)
        if figure is None or figure[0] != region:
            continue  # another location in the file (a Local Zone), or a product not used
        _, key, price = figure
        if figures.get(key, price) != price:
            raise PriceTableError(
                f"{where}: {region} {key} has two prices: {figures[key]} and {price}"
            )
        figures[key] = price
    return figures


def _published(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise PriceTableError(f"{where}: no valid publication date ({text[:40]!r})") from None


def csv_extractor(region: str, where: str) -> Callable[[IO[bytes]], Extract]:
    def extract(body: IO[bytes]) -> Extract:
        text = io.TextIOWrapper(body, encoding="utf-8-sig", newline="")
        try:
            header, rows = stream_offer_csv(text, where)
            figures = _figures(rows, header.offer_code, region, where)
        except UnicodeDecodeError:
            raise PriceTableError(f"{where}: not a valid offer CSV: not UTF-8 text") from None
        finally:
            text.detach()  # the downloader still reads what is left of the body
        version = header.version or header.publication
        return Extract(
            header.offer_code,
            version,
            header.publication,
            _published(header.publication, where),
            figures,
        )

    return extract


def json_extractor(region: str, where: str, limit: int) -> Callable[[IO[bytes]], Extract]:
    def extract(body: IO[bytes]) -> Extract:
        raw = body.read(limit + 1)
        if len(raw) > limit:
            raise PriceTableError(
                f"{where}: the JSON offer is over {limit:,} bytes; the CSV form is read "
                "row by row (FINOPS_GATE_MAX_RESPONSE_BYTES raises the cap)"
            )
        try:
            data = json.loads(raw)
            offer = read_offer_json(Path(where), data)
        except (ValueError, RecursionError):
            raise PriceTableError(f"{where}: not a valid JSON offer file") from None
        except (AttributeError, TypeError, KeyError):
            raise PriceTableError(f"{where}: not in the shape of a JSON offer file") from None
        publication = str(data.get("publicationDate", ""))
        return Extract(
            offer.offer_code,
            str(data.get("version") or publication),
            publication,
            _published(publication, where),
            _figures(offer.products, offer.offer_code, region, where),
        )

    return extract


def index_reader(where: str, limit: int) -> Callable[[IO[bytes]], Any]:
    def read(body: IO[bytes]) -> Any:
        raw = body.read(limit + 1)
        if len(raw) > limit:
            raise PriceTableError(f"{where}: over {limit:,} bytes, not a Price List index")
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise PriceTableError(f"{where}: not valid JSON") from None

    return read
