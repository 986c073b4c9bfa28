"""Unit checks of the builder's rules and guards (finops_gate.pricing.build) on small
hand-made tables.

The data tests (tests/pricing/test_price_table_data.py) check the built table against the raw
sources; these check the builder's own decisions, including the ones that stop the build.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from finops_gate.pricing.build import base, checks, main, ratio, rules, sources
from finops_gate.pricing.build.readers import infracost_golden, unitmaps
from finops_gate.pricing.layout import Figure

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "price-sources"


@pytest.fixture(scope="module")
def build() -> SimpleNamespace:
    """The builder's names these tests use, wherever they live in the package."""
    return SimpleNamespace(
        BuildError=base.BuildError,
        SOURCES=sources.SOURCES,
        LINEAR_FAMILIES=rules.LINEAR_FAMILIES,
        GoldenRow=infracost_golden.GoldenRow,
        aws_page_unitmaps=unitmaps.aws_page_unitmaps,
        check_page_dates=checks.check_page_dates,
        derive_aurora_iopt1=rules.derive_aurora_iopt1,
        derive_node_sizes=rules.derive_node_sizes,
        golden_mismatches=infracost_golden.golden_mismatches,
        ratio_reference=ratio.ratio_reference,
    )


def test_aurora_io_optimized_instance_is_1_3_x_standard(build: SimpleNamespace) -> None:
    table = {
        "rds:db.r6g.large:aurora-mysql:single-az": Figure(Decimal("0.26"), "src"),
        "rds:db.r5.large:aurora-postgresql:single-az": Figure(Decimal("0.29"), "src"),
        "rds:db.r5.large:mysql:single-az": Figure(Decimal("0.171"), "src"),
    }
    build.derive_aurora_iopt1(table)
    assert table["rds:db.r6g.large:aurora-mysql-iopt1:single-az"] == Figure(
        Decimal("0.338"), "src", "aurora-iopt1-instance"
    )
    assert table["rds:db.r5.large:aurora-postgresql-iopt1:single-az"].price == Decimal("0.377")
    assert "rds:db.r5.large:mysql-iopt1:single-az" not in table  # Aurora only
    assert len(table) == 5


def test_aurora_io_optimized_storage_is_never_a_regional_ratio(build: SimpleNamespace) -> None:
    us = {
        "aurora:storage": Figure(Decimal("0.10"), "src"),
        "aurora:storage:iopt1": Figure(Decimal("0.225"), "src"),
    }
    reference = build.ratio_reference({"us-east-1": us})
    assert "aurora:storage" in reference and "aurora:storage:iopt1" not in reference


def test_node_sizes_tolerate_rounded_published_sizes(build: SimpleNamespace) -> None:
    # us-east-1 MSK: 24xlarge 10.08 (0.105 per vCPU), 16xlarge 6.73 (linear: 6.72, +0.15%)
    table = {
        "msk:kafka.m5.24xlarge": Figure(Decimal("10.08"), "src"),
        "msk:kafka.m5.16xlarge": Figure(Decimal("6.73"), "src"),
    }
    build.derive_node_sizes(table)
    assert table["msk:kafka.m5.large"] == Figure(Decimal("0.21"), "src", "node-size-linear")
    off = {
        "msk:kafka.m5.24xlarge": Figure(Decimal("10.08"), "src"),
        "msk:kafka.m5.16xlarge": Figure(Decimal("6.90"), "src"),  # +2.7%: not linear
    }
    with pytest.raises(build.BuildError, match="not linear"):
        build.derive_node_sizes(off)


def test_node_sizes_left_alone_when_every_size_is_published(build: SimpleNamespace) -> None:
    sizes = build.LINEAR_FAMILIES["redshift:ra3."]
    # published, rounded, and off the rule by more than 1% (would otherwise stop the build)
    table = {f"redshift:ra3.{size}": Figure(Decimal(vcpus), "src") for size, vcpus in sizes.items()}
    table["redshift:ra3.large"] = Figure(Decimal("2.5"), "src")
    before = dict(table)
    build.derive_node_sizes(table)
    assert table == before


def test_golden_unit_price_shown_to_the_cent(build: SimpleNamespace) -> None:
    """Infracost shows "$0.23 per GB" for AWS's 0.225: it proves the price to the cent only."""
    row = build.GoldenRow(None, None, Decimal("0.23"))
    shown = Decimal(1)
    assert build.golden_mismatches(Decimal("0.225"), [row], shown, True) == []
    assert build.golden_mismatches(Decimal("0.225"), [row], shown) == ["unit price 0.23"]
    assert build.golden_mismatches(Decimal("0.2149"), [row], shown, True) == ["unit price 0.23"]
    # below 0.1 Infracost shows every digit: no rounding allowed
    small = build.GoldenRow(None, None, Decimal("0.02"))
    assert build.golden_mismatches(Decimal("0.0204"), [small], shown, True) == ["unit price 0.02"]


@pytest.mark.skipif(not SOURCES.is_dir(), reason=f"raw price data not found at {SOURCES}")
def test_build_stops_when_a_page_source_date_is_stale(
    build: SimpleNamespace, monkeypatch: pytest.MonkeyPatch
) -> None:
    build.check_page_dates(SOURCES)  # the declared dates match the manifests
    stale = dataclasses.replace(build.SOURCES["aws-pricing-page-rds"], as_of="2024-01-01")
    monkeypatch.setitem(build.SOURCES, "aws-pricing-page-rds", stale)
    with pytest.raises(build.BuildError, match="published 2024-09-28"):
        build.check_page_dates(SOURCES)


@pytest.mark.skipif(not SOURCES.is_dir(), reason=f"raw price data not found at {SOURCES}")
def test_eks_extended_support_is_standard_plus_surcharge(build: SimpleNamespace) -> None:
    prices = build.aws_page_unitmaps(SOURCES, "eu-west-1")
    assert prices["eks:cluster:hour"] == Decimal("0.1")
    assert prices["eks:cluster:extended:hour"] == Decimal("0.6")
    assert not [key for key in prices if "surcharge" in key]  # not a price key
    # the global keys only in us-east-1
    assert "route53:queries" not in prices
    assert build.aws_page_unitmaps(SOURCES, "us-east-1")["route53:queries"] == Decimal("0.4")


def test_build_without_sources_exits_1_with_one_line_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out" / "aws.json"
    ebs = tmp_path / "_ebs_optimized.py"
    argv = ["--sources", str(tmp_path / "nowhere"), "--out", str(out), "--ebs-optimized-out"]
    assert main.main([*argv, str(ebs)], repo_root=tmp_path) == 1
    err = capsys.readouterr().err
    assert err.startswith("build_prices: error: no price sources at ") and err.count("\n") == 1
    assert not out.exists() and not ebs.exists() and not (tmp_path / "out").exists()


def test_the_script_is_a_thin_entry_point() -> None:
    script = (ROOT / "scripts" / "build_prices.py").read_text(encoding="utf-8")
    assert "sys.path" not in script
    assert "from finops_gate.pricing.build.main import main" in script
    assert len(script.splitlines()) < 30
