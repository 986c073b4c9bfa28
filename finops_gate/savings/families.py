"""The equivalence tables of the instance-family checks, read from
`finops_gate/savings/data/instance_families.json` (data, with its sources)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from finops_gate.records import record

TABLE_FILE = Path(__file__).resolve().parent / "data" / "instance_families.json"


@record(slots=True)
class FamilyTables:
    previous_generation: Mapping[str, Mapping[str, str]]  # service -> family -> family
    graviton: Mapping[str, Mapping[str, str]]
    graviton_rds_engines: frozenset[str]


@lru_cache(maxsize=1)
def tables() -> FamilyTables:
    data = json.loads(TABLE_FILE.read_text(encoding="utf-8"))
    return FamilyTables(
        data["previous_generation"], data["graviton"], frozenset(data["graviton_rds_engines"])
    )


# How services spell a type around its family and size: RDS `db.m5.large`, ElastiCache
# `cache.m5.large`, MSK `kafka.m5.large`, OpenSearch `m5.large.search` (older domains
# `m5.large.elasticsearch`).
PREFIXES = ("db.", "cache.", "kafka.")
SUFFIXES = (".search", ".elasticsearch")


def split_type(instance_type: str) -> tuple[str, str, str, str] | None:
    """`m5.large` -> ("", "m5", "large", ""); `db.m5.large` -> ("db.", "m5", "large", "");
    `m5.large.search` -> ("", "m5", "large", ".search")."""
    prefix = suffix = ""  # most types (EC2's) have neither: tested at once first
    if instance_type.startswith(PREFIXES):
        prefix = next(p for p in PREFIXES if instance_type.startswith(p))
    if instance_type.endswith(SUFFIXES):
        suffix = next(s for s in SUFFIXES if instance_type.endswith(s))
    parts = instance_type[len(prefix) : len(instance_type) - len(suffix)].split(".")
    if len(parts) != 2 or not all(parts):
        return None
    return prefix, parts[0], parts[1], suffix


def equivalent(instance_type: str, table: Mapping[str, str]) -> str | None:
    """The same size in the family `table` maps this one's to (None: no entry)."""
    parts = split_type(instance_type)
    if parts is None:
        return None
    prefix, family, size, suffix = parts
    target = table.get(family)
    return f"{prefix}{target}.{size}{suffix}" if target else None
