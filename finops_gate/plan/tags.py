"""Effective tags of a resource: `tags_all` when known, else default_tags under `tags`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def effective_tags(
    values: Mapping[str, Any] | None,
    unknown: Mapping[str, Any],
    default_tags: Mapping[str, str],
) -> tuple[dict[str, str | None], bool]:
    """Return (tags, all_known); a tag whose value is unknown until apply maps to None."""
    if values is None or not is_taggable(values, unknown):
        return {}, True  # default_tags do not apply to a type without tags
    tags_all = values.get("tags_all")
    unknown_all = unknown.get("tags_all")
    if isinstance(tags_all, dict) and unknown_all is not True:
        merged = _with_unknown(tags_all, unknown_all)
    else:
        merged = dict(default_tags)
        unknown_tags = unknown.get("tags")
        if unknown_tags is True:
            return merged, False
        tags = values.get("tags")
        if tags or unknown_tags:  # most resources have no tags of their own
            merged.update(_with_unknown(tags if isinstance(tags, dict) else {}, unknown_tags))
    return merged, None not in merged.values()


def is_taggable(values: Mapping[str, Any], unknown: Mapping[str, Any]) -> bool:
    """The plan lists every schema attribute, so a type with tags has a `tags` key
    (in the values, or in the unknown markers when its value is unknown)."""
    return "tags" in values or "tags_all" in values or "tags" in unknown or "tags_all" in unknown


def _with_unknown(tags: Mapping[str, Any], unknown: Any) -> dict[str, str | None]:
    if not unknown or not isinstance(unknown, dict):  # every tag known: the usual case
        return {str(key): str(value) for key, value in tags.items() if value is not None}
    unknown_keys = {k for k, v in unknown.items() if v is True}
    result: dict[str, str | None] = {}
    for key, value in tags.items():
        if key in unknown_keys:
            result[str(key)] = None
        elif value is not None:
            result[str(key)] = str(value)
    for key in unknown_keys - set(tags):
        result[str(key)] = None
    return result
