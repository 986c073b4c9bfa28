"""Provider configurations of a module instance: `provider` blocks (alias, region,
default_tags), those a module call passes down (its `providers` map, else the parent's
default ones), and which configuration a resource or data block uses."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from finops_gate.plan.hcl.reference_walk import strip_expr, traversal_name
from finops_gate.plan.hcl.syntax import Block, Node, subtrees
from finops_gate.plan.hcl.values import Unknown, contains_unknown, to_string
from finops_gate.records import record


@record(frozen=False, slots=True)
class ProviderInstance:
    key: str
    region: Any  # str | None | Unknown
    default_tags: Any  # dict | Unknown


def provider_instance(block: Block, evaluate: Callable[[Node], Any]) -> ProviderInstance:
    """A `provider` block, its expressions evaluated by `evaluate` (unknown on error)."""
    name = block.labels[0]
    alias_attr = block.body.attributes.get("alias")
    alias = evaluate(alias_attr.expr) if alias_attr else None
    key = f"{name}.{alias}" if isinstance(alias, str) else name
    region_attr = block.body.attributes.get("region")
    region = evaluate(region_attr.expr) if region_attr else None
    tags: Any = {}
    for default_tags in block.body.blocks_of("default_tags"):
        tag_attr = default_tags.body.attributes.get("tags")
        value = evaluate(tag_attr.expr) if tag_attr else {}
        if isinstance(value, Unknown) or contains_unknown(value) is not None:
            tags = contains_unknown(value)
        elif isinstance(value, dict) and isinstance(tags, dict):
            tags.update(
                {k: to_string(v) for k, v in value.items() if isinstance(v, (str, int, float))}
            )
    return ProviderInstance(key, region, tags)


def child_providers(
    providers: Mapping[str, ProviderInstance], block: Block
) -> dict[str, ProviderInstance]:
    """The provider configurations a module call (`block`) gives its module."""
    inherited = {k: v for k, v in providers.items() if "." not in k}
    mapping = block.body.attributes.get("providers")
    if mapping is None:
        return inherited
    for element in subtrees(strip_expr(mapping.expr)):
        parts = subtrees(element)
        if len(parts) < 2:
            continue
        child_key = traversal_name(parts[0])
        parent_key = traversal_name(parts[-1])
        if parent_key in providers:
            inherited[child_key] = providers[parent_key]
    return inherited


def choose_provider(
    providers: Mapping[str, ProviderInstance], block: Block, resource_type: str
) -> tuple[ProviderInstance | None, str]:
    """The configuration a resource or data block uses, and how it was chosen."""
    provider_attr = block.body.attributes.get("provider")
    local_name = resource_type.split("_", 1)[0]
    key = traversal_name(provider_attr.expr) if provider_attr else local_name
    if key in providers:
        return providers[key], "provider"
    if local_name in providers:
        return providers[local_name], "default_provider"
    return None, "fallback"
