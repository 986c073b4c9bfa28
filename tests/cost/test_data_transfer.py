"""Usage-file `aws_data_transfer` entries: resources no plan has, priced from their region.

Expected costs are worked by hand from published unit prices, USD per GB:

- internet, us-east-2 and eu-west-1: first 10 TB 0.09, next 40 TB 0.085, next 100 TB 0.07,
  over 150 TB 0.05; sa-east-1 first 10 TB 0.15 (coroot's extraction of the Infracost AWS
  price dump, `data_transfer_out_internet_by_region_2024-08-09.json`; AWS's EC2 on-demand
  pricing page, "Data Transfer OUT From Amazon EC2 To Internet");
- intra-region 0.01 in each direction, us-east-1 <-> us-east-2 0.01, out of us-east-1/2 and
  eu-west-1 to other regions 0.02, out of me-south-1 0.1105 (Infracost's
  data_transfer_test golden output: 2,000 GB $20.00, 200 GB $2.00, 750 GB $15.00,
  750 GB $82.88).
"""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.engine import estimate_resource
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import UsageFileError, load_usage_file, parse_usage
from finops_gate.cost.usage_resources import (
    known_region,
    usage_resource,
    with_usage_resources,
)
from finops_gate.plan.reader import load_plan
from finops_gate.plan.resource import Action
from tests.conftest import FIXTURES, fixture_plan_path


def priced(
    prices: PriceTable, region: str, usage: dict[str, Any], address: str = "aws_data_transfer.x"
) -> ResourceCost:
    resource = usage_resource(address, region, "u.yml")
    return estimate_resource(resource, prices, usage=usage)


def costs(cost: ResourceCost) -> dict[str, float | None]:
    return {c.name: c.monthly_cost for c in cost.components}


def test_a_region_with_every_key_as_infracost_prices_it(prices: PriceTable) -> None:
    cost = priced(
        prices,
        "us-east-2",
        {
            "monthly_intra_region_gb": 1000,
            "monthly_outbound_us_east_to_us_east_gb": 200,
            "monthly_outbound_other_regions_gb": 750,
            "monthly_outbound_internet_gb": 157000,
        },
    )
    assert costs(cost) == {
        "Intra-region data transfer": 20.0,  # 1,000 GB x 2 directions x 0.01
        "Outbound data transfer to Internet (first 10 TB)": 921.6,  # 10,240 x 0.09
        "Outbound data transfer to Internet (next 40 TB)": 3481.6,  # 40,960 x 0.085
        "Outbound data transfer to Internet (next 100 TB)": 7168.0,  # 102,400 x 0.07
        "Outbound data transfer to Internet (over 150 TB)": 170.0,  # 3,400 x 0.05
        "Outbound data transfer to US East regions": 2.0,  # 200 x 0.01
        "Outbound data transfer to other regions": 15.0,  # 750 x 0.02
    }
    assert [c.monthly_quantity for c in cost.components][:5] == [
        2000,
        10240,
        40960,
        102400,
        3400,
    ]
    # unchanged: the same cost before and after
    assert cost.status == Status.PRICED
    assert cost.monthly_cost_before == cost.monthly_cost_after == pytest.approx(11778.2)
    assert cost.monthly_cost_delta == 0
    assert not cost.approximate
    assert cost.notes[0] == "from the usage file u.yml; not in the plan"
    assert "x 2: billed leaving and arriving" in (cost.components[0].note or "")


def test_only_the_keys_given_are_components(prices: PriceTable) -> None:
    cost = priced(prices, "sa-east-1", {"monthly_outbound_internet_gb": 500})
    # within the first tier: 500 x 0.15
    assert costs(cost) == {"Outbound data transfer to Internet": 75.0}


def test_other_regions_at_the_regions_own_rate(prices: PriceTable) -> None:
    cost = priced(prices, "me-south-1", {"monthly_outbound_other_regions_gb": 1000})
    assert costs(cost) == {"Outbound data transfer to other regions": pytest.approx(110.5)}


def test_us_east_outside_us_east_is_the_inter_region_rate(prices: PriceTable) -> None:
    cost = priced(prices, "eu-west-1", {"monthly_outbound_us_east_to_us_east_gb": 100})
    (component,) = cost.components
    assert component.monthly_cost == 2.0  # 100 x 0.02
    assert "from eu-west-1: the inter-region rate" in (component.note or "")


def test_a_region_alone_depends_on_usage(prices: PriceTable) -> None:
    cost = priced(prices, "us-east-1", {})
    assert cost.status == Status.USAGE_BASED
    assert [c.name for c in cost.components] == [
        "Intra-region data transfer",
        "Outbound data transfer to Internet",
        "Outbound data transfer to US East regions",
        "Outbound data transfer to other regions",
    ]
    assert all(c.monthly_quantity is None for c in cost.components)
    # outside us-east-1/2 there is no US East rate of its own to show
    assert len(priced(prices, "eu-west-1", {}).components) == 3


@pytest.mark.parametrize("region", ["us-gov-west-1", "cn-north-1", "us-west-2-lax-1"])
def test_a_region_the_table_lacks_is_price_not_found(prices: PriceTable, region: str) -> None:
    cost = priced(prices, region, {"monthly_intra_region_gb": 10})
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.monthly_cost_before is None and cost.monthly_cost_after is None
    assert f"price not found for data-transfer:intra-region in {region}" in cost.notes


def test_a_key_no_source_has_in_a_region_is_price_not_found(prices: PriceTable) -> None:
    # ap-southeast-7: no internet or inter-region figure in any source, and no rule fits
    cost = priced(prices, "ap-southeast-7", {"monthly_outbound_internet_gb": 10})
    assert cost.status == Status.PRICE_NOT_FOUND
    # intra-region is one price everywhere: copied there, marked approximate
    cost = priced(prices, "ap-southeast-7", {"monthly_intra_region_gb": 10})
    assert cost.monthly_cost_after == 0.2 and cost.approximate
    assert cost.components[0].rule == "flat-global"


# --- the usage file -----------------------------------------------------------------------


def usage_of(entries: dict[str, Any], strict: bool = False) -> Any:
    return parse_usage({"version": 0.1, "resource_usage": entries}, "u.yml", strict)


def test_entries_become_records_and_match_no_plan_resource_silently() -> None:
    usage = usage_of(
        {
            "aws_data_transfer.b": {"region": "EU-West-1", "monthly_intra_region_gb": 5},
            "aws_data_transfer.a": {"region": "us-west-2-lax-1"},
            "aws_s3_bucket.asets": {"standard": {"storage_gb": 1}},
        }
    )
    assert usage.warnings == ()
    assert usage.usage_only == (
        ("aws_data_transfer.b", "eu-west-1"),
        ("aws_data_transfer.a", "us-west-2-lax-1"),
    )
    records = usage.usage_resources()
    assert [(r.address, r.region, r.action, r.type) for r in records] == [
        ("aws_data_transfer.b", "eu-west-1", Action.NO_OP, "aws_data_transfer"),
        ("aws_data_transfer.a", "us-west-2-lax-1", Action.NO_OP, "aws_data_transfer"),
    ]
    assert usage.for_resource("aws_data_transfer.b", "aws_data_transfer") == {
        "monthly_intra_region_gb": 5
    }
    # only the real typo is reported
    (warning,) = usage.unmatched_warnings(["aws_s3_bucket.assets"])
    assert "aws_s3_bucket.asets" in warning


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"monthly_intra_region_gb": 5}, "aws_data_transfer.x: no region"),
        ({"region": "mars-east-1"}, "aws_data_transfer.x.region: 'mars-east-1' is not an AWS"),
        ({"region": "us-east-1a"}, "is not an AWS region (closest: us-east-1)"),
    ],
)
def test_a_missing_or_unknown_region_is_ignored_or_strict_error(
    values: dict[str, Any], message: str
) -> None:
    usage = usage_of({"aws_data_transfer.x": values})
    (warning,) = usage.warnings
    assert message in warning and warning.startswith("u.yml: resource_usage.")
    assert warning.endswith(": ignored")
    assert usage.usage_only == () and usage.usage_resources() == []
    # nor is the entry then reported as matching no resource
    assert usage.unmatched_warnings([]) == []
    with pytest.raises(UsageFileError, match=r"aws_data_transfer\.x"):
        usage_of({"aws_data_transfer.x": values}, strict=True)


def test_a_region_that_is_not_a_word_is_an_error() -> None:
    with pytest.raises(UsageFileError, match=r"aws_data_transfer.x.region: expected an AWS region"):
        usage_of({"aws_data_transfer.x": {"region": 5}})


def test_quantities_are_checked_like_any_usage_key() -> None:
    with pytest.raises(UsageFileError, match="monthly_intra_region_gb: expected a non-negative"):
        usage_of({"aws_data_transfer.x": {"region": "us-east-1", "monthly_intra_region_gb": -1}})
    usage = usage_of({"aws_data_transfer.x": {"region": "us-east-1", "monthly_gb": 1}})
    (warning,) = usage.warnings
    assert "monthly_gb: unknown usage key for aws_data_transfer" in warning


def test_known_regions() -> None:
    assert known_region("us-east-1") and known_region("us-gov-east-1")
    assert known_region("us-west-2-lax-1") and known_region("us-east-1-bos-1a")
    assert not known_region("us-east-9") and not known_region("moon-1-lax-1")


def test_records_join_the_plan_in_address_order_keeping_its_own() -> None:
    plan = load_plan(str(fixture_plan_path("data_transfer")))
    usage = usage_of(
        {
            "aws_data_transfer.zz": {"region": "us-east-1"},
            "aws_data_transfer.aa": {"region": "us-east-1"},
        }
    )
    merged = with_usage_resources(plan, usage.usage_resources())
    own = [r.address for r in plan.resources]
    assert [r.address for r in merged.resources if r.from_usage_file is None] == own
    addresses = [r.address for r in merged.resources]
    assert addresses == ["aws_data_transfer.aa", "aws_data_transfer.zz", *own]


def test_no_entries_leave_the_plan_as_it_is() -> None:
    plan = load_plan(str(fixture_plan_path("data_transfer")))
    usage = usage_of({"aws_nat_gateway.egress": {"monthly_data_processed_gb": 1}})
    assert with_usage_resources(plan, usage.usage_resources()) is plan


def test_infracosts_own_data_transfer_file() -> None:
    path = FIXTURES.parent / "infracost_usage" / "data_transfer_test.usage.yml"
    usage = load_usage_file(str(path), strict=True)
    # one entry per region, each named after its region (the China ones are commented out)
    assert len(usage.usage_only) == 28
    assert all(address == f"aws_data_transfer.{region}" for address, region in usage.usage_only)
