"""AWS WAF (v2) web ACL.

- Web ACL usage: month, `waf:web-acl`
- Rules (the ACL's own rules, plus usage: `rule_group_rules`, `managed_rule_group_rules`):
  rule-month, `waf:rule`
- Rule groups (rules with a `rule_group_reference_statement`): group-month, `waf:rule`
- Managed rule groups (rules with a `managed_rule_group_statement`): group-month, `waf:rule`
- Requests (usage: `monthly_requests`): 1M requests, `waf:requests`

A web ACL of scope CLOUDFRONT is global and priced in us-east-1. Seller fees of AWS
Marketplace rule groups, Bot Control, Fraud Control and CAPTCHA are not included.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_wafv2_web_acl",)
USAGE_KEYS = ("rule_group_rules", "managed_rule_group_rules", "monthly_requests")
PER_MILLION = 1e-6


def _statement_kinds(rule: AttributeView) -> set[str]:
    kinds: set[str] = set()
    for statement in rule.blocks("statement"):
        for kind in ("rule_group_reference_statement", "managed_rule_group_statement"):
            if statement.blocks(kind):
                kinds.add(kind)
    return kinds


def estimate(view: AttributeView) -> list[ComponentSpec]:
    region = GLOBAL_REGION if (view.string("scope") or "").upper() == "CLOUDFRONT" else None
    rules = groups = managed = 0
    for rule in view.blocks("rule"):
        kinds = _statement_kinds(rule)
        groups += "rule_group_reference_statement" in kinds
        managed += "managed_rule_group_statement" in kinds
        rules += not kinds
    usage_rules = [view.usage_number(k) for k in ("rule_group_rules", "managed_rule_group_rules")]
    rule_count = rules + sum(v for v in usage_rules if v is not None)
    specs = [ComponentSpec("Web ACL usage", "month", keys.WAF_WEB_ACL, 1, region=region)]
    if rule_count:
        specs.append(ComponentSpec("Rules", "rule-month", keys.WAF_RULE, rule_count, region=region))
    if groups:
        specs.append(
            ComponentSpec("Rule groups", "group-month", keys.WAF_RULE, groups, region=region)
        )
    if managed:
        specs.append(
            ComponentSpec(
                "Managed rule groups", "group-month", keys.WAF_RULE, managed, region=region
            )
        )
    specs.append(
        usage_spec(
            view,
            "Requests",
            "1M requests",
            keys.WAF_REQUESTS,
            "monthly_requests",
            scale=PER_MILLION,
            region=region,
        )
    )
    return specs
