"""A project's SARIF and JUnit rebuilt from its JSON report, for `merge`.

A JSON report keeps every finding (policy, severity, address, message, remediation) and
the policies that ran (`enforcement`), but not the policy files' descriptions nor the
resources each policy checked. So the rebuilt formats say what the one-project formats
say about findings, with less around them: a SARIF rule is described by its id, and a
JUnit suite has one case per address with a finding (a policy without one gets the
`plan` case, to show it ran) rather than one per resource checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.etree import ElementTree as ET

from finops_gate.policy.findings import Finding
from finops_gate.report.junit import PLAN_CASE, _clean, _finding_line
from finops_gate.report.model import PolicyRule
from finops_gate.report.sarif import SARIF_SCHEMA, SARIF_VERSION, _result, _rule, sorted_findings

_RANK = {"error": 2, "warning": 1}


def findings_of(data: Mapping[str, Any]) -> list[Finding]:
    """The findings of a one-project JSON report."""
    return [
        Finding(
            str(item["policy_id"]),
            str(item["severity"]),
            str(item["address"]) if item.get("address") else None,
            str(item["message"]),
            str(item.get("remediation") or ""),
        )
        for item in data["findings"]
    ]


def _rules(data: Mapping[str, Any], findings: list[Finding]) -> list[PolicyRule]:
    """Every policy that ran (an advisory one warns) or has a finding (at its worst
    finding's level), by id."""
    levels = {
        str(key): "warning" if value == "advisory" else "error"
        for key, value in data.get("enforcement", {}).items()
    }
    worst: dict[str, str] = {}
    for finding in findings:
        if _RANK.get(finding.severity, 0) >= _RANK.get(worst.get(finding.policy_id, ""), 0):
            worst[finding.policy_id] = finding.severity
    for key, severity in worst.items():
        levels.setdefault(key, severity)
    return [PolicyRule(id=key, level=levels[key]) for key in sorted(levels)]


def sarif_from_json(data: Mapping[str, Any], artifact: str | None) -> dict[str, Any]:
    """The SARIF document a one-project run would write, as far as its JSON tells."""
    findings = findings_of(data)
    rules = _rules(data, findings)
    index = {rule.id: n for n, rule in enumerate(rules)}
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "finops-gate", "rules": [_rule(rule) for rule in rules]}},
        "results": [
            _result(finding, index[finding.policy_id], artifact)
            for finding in sorted_findings(findings)
        ],
    }
    if artifact:
        run["artifacts"] = [{"location": {"uri": artifact}, "roles": ["analysisTarget"]}]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def junit_from_json(data: Mapping[str, Any]) -> str:
    """The JUnit suites of a one-project report: one per policy, a failing case per
    address with an error finding, warnings in the case's `system-out`."""
    findings = findings_of(data)
    by_case: dict[tuple[str, str], list[Finding]] = {}
    for finding in sorted_findings(findings):
        by_case.setdefault((finding.policy_id, finding.address or PLAN_CASE), []).append(finding)
    root = ET.Element("testsuites", name="finops-gate")
    for rule in _rules(data, findings):
        names = sorted({address for policy, address in by_case if policy == rule.id})
        suite = ET.SubElement(root, "testsuite", name=rule.id)
        failures = 0
        for name in names or [PLAN_CASE]:
            case = ET.SubElement(suite, "testcase", classname=rule.id, name=_clean(name))
            found = by_case.get((rule.id, name), [])
            errors = [f for f in found if f.severity == "error"]
            others = [f for f in found if f.severity != "error"]
            if errors:
                failures += 1
                failure = ET.SubElement(
                    case, "failure", message=_clean(errors[0].message), type="error"
                )
                failure.text = _clean("\n".join(_finding_line(f) for f in errors))
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = _clean("\n".join(_finding_line(f) for f in others))
        suite.set("tests", str(max(len(names), 1)))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
    return ET.tostring(root, encoding="unicode")
