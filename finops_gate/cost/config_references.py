"""The `references` of a resource's configuration expressions, by attribute name.

A plan's `configuration` gives each attribute as `{"references": [...]}` or
`{"constant_value": ...}`, and nested blocks as lists of such mappings. Walking them is
a large share of a run on a big plan (about eight dicts and lists per resource), so the
walk tells the plan's JSON types apart by exact type (the check against `Mapping` is
slow) and steps over the commonest leaves, a constant scalar and a list of reference
strings, without a call. Any other mapping or list is walked the same way.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

NamedReferences = tuple[tuple[str, tuple[str, ...]], ...]
"""(attribute name, its non-empty `references`) pairs of one resource's configuration."""

_SCALARS = frozenset({str, int, float, bool, type(None)})
_ABSENT = object()  # not a scalar: `{"constant_value": ...}` with no such key


def references_by_attribute(expressions: Any) -> NamedReferences:
    """(attribute name, its non-empty `references`) for every attribute at any depth, in
    the configuration's order; a reference that is not a string is left out."""
    found: list[tuple[str, tuple[str, ...]]] = []
    _walk(expressions, "", found)
    return tuple(found) if found else ()


Found = list[tuple[str, tuple[str, ...]]]


def _walk(expressions: Any, name: str, found: Found) -> None:
    if type(expressions) is dict or isinstance(expressions, Mapping):
        _walk_mapping(expressions, name, found)
    elif isinstance(expressions, list):
        _walk_list(expressions, name, found)


def _walk_mapping(node: Mapping[Any, Any], name: str, found: Found) -> None:
    references = node.get("references")
    plain = None  # the references list, when walking it could find nothing more
    if isinstance(references, list):
        strings = tuple([ref for ref in references if isinstance(ref, str)])
        if strings:
            found.append((name, strings))
        if len(strings) == len(references):
            plain = references
    for key, value in node.items():
        kind = type(value)
        if kind is dict:
            if len(value) == 1:
                # the commonest attributes, read without a call: a constant scalar, a
                # list of reference strings
                if type(value.get("constant_value", _ABSENT)) in _SCALARS:
                    continue
                only = value.get("references")
                if type(only) is list:
                    strings = tuple([ref for ref in only if isinstance(ref, str)])
                    if len(strings) == len(only):
                        if strings:
                            found.append((key if type(key) is str else str(key), strings))
                        continue
            _walk_mapping(value, key if type(key) is str else str(key), found)
        elif kind is list:
            if value is not plain:
                _walk_list(value, key if type(key) is str else str(key), found)
        elif kind not in _SCALARS:
            if isinstance(value, Mapping):
                _walk_mapping(value, str(key), found)
            elif isinstance(value, list):
                _walk_list(value, str(key), found)


def _walk_list(items: list[Any], name: str, found: Found) -> None:
    for item in items:
        kind = type(item)
        if kind in _SCALARS:
            continue
        if kind is dict or (kind is not list and isinstance(item, Mapping)):
            _walk_mapping(item, name, found)
        elif isinstance(item, list):
            _walk_list(item, name, found)
