"""JUnit XML for CI test reports: one test case per policy x resource it applies to.

Each policy is a test suite. A policy about resources gets one test case per resource it
checked: in its scope (created, updated or replaced by the plan, or as its `actions` say;
unchanged ones too with --all-resources) and of a kind it applies to (a tag policy, a
taggable resource of its `resource_types`; an instance-size policy, a resource with an
instance type, so never an `aws_vpc`), plus any other address a finding names. A
plan-wide policy (a budget) gets one test case named `plan`, as does a policy that checked
nothing, to show it ran. An `error`
finding makes its test case fail; a `warning` is reported in the case's `system-out` and
the case passes, as it does the gate. When the totals are only lower bounds (resources not
priced), each suite has a `monthly-cost` property with the headline, e.g.
`$0.00 -> ≥ $1.00 (≥ +$1.00) · 2 resources not priced`. Deterministic: suites and cases
sorted by name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from xml.etree import ElementTree as ET

from finops_gate.errors import printable
from finops_gate.policy.findings import Finding
from finops_gate.report.escape import shows_as_it_is, xml_document
from finops_gate.report.headline import headline
from finops_gate.report.model import Report
from finops_gate.report.sarif import PolicyRule, rules_for, sorted_findings

PLAN_CASE = "plan"

_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped."""
    return _NOT_IN_XML.sub("?", text)


def _finding_line(finding: Finding) -> str:
    """One line per finding: a line break in plan text is shown as `\\n`, so it can
    neither split the finding nor start a line of its own in a CI log."""
    where = f"{finding.address}: " if finding.address else ""
    line = f"[{finding.severity}] {where}{finding.message}"
    if finding.remediation:
        line += f" (fix: {finding.remediation})"
    return line if shows_as_it_is(line) else printable(line)


def junit_tree(report: Report, rules: Mapping[str, PolicyRule] | None = None) -> ET.Element:
    by_case: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in sorted_findings(report.findings):
        by_case[(finding.policy_id, finding.address or PLAN_CASE)].append(finding)
    applied_to = dict(report.applied_to)
    totals = report.estimate.totals
    cost = _clean(headline(totals))

    root = ET.Element("testsuites", name="finops-gate")
    total_tests = total_failures = 0
    for rule in rules_for(report, rules):
        names = {address for (policy, address) in by_case if policy == rule.id}
        if rule.plan_wide or (names and names <= {PLAN_CASE}):
            names.add(PLAN_CASE)
        else:
            names.update(applied_to.get(rule.id, ()))
        if not names:
            names.add(PLAN_CASE)  # a policy with nothing to check still shows it ran
        suite = ET.SubElement(root, "testsuite", name=rule.id)
        if not totals.complete:
            # Only then, so that a complete report stays as it always was.
            properties = ET.SubElement(suite, "properties")
            ET.SubElement(properties, "property", name="monthly-cost", value=cost)
        failures = 0
        for name in sorted(names):
            case = ET.SubElement(suite, "testcase", classname=rule.id, name=_clean(name))
            findings = by_case.get((rule.id, name), [])
            errors = [f for f in findings if f.severity == "error"]
            others = [f for f in findings if f.severity != "error"]
            if errors:
                failures += 1
                failure = ET.SubElement(
                    case, "failure", message=_clean(errors[0].message), type="error"
                )
                failure.text = _clean("\n".join(_finding_line(f) for f in errors))
            if others:
                out = ET.SubElement(case, "system-out")
                out.text = _clean("\n".join(_finding_line(f) for f in others))
        tests = len(names)
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    return root


def render_junit(report: Report, rules: Mapping[str, PolicyRule] | None = None) -> str:
    root = junit_tree(report, rules)
    ET.indent(root, space="  ")
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + xml_document(body) + "\n"
