"""Provider names, regions and default_tags, resolved from the plan's configuration."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from finops_gate.records import record

if TYPE_CHECKING:  # annotations only: HCL mode uses this module without the plan schema
    from finops_gate.plan.plan_json import (
        Configuration,
        PlanModuleConfig,
        PlanProviderConfig,
        Variable,
    )

FALLBACK_REGION = "us-east-1"


def provider_type(provider_name: str) -> str:
    """`registry.terraform.io/hashicorp/aws`, `registry.opentofu.org/hashicorp/aws`,
    `hashicorp/aws`, `aws` and Terraform 0.12's `aws.primary` all give `aws`."""
    last = provider_name.rsplit("/", 1)[-1]
    return last.split(".", 1)[0]


@record(slots=True)
class ProviderSettings:
    region: str | None
    default_tags: Mapping[str, str]
    # Where `region` came from ("a constant", "var.region"), or, when it is None, what
    # the block's region expression refers to (e.g. "local.region"); "" when unset.
    region_expression: str = ""


def _constant(expression: Any, variables: Mapping[str, Variable]) -> Any:
    """The value of a configuration expression if the plan lets us know it."""
    if not isinstance(expression, dict):
        return None
    if "constant_value" in expression:
        return expression["constant_value"]
    references = expression.get("references")
    if isinstance(references, list) and references:
        first = references[0]
        if isinstance(first, str) and first.startswith("var."):
            variable = variables.get(first[4:])
            return variable.value if variable else None
    return None


def _region_expression(expression: Any, known: bool) -> str:
    if not isinstance(expression, dict):
        return ""
    if "constant_value" in expression:
        return "a constant"
    references = expression.get("references")
    if isinstance(references, list) and references and isinstance(references[0], str):
        return references[0]
    return "" if known else "an expression"


def _settings(config: PlanProviderConfig, variables: Mapping[str, Variable]) -> ProviderSettings:
    if config.module_address:
        # `var.x` in a module's own provider block is the module's input, which the plan
        # does not record; the root's variable of the same name is another value.
        variables = {}
    expression = config.expressions.get("region")
    region = _constant(expression, variables)
    known = isinstance(region, str) and bool(region)
    tags: dict[str, str] = {}
    blocks = config.expressions.get("default_tags")
    if isinstance(blocks, list):
        for block in blocks:
            value = _constant(block.get("tags") if isinstance(block, dict) else None, variables)
            if isinstance(value, dict):
                tags.update({str(k): str(v) for k, v in value.items() if v is not None})
    return ProviderSettings(
        region=region if known else None,
        default_tags=tags,
        region_expression=_region_expression(expression, known),
    )


class ProviderResolver:
    """Maps each resource to the provider configuration it uses."""

    def __init__(self, configuration: Configuration, variables: Mapping[str, Variable]) -> None:
        self._settings = {
            key: _settings(config, variables)
            for key, config in configuration.provider_config.items()
        }
        self._config_keys: dict[str, str] = {}
        self._expressions: dict[str, dict[str, Any]] = {}
        _index_resources(configuration.root_module, "", self._config_keys, self._expressions)

    def config_key(self, address: str, provider: str) -> str:
        return self._config_keys.get(config_address(address)) or provider

    def settings(self, config_key: str, provider: str) -> tuple[ProviderSettings | None, str]:
        """Settings for a provider configuration key and where they came from."""
        for key in candidate_keys(config_key):
            if key in self._settings:
                return self._settings[key], "provider"
        if provider in self._settings:
            return self._settings[provider], "default_provider"
        return None, "fallback"

    def record_key(self, config_key: str, provider: str) -> tuple[str, bool]:
        """The provider configuration a resource uses, as a key of the plan's
        `provider_config` (or the key itself when the plan has no such block: the
        provider is then configured by its environment alone), and whether it is the
        default configuration standing in for a key the plan does not have."""
        for key in candidate_keys(config_key):
            if key in self._settings:
                return key, False
        if provider in self._settings:
            return provider, True
        return config_key, False

    def settings_of(self, key: str) -> ProviderSettings | None:
        return self._settings.get(key)

    def expressions(self, address: str) -> Mapping[str, Any]:
        return self._expressions.get(config_address(address), {})

    def of_resource(self, address: str, provider: str) -> tuple[str, Mapping[str, Any]]:
        """(config_key, configuration expressions) of a resource: `config_key` and
        `expressions` with the address's instance keys removed once."""
        base = config_address(address)
        return self._config_keys.get(base) or provider, self._expressions.get(base, {})


def candidate_keys(config_key: str) -> list[str]:
    # Terraform 0.12/0.13 write module-local keys as "module.child:aws" or "child:aws".
    keys = [config_key]
    if ":" in config_key:
        module, local = config_key.rsplit(":", 1)
        if not module.startswith("module."):
            keys.append(f"module.{module}:{local}")
    return keys


# An instance key: from `[` to the `]` that closes it, where a `]` inside a quoted string
# (backslash escapes included) does not count; an unclosed key runs to the end.
_INSTANCE_KEY = re.compile(r'\[(?:[^\]"]|"(?:[^"\\]|\\[\s\S]?)*(?:"|\Z))*(?:\]|\Z)')


def config_address(address: str) -> str:
    """`module.a[0].module.b["x"].aws_instance.web[2]` -> `module.a.module.b.aws_instance.web`."""
    if "[" not in address:
        return address
    return _INSTANCE_KEY.sub("", address)


def _index_resources(
    module: PlanModuleConfig,
    prefix: str,
    config_keys: dict[str, str],
    expressions: dict[str, dict[str, Any]],
) -> None:
    """Each resource of `module` and of the modules it calls, by configuration address,
    into `config_keys` (its provider configuration key, when the plan gives one) and
    `expressions`: one walk, each entry written once (a later duplicate wins)."""
    for resource in module.resources:
        address = prefix + resource.address
        if resource.provider_config_key:
            config_keys[address] = resource.provider_config_key
        expressions[address] = resource.expressions
    for name, call in module.module_calls.items():
        _index_resources(call.module, f"{prefix}module.{name}.", config_keys, expressions)
