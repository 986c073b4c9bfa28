"""Which environment (dev, staging, prod, ...) a resource belongs to."""

from __future__ import annotations

from finops_gate.plan.resource import Resource
from finops_gate.policy.schema import EnvironmentDetection


class EnvironmentResolver:
    def __init__(self, detection: EnvironmentDetection) -> None:
        self._tag_keys = detection.tag_keys
        self._aliases = {
            alias.lower(): name.lower()
            for name, aliases in detection.aliases.items()
            for alias in aliases
        }

    def environment(self, resource: Resource) -> str | None:
        """The canonical environment name from the first configured tag key present."""
        for key in self._tag_keys:
            value = resource.tags.get(key)
            if value:
                lowered = value.lower()
                return self._aliases.get(lowered, lowered)
        return None
