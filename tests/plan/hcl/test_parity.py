"""Same answer from both paths: every terraform-generated fixture, read as a plan and as
raw .tf files (HCL mode), must give the same resources and the same costs.

Every case folder under tests/fixtures/terraform/ (and examples/web-app) is picked up
automatically. HCL mode has no state, so it sees every resource as a create: for a
resource the plan updates, replaces or leaves unchanged, the HCL record is compared
with the plan's `after` side, and resources the plan deletes (in the prior state only)
are not expected. A value may differ only when it is genuinely unknown without a plan
(HCL mode knows no prior state), and then HCL mode must mark it unknown.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import Estimate, ResourceCost
from finops_gate.cost.prices import PriceTable, load_price_table
from finops_gate.plan import Action, Resource, load_plan
from finops_gate.plan.hcl import load_directory
from finops_gate.plan.region import RegionOptions
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "terraform"

# Cases that cannot be read without a plan, and why. Keep this empty unless a case
# depends on something only terraform knows (e.g. data sources read from AWS).
SKIP: dict[str, str] = {
    "windows_images": "the AMIs (and their platforms) are in the state, which HCL mode never "
    "reads: it sees them as created, their platform known only after apply",
}

CASES = sorted(p for p in FIXTURES.iterdir() if p.is_dir() and any(p.glob("*.tf")))
CASES.append(ROOT / "examples" / "web-app")


def _load_plan(case: Path) -> Any:
    """The case's plan as the CLI reads a plan that sits next to its .tf files: provider
    regions the plan does not record come from those files."""
    return load_plan(str(case / "plan.json"), RegionOptions(config_dir=str(case)))


# Attributes estimators and policies read: they must agree between the two paths.
READ = {
    "instance_type",
    "tenancy",
    "instance_market_options",
    "market_type",
    "root_block_device",
    "ebs_block_device",
    "volume_size",
    "volume_type",
    "device_name",
    "iops",
    "throughput",
    "associate_public_ip_address",
    "credit_specification",
    "cpu_credits",
    "size",
    "type",
    "multi_az",
    "allocated_storage",
    "storage_type",
    "engine",
    "license_model",
    "instance_class",
    "load_balancer_type",
    "scaling_config",
    "desired_size",
    "min_size",
    "max_size",
    "instance_types",
    "capacity_type",
    "disk_size",
    "launch_template",
    "connectivity_type",
    "tags",
    "tags_all",
}


@pytest.fixture(scope="module")
def prices() -> PriceTable:
    return load_price_table()


def _case_id(path: Path) -> str:
    return path.name if path.parent == FIXTURES else str(path.relative_to(ROOT))


def _costs(estimate: Estimate) -> dict[str, ResourceCost]:
    return {cost.resource.address: cost for cost in estimate.resources}


def _components(cost: ResourceCost) -> list[tuple[Any, ...]]:
    return [(c.name, c.price_key, c.monthly_quantity, c.monthly_cost) for c in cost.components]


def _compare(
    path: str,
    planned: Any,
    planned_unknown: Any,
    hcl: Any,
    hcl_unknown: Any,
    created: bool,
    problems: list[str],
) -> None:
    """Planned value vs HCL value; unknown in HCL is allowed only where the plan knows it
    from the prior state (not for a create), and must then be marked."""
    if planned_unknown is True:
        if hcl_unknown is not True:
            problems.append(f"{path}: unknown in the plan, but HCL mode says {hcl!r}")
        return
    if hcl_unknown is True:
        if created and planned not in (None, [], {}):
            problems.append(f"{path}: plan knows {planned!r}, HCL mode says unknown")
        return
    if isinstance(planned, list) and isinstance(hcl, list):
        if len(planned) != len(hcl):
            problems.append(f"{path}: plan has {len(planned)} item(s), HCL mode {len(hcl)}")
            return
        pu = planned_unknown if isinstance(planned_unknown, list) else []
        hu = hcl_unknown if isinstance(hcl_unknown, list) else []
        for i, (a, b) in enumerate(zip(planned, hcl, strict=True)):
            _compare(
                f"{path}[{i}]",
                a,
                pu[i] if i < len(pu) else False,
                b,
                hu[i] if i < len(hu) else False,
                created,
                problems,
            )
        return
    if (
        isinstance(planned, dict)
        and isinstance(hcl, dict)
        and not path.endswith(("tags", "tags_all"))
    ):
        pu = planned_unknown if isinstance(planned_unknown, dict) else {}
        hu = hcl_unknown if isinstance(hcl_unknown, dict) else {}
        for key in sorted((set(planned) | set(hcl)) & READ):
            _compare(
                f"{path}.{key}",
                planned.get(key),
                pu.get(key),
                hcl.get(key),
                hu.get(key),
                created,
                problems,
            )
        return
    if planned in (None, []) and hcl is None:
        return
    if planned != hcl:
        problems.append(f"{path}: plan {planned!r}, HCL mode {hcl!r}")


def _compare_resource(planned: Resource, hcl: Resource, problems: list[str]) -> None:
    for field in (
        "type",
        "name",
        "index",
        "module_address",
        "provider",
        "region",
        "tags",
        "tags_known",
    ):
        if getattr(planned, field) != getattr(hcl, field):
            problems.append(
                f"{planned.address}: {field} {getattr(planned, field)!r} in the plan, "
                f"{getattr(hcl, field)!r} in HCL mode"
            )
    assert hcl.action == Action.CREATE and hcl.actions == ("create",)
    assert hcl.source_file and hcl.source_line, f"{hcl.address}: no source location"
    created = planned.action == Action.CREATE
    after, unknown = planned.after or {}, planned.after_unknown
    for key in sorted(
        (set(after) | set(unknown) | set(hcl.after or {}) | set(hcl.after_unknown)) & READ
    ):
        _compare(
            f"{planned.address}.{key}",
            after.get(key),
            unknown.get(key),
            (hcl.after or {}).get(key),
            hcl.after_unknown.get(key),
            created,
            problems,
        )


def _canonical(value: Any) -> Any:
    """Order-free form: set-nested blocks come in the provider's order, and the provider
    normalises JSON documents (IAM policies), so compare parsed JSON and sorted lists."""
    if isinstance(value, str) and value[:1] in "{[":
        try:
            return _canonical(json.loads(value))
        except ValueError:
            return value
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _contradictions(planned: Any, hcl: Any, path: str, problems: list[str]) -> None:
    """Every value HCL mode knows must be the plan's (the plan may know more)."""
    if isinstance(hcl, dict) and isinstance(planned, dict):
        for key, value in hcl.items():
            _contradictions(planned.get(key), value, f"{path}.{key}", problems)
    elif isinstance(hcl, list) and isinstance(planned, list) and len(hcl) == len(planned):
        if _canonical(planned) == _canonical(hcl):
            return
        for i, (a, b) in enumerate(zip(planned, hcl, strict=True)):
            _contradictions(a, b, f"{path}[{i}]", problems)
    elif hcl is not None and _canonical(planned) != _canonical(hcl):
        problems.append(f"{path}: plan {planned!r}, HCL mode {hcl!r}")


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_hcl_mode_never_contradicts_the_plan(case: Path) -> None:
    """Beyond what prices read: every attribute HCL mode evaluates, for every created
    resource, is what terraform planned, and nothing terraform leaves unknown is known."""
    if case.name in SKIP or not (case / "plan.json").is_file():
        pytest.skip("see test_plan_and_hcl_mode_agree")
    planned = {r.address: r for r in _load_plan(case).resources}
    problems: list[str] = []
    for resource in load_directory(case).resources:
        plan_resource = planned[resource.address]
        if plan_resource.action != Action.CREATE:
            continue
        for key, value in (resource.after or {}).items():
            if plan_resource.after_unknown.get(key) is True:
                problems.append(
                    f"{resource.address}.{key}: unknown in the plan, HCL mode {value!r}"
                )
                continue
            _contradictions(
                (plan_resource.after or {}).get(key), value, f"{resource.address}.{key}", problems
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_plan_and_hcl_mode_agree(case: Path, prices: PriceTable) -> None:
    if case.name in SKIP:
        pytest.skip(SKIP[case.name])
    if not (case / "plan.json").is_file():
        pytest.skip(f"{_case_id(case)}: plan.json not generated yet (scripts/make_fixtures.py)")
    plan = _load_plan(case)
    hcl = load_directory(case)
    planned_costs = _costs(estimate_plan(plan, prices))
    hcl_costs = _costs(estimate_plan(hcl, prices))

    expected = {a for a, c in planned_costs.items() if c.resource.action.has_after}
    assert set(hcl_costs) == expected

    problems: list[str] = []
    for address in sorted(expected):
        planned, mine = planned_costs[address], hcl_costs[address]
        _compare_resource(planned.resource, mine.resource, problems)
        if planned.status != mine.status:
            problems.append(f"{address}: status {planned.status} vs {mine.status}")
        if planned.monthly_cost_after != mine.monthly_cost_after:
            problems.append(
                f"{address}: cost {planned.monthly_cost_after} vs {mine.monthly_cost_after}"
            )
        if planned.resource.action == Action.CREATE and _components(planned) != _components(mine):
            problems.append(f"{address}: components {_components(planned)} vs {_components(mine)}")
    assert not problems, "\n".join(problems)

    planned_after = sum(
        c.monthly_cost_after or 0.0 for a, c in planned_costs.items() if a in expected
    )
    hcl_after = sum(c.monthly_cost_after or 0.0 for c in hcl_costs.values())
    assert round(hcl_after, 6) == round(planned_after, 6)


@pytest.mark.parametrize("policy", ["default", "tagging", "sizing"])
@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_same_policy_findings(case: Path, policy: str, prices: PriceTable) -> None:
    """Policies are shared too: the same findings from both paths (cases where the plan
    only creates; a plan with updates or deletes is checked on its changes only)."""
    if case.name in SKIP or not (case / "plan.json").is_file():
        pytest.skip("see test_plan_and_hcl_mode_agree")
    from finops_gate.policy.engine import evaluate_policies
    from finops_gate.policy.loader import load_policy

    plan = _load_plan(case)
    if any(r.action != Action.CREATE for r in plan.resources):
        pytest.skip("the plan has changes other than creates")
    policy_file, _ = load_policy(policy)

    def findings(source: Any) -> list[tuple[Any, ...]]:
        result = evaluate_policies(policy_file, source, estimate_plan(source, prices))
        return sorted((f.policy_id, f.severity, f.address, f.message) for f in result.findings)

    assert findings(load_directory(case)) == findings(plan)
