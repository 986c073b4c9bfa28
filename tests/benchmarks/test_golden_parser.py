"""The golden parser on real Infracost goldens (tests/benchmarks/data/SOURCE.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.yardstick.golden import GoldenError, parse_golden, resource_type

DATA = Path(__file__).parent / "data"


def _golden(name: str) -> str:
    return (DATA / f"{name}.golden").read_text(encoding="utf-8")


def test_nat_gateway_resources_components_and_usage_lines() -> None:
    golden = parse_golden(_golden("nat_gateway_test"))
    assert golden.currency == "USD"
    assert golden.overall_total == 70.20
    assert [r.address for r in golden.resources] == [
        "aws_nat_gateway.nat_withUsage",
        "aws_nat_gateway.nat",
    ]
    with_usage, without = golden.resources
    hours, processed = with_usage.components
    assert (hours.name, hours.quantity, hours.unit, hours.monthly_cost) == (
        "NAT gateway",
        730,
        "hours",
        32.85,
    )
    assert (processed.quantity, processed.unit, processed.monthly_cost) == (100, "GB", 4.50)
    assert with_usage.monthly_cost == 37.35
    usage_only = without.components[1]
    assert (usage_only.name, usage_only.unit, usage_only.monthly_cost) == (
        "Data processed",
        "GB",
        None,
    )
    assert without.monthly_cost == 32.85


def test_nested_sub_resources_keep_their_path_and_add_up() -> None:
    golden = parse_golden(_golden("eks_node_group_test"))
    first = golden.resources[0]
    assert first.address == "aws_eks_node_group.example_with_launch_template_2"
    assert [(c.path, c.name) for c in first.components] == [
        (("aws_launch_template.foo2",), "Instance usage (Linux/UNIX, on-demand, m5.xlarge)"),
        (("aws_launch_template.foo2",), "EBS-optimized usage"),
        (
            ("aws_launch_template.foo2", "block_device_mapping[0]"),
            "Storage (general purpose SSD, gp2)",
        ),
    ]
    assert first.components[0].quantity == 2190  # printed as 2,190
    assert first.monthly_cost == pytest.approx(420.48 + 0.00 + 6.00)
    # A resource after a nested one starts again at the top level.
    usage = next(r for r in golden.resources if r.address == "aws_eks_node_group.usage")
    assert [c.path for c in usage.components] == [(), ()]
    # The resource totals add up to the golden's own OVERALL TOTAL (to the cent per line).
    total = sum(r.monthly_cost or 0 for r in golden.resources)
    assert total == pytest.approx(golden.overall_total, abs=0.01 * len(golden.resources))


def test_china_golden_is_in_cny_and_not_found_is_no_figure() -> None:
    golden = parse_golden(_golden("rds_cluster_china_test"))
    assert golden.currency == "CNY"
    assert golden.overall_total == 0.0
    (cluster,) = golden.resources
    export = cluster.components[-1]
    assert (export.name, export.monthly_cost, export.price_not_found) == (
        "Snapshot export",
        None,
        True,
    )
    # Only usage-dependent lines and a price not found: Infracost shows no figure.
    assert cluster.monthly_cost is None


def test_not_found_with_a_quantity_and_usage_markers() -> None:
    golden = parse_golden(_golden("sns_topic_test"))
    charged = golden.resources[0]
    sms = charged.components[-1]
    assert (sms.name, sms.quantity, sms.unit, sms.price_not_found) == (
        "SMS notifications (over 100)",
        9,
        "100 notifications",
        True,
    )
    email = charged.components[1]
    assert (email.quantity, email.monthly_cost) == (2.99, 5.98)
    assert charged.monthly_cost == pytest.approx(0.06 + 5.98 + 0.76 + 2.50 + 3.00)


def test_every_saved_golden_adds_up_to_its_overall_total() -> None:
    for path in sorted(DATA.glob("*.golden")):
        golden = parse_golden(path.read_text(encoding="utf-8"))
        total = sum(r.monthly_cost or 0 for r in golden.resources)
        assert golden.overall_total is not None
        assert total == pytest.approx(golden.overall_total, abs=0.01 * len(golden.resources)), path


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Project: main\n", "header"),
        (" Name  Monthly Qty  Unit  Monthly Cost\n\n aws_eip.a\n", "OVERALL TOTAL"),
        (
            " Name  Monthly Qty  Unit  Monthly Cost\n ├─ Hours    730  hours    $3.65\n"
            " OVERALL TOTAL   $3.65\n",
            "outside any resource",
        ),
    ],
)
def test_what_is_not_a_golden_table_is_an_error(text: str, message: str) -> None:
    with pytest.raises(GoldenError, match=message):
        parse_golden(text)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("aws_lb.this", "aws_lb"),
        ("module.asg-lt.aws_autoscaling_group.this[0]", "aws_autoscaling_group"),
        ('module.a["x.y"].module.b[1].aws_s3_bucket.logs["k"]', "aws_s3_bucket"),
    ],
)
def test_resource_type_strips_module_prefixes(address: str, expected: str) -> None:
    assert resource_type(address) == expected
