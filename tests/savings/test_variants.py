"""A suggested variant priced once per run and reused for its copies
(finops_gate/savings/variants.py): copies of the terraform-made `savings` fixture's
module `us`, each still priced with its own usage, region and referenced resources."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType
from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import UsageFile, load_usage_file
from finops_gate.cost.view import PlanContext
from finops_gate.plan.resource import Action, Plan, Resource
from finops_gate.policy.loader import load_policy
from finops_gate.savings import engine
from finops_gate.savings.engine import SavingsOptions, recommend
from finops_gate.savings.variants import WatchedContext, variant_key, with_after
from tests.savings.helpers import CASE, TODAY, one_check

Load = Callable[[str], Plan]


def _copied(
    plan: Plan, module: str, changes: Mapping[str, Mapping[str, Any]] | None = None
) -> Plan:
    """The plan with a copy of every resource of `module.us` in `module`; `changes`:
    attributes set on the copy of a resource (by its address in `module.us`)."""
    copies = []
    for resource in plan.resources:
        if resource.module_address != "module.us":
            continue
        after = resource.after
        if changes and resource.address in changes and after is not None:
            after = {**after, **changes[resource.address]}
        copies.append(
            replace(
                resource,
                address=resource.address.replace("module.us.", f"{module}.", 1),
                module_address=module,
                after=after,
            )
        )
    return replace(plan, resources=(*plan.resources, *copies))


def _only(plan: Plan, module: str) -> Plan:
    return replace(plan, resources=tuple(r for r in plan.resources if r.module_address == module))


def _savings(
    plan: Plan, prices: PriceTable, tmp_path: Path, check: str, usage: UsageFile | None = None
) -> dict[str, float | None]:
    policy = tmp_path / "policy.yml"
    policy.write_text(one_check(check), encoding="utf-8")
    policy_file, _ = load_policy(str(policy), allow_outside_repo=True)
    estimate = estimate_plan(plan, prices, usage, TODAY)
    result = recommend(policy_file, plan, estimate, prices, usage, SavingsOptions(today=TODAY))
    return {item.address: item.monthly_savings for item in result.recommendations}


def test_identical_copies_are_priced_once(
    load_case: Load, prices: PriceTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = _copied(_copied(load_case(CASE), "module.copy"), "module.other")
    priced: list[str] = []
    estimate = engine.estimate_resource

    def counting(resource: Resource, *args: Any) -> Any:
        priced.append(resource.address)
        return estimate(resource, *args)

    monkeypatch.setattr(engine, "estimate_resource", counting)
    found = _savings(plan, prices, tmp_path, "graviton")
    legacy = "aws_instance.legacy"
    assert found[f"module.copy.{legacy}"] == found[f"module.us.{legacy}"] == 13.432
    assert found[f"module.other.{legacy}"] == 13.432
    # us-east-1 once for the three, eu-west-1 once
    assert sorted(a for a in priced if a.endswith(legacy)) == [
        f"module.eu.{legacy}",
        f"module.us.{legacy}",
    ]


def test_no_key_is_made_for_a_type_whose_estimates_read_the_plan(
    load_case: Load, prices: PriceTable, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An Aurora instance is priced through its cluster: no variant of it is stored, so
    # none is keyed; an EC2 instance's first variant is keyed once its estimate turns
    # out reusable, and its copies are looked up.
    plan = _copied(_copied(load_case(CASE), "module.copy"), "module.other")
    keyed: list[str] = []
    key = engine.variant_key

    def counting(resource: Resource, *args: Any) -> Any:
        keyed.append(resource.address)
        return key(resource, *args)

    monkeypatch.setattr(engine, "variant_key", counting)
    found = _savings(plan, prices, tmp_path, "graviton")
    aurora = "aws_rds_cluster_instance.aurora"
    assert found[f"module.copy.{aurora}"] == found[f"module.us.{aurora}"] == 21.9
    assert not [address for address in keyed if address.endswith(aurora)]
    legacy = [address for address in keyed if address.endswith("aws_instance.legacy")]
    assert sorted(set(legacy)) == [
        f"module.{m}.aws_instance.legacy" for m in ("copy", "eu", "other", "us")
    ]


def test_a_copy_with_other_usage_is_priced_with_its_own(
    load_case: Load, prices: PriceTable, tmp_path: Path
) -> None:
    usage_path = tmp_path / "usage.yml"
    usage_path.write_text(
        "version: 0.1\nresource_usage:\n  module.copy.aws_instance.legacy:\n    monthly_hrs: 365\n",
        encoding="utf-8",
    )
    plan = _copied(load_case(CASE), "module.copy")
    found = _savings(plan, prices, tmp_path, "graviton", load_usage_file(str(usage_path)))
    # m4.large -> m6g.large for half the hours: half the saving (the root volume stays)
    assert found["module.us.aws_instance.legacy"] == 13.432
    assert found["module.copy.aws_instance.legacy"] == pytest.approx(13.432 / 2)


def test_a_copy_in_another_region_is_priced_there(
    load_case: Load, prices: PriceTable, tmp_path: Path
) -> None:
    plan = load_case(CASE)
    copies = tuple(
        replace(r, address=r.address.replace("module.us.", "module.copy.", 1), region="eu-west-1")
        for r in plan.resources
        if r.module_address == "module.us"
    )
    found = _savings(
        replace(plan, resources=(*plan.resources, *copies)), prices, tmp_path, "graviton"
    )
    assert found["module.us.aws_instance.legacy"] == 13.432
    assert (
        found["module.copy.aws_instance.legacy"] == found["module.eu.aws_instance.legacy"] == 14.6
    )


def test_a_copy_priced_through_another_resource_is_priced_with_its_own(
    load_case: Load, prices: PriceTable, tmp_path: Path
) -> None:
    # The copy's Aurora cluster is I/O-Optimized: its instance (identical to the
    # original) is priced at that cluster's rates, which the estimate reads through the
    # plan, so the original's variant is not reused.
    optimized = {"module.us.aws_rds_cluster.aurora": {"storage_type": "aurora-iopt1"}}
    plan = _copied(load_case(CASE), "module.copy", optimized)
    found = _savings(plan, prices, tmp_path, "graviton")
    alone = _savings(_only(plan, "module.copy"), prices, tmp_path, "graviton")
    instance = "module.copy.aws_rds_cluster_instance.aurora"
    assert found["module.us.aws_rds_cluster_instance.aurora"] == 21.9
    assert found.get(instance) == alone.get(instance) != 21.9


def test_the_watched_context_notes_reads_of_the_rest_of_the_plan(load_case: Load) -> None:
    plan = load_case(CASE)
    context = WatchedContext.around(PlanContext.of(plan, TODAY))
    instance = next(
        r for r in plan.resources if r.address == "module.us.aws_rds_cluster_instance.aurora"
    )
    assert context.today == TODAY and context.image_platforms is not None
    assert context.resolve(instance, []) is None
    assert not context.watch.touched
    found = context.resolve(instance, ["aws_rds_cluster.aurora.id"])
    assert found is not None and found.address == "module.us.aws_rds_cluster.aurora"
    assert context.watch.touched


def test_a_variant_key_leaves_out_the_position_only(load_case: Load) -> None:
    plan = load_case(CASE)
    us, eu = (
        next(r for r in plan.resources if r.address == f"module.{m}.aws_instance.legacy")
        for m in ("us", "eu")
    )
    after = dict(us.after or {})
    moved = replace(us, address="module.x.aws_instance.legacy", module_address="module.x", index=0)
    assert variant_key(us, after, {}) == variant_key(moved, after, {})
    assert variant_key(us, after, {}) != variant_key(eu, after, {})  # the region
    assert variant_key(us, after, {}) != variant_key(us, after, {"monthly_hrs": 365})
    assert variant_key(replace(us, name="other"), after, {}) != variant_key(us, after, {})
    # The action (an Enum) stands as its value; an Enum in any other field is no plain
    # value, so such a resource gets no key.
    updated = replace(us, action=Action.UPDATE)
    assert None not in {variant_key(updated, after, {}), variant_key(us, after, {})}
    assert variant_key(updated, after, {}) != variant_key(us, after, {})
    assert variant_key(replace(us, region_source=Action.CREATE), after, {}) is None


@pytest.mark.parametrize(
    ("one", "other"),
    [(1, True), (1, 1.0), ([1], (1,)), ("1", 1), (None, False)],
)
def test_a_variant_key_tells_apart_values_that_compare_equal(
    load_case: Load, one: object, other: object
) -> None:
    resource = next(r for r in load_case(CASE).resources if r.after is not None)
    after = dict(resource.after or {})
    keys = {variant_key(resource, {**after, "x": value}, {}) for value in (one, other)}
    assert len(keys) == 2 and None not in keys


def test_a_value_of_another_type_has_no_key(load_case: Load) -> None:
    resource = next(r for r in load_case(CASE).resources if r.after is not None)
    after = {**(resource.after or {}), "x": MappingProxyType({"a": 1})}
    assert variant_key(resource, after, {}) is None


def test_with_after_is_the_resource_with_only_after_replaced(load_case: Load) -> None:
    for resource in load_case(CASE).resources:
        after = {"instance_type": "m6g.large"}
        copied = with_after(resource, after)
        assert copied == replace(resource, after=after)
        assert copied.after is after
