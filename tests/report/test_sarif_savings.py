"""SARIF: a result per savings suggestion, with a `fixes` entry that replaces the value at
its line when HCL mode knows the line; advisory rules are notes, never errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from tests.conftest import fixture_plan_path
from tests.report.test_sarif import validator
from tests.savings.helpers import TODAY, one_check

CONFIG = fixture_plan_path("savings").parent


def _sarif(plan: Path, policy: str | None = None) -> dict[str, Any]:
    options = GateOptions(plan=str(plan), policy=policy, today=TODAY, allow_outside_repo=True)
    report = build_gate_report(options)
    return dict(json.loads(render(report, OutputFormat.SARIF, options=options)))


def _apply(fix: dict[str, Any]) -> dict[int, str]:
    """The lines a fix changes, rewritten, by line number."""
    [change] = fix["artifactChanges"]
    lines = Path(change["artifactLocation"]["uri"]).read_text().splitlines()
    rewritten: dict[int, str] = {}
    for replacement in change["replacements"]:
        region = replacement["deletedRegion"]
        assert region["startLine"] == region["endLine"]
        line = lines[region["startLine"] - 1]
        start, end = region["startColumn"] - 1, region["endColumn"] - 1
        rewritten[region["startLine"]] = (
            line[:start] + replacement["insertedContent"]["text"] + line[end:]
        )
    return rewritten


def _suggestions(run: dict[str, Any]) -> list[dict[str, Any]]:
    return [r for r in run["results"] if "finopsGateSuggestion/v1" in r["partialFingerprints"]]


def test_a_result_per_suggestion_with_a_fix_where_the_value_is_written() -> None:
    [run] = _sarif(CONFIG)["runs"]
    report = build_gate_report(GateOptions(plan=str(CONFIG), today=TODAY))
    results = _suggestions(run)
    assert len(results) == len(report.recommendations) > 0
    by_key = {
        (
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            r["properties"]["attribute"],
            r["properties"]["suggestedValue"],
        ): r
        for r in results
    }
    big = by_key["module.us.aws_ebs_volume.big", "type", "gp3 with iops = 6000, throughput = 250"]
    location = big["locations"][0]["physicalLocation"]
    source = CONFIG / "stack" / "main.tf"
    assert location["artifactLocation"]["uri"] == source.as_posix()
    line = location["region"]["startLine"]
    assert source.read_text().splitlines()[line - 1] == '  type              = "gp2"'
    assert _apply(big["fixes"][0]) == {
        line: '  type              = "gp3"\n  iops = 6000\n  throughput = 250'
    }
    web = by_key["module.eu.aws_instance.web", "instance_type", "m7g.large"]
    [rewritten] = _apply(web["fixes"][0]).values()
    assert rewritten == '  instance_type = "m7g.large"'
    root = by_key[
        "module.us.aws_instance.web", "root_block_device.volume_type", "gp3 with throughput = 128"
    ]
    [rewritten] = _apply(root["fixes"][0]).values()
    assert rewritten == '    volume_type = "gp3"\n    throughput = 128'
    # No literal line to rewrite: a list (EKS instance_types), an added attribute or block.
    for address, attribute in (
        ("module.us.aws_eks_node_group.workers", "instance_types"),
        ("module.us.aws_cloudwatch_log_group.forever", "retention_in_days"),
        ("module.us.aws_s3_bucket.raw", "lifecycle"),
        ("module.us.aws_eip.idle", "resource"),
    ):
        [result] = [r for (a, attr, _), r in by_key.items() if (a, attr) == (address, attribute)]
        assert "fixes" not in result
        assert result["locations"][0]["physicalLocation"]["region"]["startLine"] > 0


def test_fixes_are_schema_valid_sarif() -> None:
    log = _sarif(CONFIG)
    assert any("fixes" in r for r in log["runs"][0]["results"])
    errors = sorted(validator().iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors)


def test_advisory_rules_and_results_are_notes() -> None:
    [run] = _sarif(CONFIG)["runs"]
    levels = {r["id"]: r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]}
    assert {levels[k] for k in levels if k.startswith("savings-")} == {"note"}
    assert {r["level"] for r in _suggestions(run)} == {"note"}


def test_an_enforced_check_has_one_result_per_suggestion_at_its_level(tmp_path: Path) -> None:
    policy = tmp_path / "policy.yml"
    policy.write_text(one_check("graviton", "    enforcement: hard-mandatory\n"))
    [run] = _sarif(CONFIG, str(policy))["runs"]
    assert [r["defaultConfiguration"]["level"] for r in run["tool"]["driver"]["rules"]] == ["error"]
    results = run["results"]
    assert results and all("finopsGateSuggestion/v1" in r["partialFingerprints"] for r in results)
    assert {r["level"] for r in results} == {"error"}
    addresses = [r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] for r in results]
    assert len(addresses) == len(set(addresses))  # the finding and the suggestion are one result


def test_plan_mode_results_point_at_the_plan_without_fixes() -> None:
    plan = fixture_plan_path("savings")
    [run] = _sarif(plan)["runs"]
    results = _suggestions(run)
    assert results
    for result in results:
        assert "fixes" not in result
        assert result["locations"][0]["physicalLocation"] == {
            "artifactLocation": {"uri": str(plan)}
        }
