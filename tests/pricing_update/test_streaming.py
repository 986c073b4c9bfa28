"""An offer file far larger than what is kept is read as it arrives, never held whole."""

from __future__ import annotations

import csv
import io
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from finops_gate.pricing.update import UpdateRequest, update_prices
from finops_gate.pricing.update.fetch import Downloader
from finops_gate.pricing.update.progress import NoProgress
from tests.pricing_update.price_list import EU_VERSION, eu_rows, region_path, tree
from tests.pricing_update.server import Generated, PriceListServer

BODY_BYTES = 24_000_000


def _line(row: list[str]) -> bytes:
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerow(row)
    return out.getvalue().encode()


def large_offer() -> Generated:
    """The real eu-west-3 CSV with about 24 MB of rows the estimators do not use between
    its header and its price rows: Reserved terms and on-demand rows of other products."""
    metadata, header, prices = eu_rows()
    head = b"".join(_line(row) for row in [*metadata, header])
    tail = b"".join(_line(row) for row in prices)
    reserved = list(prices[0])
    reserved[header.index("TermType")] = "Reserved"
    other = list(prices[0])
    other[header.index("usageType")] = "EUW3-DataTransfer-Out-Bytes"
    block = (_line(reserved) + _line(other)) * 64
    repeats = BODY_BYTES // len(block)

    def chunks() -> Iterator[bytes]:
        yield head
        for _ in range(repeats):
            yield block
        yield tail

    return Generated(len(head) + repeats * len(block) + len(tail), chunks)


@pytest.mark.slow
def test_a_large_offer_is_streamed(tmp_path: Path) -> None:
    offer = large_offer()
    files: dict[str, bytes | Generated] = {**tree()}
    files[region_path("AmazonEC2", EU_VERSION, "eu-west-3", "csv")] = offer
    server = PriceListServer(files).start()
    try:
        request = UpdateRequest(["AmazonEC2"], ["eu-west-3"], server.url(), tmp_path, 1 << 20)
        tracemalloc.start()
        try:
            result = update_prices(request, Downloader(NoProgress()))
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    finally:
        server.stop()
    assert offer.length > BODY_BYTES * 0.99
    assert float(result.tables["eu-west-3"]["ebs:st1:storage"].price) == 0.053
    # the server thread's chunks are counted too; the whole body would be 24 MB
    assert peak < 4_000_000, f"peak {peak:,} bytes while reading {offer.length:,}"
