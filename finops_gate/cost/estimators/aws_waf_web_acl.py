"""AWS WAF Classic web ACL.

- Web ACL usage: month, `waf:web-acl`
- Rules (`rules` of type REGULAR or RATE_BASED, plus usage: `rule_group_rules`): rule-month,
  `waf:rule`
- Rule groups (`rules` of type GROUP): group-month, `waf:rule`
- Requests (usage: `monthly_requests`): 1M requests, `waf:requests`

WAF Classic is global (CloudFront): priced in us-east-1, where AWS lists the same rates as
WAF v2.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys
from finops_gate.pricing.keys import GLOBAL_REGION

RESOURCE_TYPES = ("aws_waf_web_acl",)
USAGE_KEYS = ("rule_group_rules", "monthly_requests")
PER_MILLION = 1e-6


def estimate(view: AttributeView) -> list[ComponentSpec]:
    rules = groups = 0
    for rule in view.blocks("rules"):
        kind = (rule.string("type") or "REGULAR").upper()
        rules += kind in ("REGULAR", "RATE_BASED")
        groups += kind == "GROUP"
    rule_count = rules + (view.usage_number("rule_group_rules") or 0)
    region = GLOBAL_REGION
    specs = [
        ComponentSpec("Web ACL usage", "month", keys.WAF_WEB_ACL, 1, region=region),
        ComponentSpec("Rules", "rule-month", keys.WAF_RULE, rule_count, region=region),
    ]
    if groups:
        specs.append(
            ComponentSpec("Rule groups", "group-month", keys.WAF_RULE, groups, region=region)
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
