"""Request counts billed in size chunks (SQS, SNS: 64 KB; API Gateway: 512 KB / 32 KB)."""

from __future__ import annotations

import math

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView


def chunked_requests(
    view: AttributeView,
    name: str,
    price_key: str,
    count_key: str,
    size_key: str | tuple[str, ...],
    chunk: float,
    per: float = 1e6,
    unit: str = "1M requests",
) -> ComponentSpec:
    """`count_key` requests, each counting once per started `chunk` of `size_key` (the
    first of several names that is set)."""
    count = view.usage_number(count_key)
    size_keys = (size_key,) if isinstance(size_key, str) else size_key
    size, size_key = None, size_keys[0]
    for candidate in size_keys:
        size = view.usage_number(candidate)
        if size is not None:
            size_key = candidate
            break
    chunks = max(1, math.ceil(size / chunk)) if size else 1
    quantity = None if count is None else count * chunks / per
    note = None
    if count is not None:
        note = f"from the usage file: {count_key} = {number_text(count)}"
        if chunks > 1 and size is not None:
            note += f", each billed as {chunks} ({size_key} = {number_text(size)})"
    return ComponentSpec(name, unit, price_key, quantity, usage_based=True, note=note)
