"""How a rule writes a derived figure: from a published figure (or one regional rule's
figure), carrying its rule id, which marks it approximate, and its input's source id."""

from __future__ import annotations

from decimal import Context, Decimal

from finops_gate.pricing.build.base import RegionTable
from finops_gate.pricing.layout import Figure

# The regional rules (`regional`): a figure they give may be the input of another rule.
CHAINABLE_BASE_RULES = ("flat-global", "flat-most-regions", "regional-ratio")
SIGNIFICANT_DIGITS = 6  # of a figure scaled by a measured ratio


def derive(table: RegionTable, key: str, base: Figure, factor: Decimal, rule: str) -> None:
    # Rules start from published figures, or from a regional rule's figure (the rule id then
    # names both, e.g. "regional-ratio+rds-multi-az-storage-2x"); never a longer chain.
    if key in table or (base.rule_id is not None and base.rule_id not in CHAINABLE_BASE_RULES):
        return
    rule_id = rule if base.rule_id is None else f"{base.rule_id}+{rule}"
    table[key] = Figure((base.price * factor).normalize(), base.source_id, rule_id)


def significant(value: Decimal) -> Decimal:
    return Context(prec=SIGNIFICANT_DIGITS).plus(value).normalize()
