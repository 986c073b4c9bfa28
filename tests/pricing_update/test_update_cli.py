"""`finops-gate pricing update` against a local Price List server, as CI would run it."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.prices import load_price_table, validate_price_table
from finops_gate.pricing.offer import ingest
from tests.conftest import fixture_plan_path
from tests.pricing_update.price_list import (
    EU_VERSION,
    US_VERSION,
    region_path,
)
from tests.pricing_update.server import PriceListServer

EC2_EU_CSV = region_path("AmazonEC2", EU_VERSION, "eu-west-3", "csv")
EC2_US_CSV = region_path("AmazonEC2", US_VERSION, "us-east-1", "csv")
EC2_US_JSON = region_path("AmazonEC2", US_VERSION, "us-east-1")
EU_SOURCE = f"aws-price-list:AmazonEC2:{EU_VERSION}"
US_SOURCE = f"aws-price-list:AmazonEC2:{US_VERSION}"
# The figures of the real files the server holds (terracost eu-west-3 CSV; the m5.large
# GetProducts element's "$0.096 per On Demand Linux m5.large Instance Hour").
EU_FIGURES = {
    "ebs:gp2:storage": 0.116,
    "ebs:io1:iops": 0.076,
    "ebs:io1:storage": 0.145,
    "ebs:st1:storage": 0.053,
    "ebs:standard:io": 0.058,
}
US_FIGURES = {**EU_FIGURES, "ec2:m5.large": 0.096}


def update(
    server: PriceListServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    *extra: str,
) -> tuple[int, str]:
    args = ["pricing", "update", "--endpoint", server.url(), "--cache-dir", str(tmp_path / "c")]
    args += ["--out", str(tmp_path / "aws.json"), *extra]
    if "--service" not in extra:
        args += ["--service", "AmazonEC2"]
    with pytest.raises(SystemExit) as exited:
        main(args)
    code = exited.value.code
    return (code if isinstance(code, int) else 0), capsys.readouterr().err


def figures(path: Path) -> dict[str, dict[str, tuple[float, str]]]:
    table = load_price_table(path)
    result = {}
    for region in table.regions:
        prices = {key: table.lookup(region, key) for key in table.keys(region)}
        result[region] = {k: (p.unit_price, p.source) for k, p in prices.items() if p}
    return result


def test_first_download_writes_a_table_of_the_served_figures(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = update(server, tmp_path, capsys)
    assert code == 0, err
    out = tmp_path / "aws.json"
    validate_price_table(out)
    assert figures(out) == {
        "eu-west-3": {key: (price, EU_SOURCE) for key, price in EU_FIGURES.items()},
        "us-east-1": {key: (price, US_SOURCE) for key, price in US_FIGURES.items()},
    }
    sources = load_price_table(out).sources
    assert {sid: s.as_of.isoformat() for sid, s in sources.items()} == {
        EU_SOURCE: "2020-10-19",
        US_SOURCE: "2021-02-05",
    }
    assert f"version {EU_VERSION}, published 2020-10-19T20:48:02Z" in sources[EU_SOURCE].title
    # the CSV of each commercial region, never the JSON beside it nor GovCloud
    assert sorted(server.downloads()) == sorted(
        [
            "/offers/v1.0/aws/index.json",
            "/offers/v1.0/aws/AmazonEC2/current/region_index.json",
            EC2_EU_CSV,
            EC2_US_CSV,
        ]
    )
    # quiet when standard error is not a terminal: one summary line
    assert err == "11 prices in 2 regions; 4 files downloaded, 0 not modified\n"


def test_a_rerun_with_nothing_changed_downloads_nothing(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert update(server, tmp_path, capsys)[0] == 0
    first = (tmp_path / "aws.json").read_bytes()
    server.log.clear()
    code, err = update(server, tmp_path, capsys)
    assert code == 0, err
    assert [(e.status, e.conditional) for e in server.log] == [(304, True)] * 4
    assert (tmp_path / "aws.json").read_bytes() == first
    assert err.endswith("0 files downloaded, 4 not modified\n")


def test_a_changed_file_is_downloaded_again_and_the_rest_reused(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert update(server, tmp_path, capsys)[0] == 0
    changed = server.files[EC2_EU_CSV]
    assert isinstance(changed, bytes)
    server.files[EC2_EU_CSV] = changed.replace(b'"0.1160000000"', b'"0.1170000000"')
    server.log.clear()
    assert update(server, tmp_path, capsys)[0] == 0
    assert server.downloads() == [EC2_EU_CSV]
    table = figures(tmp_path / "aws.json")
    assert table["eu-west-3"]["ebs:gp2:storage"] == (0.117, EU_SOURCE)
    assert table["us-east-1"]["ec2:m5.large"] == (0.096, US_SOURCE)


def test_a_server_error_is_retried(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.failures[EC2_EU_CSV] = [503, 500]
    code, err = update(server, tmp_path, capsys)
    assert code == 0, err
    assert [e.status for e in server.log if e.path == EC2_EU_CSV] == [503, 500, 200]
    assert figures(tmp_path / "aws.json")["eu-west-3"]["ebs:st1:storage"] == (0.053, EU_SOURCE)


def test_a_server_error_that_persists_exits_2(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.failures[EC2_EU_CSV] = [503] * 10
    code, err = update(server, tmp_path, capsys)
    assert code == 2
    assert err.count("\n") == 1
    assert "503 Service Unavailable (gave up after 4 attempts)" in err
    assert len([e for e in server.log if e.path == EC2_EU_CSV]) == 4
    assert not (tmp_path / "aws.json").exists()


def test_a_truncated_body_exits_2(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.truncate.add(EC2_US_CSV)
    size = len(server.files[EC2_US_CSV])  # type: ignore[arg-type]
    code, err = update(server, tmp_path, capsys)
    assert code == 2
    assert err.startswith(f"finops-gate: error: {server.url()}{EC2_US_CSV}: truncated download")
    assert f"received {size // 2:,} of the {size:,} bytes declared" in err
    assert err.count("\n") == 1
    assert not (tmp_path / "aws.json").exists()


@pytest.mark.parametrize(
    ("corrupt", "message"),
    [
        (lambda body: body + b'"ABC","JRTCKXETXF"\n', "2 fields where the header has"),
        (lambda body: body.replace(b"16 TiB", b"16 TiB" + b"x" * 200_000), "field larger"),
        (lambda body: body + b'"ABC","unterminated', "unexpected end of data"),
        (lambda body: body.replace(b'"0.0530000000"', b'"0.05.3"'), "is not a price"),
        (lambda body: body.replace(b'"OfferCode","AmazonEC2"', b'"Offer","x"'), "not an AWS"),
        (lambda body: body.replace(b"EU (Paris)", b"EU (Paris)\xff"), "not UTF-8"),
    ],
)
def test_a_corrupt_csv_exits_2(
    server: PriceListServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    corrupt: object,
    message: str,
) -> None:
    body = server.files[EC2_EU_CSV]
    server.files[EC2_EU_CSV] = corrupt(body)  # type: ignore[operator]
    code, err = update(server, tmp_path, capsys)
    assert code == 2, err
    assert err.startswith(f"finops-gate: error: {EC2_EU_CSV}")
    assert message in err and err.count("\n") == 1


def test_an_unknown_service_exits_2(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = update(server, tmp_path, capsys, "--service", "AmazonEC3")
    assert code == 2
    assert err == (
        "finops-gate: error: unknown service 'AmazonEC3': not an offer code in the Price "
        "List offer index (did you mean AmazonEC2, AmazonS3?)\n"
    )


def test_an_unknown_region_exits_2(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = update(server, tmp_path, capsys, "--region", "eu-wset-3")
    assert code == 2
    assert "unknown region 'eu-wset-3': not in the region index of AmazonEC2" in err


def test_regions_are_chosen_by_name(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = update(server, tmp_path, capsys, "--region", "eu-west-3")
    assert code == 0, err
    assert list(figures(tmp_path / "aws.json")) == ["eu-west-3"]
    assert EC2_US_CSV not in server.downloads()


def test_a_service_with_no_price_the_estimators_use_exits_2(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.files["/offers/v1.0/aws/AmazonS3/current/region_index.json"] = b'{"regions": {}}'
    code, err = update(server, tmp_path, capsys, "--service", "AmazonS3")
    assert code == 2
    assert "no price in the downloaded offers maps to a price key" in err


def test_a_mirror_without_the_csv_serves_the_json_offer(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    del server.files[EC2_US_CSV]
    code, err = update(server, tmp_path, capsys, "--region", "us-east-1")
    assert code == 0, err
    assert EC2_US_JSON in server.downloads()
    assert figures(tmp_path / "aws.json") == {"us-east-1": {"ec2:m5.large": (0.096, US_SOURCE)}}
    server.log.clear()
    assert update(server, tmp_path, capsys, "--region", "us-east-1")[0] == 0
    assert server.downloads() == []  # the JSON is not modified either


def test_a_mirror_endpoint_keeps_its_path_prefix(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server.files = {f"/mirror/aws{path}": body for path, body in server.files.items()}
    args = ["--endpoint", server.url() + "/mirror/aws/", "--region", "eu-west-3"]
    with pytest.raises(SystemExit) as exited:
        main(["pricing", "update", "--service", "AmazonEC2", "--cache-dir", str(tmp_path), *args])
    assert exited.value.code == 0
    assert f"/mirror/aws{EC2_EU_CSV}" in server.downloads()
    assert '"ebs:st1:storage":[0.053,' in capsys.readouterr().out  # standard output


@pytest.mark.parametrize(
    "endpoint", ["ftp://example.com", "pricing.example.com", "http://x/?a", "https://u:secret@x/"]
)
def test_a_bad_endpoint_exits_2(endpoint: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["pricing", "update", "--endpoint", endpoint])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "--endpoint" in err and "secret" not in err and err.count("\n") == 1


def test_a_network_failure_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stopped = PriceListServer({}).start()
    stopped.stop()  # nothing listens on its port any more
    code, err = update(stopped, tmp_path, capsys)
    assert code == 2
    assert "cannot connect" in err and "gave up after 4 attempts" in err
    assert err.count("\n") == 1


def test_standard_proxy_variables_are_honoured(
    server: PriceListServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pricing.invalid cannot resolve: the files can only come through the proxy.
    monkeypatch.setenv("HTTP_PROXY", server.url())
    args = ["--endpoint", "http://pricing.invalid", "--region", "eu-west-3"]
    with pytest.raises(SystemExit) as exited:
        main(["pricing", "update", "--service", "AmazonEC2", "--cache-dir", str(tmp_path), *args])
    assert exited.value.code == 0, capsys.readouterr().err
    assert server.log and all(entry.proxied for entry in server.log)
    monkeypatch.setenv("NO_PROXY", "pricing.invalid")
    with pytest.raises(SystemExit) as exited:
        main(["pricing", "update", "--service", "AmazonEC2", "--cache-dir", str(tmp_path), *args])
    assert exited.value.code == 2  # not through the proxy: the name does not resolve


def test_the_table_prices_a_plan_with_the_offers_date_as_source(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert update(server, tmp_path, capsys)[0] == 0
    plan = fixture_plan_path("priced_us_east_1")
    out = tmp_path / "aws.json"
    with pytest.raises(SystemExit) as exited:
        main([str(plan), "--prices", str(out), "--format", "json"])
    assert exited.value.code in (0, 1)
    report = json.loads(capsys.readouterr().out)
    components = [c for r in report["resources"] for c in r["components"]]
    m5 = [c for c in components if c["price_key"] == "ec2:m5.large"]
    assert m5 and {(c["unit_price"], c["price_source"]) for c in m5} == {(0.096, US_SOURCE)}
    assert not any(c["approximate"] for c in m5)
    assert report["prices"]["sources"][US_SOURCE]["as_of"] == "2021-02-05"


def test_a_json_offer_over_the_size_cap_exits_2(
    server: PriceListServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    del server.files[EC2_US_CSV]
    monkeypatch.setenv("FINOPS_GATE_MAX_RESPONSE_BYTES", "4000")
    code, err = update(server, tmp_path, capsys, "--region", "us-east-1")
    assert code == 2
    assert f"{EC2_US_JSON}: the JSON offer is over 4,000 bytes" in err


def test_progress_is_shown_on_a_terminal(
    server: PriceListServer,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert update(server, tmp_path, capsys, "--region", "eu-west-3")[0] == 0
    size = len(server.files[EC2_EU_CSV])  # type: ignore[arg-type]
    shown = terminal.getvalue()
    assert f"\r\x1b[KAmazonEC2 eu-west-3 [{'#' * 24}] {size / 1e3:.1f} kB of" in shown
    assert shown.endswith("\n5 prices in 1 regions; 3 files downloaded, 0 not modified\n")


def test_the_same_rows_give_the_same_figures_as_pricing_build(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served = tmp_path / "served"
    served.mkdir()
    for path in (EC2_EU_CSV, EC2_US_CSV):
        name = path.split("/")[-2] + ".csv"
        (served / name).write_bytes(server.files[path])  # type: ignore[arg-type]
    built = {
        region: {key: float(figure.price) for key, figure in table.items()}
        for region, table in ingest([served]).tables.items()
    }
    assert update(server, tmp_path, capsys)[0] == 0
    downloaded = figures(tmp_path / "aws.json")
    assert built == {
        region: {key: price for key, (price, _) in table.items()}
        for region, table in downloaded.items()
    }


def test_the_default_services_are_those_the_estimators_use(
    server: PriceListServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.pricing_update.price_list import offer_index

    services = ["AWSELB", "AmazonCloudWatch", "AmazonEC2", "AmazonRDS", "AmazonS3"]
    server.files["/offers/v1.0/aws/index.json"] = offer_index(services).encode()
    for service in ("AWSELB", "AmazonCloudWatch", "AmazonRDS"):
        path = f"/offers/v1.0/aws/{service}/current/region_index.json"
        server.files[path] = b'{"regions": {}}'
    args = ["pricing", "update", "--endpoint", server.url(), "--cache-dir", str(tmp_path)]
    with pytest.raises(SystemExit) as exited:
        main([*args, "--out", str(tmp_path / "aws.json")])
    assert exited.value.code == 0, capsys.readouterr().err
    indexes = sorted(path.split("/")[4] for path in server.downloads() if "region_index" in path)
    assert indexes == ["AWSELB", "AmazonCloudWatch", "AmazonEC2", "AmazonRDS"]
