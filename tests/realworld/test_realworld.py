"""Public Terraform configurations, priced against costs worked out by hand.

Each folder of tests/fixtures/realworld holds a public configuration (SOURCE.md says where
from, under which licence, and every edit), the plan terraform made of it (plan.json, by
scripts/make_fixtures.py) and expected.yml: for every resource that costs money, its
expected monthly cost, computed component by component from AWS's published prices (the
source of each unit price is cited there). Never fill expected.yml from finops-gate's own
output: that would test nothing.

Both paths are checked: the plan (with the configuration directory beside it) and HCL
mode on the directory alone. Each must price every expected resource in the expected
region within a cent (or 0.5%, when the two price sources differ by rounding), and the
two must agree with each other. The fixtures themselves (sources cited, components adding
up, edits marked) are checked by tests/test_realworld_fixtures.py. A part that no
published price covers (`price_not_found` in expected.yml) must be reported as such or
priced by a rule marked approximate, never passed off as exact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import Estimate, ResourceCost, Status
from finops_gate.cost.prices import PriceTable, load_price_table
from finops_gate.plan import Plan
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.reader import load_plan
from finops_gate.plan.region import RegionOptions
from tests.conftest import ROOT

# End to end: whole public configurations through both modes.
pytestmark = pytest.mark.slow

REALWORLD = ROOT / "tests" / "fixtures" / "realworld"
CASES = sorted(path.parent for path in REALWORLD.glob("*/expected.yml"))
# The day the expected costs were worked out: prices that depend on the date (EKS
# extended support) are as of then, so the test does not change with the calendar.
PRICED_ON = date(2026, 11, 29)
RELATIVE_TOLERANCE = 0.005
ABSOLUTE_TOLERANCE = 0.01


@dataclass(frozen=True)
class Case:
    folder: Path
    expected: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.folder / str(self.expected.get("root", "."))

    @property
    def resources(self) -> dict[str, dict[str, Any]]:
        return dict(self.expected.get("resources") or {})

    def region_of(self, expected: dict[str, Any]) -> str:
        """A resource's own `region`, else its `provider`'s in `regions`, else `region`."""
        if expected.get("region"):
            return str(expected["region"])
        regions = self.expected.get("regions") or {}
        provider_key = expected.get("provider")
        if provider_key and provider_key in regions:
            return str(regions[provider_key])
        return str(self.expected["region"])


@cache
def _case(folder: Path) -> Case:
    return Case(folder, yaml.safe_load((folder / "expected.yml").read_text()))


@cache
def _prices() -> PriceTable:
    return load_price_table()


def _plan_mode(case: Case) -> Plan:
    # as `finops-gate plan.json --config-dir ROOT`, with no AWS_REGION in the environment
    return load_plan(str(case.folder / "plan.json"), RegionOptions(config_dir=str(case.root)))


def _hcl_mode(case: Case) -> Plan:
    return load_directory(case.root)


MODES = {"plan": _plan_mode, "hcl": _hcl_mode}


@cache
def _estimate(folder: Path, mode: str) -> Estimate:
    case = _case(folder)
    return estimate_plan(MODES[mode](case), _prices(), today=PRICED_ON)


def _by_address(estimate: Estimate) -> dict[str, ResourceCost]:
    return {cost.resource.address: cost for cost in estimate.resources}


def _close(actual: float, expected: float) -> bool:
    return abs(actual - expected) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * expected)


def _nothing_fixed_is_known(expected: dict[str, Any]) -> bool:
    """The hand-worked cost is $0 because every component is known only at launch (AWS
    picks the instance types): finops-gate saying "price not found" agrees."""
    return (
        float(expected.get("monthly_cost") or 0.0) == 0.0
        and not expected.get("components")
        and bool(expected.get("unknown"))
    )


def _exactly_priced(cost: ResourceCost) -> float:
    return round(
        sum(
            c.monthly_cost
            for c in cost.components
            if c.monthly_cost is not None and not c.approximate
        ),
        6,
    )


def _describe(cost: ResourceCost) -> str:
    lines = [
        f"{c.name}: {c.monthly_quantity} x {c.unit_price} ({c.price_key}) = {c.monthly_cost}"
        + (f" [unknown: {c.unknown}]" if c.unknown else "")
        for c in cost.components
    ]
    notes = "; ".join(cost.notes)
    return f"status {cost.status.value}, {notes}\n    " + "\n    ".join(lines)


def _problems(case: Case, estimate: Estimate) -> list[str]:
    costs = _by_address(estimate)
    problems = []
    for address, expected in sorted(case.resources.items()):
        cost = costs.get(address)
        if cost is None:
            problems.append(f"{address}: not in the estimate")
            continue
        region = case.region_of(expected)
        if cost.resource.region != region:
            problems.append(
                f"{address}: priced in {cost.resource.region} "
                f"({cost.resource.region_source}), expected {region}"
            )
        want = expected.get("monthly_cost")
        got = cost.monthly_cost_after
        if want is None:
            continue
        if expected.get("price_not_found"):
            # A part no published price covers: finops-gate must not pass it off as exact.
            # It may say "price not found" or price it by a rule marked approximate; the
            # exactly priced components must then add up to the hand-worked figure.
            got = _exactly_priced(cost)
            if not (cost.status is Status.PRICE_NOT_FOUND or cost.approximate):
                problems.append(f"{address}: a part has no published price, yet nothing says so")
        if got is None and _nothing_fixed_is_known(expected):
            continue  # price not found, with its reason: as honest as "$0 + unknowns"
        if got is None or not _close(got, float(want)):
            problems.append(f"{address}: ${got} a month, expected ${want}; {_describe(cost)}")
    return problems


def _ids(folders: list[Path]) -> list[str]:
    return [folder.name for folder in folders]


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("folder", CASES, ids=_ids(CASES))
def test_priced_as_worked_out_by_hand(folder: Path, mode: str) -> None:
    case = _case(folder)
    assert case.resources, f"{folder.name}: expected.yml lists no paying resource"
    problems = _problems(case, _estimate(folder, mode))
    assert not problems, f"{folder.name} ({mode} mode):\n" + "\n".join(problems)


@pytest.mark.parametrize("folder", CASES, ids=_ids(CASES))
def test_plan_and_hcl_mode_agree(folder: Path) -> None:
    """Same priced resources and the same monthly cost from both paths."""
    planned = _by_address(_estimate(folder, "plan"))
    hcl = _by_address(_estimate(folder, "hcl"))
    problems = []
    for address, cost in sorted(planned.items()):
        other = hcl.get(address)
        if other is None:
            if cost.monthly_cost_after:
                problems.append(f"{address}: ${cost.monthly_cost_after} in the plan, absent in HCL")
            continue
        if (cost.status, cost.monthly_cost_after) != (other.status, other.monthly_cost_after):
            problems.append(
                f"{address}: plan {cost.status.value} ${cost.monthly_cost_after}, "
                f"HCL {other.status.value} ${other.monthly_cost_after}"
            )
    for address in sorted(set(hcl) - set(planned)):
        problems.append(f"{address}: in HCL mode only")
    assert not problems, f"{folder.name}:\n" + "\n".join(problems)
