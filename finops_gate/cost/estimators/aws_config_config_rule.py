"""AWS Config rule (depends on usage): rule evaluations in monthly tiers.

Organization rules (`aws_config_organization_custom_rule`,
`aws_config_organization_managed_rule`, `aws_config_organization_custom_policy_rule`) are
evaluated and billed in each member account like a rule; the tiers are counted per rule, as
Infracost does (AWS counts them over an account and region).

- Rule evaluations (first 100K) (usage: `monthly_rule_evaluations`): evaluation,
  `config:rule-evaluations:tier1`
- Rule evaluations (next 400K): evaluation, `config:rule-evaluations:tier2`
- Rule evaluations (over 500K): evaluation, `config:rule-evaluations:tier3`
"""

from __future__ import annotations

from finops_gate.cost.estimators._tiers import tier_buckets
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = (
    "aws_config_config_rule",
    "aws_config_organization_custom_rule",
    "aws_config_organization_managed_rule",
    "aws_config_organization_custom_policy_rule",
)
USAGE_KEYS = ("monthly_rule_evaluations",)
TIER_WIDTHS = (100_000, 400_000)
TIERS = (
    ("Rule evaluations (first 100K)", keys.CONFIG_RULE_EVALUATIONS_TIER1),
    ("Rule evaluations (next 400K)", keys.CONFIG_RULE_EVALUATIONS_TIER2),
    ("Rule evaluations (over 500K)", keys.CONFIG_RULE_EVALUATIONS_TIER3),
)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    evaluations = view.usage_number("monthly_rule_evaluations")
    if evaluations is None:
        name, key = TIERS[0]
        return [ComponentSpec(name, "evaluation", key, None, usage_based=True)]
    note = f"from the usage file: monthly_rule_evaluations = {number_text(evaluations)}"
    return [
        ComponentSpec(name, "evaluation", key, quantity, usage_based=True, note=note)
        for (name, key), quantity in zip(TIERS, tier_buckets(evaluations, TIER_WIDTHS), strict=True)
        if quantity > 0
    ]
