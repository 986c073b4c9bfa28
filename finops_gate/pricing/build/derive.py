"""How a rule writes a derived figure: from a published figure (or one regional-ratio
figure), carrying its rule id, which marks it approximate, and its input's source id."""

from __future__ import annotations

from decimal import Context, Decimal

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import RegionTable
from finops_gate.pricing.layout import Figure

CHAINABLE_BASE_RULE = "regional-ratio"
SIGNIFICANT_DIGITS = 6  # of a figure scaled by a measured ratio

# Keys copied from us-east-1 to every region, and the rule that says why.
FLAT_GLOBAL_KEYS = {
    keys.EKS_CLUSTER_HOUR: "eks-flat-global",
    keys.EKS_CLUSTER_EXTENDED_HOUR: "eks-flat-global",
    keys.IPV4_PUBLIC_HOUR: "ipv4-flat-global",
    keys.GRAFANA_EDITOR: "grafana-flat-global",
    keys.GRAFANA_VIEWER: "grafana-flat-global",
}


def derive(table: RegionTable, key: str, base: Figure, factor: Decimal, rule: str) -> None:
    # Rules start from published figures, or from a regional-ratio figure (the rule id then
    # names both, e.g. "regional-ratio+rds-multi-az-storage-2x"); never a longer chain.
    if key in table or base.rule_id not in (None, CHAINABLE_BASE_RULE):
        return
    rule_id = rule if base.rule_id is None else f"{CHAINABLE_BASE_RULE}+{rule}"
    table[key] = Figure((base.price * factor).normalize(), base.source_id, rule_id)


def significant(value: Decimal) -> Decimal:
    return Context(prec=SIGNIFICANT_DIGITS).plus(value).normalize()
