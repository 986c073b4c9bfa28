"""The regional rules (finops_gate.pricing.build.regional) and their leave-one-out error
measurement (rule_errors), on small hand-made tables, and the generated error table in
pricing/README.md."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from finops_gate.pricing.build import main, ratio, regional, rule_errors, rules
from finops_gate.pricing.build.base import BuildError
from finops_gate.pricing.build.rule_texts import RULES
from finops_gate.pricing.layout import Figure

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ROOT.parent / "shared" / "price-sources"
README = ROOT / "pricing" / "README.md"


def fig(price: str, rule: str | None = None) -> Figure:
    return Figure(Decimal(price), "src", rule)


def test_each_key_family_gets_the_rule_that_matches_how_aws_prices_it() -> None:
    assert regional.regional_rule("kms:key").rule == "flat-global"
    assert regional.regional_rule("secretsmanager:secret").rule == "flat-global"
    assert regional.regional_rule("ec2:cpu-credits:t3").rule == "flat-global"
    assert regional.regional_rule("lambda:requests").rule == "flat-most-regions"
    assert regional.regional_rule("sqs:standard:requests").rule == "flat-most-regions"
    assert regional.regional_rule("ebs:gp3:storage").rule == "regional-ratio"
    assert regional.regional_rule("elb:application:hour").rule == "regional-ratio"
    assert regional.regional_rule("elb:application:lcu").rule == "flat-global"
    assert regional.regional_rule("aurora:storage:iopt1").rule is None


def test_a_key_without_a_regional_rule_stops_the_build() -> None:
    with pytest.raises(BuildError, match="no regional rule"):
        regional.regional_rule("newservice:thing")


def test_flat_and_ratio_figures_for_a_region_without_the_key() -> None:
    tables = {
        "us-east-1": {
            "kms:key": fig("1"),
            "ebs:gp3:storage": fig("0.08"),
            "sqs:standard:requests": fig("0.4"),
            "aurora:storage:iopt1": fig("0.225"),
        },
        "eu-west-1": {"ebs:gp3:storage": fig("0.088")},
        "ap-south-1": {},
    }
    reference = ratio.ratio_reference(tables)
    assert "aurora:storage:iopt1" not in reference  # no regional rule: never derived
    regional.check_regional_rules(tables, reference)
    ratio.derive_regional(tables["ap-south-1"], reference, Decimal("1.2"))
    assert tables["ap-south-1"] == {
        "kms:key": fig("1", "flat-global"),
        "sqs:standard:requests": fig("0.4", "flat-most-regions"),
        "ebs:gp3:storage": fig("0.096", "regional-ratio"),
    }
    ratio.derive_regional(tables["eu-west-1"], reference, Decimal("1.1"))
    assert tables["eu-west-1"]["ebs:gp3:storage"] == fig("0.088")  # a real figure wins


def test_flat_global_must_agree_with_every_published_figure() -> None:
    tables = {"us-east-1": {"kms:key": fig("1")}, "sa-east-1": {"kms:key": fig("1.2")}}
    with pytest.raises(BuildError, match="kms:key is flat-global"):
        regional.check_regional_rules(tables, ratio.ratio_reference(tables))


def test_flat_most_regions_reference_must_be_the_most_common_figure() -> None:
    tables = {
        "us-east-1": {"lambda:requests": fig("0.2")},
        "eu-west-1": {"lambda:requests": fig("0.2")},
        "ap-east-1": {"lambda:requests": fig("0.28")},
    }
    regional.check_regional_rules(tables, ratio.ratio_reference(tables))
    tables["sa-east-1"] = {"lambda:requests": fig("0.28")}
    tables["me-south-1"] = {"lambda:requests": fig("0.28")}
    with pytest.raises(BuildError, match="not its most common"):
        regional.check_regional_rules(tables, ratio.ratio_reference(tables))


def test_leave_one_out_derives_each_published_figure_without_it() -> None:
    tables = {
        "us-east-1": {"ebs:gp3:storage": fig("0.08"), "kms:key": fig("1")},
        "us-east-2": {"ebs:gp3:storage": fig("0.08"), "kms:key": fig("1")},
        "eu-west-1": {
            "ebs:gp3:storage": fig("0.088"),
            "kms:key": fig("1"),
            "rds:db.t3.micro:postgres:single-az": fig("0.02"),
            "rds:db.t3.micro:postgres:multi-az": fig("0.039"),
        },
    }
    ratios = {"us-east-1": Decimal(1), "us-east-2": Decimal(1), "eu-west-1": Decimal("1.2")}
    checks = rule_errors.leave_one_out(tables, ratios)
    assert (
        "regional-ratio",
        "eu-west-1",
        "ebs:gp3:storage",
        Decimal("0.096"),
        Decimal("0.088"),
    ) in checks
    # us-east-1 left out: its reference is us-east-2's figure
    assert ("flat-global", "us-east-1", "kms:key", Decimal("1"), Decimal("1")) in checks
    assert (
        "rds-multi-az-2x",
        "eu-west-1",
        "rds:db.t3.micro:postgres:multi-az",
        Decimal("0.04"),
        Decimal("0.039"),
    ) in checks
    errors = {e.rule: e for e in rule_errors.rule_errors(checks, ["regional-ratio", "x"])}
    assert errors["regional-ratio"].n == 3  # eu-west-1, and each reference region
    assert errors["regional-ratio"].max == Decimal("0.096") / Decimal("0.088") * 100 - 100
    assert errors["x"].n == 0 and errors["x"].median is None


def _readme_block() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index(rule_errors.README_START)
    end = text.index(rule_errors.README_END) + len(rule_errors.README_END) + 1
    return text[start:end]


def test_readme_error_table_lists_every_rule_the_table_uses() -> None:
    table = json.loads((ROOT / "pricing" / "aws.json").read_text(encoding="utf-8"))
    listed = set(re.findall(r"^\| `([^`]+)` \|", _readme_block(), re.MULTILINE))
    assert set(table["rules"]) <= listed


@pytest.mark.slow
@pytest.mark.skipif(not (SOURCES / "README.md").is_file(), reason="no price sources")
def test_readme_error_table_is_current() -> None:
    assert _readme_block() == main.rule_error_table(SOURCES.resolve())


def test_replace_block_keeps_the_rest_of_the_file() -> None:
    text = f"a\n{rule_errors.README_START}\nold\n{rule_errors.README_END}\nb\n"
    new = rule_errors.replace_block(text, "NEW\n")
    assert new == "a\nNEW\nb\n"
    with pytest.raises(ValueError):
        rule_errors.replace_block("no block", "NEW\n")


def test_a_node_type_missing_from_a_page_that_lists_the_region_is_not_offered() -> None:
    reference = {
        "msk:kafka.m5.large": fig("0.21"),
        "msk:kafka.m7g.large": fig("0.204"),
        "msk:storage": fig("0.1"),
        "redshift:dc2.large": fig("0.25"),
    }
    # the region's MSK page lists m5 brokers only; no Redshift page for the region
    table = {"msk:kafka.m5.large": fig("0.234")}
    ratio.derive_regional(table, reference, Decimal("1.1"))
    assert "msk:kafka.m7g.large" not in table  # not offered there: "price not found"
    assert table["msk:storage"] == fig("0.11", "regional-ratio")
    assert table["redshift:dc2.large"] == fig("0.275", "regional-ratio")


def test_fitting_rule_reads_the_published_figures() -> None:
    ratios = {"eu-west-1": Decimal("1.1"), "sa-east-1": Decimal("1.5"), "ap-east-1": Decimal("1.3")}
    same = {"eu-west-1": Decimal("1"), "sa-east-1": Decimal("1"), "ap-east-1": Decimal("1")}
    assert rule_errors.fitting_rule(Decimal("1"), same, ratios) == "flat-global"
    mostly = {
        "eu-west-1": Decimal("0.2"),
        "sa-east-1": Decimal("0.2"),
        "ap-east-1": Decimal("0.28"),
    }
    assert rule_errors.fitting_rule(Decimal("0.2"), mostly, ratios) == "flat-most-regions"
    scaled = {
        "eu-west-1": Decimal("0.088"),
        "sa-east-1": Decimal("0.12"),
        "ap-east-1": Decimal("0.1"),
    }
    assert rule_errors.fitting_rule(Decimal("0.08"), scaled, ratios) == "regional-ratio"


# A flat copy is closer than the ratio for these, but us-east-1's figure is not the most
# common one (S3 Standard 0.023 in 6 regions, 0.025 in 15): regional-ratio is kept.
NEITHER_FLAT_NOR_MOST_COMMON = {"s3:standard:storage", "efs:ia:storage"}


@pytest.mark.skipif(not (SOURCES / "README.md").is_file(), reason="no price sources")
def test_each_key_has_the_rule_its_published_figures_support() -> None:
    """For every key that at least two regions besides us-east-1 publish, the rule in
    REGIONAL_RULES is the one the figures support (rule_errors.fitting_rule)."""
    tables, ratios = main.published_tables(SOURCES.resolve())
    checked = 0
    for key, figure in sorted(ratio.ratio_reference(tables).items()):
        published = {
            region: table[key].price
            for region, table in tables.items()
            if region != "us-east-1" and key in table and table[key].rule_id is None
        }
        if len(published) < 2 or key in NEITHER_FLAT_NOR_MOST_COMMON:
            continue
        fitting = rule_errors.fitting_rule(figure.price, published, ratios)
        assert regional.regional_rule(key).rule == fitting, key
        checked += 1
    assert checked > 80


def test_a_rule_applied_to_a_flat_global_figure_is_named_after_both() -> None:
    table = {"ec2:cpu-credits:t3": fig("0.05", "flat-global")}
    rules.derive_cpu_credits(table)
    assert table["ec2:cpu-credits:t4g"] == fig("0.04", "flat-global+cpu-credits-family")
    assert "flat-global+cpu-credits-family" in RULES
    # never a longer chain
    chained = {"ec2:cpu-credits:t3": fig("0.05", "flat-global+cpu-credits-family")}
    rules.derive_cpu_credits(chained)
    assert list(chained) == ["ec2:cpu-credits:t3"]


def test_regional_errors_per_service() -> None:
    checks: list[rule_errors.Check] = [
        ("regional-ratio", "eu-west-1", "ebs:gp3:storage", Decimal("0.096"), Decimal("0.088")),
        ("regional-ratio", "sa-east-1", "ebs:gp2:storage", Decimal("0.15"), Decimal("0.15")),
        ("flat-global", "eu-west-1", "kms:key", Decimal("1"), Decimal("1")),
        ("rds-multi-az-2x", "eu-west-1", "rds:db.t3.micro:mysql:multi-az", Decimal(1), Decimal(1)),
    ]
    rows = rule_errors.service_errors(checks, regional.REGIONAL_RULE_IDS)
    assert [(r.rule, r.service, r.n, r.regions) for r in rows] == [
        ("flat-global", "kms", 1, 1),
        ("regional-ratio", "ebs", 2, 2),
    ]
    assert rows[1].median == (Decimal("0.096") / Decimal("0.088") - 1) * 100 / 2
