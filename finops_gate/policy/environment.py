"""Which environment (dev, staging, prod, ...) a resource belongs to.

Detected per resource by a chain of sources, tried in `environment.order` (default
`[tag, module, variable]`: the most specific first):

- `tag`: the first of `tag_keys` the resource carries (default_tags count);
- `module`: the first of `module_patterns` (regular expressions, searched in the module
  address such as `module.prod.module.web`) that matches; its `env` group, or its first
  group, is the name;
- `variable`: `--environment NAME` on the command line, else the plan variable named by
  `variable` (e.g. `environment` for `var.environment`): one name for the whole plan.

The name is lower-cased and mapped through `aliases` (production -> prod). When no source
gives a name, `unknown.action` decides: `use-default` applies the `default` entries of
per-environment rules (or those of `unknown.assume` when set), `skip` applies none,
`warn` and `fail` also report the resource.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.bounded_regex import RegexTimeout, compile_bounded
from finops_gate.errors import PolicyError
from finops_gate.plan.resource import Resource
from finops_gate.policy.model import EnvironmentDetection


def group_tags(resource: Resource) -> Mapping[str, str | None]:
    """A resource's tags; for an autoscaling group (no `tags` attribute), its `tag` blocks."""
    if resource.type != "aws_autoscaling_group":
        return resource.tags
    blocks = resource.current.get("tag")
    return {
        str(block["key"]): None if block.get("value") is None else str(block["value"])
        for block in (blocks if isinstance(blocks, list) else [])
        if isinstance(block, Mapping) and block.get("key") is not None
    }


class EnvironmentResolver:
    def __init__(
        self,
        detection: EnvironmentDetection,
        variables: Mapping[str, Any] | None = None,
        override: str | None = None,
    ) -> None:
        self.detection = detection
        self._aliases = {
            alias.lower(): name.lower()
            for name, aliases in detection.aliases.items()
            for alias in aliases
        }
        self._patterns = [compile_bounded(p) for p in detection.module_patterns]
        value = override
        if value is None and detection.variable and variables:
            raw = variables.get(detection.variable)
            value = raw if isinstance(raw, str) and raw else None
        self._variable = value

    def canonical(self, name: str) -> str:
        lowered = name.lower()
        return self._aliases.get(lowered, lowered)

    def environment(self, resource: Resource) -> str | None:
        """The canonical environment name, or None when no source names one."""
        for source in self.detection.order:
            found = self._from(source, resource)
            if found:
                return self.canonical(found)
        return None

    def group(self, resource: Resource) -> str | None:
        """The environment a resource's cost counts in: its own, or `unknown.assume`."""
        environment = self.environment(resource)
        if environment is None and self.detection.unknown.assume:
            return self.canonical(self.detection.unknown.assume)
        return environment

    def rule_key(self, resource: Resource) -> str | None:
        """The key of per-environment rules to apply: the environment, `default`, or None
        (skip) for an unknown environment, as `unknown` says."""
        return self.rule_key_of(self.environment(resource))

    def rule_key_of(self, environment: str | None) -> str | None:
        """`rule_key` of a resource whose `environment(...)` is already known."""
        if environment is not None:
            return environment
        unknown = self.detection.unknown
        if unknown.action == "skip":
            return None
        return self.canonical(unknown.assume) if unknown.assume else "default"

    def _from(self, source: str, resource: Resource) -> str | None:
        if source == "tag":
            tags = group_tags(resource)
            for key in self.detection.tag_keys:
                value = tags.get(key)
                if value:
                    return value
            return None
        if source == "variable":
            return self._variable
        address = resource.module_address or ""
        for pattern in self._patterns:
            try:
                match = pattern.search(address)
            except RegexTimeout as error:
                raise PolicyError(f"environment.module_patterns: {error}") from None
            if match:
                named = match.groupdict().get("env")
                found: str | None = named or match.group(1)
                return found
        return None
