"""The AWS Price List ingester: `finops-gate pricing build --from-aws-offer PATH`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.prices import load_price_table, validate_price_table
from finops_gate.errors import PriceTableError
from finops_gate.pricing.offer import ingest, read_offer_file

FIXTURES = Path(__file__).parent / "fixtures"
CSV = FIXTURES / "offer_ec2_eu-west-3_excerpt.csv"
GET_PRODUCTS = FIXTURES / "get_products_m5_large_excerpt.json"
BULK = FIXTURES / "synthetic_bulk_offer_ap-southeast-1.json"
SAMPLES = (
    Path(__file__).resolve().parents[2].parent / "shared/price-sources/aws-official-format-samples"
)


def prices(path: Path) -> dict[str, dict[str, float]]:
    result = ingest([path])
    return {
        region: {key: float(figure.price) for key, figure in table.items()}
        for region, table in result.tables.items()
    }


def test_offer_csv_metadata_rows_and_prices() -> None:
    offer = read_offer_file(CSV)
    assert (offer.kind, offer.offer_code, str(offer.published)) == (
        "offer-csv",
        "AmazonEC2",
        "2020-10-19",
    )
    # "$0.116 per GB-month of General Purpose SSD (gp2)", "$0.058 per 1 million I/O requests"
    assert prices(CSV) == {"eu-west-3": {"ebs:gp2:storage": 0.116, "ebs:standard:io": 0.058}}


def test_get_products_element() -> None:
    # "$0.096 per On Demand Linux m5.large Instance Hour", US East (N. Virginia)
    assert prices(GET_PRODUCTS) == {"us-east-1": {"ec2:m5.large": 0.096}}
    assert str(read_offer_file(GET_PRODUCTS).published) == "2021-02-05"


def test_get_products_response_with_json_text_elements(tmp_path: Path) -> None:
    element = GET_PRODUCTS.read_text(encoding="utf-8")
    response = tmp_path / "response.json"
    response.write_text(json.dumps({"FormatVersion": "aws_v1", "PriceList": [element]}))
    assert prices(response) == {"us-east-1": {"ec2:m5.large": 0.096}}


def test_bulk_offer_json() -> None:
    # Windows is skipped; the Elastic IP rate is the tier from hour 1 (hour 0-1 is free)
    assert prices(BULK) == {
        "ap-southeast-1": {
            "ec2:m5.large": 0.12,
            "ec2:m5.large:dedicated": 0.132,
            "eip:idle:hour": 0.005,
            "elb:application:hour": 0.0252,
        }
    }


def test_ebs_optimized_fee_only_where_charged(tmp_path: Path) -> None:
    def product(sku: str, instance_type: str) -> dict[str, object]:
        attributes = {
            "location": "EU (Ireland)",
            "regionCode": "eu-west-1",
            "instanceType": instance_type,
            "operatingSystem": "NA",
            "usagetype": f"EU-EBSOptimized:{instance_type}",
        }
        return {"sku": sku, "productFamily": "Compute Instance", "attributes": attributes}

    def on_demand(sku: str, usd: str) -> dict[str, object]:
        dimension = {"unit": "Hrs", "beginRange": "0", "pricePerUnit": {"USD": usd}}
        return {f"{sku}.JRTCKXETXF": {"priceDimensions": {f"{sku}.D": dimension}}}

    # eu-west-1 offer (2023-02-23): r3.xlarge 0.02/h (sku W4BKWJDZQ9PVKCGD); m5.large 0
    offer = {
        "formatVersion": "v1.0",
        "offerCode": "AmazonEC2",
        "publicationDate": "2023-02-23T00:00:00Z",
        "products": {
            "CHARGED": product("CHARGED", "r3.xlarge"),
            "FREE": product("FREE", "m5.large"),
        },
        "terms": {
            "OnDemand": {
                "CHARGED": on_demand("CHARGED", "0.0200000000"),
                "FREE": on_demand("FREE", "0.0000000000"),
            }
        },
    }
    path = tmp_path / "index.json"
    path.write_text(json.dumps(offer))
    assert prices(path) == {"eu-west-1": {"ec2:r3.xlarge:ebs-optimized": 0.02}}


def test_output_is_a_loadable_deterministic_table(tmp_path: Path) -> None:
    text = ingest([FIXTURES]).render()
    assert text == ingest([FIXTURES]).render()
    out = tmp_path / "table.json"
    out.write_text(text, encoding="utf-8")
    validate_price_table(out)
    table = load_price_table(out)
    assert table.regions == ["ap-southeast-1", "eu-west-3", "us-east-1"]
    price = table.lookup("eu-west-3", "ebs:gp2:storage")
    assert price is not None and price.unit_price == 0.116 and not price.approximate
    assert table.sources[price.source].as_of.isoformat() == "2020-10-19"


def test_cli_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "aws.json"
    with pytest.raises(SystemExit) as exit_:
        main(["pricing", "build", "--from-aws-offer", str(CSV), "--out", str(out)])
    assert exit_.value.code == 0
    assert "eu-west-3: 2 prices" in capsys.readouterr().err
    assert load_price_table(out).lookup("eu-west-3", "ebs:standard:io") is not None


def test_cli_build_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": 1}')
    for args in (["--from-aws-offer", str(bad)], ["--from-aws-offer", str(tmp_path / "no")]):
        with pytest.raises(SystemExit) as exit_:
            main(["pricing", "build", *args])
        assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "not an AWS Price List file" in err and "no such file or directory" in err


def test_nothing_mapped_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "sp.json"
    empty.write_text('{"publicationDate": "2020-02-20T22:03:00Z", "regions": []}')
    with pytest.raises(PriceTableError, match="no price in the input"):
        ingest([empty])


@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"AWS samples not found at {SAMPLES}")
def test_the_shared_samples() -> None:
    result = ingest([SAMPLES])
    got = {r: {k: float(f.price) for k, f in t.items()} for r, t in result.tables.items()}
    assert got == {
        "eu-west-3": {
            "ebs:gp2:storage": 0.116,
            "ebs:io1:iops": 0.076,
            "ebs:io1:storage": 0.145,
            "ebs:st1:storage": 0.053,
            "ebs:standard:io": 0.058,
        },
        "us-east-1": {"ec2:m5.large": 0.096},
    }
    assert len(result.skipped) == 2  # Savings Plans files: no on-demand prices


def test_check_prices_option_uses_a_built_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = tmp_path / "aws.json"
    table.write_text(ingest([GET_PRODUCTS]).render(), encoding="utf-8")
    plan = Path(__file__).resolve().parents[1] / "fixtures/terraform/priced_us_east_1/plan.json"
    with pytest.raises(SystemExit):
        main(["check", str(plan), "--prices", str(table), "--prices-only", "--format", "json"])
    report = json.loads(capsys.readouterr().out)
    components = [c for r in report["resources"] for c in r["components"]]
    m5 = [c for c in components if c["price_key"] == "ec2:m5.large"]
    assert m5 and all(c["unit_price"] == 0.096 for c in m5)
    assert {c["price_source"] for c in m5} == {
        "aws-price-list:AmazonEC2:get_products_m5_large_excerpt"
    }
    # everything else is missing from this one-price table: price not found, never $0
    assert report["summary"]["price_not_found"] > 0
