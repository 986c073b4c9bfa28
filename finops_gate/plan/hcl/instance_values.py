"""The values evaluating a module instance gives besides plain HCL values: nested blocks,
the blocks a `dynamic` block generates, resources and data sources as other expressions
see them, and the instance addresses count and for_each give."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from finops_gate.plan.hcl.values import ResourceValue, Unknown

# Arguments and nested blocks of a resource that configure terraform, not the resource.
META_ATTRIBUTES = frozenset({"count", "for_each", "provider", "depends_on"})
META_BLOCKS = frozenset({"lifecycle", "provisioner", "connection", "precondition", "postcondition"})
NO_INDEX = object()  # the index of a block with neither count nor for_each


class BlockList(list[Any]):
    """The evaluated nested blocks of one type (as opposed to a list-valued attribute)."""


class DynamicContent(dict[str, Any]):
    """One block a `dynamic` block generated (no static block of the body matches it)."""


class UnreadDataValue(ResourceValue):
    """A data source HCL mode does not read: every attribute is unknown."""

    def attribute(self, name: str) -> Any:
        return Unknown(f"data source {self.address} is not read in HCL mode")


class AnsweredDataValue(ResourceValue):
    """A data source HCL mode answers offline (see datasources.py)."""

    def attribute(self, name: str) -> Any:
        if name in self:
            return self[name]
        return Unknown(f"{self.address}.{name} is not known without reading the data source")


def resource_value(address: str, values: Mapping[str, Any]) -> ResourceValue:
    value = ResourceValue(values)
    value.address = address
    return value


def data_instance(value: ResourceValue, address: str, index: Any) -> ResourceValue:
    value.address = instance_address(address, index)
    return value


def instance_address(base: str, index: Any) -> str:
    """`base`, `base[0]` or `base["key"]`, as terraform writes an instance's address."""
    if index is NO_INDEX:
        return base
    if isinstance(index, int):
        return f"{base}[{index}]"
    return f"{base}[{json.dumps(index, ensure_ascii=False)}]"
