"""The index files' shapes, region choice, cache entries and the terminal progress line."""

from __future__ import annotations

import io
import json
import urllib.request
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from finops_gate.errors import PriceTableError
from finops_gate.pricing.update.cache import Cache, Entry
from finops_gate.pricing.update.catalog import (
    chosen_regions,
    endpoint_url,
    is_commercial,
    region_files,
    region_index_paths,
)
from finops_gate.pricing.update.extract import Extract
from finops_gate.pricing.update.fetch import Downloader, Validators
from finops_gate.pricing.update.progress import NoProgress, TerminalProgress
from tests.pricing_update.price_list import FIXTURES, offer_index, region_index

SAVINGS_PLAN_REGION_INDEX = FIXTURES / "savings_plan_region_index.json"


def test_a_region_index_as_a_list_like_the_savings_plans_one() -> None:
    document = json.loads(SAVINGS_PLAN_REGION_INDEX.read_text(encoding="utf-8"))
    files = region_files("AWSComputeSavingsPlan", document, "region_index.json")
    assert sorted(files) == ["eu-west-1", "eu-west-2", "eu-west-3"]
    assert files["eu-west-1"].csv_path == (
        "/savingsPlan/v1.0/aws/AWSComputeSavingsPlan/current/eu-west-1/index.csv"
    )


def test_a_region_index_as_an_object() -> None:
    document = json.loads(region_index({"us-east-1": "/offers/v1.0/aws/X/1/us-east-1/index.json"}))
    assert region_files("X", document, "w")["us-east-1"].csv_path.endswith("/us-east-1/index.csv")


@pytest.mark.parametrize(
    "document", [[], {"regions": 3}, {"regions": [{"regionCode": "us-east-1"}]}, "x"]
)
def test_a_malformed_region_index_is_an_error(document: object) -> None:
    with pytest.raises(PriceTableError, match=r"region index|regionCode"):
        region_files("X", document, "w")


def test_region_index_paths_and_unknown_services() -> None:
    index = json.loads(offer_index(["AmazonEC2", "AWSELB"]))
    assert region_index_paths(index, ["AWSELB"]) == {
        "AWSELB": "/offers/v1.0/aws/AWSELB/current/region_index.json"
    }
    with pytest.raises(PriceTableError, match="unknown service 'Nope'"):
        region_index_paths(index, ["Nope"])
    with pytest.raises(PriceTableError, match="no `offers` object"):
        region_index_paths({"offer": {}}, ["AWSELB"])


def test_commercial_regions_only_by_default() -> None:
    assert [is_commercial(r) for r in ("us-east-1", "ap-southeast-5", "us-gov-west-1")] == [
        True,
        True,
        False,
    ]
    assert not is_commercial("cn-north-1") and not is_commercial("us-east-1-bos-1")
    document = json.loads(
        region_index({r: f"/{r}/index.json" for r in ("us-gov-east-1", "eu-west-1")})
    )
    files = region_files("X", document, "w")
    assert chosen_regions(files, []) == ["eu-west-1"]
    assert chosen_regions(files, ["us-gov-east-1", "ap-south-1"]) == ["us-gov-east-1"]


def test_addresses_stay_on_the_endpoint() -> None:
    assert endpoint_url("https://m.example/aws/", "/offers/v1.0/aws/index.json") == (
        "https://m.example/aws/offers/v1.0/aws/index.json"
    )
    assert endpoint_url("https://m.example", "https://elsewhere.example/offers/x.json") == (
        "https://m.example/offers/x.json"
    )


def test_cache_entries_round_trip_and_a_damaged_one_is_absent(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    figures = {"ebs:gp2:storage": Decimal("0.116")}
    extract = Extract("AmazonEC2", "1", "2020-10-19T20:48:02Z", date(2020, 10, 19), figures)
    cache.store(
        "AmazonEC2/../eu-west-3", Entry("http://x/a.csv", Validators('"e"', "d"), extract.to_json())
    )
    assert list(tmp_path.rglob("*.json")) == [tmp_path / "AmazonEC2" / "_" / "eu-west-3.json"]
    entry = cache.load("AmazonEC2/../eu-west-3", "http://x/a.csv")
    assert entry is not None and entry.validators == Validators('"e"', "d")
    assert Extract.from_json(entry.content) == extract
    assert cache.load("AmazonEC2/../eu-west-3", "http://x/other.csv") is None
    (tmp_path / "AmazonEC2" / "_" / "eu-west-3.json").write_text("{not json")
    assert cache.load("AmazonEC2/../eu-west-3", "http://x/a.csv") is None


def test_the_progress_line_on_a_terminal() -> None:
    stream = io.StringIO()
    progress = TerminalProgress(stream, interval=0)
    progress.start("AmazonEC2 us-east-1\n", 4_000_000)
    progress.advance(1_000_000)
    assert progress.line() == ("AmazonEC2 us-east-1\\n [######..................] 1.0 MB of 4.0 MB")
    progress.done()
    assert stream.getvalue().endswith("1.0 MB of 4.0 MB\n")
    progress.start("AWSELB eu-west-1", None)
    progress.advance(2_500_000)
    assert progress.line() == "AWSELB eu-west-1 2.5 MB"


def test_the_downloader_takes_https_proxy_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.example:3128")
    opener = Downloader(NoProgress())._opener()
    proxies = [h.proxies for h in opener.handlers if isinstance(h, urllib.request.ProxyHandler)]
    assert proxies == [{"https": "http://proxy.example:3128"}]
