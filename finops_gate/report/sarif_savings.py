"""SARIF results for savings suggestions: one per suggestion, at the line that sets the
value when HCL mode knows it, with a `fixes` entry replacing the value when the value is
written there as a literal (finops_gate/savings/line_fix.py).

An enforced savings check also makes a finding for each suggestion; the suggestion's
result stands for it (with the finding's level), so code scanning shows one result, with
its fix, rather than two.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Mapping
from typing import Any

from finops_gate.policy.findings import Finding
from finops_gate.report.model import PolicyRule, Report
from finops_gate.report.savings_text import change_text, saving_cell
from finops_gate.savings.line_fix import LineFix
from finops_gate.savings.model import Recommendation


def covered_by_suggestions(report: Report) -> set[tuple[str, str | None]]:
    """(policy id, address) of the findings a suggestion's result stands for."""
    return {(item.policy_id, item.address) for item in report.recommendations}


def suggestion_results(
    report: Report,
    rules: Mapping[str, PolicyRule],
    index: Mapping[str, int],
    plan_path: str | None,
) -> list[dict[str, Any]]:
    levels = _finding_levels(report.findings)
    results: list[dict[str, Any]] = []
    for item in sorted(report.recommendations, key=_order):
        if item.policy_id not in index:
            continue
        rule = rules.get(item.policy_id)
        level = levels.get((item.policy_id, item.address), rule.level if rule else "note")
        results.append(_result(item, index[item.policy_id], level, plan_path))
    return results


def _finding_levels(findings: tuple[Finding, ...]) -> dict[tuple[str, str | None], str]:
    return {(f.policy_id, f.address): f.severity for f in findings}


def _order(item: Recommendation) -> tuple[str, str, str, str]:
    return (item.policy_id, item.address, item.attribute, item.suggested_value)


def _result(
    item: Recommendation, rule_index: int, level: str, plan_path: str | None
) -> dict[str, Any]:
    saving = saving_cell(item)
    text = f"{item.address}: {change_text(item)}"
    text += f" saves {saving}/month" if item.monthly_savings is not None else f" ({saving})"
    if item.caveat:
        text += f"; {item.caveat}"
    location: dict[str, Any] = {}
    physical = _physical_location(item, plan_path)
    if physical is not None:
        location["physicalLocation"] = physical
    location["logicalLocations"] = [{"fullyQualifiedName": item.address, "kind": "resource"}]
    result: dict[str, Any] = {
        "ruleId": item.policy_id,
        "ruleIndex": rule_index,
        "level": level if level in ("error", "warning") else "note",
        "message": {"text": text},
        "locations": [location],
        "partialFingerprints": {"finopsGateSuggestion/v1": _fingerprint(item)},
        "properties": {
            "checkId": item.check_id,
            "attribute": item.attribute,
            "currentValue": item.current_value,
            "suggestedValue": item.suggested_value,
            "monthlySavings": item.monthly_savings,
            "approximate": item.approximate,
        },
    }
    if item.fix is not None:
        result["fixes"] = [_fix(item, item.fix)]
    return result


def _physical_location(item: Recommendation, plan_path: str | None) -> dict[str, Any] | None:
    if item.fix is not None:
        return {
            "artifactLocation": {"uri": item.fix.path},
            "region": {"startLine": item.fix.line},
        }
    if plan_path is None:
        return None
    if item.file is None or item.line is None:
        return {"artifactLocation": {"uri": plan_path}}
    # Recommendation files are relative to the configuration directory: the plan path
    # itself, or the directory of the file a multi-project report names.
    base = plan_path.rstrip("/")
    if base.endswith((".tf", ".tf.json", ".json")):
        base = posixpath.dirname(base)
    return {
        "artifactLocation": {"uri": posixpath.normpath(posixpath.join(base, item.file))},
        "region": {"startLine": item.line},
    }


def _fix(item: Recommendation, fix: LineFix) -> dict[str, Any]:
    return {
        "description": {"text": f"{change_text(item)}"},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": fix.path},
                "replacements": [
                    {
                        "deletedRegion": {
                            "startLine": fix.line,
                            "startColumn": fix.column,
                            "endLine": fix.line,
                            "endColumn": fix.end_column,
                        },
                        "insertedContent": {"text": fix.inserted},
                    }
                ],
            }
        ],
    }


def _fingerprint(item: Recommendation) -> str:
    key = "\x1f".join((item.policy_id, item.address, item.attribute, item.suggested_value))
    return hashlib.sha256(key.encode()).hexdigest()
