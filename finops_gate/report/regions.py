"""Where each provider configuration's region came from, for the reports: a line per
configuration whose region the plan's provider block did not state (a constant or a
variable goes without saying; the fallback to us-east-1 is a warning among the notes)."""

from __future__ import annotations

from finops_gate.plan.resource import Plan, ProviderRegion

SHOWN_SOURCES = frozenset(
    {"data-source", "plan-evidence", "configuration", "environment", "option"}
)


def shown_regions(plan: Plan) -> list[ProviderRegion]:
    return [p for p in plan.providers if p.region_source in SHOWN_SOURCES]


def region_line(provider: ProviderRegion) -> str:
    """`Region eu-west-1 for provider aws: from data.aws_region.current in the plan`."""
    return f"Region {provider.region} for provider {provider.config_key}: from {provider.evidence}"
