"""`--format junit`: one test case per policy x resource; error findings fail their case."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from finops_gate.pipeline import GateOptions, OutputFormat, build_gate_report, render
from finops_gate.policy.findings import Finding
from finops_gate.report.junit import render_junit
from finops_gate.report.sarif import PolicyRule
from tests.conftest import ROOT, fixture_plan_path

CASE = fixture_plan_path("tags_and_sizes")


def junit(plan: str) -> ET.Element:
    options = GateOptions(plan=plan, output_format=OutputFormat.JUNIT)
    text = render(build_gate_report(options), OutputFormat.JUNIT, options=options)
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')
    return ET.fromstring(text)


def json_report(plan: str) -> dict[str, Any]:
    options = GateOptions(plan=plan)
    return json.loads(render(build_gate_report(options), OutputFormat.JSON))


def _cases(root: ET.Element) -> dict[str, list[str]]:
    return {
        suite.get("name") or "": [case.get("name") or "" for case in suite.iter("testcase")]
        for suite in root.iter("testsuite")
    }


def test_cases_per_policy_and_the_resources_it_applies_to() -> None:
    root = junit(str(CASE))
    data = json_report(str(CASE))
    checked = sorted(
        r["address"] for r in data["resources"] if r["action"] in ("create", "update", "replace")
    )
    cases = _cases(root)
    savings = {name for name in cases if name.startswith("savings-")}  # advisory checks
    assert set(cases) - savings == {"required-tags", "non-prod-instance-size", "monthly-budget"}
    assert "savings-graviton" in savings
    # An IAM policy has no tags; only compute and databases have an instance type.
    assert cases["required-tags"] == [a for a in checked if a != "aws_iam_role_policy.app"]
    assert cases["non-prod-instance-size"] == [
        a
        for a in checked
        if a.split(".")[0] in ("aws_instance", "aws_db_instance", "aws_eks_node_group")
    ]
    for name in ("required-tags", "non-prod-instance-size"):
        assert all(
            case.get("classname") == name
            for case in root.iter("testcase")
            if case.get("classname") == name
        )
    assert cases["monthly-budget"] == ["plan"]


def test_no_instance_size_case_for_a_vpc() -> None:
    cases = _cases(junit(str(fixture_plan_path("priced_us_east_1"))))
    assert "aws_vpc.main" in cases["required-tags"]
    for name in ("aws_vpc.main", "aws_route_table.private", "aws_iam_role.lambda"):
        assert name not in cases["non-prod-instance-size"]
    assert "aws_instance.web" in cases["non-prod-instance-size"]
    assert "aws_db_instance.postgres" in cases["non-prod-instance-size"]


def test_a_policy_scope_narrows_its_cases(tmp_path: Path) -> None:
    policy = tmp_path / "p.yml"
    policy.write_text(
        "version: 1\n"
        "policies:\n"
        "  - id: volume-tags\n"
        "    kind: required_tags\n"
        "    resource_types: [aws_ebs_volume]\n"
        "    tags: {Team: {}}\n",
        encoding="utf-8",
    )
    options = GateOptions(plan=str(fixture_plan_path("priced_us_east_1")), policy=str(policy))
    root = ET.fromstring(render(build_gate_report(options), OutputFormat.JUNIT, options=options))
    assert _cases(root)["volume-tags"] == [
        f"aws_ebs_volume.{name}" for name in ("gp2", "gp3", "io1", "io2", "sc1", "st1", "standard")
    ]


def test_the_report_carries_what_each_policy_applied_to() -> None:
    report = build_gate_report(GateOptions(plan=str(CASE)))
    applied = dict(report.applied_to)
    # Not the budget (plan-wide); the default policy's savings checks apply to resources too.
    assert {p for p in applied if not p.startswith("savings-")} == {
        "required-tags",
        "non-prod-instance-size",
    }
    # gp3 looks at volumes, instances (their disks) and databases only.
    assert applied["savings-ebs-gp3"] == tuple(
        a
        for a in applied["required-tags"]
        if a.split(".")[0] in ("aws_ebs_volume", "aws_instance", "aws_db_instance")
    )
    assert "aws_security_group.app" in applied["required-tags"]
    assert "aws_security_group.app" not in applied["non-prod-instance-size"]
    # The renderer reads the report only: without the list, only findings make cases.
    bare = render_junit(replace(report, applied_to=()), {r.id: r for r in report.rules})
    names = {
        c.get("name")
        for c in ET.fromstring(bare).iter("testcase")
        if c.get("classname") == "required-tags"
    }
    assert names == {f.address for f in report.findings if f.policy_id == "required-tags"}


def test_error_findings_fail_their_case_and_warnings_do_not() -> None:
    root = junit(str(CASE))
    data = json_report(str(CASE))
    failed = {
        (case.get("classname"), case.get("name"))
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    errors = {
        (f["policy_id"], f["address"] or "plan")
        for f in data["findings"]
        if f["severity"] == "error"
    }
    assert failed == errors
    warned = {
        (case.get("classname"), case.get("name"))
        for case in root.iter("testcase")
        if case.find("system-out") is not None
    }
    warnings = {
        (f["policy_id"], f["address"] or "plan")
        for f in data["findings"]
        if f["severity"] == "warning"
    }
    assert warned == warnings
    total_tests = sum(1 for _ in root.iter("testcase"))
    assert root.get("tests") == str(total_tests)
    assert root.get("failures") == str(len(failed))
    for suite in root.iter("testsuite"):
        assert suite.get("tests") == str(len(list(suite.iter("testcase"))))
        assert suite.get("failures") == str(
            sum(1 for c in suite.iter("testcase") if c.find("failure") is not None)
        )


def test_a_passing_plan_has_no_failures() -> None:
    root = junit(str(ROOT / "examples" / "plan.json"))
    assert root.get("failures") == "0"
    assert int(root.get("tests") or 0) > 0


def test_deterministic_and_valid_with_hostile_text() -> None:
    report = build_gate_report(GateOptions(plan=str(CASE)))
    odd = Finding("p", "error", 'aws_s3_bucket.b["<&>\x01\x1b"]', "bad ]]> </failure> \x07", "")
    report = replace(report, findings=(*report.findings, odd))
    rules = {"p": PolicyRule(id="p", description="d")}
    text = render_junit(report, rules)
    assert text == render_junit(report, rules)
    root = ET.fromstring(text)  # well-formed despite control characters and markup
    [case] = [
        c
        for c in root.iter("testcase")
        if c.get("classname") == "p" and "<&>" in (c.get("name") or "")
    ]
    failure = case.find("failure")
    assert failure is not None and "]]> </failure>" in (failure.text or "")


def test_junit_text_replaces_exactly_what_xml_cannot_hold() -> None:
    from finops_gate.report.junit import _clean

    every_character = "".join(chr(point) for point in range(0x110000))
    expected = "".join(
        char
        if char in "\t\n\r" or (ord(char) >= 0x20 and ord(char) not in (0xFFFE, 0xFFFF))
        else "?"
        for char in every_character
    )
    assert _clean(every_character) == expected
