"""Resource records: one evaluated resource instance becomes the `Resource` a plan would
give, with `after` and `after_unknown` split as terraform writes them, the schema's
defaults and computed attributes, tags merged with the provider's default_tags, and the
region its provider configuration gives."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.plan.hcl import provider_schema
from finops_gate.plan.hcl.evaluation_context import Context, UnknownValue
from finops_gate.plan.hcl.instance_values import NO_INDEX, BlockList
from finops_gate.plan.hcl.provider_blocks import ProviderInstance
from finops_gate.plan.hcl.reference_walk import config_expressions
from finops_gate.plan.hcl.syntax import Block
from finops_gate.plan.hcl.values import Unknown, contains_unknown, to_string, type_name
from finops_gate.plan.resource import Action, ProviderRegion, Resource
from finops_gate.plan.tags import effective_tags


def record_resource(
    context: Context,
    prefix: str,
    block: Block,
    resource_type: str,
    name: str,
    index: Any,
    address: str,
    values: dict[str, Any],
    provider: ProviderInstance | None,
    region_source: str,
) -> None:
    """Add the record of one instance of `block` (in the module instance at `prefix`) to
    `context.resources`, its unknown values to `context.unknowns`."""
    tags = values.get("tags")
    if tags is not None and not isinstance(tags, (dict, Unknown)):
        # Terraform would refuse the plan; here the tags are just not known.
        values = {**values, "tags": Unknown(f"tags must be a map, not a {type_name(tags)}")}
    after, unknown = split_after_unknown(values, resource_type)
    for attribute, value in values.items():
        found = contains_unknown(value)
        if found is not None:
            source = block.body.attributes.get(attribute)
            line = source.line if source else block.line
            context.unknowns.append(
                UnknownValue(f"{address}.{attribute}", f"{block.file}:{line}", found.reason)
            )
    for attribute, default in provider_schema.DEFAULTS.get(resource_type, {}).items():
        if attribute not in after and attribute not in unknown:
            after[attribute] = default
    for attribute in provider_schema.computed_attributes(resource_type):
        if after.get(attribute) is None and attribute not in unknown:
            after.pop(attribute, None)
            unknown[attribute] = True
    default_tags: Any = provider.default_tags if provider else {}
    if not isinstance(default_tags, (dict, Unknown)):
        default_tags = Unknown("default_tags tags must be a map")
    tags_value = after.get("tags")
    if isinstance(tags_value, dict):  # map(string): terraform converts the values
        after["tags"] = {
            k: v if v is None or isinstance(v, (dict, list)) else to_string(v)
            for k, v in tags_value.items()
        }
    if provider_schema.taggable(resource_type):
        if "tags" not in unknown:
            after.setdefault("tags", None)
        unknown.pop("tags_all", None)
        after.pop("tags_all", None)
        if unknown.get("tags") is True or isinstance(default_tags, Unknown):
            unknown["tags_all"] = True
        else:
            merged = dict(default_tags)
            merged.update(after.get("tags") or {})
            if merged:
                after["tags_all"] = merged
            else:  # as the provider plans it: computed when there is nothing to merge
                unknown["tags_all"] = True
    region = provider.region if provider else None
    if isinstance(region, Unknown):
        context.unknowns.append(
            UnknownValue(f"{address} region", f"{block.file}:{block.line}", region.reason)
        )
        region = None
    evidence = "the provider block"
    if not isinstance(region, str) or not region:
        region, region_source, evidence = context.default_region
    own_region = after.get("region")
    if isinstance(own_region, str) and own_region:
        region, region_source = own_region, "resource"
    else:
        key = provider.key if provider else resource_type.split("_", 1)[0]
        from_block = "provider" if region_source == "default_provider" else region_source
        context.provider_regions.setdefault(
            key, ProviderRegion(key, region, from_block, evidence)
        )
    tags, tags_known = effective_tags(
        after, unknown, default_tags if isinstance(default_tags, dict) else {}
    )
    if isinstance(default_tags, Unknown):
        tags_known = False
    context.resources.append(
        Resource(
            address=address,
            module_address=prefix[:-1] or None,
            type=resource_type,
            name=name,
            index=None if index is NO_INDEX else index,
            provider=resource_type.split("_", 1)[0],
            actions=("create",),
            action=Action.CREATE,
            before=None,
            after=after,
            after_unknown=unknown,
            region=region,
            region_source=region_source,
            tags=tags,
            tags_known=tags_known,
            config_expressions=config_expressions(block.body, prefix, values),
            source_file=block.file,
            source_line=block.line,
        )
    )


def split_after_unknown(
    values: Mapping[str, Any], resource_type: str = ""
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(after, after_unknown) as terraform writes them. Like the AWS provider (SDKv2), an
    attribute whose value holds any unknown (a map with an unknown value, a set of ids
    one of which is unknown) is wholly unknown, and so is a set of nested blocks whose
    elements cannot be told apart (provider_schema.set_block_unknown); other nested
    blocks are split item by item."""
    after: dict[str, Any] = {}
    unknown: dict[str, Any] = {}
    for name, value in values.items():
        if isinstance(value, BlockList) and provider_schema.set_block_unknown(
            resource_type, name, value
        ):
            unknown[name] = True
        elif isinstance(value, BlockList):
            items_after: list[Any] = []
            items_unknown: list[Any] = []
            for item in value:
                if isinstance(item, dict):
                    item_after, item_unknown = split_after_unknown(item)
                else:
                    item_after, item_unknown = item, {}
                items_after.append(item_after)
                items_unknown.append(item_unknown)
            after[name] = items_after
            if any(items_unknown):
                unknown[name] = items_unknown
        elif contains_unknown(value) is not None:
            unknown[name] = True
        else:
            after[name] = value
    return after, unknown

