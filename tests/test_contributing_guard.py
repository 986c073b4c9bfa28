"""docs/contributing.md lists what adding a resource type or an output format takes; these
checks fail when a registry entry lacks one of those pieces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cost.registry import ESTIMATOR_MODULES
from finops_gate.cost.usage import load_usage_file
from finops_gate.report.formats import FORMATS
from tests.conftest import ROOT

TESTS = ROOT / "tests"
FIXTURE_PLANS = sorted((TESTS / "fixtures").glob("**/plan.json"))
REGISTERED = sorted({t for module in ESTIMATOR_MODULES for t in module.RESOURCE_TYPES})


def _fixture_types() -> set[str]:
    types: set[str] = set()
    for path in FIXTURE_PLANS:
        try:
            plan = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            continue  # hostile-input fixtures are not plans
        if isinstance(plan, dict):
            types.update(str(rc.get("type")) for rc in plan.get("resource_changes", []))
        # a type no plan can have (`aws_data_transfer`) comes with the plan's usage file
        usage = path.with_name("usage.yml")
        if usage.is_file():
            types.update(r.type for r in load_usage_file(str(usage)).usage_resources())
    return types


def _test_text(folder: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("**/test_*.py")))


def test_every_resource_type_is_in_a_plan_terraform_made() -> None:
    missing = sorted(set(REGISTERED) - _fixture_types())
    assert not missing, f"no fixture plan has: {missing} (docs/contributing.md, step 4)"


def test_every_resource_type_is_priced_by_a_test() -> None:
    text = _test_text(TESTS / "cost")
    missing = [t for t in REGISTERED if t not in text]
    assert not missing, f"no test in tests/cost names: {missing} (docs/contributing.md)"


def test_every_resource_type_is_documented() -> None:
    costs = (ROOT / "docs" / "costs.md").read_text(encoding="utf-8")
    missing = [t for t in REGISTERED if f"| `{t}` |" not in costs]
    assert not missing, f"not in the coverage table of docs/costs.md: {missing}"


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_output_format_is_documented_and_tested(name: str) -> None:
    formats = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert f"--format {name}" in formats
    # tests/hostile/test_every_format.py renders every registered format; it must also say
    # which plan strings this one shows (a format missing there fails its test with KeyError)
    from tests.hostile.test_every_format import SHOWN_IN

    assert name in SHOWN_IN, f"add {name!r} to SHOWN_IN in tests/hostile/test_every_format.py"


def test_the_contributing_guide_names_the_files_it_asks_for() -> None:
    guide = (ROOT / "docs" / "contributing.md").read_text(encoding="utf-8")
    for path in (
        "finops_gate/cost/estimators/",
        "finops_gate/cost/registry.py",
        "finops_gate/pricing/keys.py",
        "finops_gate/pricing/build/",
        "finops_gate/pricing/build/regional.py",
        "scripts/make_fixtures.py",
        "scripts/coverage_table.py",
        "finops_gate/report/formats.py",
        "finops_gate/policy/schema.py",
        "finops_gate/policy/engine.py",
    ):
        assert path in guide, path
        assert (ROOT / path).exists(), path
