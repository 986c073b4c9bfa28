"""`--format sarif`: valid SARIF 2.1.0 (checked against the OASIS schema), one rule per policy."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from tests.conftest import FIXTURES, ROOT, fixture_plan_path

SCHEMA = ROOT / "tests" / "fixtures" / "sarif" / "sarif-schema-2.1.0.json"
CASES = sorted(path.name for path in FIXTURES.iterdir() if (path / "plan.json").exists())


@cache
def validator() -> jsonschema.Draft7Validator:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def sarif(plan: Path | str, policy: str | None = None) -> dict[str, Any]:
    options = GateOptions(plan=str(plan), policy=policy, output_format=OutputFormat.SARIF)
    return json.loads(render(build_gate_report(options), OutputFormat.SARIF, options=options))


def findings(plan: Path | str) -> list[dict[str, Any]]:
    options = GateOptions(plan=str(plan))
    return json.loads(render(build_gate_report(options), OutputFormat.JSON))["findings"]


@pytest.mark.parametrize("case", CASES)
def test_every_fixture_gives_schema_valid_sarif(case: str) -> None:
    log = sarif(FIXTURES / case / "plan.json")
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_the_validator_rejects_broken_sarif() -> None:
    """The schema is really applied: a wrong level and a missing message are caught."""
    log = sarif(fixture_plan_path("tags_and_sizes"))
    log["runs"][0]["results"][0]["level"] = "fatal"
    del log["runs"][0]["results"][1]["message"]
    messages = [e.message for e in validator().iter_errors(log)]
    assert any("'fatal' is not one of" in m for m in messages)
    assert any("'message' is a required property" in m for m in messages)


def test_rules_are_the_policies_with_description_and_help() -> None:
    log = sarif(fixture_plan_path("tags_and_sizes"))
    [run] = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "finops-gate"
    policy = yaml.safe_load((ROOT / "policies" / "default.yml").read_text())
    expected = {p["id"]: p for p in policy["policies"]}
    rules = {rule["id"]: rule for rule in driver["rules"]}
    assert set(expected) <= set(rules)
    for policy_id, item in expected.items():
        rule = rules[policy_id]
        assert rule["shortDescription"]["text"] == item["description"]
        assert rule["fullDescription"]["text"] == item["description"]
        assert rule["help"]["text"] == item["remediation"]
    assert [rule["id"] for rule in driver["rules"]] == sorted(rules)


def test_one_result_per_finding_with_level_and_logical_location() -> None:
    plan = fixture_plan_path("tags_and_sizes")
    [run] = sarif(plan)["runs"]
    expected = findings(plan)
    assert expected, "the case should have findings"
    # The default policy's advisory savings suggestions are results of their own (notes).
    results = [r for r in run["results"] if "finopsGateFinding/v1" in r["partialFingerprints"]]
    assert len(results) == len(expected)
    rules = run["tool"]["driver"]["rules"]
    seen = set()
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in ("error", "warning")
        [location] = result["locations"]
        [logical] = location["logicalLocations"]
        assert location["physicalLocation"]["artifactLocation"]["uri"] == str(plan)
        address = None if logical["kind"] == "module" else logical["fullyQualifiedName"]
        seen.add((result["ruleId"], result["level"], address))
        assert result["message"]["text"]
    assert seen == {(f["policy_id"], f["severity"], f["address"]) for f in expected}


def test_output_is_deterministic_and_sorted() -> None:
    plan = fixture_plan_path("tags_and_sizes")
    options = GateOptions(plan=str(plan), output_format=OutputFormat.SARIF)
    first = render(build_gate_report(options), OutputFormat.SARIF, options=options)
    second = render(build_gate_report(options), OutputFormat.SARIF, options=options)
    assert first == second
    results = json.loads(first)["runs"][0]["results"]
    keys = [
        (r["ruleId"], r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"])
        for r in results
    ]
    assert keys == sorted(keys, key=lambda k: (k[0], "" if k[1] == "plan" else k[1]))
    fingerprints = [next(iter(r["partialFingerprints"].values())) for r in results]
    assert len(set(fingerprints)) == len(fingerprints)


def test_a_passing_plan_has_rules_and_no_results() -> None:
    log = sarif(ROOT / "examples" / "plan.json")
    # Only the default policy's advisory savings suggestions, as notes.
    assert {r["level"] for r in log["runs"][0]["results"]} == {"note"}
    assert {r["ruleId"][:8] for r in log["runs"][0]["results"]} == {"savings-"}
    assert log["runs"][0]["tool"]["driver"]["rules"]
    assert log["version"] == "2.1.0"
