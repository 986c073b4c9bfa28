"""Totals that say what they leave out: resources not priced, by cause, and which sums are
only bounds. On plans terraform produced (tests/fixtures/terraform)."""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import (
    Estimate,
    NotPriced,
    NotPricedCause,
    ResourceCost,
    Status,
    bound_of,
)
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path
from tests.cost.unknown_estimators import WHY, add_unknown_component


def estimate(case: str, prices: PriceTable) -> Estimate:
    return estimate_plan(load_plan(str(fixture_plan_path(case))), prices)


def by_address(result: Estimate) -> dict[str, ResourceCost]:
    return {cost.resource.address: cost for cost in result.resources}


def test_unpriced_databases_make_the_total_after_a_lower_bound(prices: PriceTable) -> None:
    result = estimate("unpriced_databases", prices)
    totals = result.totals
    kms = prices.lookup("us-east-1", "kms:key")
    assert kms is not None and kms.unit_price is not None
    # Only the key is priced: the two Db2 databases have no price in the table.
    assert totals.monthly_cost_before == 0
    assert totals.monthly_cost_after == pytest.approx(kms.unit_price)
    assert totals.not_priced == NotPriced(unsupported=0, price_not_found=2, unknown_components=0)
    assert not totals.complete
    assert (totals.before_lower_bound, totals.after_lower_bound) == (False, True)
    assert totals.delta_bound == "lower"
    causes = {c.resource.address: c.not_priced_cause for c in result.resources}
    assert causes == {
        "aws_kms_key.data": None,
        "aws_db_instance.orders": NotPricedCause.PRICE_NOT_FOUND,
        "aws_db_instance.ledger": NotPricedCause.PRICE_NOT_FOUND,
    }


def test_an_unsupported_resource_is_counted_apart(prices: PriceTable) -> None:
    totals = estimate("priced_us_east_1", prices).totals
    assert totals.not_priced == NotPriced(unsupported=1, price_not_found=0, unknown_components=0)
    assert totals.not_priced.as_dict() == {
        "unsupported": 1,
        "price_not_found": 0,
        "unknown_components": 0,
    }


def test_a_fully_priced_plan_is_complete(prices: PriceTable) -> None:
    totals = estimate("lifecycle", prices).totals
    assert totals.complete
    assert totals.not_priced.total == 0 and totals.unchanged_not_priced == 0
    assert totals.delta_bound == "exact"


def test_usage_based_and_free_resources_are_complete(prices: PriceTable) -> None:
    result = estimate("services_us_east_1", prices)
    kinds = {cost.status for cost in result.resources}
    assert {Status.USAGE_BASED, Status.FREE} <= kinds
    assert all(cost.complete for cost in result.resources)
    assert result.totals.complete


def test_a_component_unknown_until_apply_keeps_the_rest_of_the_resource_priced(
    prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = by_address(estimate("lifecycle", prices))
    add_unknown_component(monkeypatch, "aws_instance")
    result = estimate("lifecycle", prices)
    after = by_address(result)
    for address in ("aws_instance.new", "aws_instance.resize", "aws_instance.api"):
        cost, known = after[address], before[address]
        assert cost.status == Status.PRICED
        assert not cost.complete
        # The known components are still summed; the unknown one is left out.
        assert cost.monthly_cost_after == known.monthly_cost_after
        assert [c.unknown for c in cost.unknown_components][-1] == WHY
    totals = result.totals
    # new (create), resize (update), reimage and reimage_cbd (replace) changed; api is a no-op.
    assert totals.not_priced == NotPriced(0, 0, 4)
    assert totals.unchanged_not_priced == 1
    assert totals.before_lower_bound and totals.after_lower_bound
    assert totals.delta_bound == "partial"  # updates miss a cost on both sides
    assert totals.monthly_cost_after == estimate("lifecycle", prices).totals.monthly_cost_after


def test_a_deleted_resource_without_a_full_price_makes_the_change_an_upper_bound(
    prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_unknown_component(monkeypatch, "aws_ebs_volume")  # aws_ebs_volume.old_data: delete
    totals = estimate("lifecycle", prices).totals
    assert totals.not_priced == NotPriced(0, 0, 1)
    assert (totals.before_lower_bound, totals.after_lower_bound) == (True, False)
    assert totals.delta_bound == "upper"


def test_an_unchanged_resource_leaves_the_change_exact(
    prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_unknown_component(monkeypatch, "aws_nat_gateway")  # aws_nat_gateway.main: no-op
    totals = estimate("lifecycle", prices).totals
    assert totals.not_priced.total == 0 and totals.unchanged_not_priced == 1
    assert not totals.complete
    assert totals.before_lower_bound and totals.after_lower_bound
    assert totals.delta_bound == "exact"


def test_bound_of_a_change() -> None:
    assert bound_of(missing_before=False, missing_after=False) == "exact"
    assert bound_of(missing_before=False, missing_after=True) == "lower"
    assert bound_of(missing_before=True, missing_after=False) == "upper"
    assert bound_of(missing_before=True, missing_after=True) == "partial"
