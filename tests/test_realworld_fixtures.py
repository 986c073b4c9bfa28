"""Consistency checks for the real-world fixtures in tests/fixtures/realworld/.

Each fixture is a public Terraform configuration (vendored with its licence), the plan
terraform made of it (plan.json) and expected.yml: the expected monthly cost of every paying
resource, worked out by hand component by component from published AWS prices. These tests
do not run finops-gate; they keep the yardstick itself honest: every expected address is in
the plan, every monthly_cost is the sum of its components, every component cites a source,
the configuration plans offline (no registry module sources left) and records where it came
from. Checks against the raw price files are skipped when ../shared/price-sources is absent.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import hcl2
import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
REALWORLD = REPO / "tests" / "fixtures" / "realworld"
SOURCES = REPO.parent / "shared" / "price-sources"

FIXTURES = sorted(p.parent for p in REALWORLD.glob("*/expected.yml"))
REGION = re.compile(r"^[a-z]{2}(-gov)?-[a-z]+-\d$")
COMPONENT_KEYS = ("name", "quantity", "unit", "unit_price", "source")


def _load(fixture: Path) -> dict[str, Any]:
    data = yaml.safe_load((fixture / "expected.yml").read_text())
    assert isinstance(data, dict), f"{fixture.name}/expected.yml is not a mapping"
    return data


def _plan_addresses(fixture: Path) -> set[str]:
    plan = json.loads((fixture / "plan.json").read_text())
    return {rc["address"] for rc in plan.get("resource_changes", [])}


def _cents(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _resources(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    resources = data.get("resources")
    assert isinstance(resources, dict) and resources, "expected.yml has no resources"
    return resources


def test_there_are_realworld_fixtures() -> None:
    assert FIXTURES, f"no */expected.yml under {REALWORLD}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_fixture_layout(fixture: Path) -> None:
    data = _load(fixture)
    root = fixture / str(data.get("root", ""))
    assert data.get("root") and list(root.glob("*.tf")), (
        f"root {data.get('root')!r} has no .tf files"
    )
    assert REGION.match(str(data.get("region", ""))), f"region {data.get('region')!r}"
    for key, region in (data.get("regions") or {}).items():
        assert REGION.match(str(region)), f"regions.{key} = {region!r}"
    assert (fixture / "plan.json").is_file()
    assert (fixture / "SOURCE.md").is_file()
    assert any(fixture.rglob("LICENSE")), "the vendored configuration must keep its LICENSE"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_configuration_plans_offline(fixture: Path) -> None:
    """Every module source is a relative path (registry modules are vendored)."""
    offenders = []
    for tf in sorted(fixture.rglob("*.tf")):
        text = tf.read_text()
        if not re.search(r'^module\s+"', text, re.MULTILINE):
            continue  # parsing is slow: only files that call modules
        for block in hcl2.loads(text).get("module", []):
            for name, body in block.items():
                source = str(body.get("source", "")).strip('"')
                if not source.startswith(("./", "../")):
                    offenders.append(f"{tf.relative_to(fixture)}: module {name} source {source!r}")
    assert offenders == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_expected_addresses_are_in_the_plan(fixture: Path) -> None:
    data = _load(fixture)
    addresses = _plan_addresses(fixture)
    listed = list(_resources(data)) + list(data.get("free_or_usage_only") or [])
    assert [a for a in listed if a not in addresses] == []
    assert len(listed) == len(set(listed)), "an address is listed twice"


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_monthly_cost_is_the_sum_of_its_components(fixture: Path) -> None:
    wrong = []
    for address, expected in _resources(_load(fixture)).items():
        if expected.get("monthly_cost") is None:  # not asserted (the notes say why)
            continue
        components = expected.get("components") or []
        total = sum(
            (Decimal(str(c["quantity"])) * Decimal(str(c["unit_price"])) for c in components),
            Decimal(0),
        )
        if _cents(total) != _cents(Decimal(str(expected["monthly_cost"]))):
            wrong.append(
                f"{address}: components {total} vs monthly_cost {expected['monthly_cost']}"
            )
    assert wrong == []


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_components_are_complete(fixture: Path) -> None:
    problems = []
    for address, expected in _resources(_load(fixture)).items():
        for component in expected.get("components") or []:
            missing = [k for k in COMPONENT_KEYS if component.get(k) in (None, "")]
            if missing:
                problems.append(f"{address} {component.get('name')!r}: missing {missing}")
            elif (
                Decimal(str(component["quantity"])) < 0 or Decimal(str(component["unit_price"])) < 0
            ):
                problems.append(
                    f"{address} {component['name']!r}: quantity and price must not be negative"
                )
        for key in ("unknown", "usage_based"):
            if not isinstance(expected.get(key, []), list):
                problems.append(f"{address}: {key} must be a list")
    assert problems == []


@pytest.mark.skipif(not SOURCES.is_dir(), reason=f"raw price data not found at {SOURCES}")
@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_components_cite_existing_source_files(fixture: Path) -> None:
    missing = []
    for address, expected in _resources(_load(fixture)).items():
        for component in expected.get("components") or []:
            cited = str(component["source"]).split()[0]
            if not (SOURCES / cited).is_file():
                missing.append(f"{address}: {cited}")
    assert missing == []
