"""Terraform sets among the evaluator's values."""

from __future__ import annotations

from typing import Any


class SetList(list[Any]):
    """A Terraform set (from `toset`, `setunion`, `fileset`, ...): in a `for` expression
    each element is both the key and the value, not an index and a value."""
