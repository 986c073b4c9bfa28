"""SARIF 2.1.0 for code-scanning tools: one rule per policy, one result per finding.

`ruleId` is the policy id; each rule carries the policy's description and its remediation
as help text; each result has level `error` or `warning` and the resource address as a
logical location (and the plan file as the physical location, when known, because
code-scanning services need a file to attach a result to). Output is deterministic:
rules sorted by id, results by policy, address and message. Savings suggestions are
results too, after the findings, with `fixes` where the line is known (sarif_savings.py).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from finops_gate import __version__
from finops_gate.policy.findings import Finding
from finops_gate.report.escape import json_document
from finops_gate.report.headline import headline
from finops_gate.report.json_text import indented_json
from finops_gate.report.model import PolicyRule as PolicyRule
from finops_gate.report.model import Report
from finops_gate.report.sarif_savings import covered_by_suggestions, suggestion_results

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


BUILTIN_RULES = {
    "plan-incomplete": PolicyRule(
        id="plan-incomplete",
        kind="builtin",
        description="The plan is incomplete (terraform reported errors or a partial plan), "
        "so costs and findings may be missing.",
        remediation="Fix the errors terraform reported and create the plan again.",
        plan_wide=True,
        level="warning",
    )
}


def rules_for(report: Report, rules: Mapping[str, PolicyRule] | None) -> list[PolicyRule]:
    """Every policy of the policy file, and any other policy a finding names, by id."""
    known = dict(rules or {})
    for finding in report.findings:
        if finding.policy_id not in known:
            known[finding.policy_id] = BUILTIN_RULES.get(
                finding.policy_id, PolicyRule(id=finding.policy_id, level=finding.severity)
            )
    return [known[key] for key in sorted(known)]


def sorted_findings(findings: tuple[Finding, ...] | list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (f.policy_id, f.address or "", f.severity, f.message))


def _level(severity: str) -> str:
    return severity if severity in ("error", "warning") else "note"


def _description(rule: PolicyRule) -> str:
    if rule.description:
        return rule.description
    kind = f" ({rule.kind})" if rule.kind and rule.kind != "builtin" else ""
    return f"finops-gate policy {rule.id}{kind}"


def _rule(rule: PolicyRule) -> dict[str, Any]:
    description = _description(rule)
    help_text = rule.remediation or "See the policy's description in the policy file."
    data: dict[str, Any] = {
        "id": rule.id,
        "shortDescription": {"text": description.split("\n", 1)[0]},
        "fullDescription": {"text": description},
        "help": {"text": help_text, "markdown": help_text},
        "defaultConfiguration": {"level": _level(rule.level)},
    }
    if rule.kind:
        data["properties"] = {"kind": rule.kind}
    return data


def _fingerprint(finding: Finding) -> str:
    key = "\x1f".join((finding.policy_id, finding.address or "", finding.message))
    return hashlib.sha256(key.encode()).hexdigest()


def _result(finding: Finding, rule_index: int, artifact: str | None) -> dict[str, Any]:
    text = finding.message
    if finding.address:
        text = f"{finding.address}: {text}"
    if finding.remediation:
        text += f" (fix: {finding.remediation})"
    location: dict[str, Any] = {}
    if artifact:
        location["physicalLocation"] = {"artifactLocation": {"uri": artifact}}
    location["logicalLocations"] = [
        {"fullyQualifiedName": finding.address, "kind": "resource"}
        if finding.address
        else {"fullyQualifiedName": "plan", "kind": "module"}
    ]
    return {
        "ruleId": finding.policy_id,
        "ruleIndex": rule_index,
        "level": _level(finding.severity),
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"finopsGateFinding/v1": _fingerprint(finding)},
    }


def _artifact_uri(plan_path: str | None) -> str | None:
    if not plan_path or plan_path == "-":
        return None
    return plan_path.replace("\\", "/")


def sarif_data(
    report: Report,
    rules: Mapping[str, PolicyRule] | None = None,
    plan_path: str | None = None,
) -> dict[str, Any]:
    ordered = rules_for(report, rules)
    index = {rule.id: n for n, rule in enumerate(ordered)}
    artifact = _artifact_uri(plan_path)
    suggested = covered_by_suggestions(report)
    totals = report.estimate.totals
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "finops-gate",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in ordered],
            }
        },
        "results": [
            *(
                _result(finding, index[finding.policy_id], artifact)
                for finding in sorted_findings(report.findings)
                if (finding.policy_id, finding.address) not in suggested
            ),
            *suggestion_results(report, {rule.id: rule for rule in ordered}, index, artifact),
        ],
        "properties": {
            "verdict": report.verdict.value,
            "monthlyCostBefore": totals.monthly_cost_before,
            "monthlyCostAfter": totals.monthly_cost_after,
            "monthlyCostDelta": totals.monthly_cost_delta,
            "monthlyCost": headline(totals),
            "monthlyCostComplete": totals.complete,
            "notPriced": totals.not_priced.as_dict(),
            "unchangedNotPriced": totals.unchanged_not_priced,
        },
    }
    if artifact:
        run["artifacts"] = [{"location": {"uri": artifact}, "roles": ["analysisTarget"]}]
    if report.plan.notes:
        # The plan's notes (a region defaulted to us-east-1, values not evaluated) are
        # about the run, not a policy: SARIF's place for them is the invocation.
        run["invocations"] = [
            {
                "executionSuccessful": True,
                "toolExecutionNotifications": [
                    {"level": "warning", "message": {"text": note}} for note in report.plan.notes
                ],
            }
        ]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def render_sarif(
    report: Report,
    rules: Mapping[str, PolicyRule] | None = None,
    plan_path: str | None = None,
) -> str:
    data = sarif_data(report, rules, plan_path)
    return json_document(indented_json(data)) + "\n"
