"""The JSON report lists exactly the sources and rules behind its own prices."""

from __future__ import annotations

import json

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from tests.conftest import fixture_plan_path


def test_sources_and_rules_are_those_of_the_components() -> None:
    plan = str(fixture_plan_path("three_regions"))
    data = json.loads(render(build_gate_report(GateOptions(plan=plan)), OutputFormat.JSON))
    components = [
        component
        for resource in data["resources"]
        for component in (*resource["components"], *resource.get("components_before", []))
    ]
    sources = {c["price_source"] for c in components if c["price_source"] is not None}
    rules = {c["price_rule"] for c in components if c["price_rule"] is not None}
    assert set(data["prices"]["sources"]) == sources
    assert set(data["prices"]["rules"]) == rules
    assert rules, "the three-region plan has approximate prices"
    for component in components:
        # a rule is exactly what makes a price approximate
        assert component["approximate"] == (component["price_rule"] is not None)
