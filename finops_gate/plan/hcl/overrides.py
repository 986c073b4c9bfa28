"""Terraform's override files (`override.tf`, `*_override.tf` and their `.tf.json` forms).

Terraform reads them last, in lexical order, and merges each of their blocks into the
block of the same type and labels that the other files define:

- attributes replace the original's attribute of the same name;
- a nested block replaces *every* original nested block of that type (a `dynamic "x"`
  block counts as a block of type `x`), except `lifecycle`, merged attribute by attribute;
- `provider` blocks match by name and `alias`; `locals` entries replace by name.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.plan.hcl.syntax import Attribute, Block, Body

MERGED_BLOCK_TYPES = frozenset({"lifecycle"})


def is_override_file(name: str) -> bool:
    stem = name.removesuffix(".json").removesuffix(".tf")
    return stem == "override" or stem.endswith("_override")


def merge_block(original: Block, override: Block) -> Block:
    """`original` with `override` merged into it (neither is changed)."""
    return replace(original, body=merge_body(original.body, override.body))


def merge_body(original: Body, override: Body) -> Body:
    attributes: dict[str, Attribute] = dict(original.attributes)
    attributes.update(override.attributes)
    replaced = {_nested_type(block) for block in override.blocks} - MERGED_BLOCK_TYPES
    blocks = [block for block in original.blocks if _nested_type(block) not in replaced]
    for block in override.blocks:
        kind = _nested_type(block)
        if kind in MERGED_BLOCK_TYPES:
            same = next((b for b in blocks if b.type == block.type), None)
            if same is not None:
                blocks[blocks.index(same)] = merge_block(same, block)
                continue
        blocks.append(block)
    return Body(attributes, blocks)


def _nested_type(block: Block) -> str:
    if block.type == "dynamic" and block.labels:
        return block.labels[0]
    return block.type
