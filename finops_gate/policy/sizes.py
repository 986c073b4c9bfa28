"""Instance types as data: where each resource type keeps them, how sizes are ordered, and
which families are a previous generation.

Sizes are ordered nano < micro < small < medium < large < xlarge < 2xlarge < 3xlarge < ...
< 48xlarge < metal (`metal-24xl` and the like count as metal). Redshift's `xlplus` sits
between xlarge and 2xlarge.

Previous-generation families, per service, are the families whose every type the AWS Price
List marks `currentGeneration: No` (EC2 as of 2024-04, RDS and ElastiCache as published
with those price lists). They are data, not guesses: extend the sets below when AWS moves a
family.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from finops_gate.records import record

SIZE_ORDER = ("nano", "micro", "small", "medium", "large", "xlarge", "metal")

PREVIOUS_GENERATION: Mapping[str, frozenset[str]] = {
    "ec2": frozenset(
        {"a1", "c1", "c3", "cc2", "cr1", "d2", "g2", "hs1", "i2", "m1", "m2", "m3", "r3", "t1"}
    ),
    "rds": frozenset({"m1", "m2", "m3", "m4", "r3", "r4", "t1", "t2"}),
    "elasticache": frozenset({"c1", "m1", "m2", "m3", "r3", "t1"}),
}

# resource type -> (service, attribute paths); a path walks dicts and every list item.
SIZE_ATTRIBUTES: Mapping[str, tuple[str, tuple[tuple[str, ...], ...]]] = {
    "aws_instance": ("ec2", (("instance_type",),)),
    "aws_spot_instance_request": ("ec2", (("instance_type",),)),
    "aws_launch_template": ("ec2", (("instance_type",),)),
    "aws_launch_configuration": ("ec2", (("instance_type",),)),
    "aws_autoscaling_group": (
        "ec2",
        (("mixed_instances_policy", "launch_template", "override", "instance_type"),),
    ),
    "aws_eks_node_group": ("ec2", (("instance_types",),)),
    "aws_db_instance": ("rds", (("instance_class",),)),
    "aws_rds_cluster_instance": ("rds", (("instance_class",),)),
    "aws_rds_cluster": ("rds", (("db_cluster_instance_class",),)),
    "aws_docdb_cluster_instance": ("rds", (("instance_class",),)),
    "aws_neptune_cluster_instance": ("rds", (("instance_class",),)),
    "aws_elasticache_cluster": ("elasticache", (("node_type",),)),
    "aws_elasticache_replication_group": ("elasticache", (("node_type",),)),
    "aws_opensearch_domain": (
        "opensearch",
        (
            ("cluster_config", "instance_type"),
            ("cluster_config", "dedicated_master_type"),
            ("cluster_config", "warm_type"),
        ),
    ),
    "aws_elasticsearch_domain": (
        "opensearch",
        (
            ("cluster_config", "instance_type"),
            ("cluster_config", "dedicated_master_type"),
            ("cluster_config", "warm_type"),
        ),
    ),
    "aws_redshift_cluster": ("redshift", (("node_type",),)),
    "aws_msk_cluster": ("msk", (("broker_node_group_info", "instance_type"),)),
}

_PREFIXES = ("db.", "cache.", "kafka.")
_SUFFIXES = (".search", ".elasticsearch")


@record(slots=True)
class InstanceType:
    attribute: str  # e.g. "instance_type" or "cluster_config.instance_type"
    value: str | None  # None: unknown until apply
    service: str

    @property
    def family(self) -> str | None:
        return family_of(self.value) if self.value else None

    @property
    def size(self) -> str | None:
        return size_of(self.value) if self.value else None


def _strip(value: str) -> str:
    for prefix in _PREFIXES:
        if value.startswith(prefix):
            value = value[len(prefix) :]
    for suffix in _SUFFIXES:
        if value.endswith(suffix):
            value = value[: -len(suffix)]
    return value


def family_of(value: str) -> str | None:
    """`m5` for m5.large, db.m5.large, cache.m5.large, m5.large.search, kafka.m5.large."""
    family, dot, _ = _strip(value).partition(".")
    return family if dot else None


def size_of(value: str) -> str | None:
    """`large` for m5.large and db.m5.large; None when there is no size part."""
    _, dot, size = _strip(value).partition(".")
    return size if dot and size else None


def size_rank(size: str) -> tuple[int, float] | None:
    """A sort key for sizes; None for a size this ordering does not know."""
    if size.startswith("metal"):
        return (len(SIZE_ORDER) - 1, 0.0)
    if size == "xlplus":
        return (SIZE_ORDER.index("xlarge"), 1.5)
    if size in SIZE_ORDER:
        return (SIZE_ORDER.index(size), 1.0)
    match = re.fullmatch(r"([0-9]+)xlarge", size)
    if match:
        return (SIZE_ORDER.index("xlarge"), float(match.group(1)))
    return None


def is_previous_generation(value: str, service: str) -> bool:
    family = family_of(value)
    return family is not None and family in PREVIOUS_GENERATION.get(service, frozenset())


def instance_types(
    resource_type: str,
    values: Mapping[str, Any],
    unknown: Mapping[str, Any],
    configured: Mapping[str, Any] | None = None,
) -> list[InstanceType]:
    """Every instance type a resource asks for; an unknown value is listed with None.

    `configured` is the resource's configuration expressions, when the plan has them: an
    attribute that is unknown only because the provider computes it, and that the
    configuration does not set, is not an instance type anyone asked for.
    """
    return list(_asked_types(resource_type, values, unknown, configured))


def asks_for_instance_type(
    resource_type: str,
    values: Mapping[str, Any],
    unknown: Mapping[str, Any],
    configured: Mapping[str, Any] | None = None,
) -> bool:
    """`instance_types(...)` is not empty, found by stopping at the first type (a policy
    asks this of every resource before checking the same ones)."""
    return next(_asked_types(resource_type, values, unknown, configured), None) is not None


def _asked_types(
    resource_type: str,
    values: Mapping[str, Any],
    unknown: Mapping[str, Any],
    configured: Mapping[str, Any] | None,
) -> Iterator[InstanceType]:
    spec = SIZE_ATTRIBUTES.get(resource_type)
    if spec is None:
        return
    service, paths = spec
    for path in paths:
        key = path[0]
        marker = unknown.get(key)
        if configured and marker is True and key not in configured:
            continue
        if len(path) == 1 and marker is not True:
            value = values.get(key)
            if isinstance(value, str):
                # A type written in a top-level attribute, the usual case: no walk.
                if value:
                    yield InstanceType(key, value, service)
                continue
        name = ".".join(path)
        for value in _walk(values, unknown, path):
            yield InstanceType(name, value, service)


def _walk(value: Any, unknown: Any, path: tuple[str, ...]) -> Iterator[str | None]:
    if unknown is True:
        yield None
        return
    if not path:
        if isinstance(value, str) and value:
            yield value
        elif isinstance(value, list):
            for index, item in enumerate(value):
                marker = (
                    unknown[index] if isinstance(unknown, list) and index < len(unknown) else None
                )
                yield from _walk(item, marker, ())
        return
    if isinstance(value, list):
        for index, item in enumerate(value):
            marker = unknown[index] if isinstance(unknown, list) and index < len(unknown) else None
            yield from _walk(item, marker, path)
        return
    if isinstance(value, Mapping):
        key = path[0]
        marker = unknown.get(key) if isinstance(unknown, Mapping) else None
        yield from _walk(value.get(key), marker, path[1:])
        return
    if value is None and isinstance(unknown, Mapping) and unknown.get(path[0]) is True:
        yield None
