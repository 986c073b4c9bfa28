"""`--format junit`: one test case per policy x resource; error findings fail their case."""

from __future__ import annotations

import json
from dataclasses import replace
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


def test_cases_per_policy_and_resource() -> None:
    root = junit(str(CASE))
    data = json_report(str(CASE))
    checked = sorted(
        r["address"] for r in data["resources"] if r["action"] in ("create", "update", "replace")
    )
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    savings = {name for name in suites if name.startswith("savings-")}  # advisory checks
    assert set(suites) - savings == {"required-tags", "non-prod-instance-size", "monthly-budget"}
    assert "savings-graviton" in savings
    for name in ("required-tags", "non-prod-instance-size"):
        cases = [case.get("name") for case in suites[name].iter("testcase")]
        assert cases == checked
        assert all(case.get("classname") == name for case in suites[name].iter("testcase"))
    assert [case.get("name") for case in suites["monthly-budget"].iter("testcase")] == ["plan"]


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
