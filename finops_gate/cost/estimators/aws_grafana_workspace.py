"""Amazon Managed Grafana workspace: a monthly fee per active user.

- Editor/administrator licenses (usage: `editors_administrator_licenses`, default 1, as
  every workspace has at least one administrator): user-month, `grafana:editor`
- Viewer licenses (usage: `viewer_licenses`): user-month, `grafana:viewer`

The Enterprise plugins licence (`aws_grafana_license_association`) is not priced here.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import usage_spec
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_grafana_workspace",)
USAGE_KEYS = ("editors_administrator_licenses", "viewer_licenses")


def _editors(view: AttributeView) -> ComponentSpec:
    editors = view.usage_number("editors_administrator_licenses")
    if editors is None:
        return ComponentSpec(
            "Editor/administrator licenses",
            "user-month",
            keys.GRAFANA_EDITOR,
            1,
            note="1 administrator, the minimum of a workspace "
            "(usage: editors_administrator_licenses)",
        )
    return ComponentSpec(
        "Editor/administrator licenses",
        "user-month",
        keys.GRAFANA_EDITOR,
        editors,
        note=f"from the usage file: editors_administrator_licenses = {number_text(editors)}",
    )


def estimate(view: AttributeView) -> list[ComponentSpec]:
    return [
        _editors(view),
        usage_spec(view, "Viewer licenses", "user-month", keys.GRAFANA_VIEWER, "viewer_licenses"),
    ]
