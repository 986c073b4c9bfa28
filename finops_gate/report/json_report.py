"""The JSON report: a public contract (fields are added over time, never renamed)."""

from __future__ import annotations

from typing import Any

import orjson

from finops_gate import __version__
from finops_gate.cost.model import CostComponent, ResourceCost
from finops_gate.plan.resource import Action
from finops_gate.policy.findings import Finding, WaiverRef
from finops_gate.report.escape import json_document
from finops_gate.report.model import Report
from finops_gate.savings.model import Recommendation

SCHEMA_VERSION = 1


def _component(component: CostComponent) -> dict[str, Any]:
    return {
        "name": component.name,
        "unit": component.unit,
        "monthly_quantity": component.monthly_quantity,
        "unit_price": component.unit_price,
        "monthly_cost": component.monthly_cost,
        "usage_based": component.usage_based,
        "approximate": component.approximate,
        "price_key": component.price_key,
        "price_source": component.source,
        "price_rule": component.rule,
        "note": component.note,
        "unknown": component.unknown,
    }


def _resource(cost: ResourceCost) -> dict[str, Any]:
    resource = cost.resource
    data: dict[str, Any] = {
        "address": resource.address,
        "type": resource.type,
        "actions": list(resource.actions),
        "action": resource.action.value,
        "region": resource.region,
        "status": cost.status.value,
        "monthly_cost_before": cost.monthly_cost_before,
        "monthly_cost_after": cost.monthly_cost_after,
        "monthly_cost_delta": cost.monthly_cost_delta,
        "approximate": cost.approximate,
        "complete": cost.complete,
        "components": [_component(c) for c in cost.components],
        "notes": list(cost.notes),
    }
    if resource.action in (Action.UPDATE, Action.REPLACE):
        data["components_before"] = [_component(c) for c in cost.components_before]
    if resource.previous_address:
        data["previous_address"] = resource.previous_address
    if resource.from_usage_file is not None:
        data["source"] = "usage_file"
    return data


def report_data(report: Report) -> dict[str, Any]:
    data = _report_data(report)
    if report.recommendations:
        # Only with suggestions, so that a report without any keeps its bytes.
        data["totals"]["potential_monthly_savings"] = report.potential_monthly_savings
        data["recommendations"] = [_recommendation(r) for r in report.recommendations]
    return data


def _recommendation(item: Recommendation) -> dict[str, Any]:
    data = _recommendation_fields(item)
    if item.per_unit:  # only for usage-based suggestions, so other reports keep their bytes
        data["per_unit"] = item.per_unit
    return data


def _recommendation_fields(item: Recommendation) -> dict[str, Any]:
    return {
        "check_id": item.check_id,
        "policy_id": item.policy_id,
        "address": item.address,
        "type": item.resource_type,
        "region": item.region,
        "attribute": item.attribute,
        "current_value": item.current_value,
        "suggested_value": item.suggested_value,
        "monthly_savings": item.monthly_savings,
        "current_monthly_cost": item.current_monthly_cost,
        "suggested_monthly_cost": item.suggested_monthly_cost,
        "approximate": item.approximate,
        "caveat": item.caveat,
        "file": item.file,
        "line": item.line,
    }


def _report_data(report: Report) -> dict[str, Any]:
    totals = report.estimate.totals
    prices = report.prices
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": __version__,
        "currency": "USD",
        "verdict": report.verdict.value,
        "totals": {
            # Totals are what people read and compare: cents, as every other format shows
            # them. Line items keep full precision so that a script can re-add them.
            "monthly_cost_before": _cents(totals.monthly_cost_before),
            "monthly_cost_after": _cents(totals.monthly_cost_after),
            "monthly_cost_delta": _cents(totals.monthly_cost_delta),
            "percent_change": totals.percent_change,
            "complete": totals.complete,
            "before_lower_bound": totals.before_lower_bound,
            "after_lower_bound": totals.after_lower_bound,
            "delta_bound": totals.delta_bound,
            "not_priced": totals.not_priced.as_dict(),
            "unchanged_not_priced": totals.unchanged_not_priced,
        },
        "summary": {status.value: count for status, count in report.status_counts().items()},
        "plan": {
            "format_version": report.plan.format_version,
            "terraform_version": report.plan.terraform_version,
            "complete": not report.plan.incomplete,
            "notes": list(report.plan.notes),
        },
        "providers": [
            {
                "config_key": provider.config_key,
                "region": provider.region,
                "region_source": provider.region_source,
                "evidence": provider.evidence,
            }
            for provider in report.plan.providers
        ],
        "prices": {
            "oldest_source_date": prices.oldest.isoformat(),
            "newest_source_date": prices.newest.isoformat(),
            "prices_date": prices.prices_date.isoformat(),
            "stale": prices.stale,
            "approximate": report.estimate.approximate,
            "sources": {
                key: {
                    "title": source.title,
                    "origin": source.origin,
                    "license": source.license,
                    "as_of": source.as_of.isoformat(),
                }
                for key, source in sorted(prices.sources.items())
            },
            "rules": dict(sorted(prices.rules.items())),
        },
        "policy": report.policy_name,
        "resources": [_resource(cost) for cost in report.estimate.resources],
        "findings": [_finding(f) for f in report.findings],
        "waived_findings": [_finding(f) for f in report.waived],
        "overrides": [{"policy_id": o.policy_id, "reason": o.reason} for o in report.overrides],
        "expired_waivers": [_waiver(w) for w in report.expired_waivers],
        "enforcement": dict(report.enforcement),
    }


def _cents(amount: float) -> float:
    return round(amount, 2) + 0.0  # + 0.0: never "-0.0"


def _waiver(waiver: WaiverRef | None) -> dict[str, Any] | None:
    if waiver is None:
        return None
    return {
        "policy_id": waiver.policy_id,
        "address": waiver.address,
        "reason": waiver.reason,
        "approver": waiver.approver,
        "expires": waiver.expires.isoformat(),
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "policy_id": f.policy_id,
        "severity": f.severity,
        "address": f.address,
        "message": f.message,
        "remediation": f.remediation,
        "enforcement": f.enforcement,
        "overridden": f.overridden is not None,
        "override_reason": f.overridden.reason if f.overridden else None,
        "waiver": _waiver(f.waiver),
        "expired_waiver": _waiver(f.expired_waiver),
    }


def render_json(report: Report) -> str:
    document = orjson.dumps(report_data(report), option=orjson.OPT_INDENT_2).decode()
    return json_document(document) + "\n"
