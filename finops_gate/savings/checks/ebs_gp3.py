"""ebs-gp3: gp2 volumes -> gp3, with gp2's performance matched.

Looks at `aws_ebs_volume` (`type`), the `root_block_device` and each `ebs_block_device` of
`aws_instance` (`volume_type`), the `block_device_mappings` of `aws_launch_template`
(saving per instance launched from it), and `aws_db_instance` (`storage_type`), when the
plan says gp2 and the size is known (a type or size left to the AMI or known only after
apply is not guessed).

gp3 includes 3,000 IOPS and 125 MiB/s. A gp2 volume has a baseline of 3 IOPS per GiB
(at least 100, at most 16,000) and up to 128 MiB/s (250 MiB/s above 170 GiB), so the
suggested gp3 volume provisions the IOPS and throughput above gp3's baseline that gp2
had, and the saving is the price difference after paying for them. EBS:
https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html. RDS gp3 includes
3,000 IOPS (12,000 from 400 GiB); RDS gp2's baseline is 3 IOPS per GiB (at least 100):
https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html. RDS prices gp2
and gp3 storage alike in most regions, so an RDS suggestion is rare.

Silent when gp3 is not cheaper: a gp2 volume of 5 GiB costs less than a 5 GiB gp3 volume
with 128 MiB/s.

PASS: `type = "gp3"`; a 5 GiB gp2 volume.
FAIL (a suggestion): `type = "gp2"`, `size = 100` in us-east-1: $10.00 -> $8.00 + 3 MiB/s
x $0.04 = $8.12, saving $1.88/month.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.model import ResourceCost
from finops_gate.savings._attributes import (
    blocks,
    is_unknown,
    known_number,
    known_string,
    with_block_values,
    with_values,
)
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "ebs-gp3"
TITLE = "EBS gp2 to gp3"
RESOURCE_TYPES = ("aws_ebs_volume", "aws_instance", "aws_db_instance", "aws_launch_template")
CAVEAT = (
    "gp3 is changed in place, without downtime; the IOPS and throughput are set to match "
    "gp2's baseline"
)

TEMPLATE_CAVEAT = (
    "per instance launched from the template: instances launched after the change get gp3"
)

GP3_FREE_IOPS = 3000
GP3_FREE_THROUGHPUT = 125
GP2_IOPS_PER_GB = 3
GP2_MIN_IOPS = 100
GP2_MAX_IOPS = 16000
GP2_SMALL_THROUGHPUT = 128  # MiB/s up to 170 GiB
GP2_LARGE_THROUGHPUT = 250
GP2_SMALL_THROUGHPUT_MAX_GB = 170
RDS_GP3_LARGE_GB = 400
RDS_GP3_LARGE_IOPS = 12000
RDS_GP2_MAX_IOPS = 64000


def gp2_iops(size_gb: float, maximum: float = GP2_MAX_IOPS) -> float:
    return min(max(GP2_IOPS_PER_GB * size_gb, GP2_MIN_IOPS), maximum)


def gp2_throughput(size_gb: float) -> float:
    if size_gb <= GP2_SMALL_THROUGHPUT_MAX_GB:
        return GP2_SMALL_THROUGHPUT
    return GP2_LARGE_THROUGHPUT


def gp3_settings(size_gb: float) -> dict[str, float]:
    """The gp3 IOPS and throughput that match a gp2 volume of `size_gb`."""
    return {
        "iops": max(GP3_FREE_IOPS, gp2_iops(size_gb)),
        "throughput": max(GP3_FREE_THROUGHPUT, gp2_throughput(size_gb)),
    }


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    if resource.type == "aws_ebs_volume":
        return _volume(after, resource.after_unknown)
    if resource.type == "aws_db_instance":
        return _database(after)
    if resource.type == "aws_launch_template":
        return _template_disks(after)
    return _instance_disks(after, resource.after_unknown)


def _volume(after: Mapping[str, Any], unknown: Mapping[str, Any]) -> list[Suggestion]:
    size = known_number(after, "size")
    if known_string(after, "type") != "gp2" or size is None or is_unknown(unknown, "size"):
        return []
    changed = with_values(after, type="gp3", **gp3_settings(size))
    return [Suggestion("type", "gp2", _gp3_text(size), changed, CAVEAT)]


def _instance_disks(after: Mapping[str, Any], unknown: Mapping[str, Any]) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    for name in ("root_block_device", "ebs_block_device"):
        for index, block in enumerate(blocks(after, name)):
            size = known_number(block, "volume_size")
            if known_string(block, "volume_type") != "gp2" or not size:
                continue
            if is_unknown(unknown, name, index):
                continue
            changed = with_block_values(
                after, name, index, volume_type="gp3", **gp3_settings(size)
            )
            label = name if name == "root_block_device" else f"{name}[{index}]"
            suggestions.append(
                Suggestion(f"{label}.volume_type", "gp2", _gp3_text(size), changed, CAVEAT)
            )
    return suggestions


def _template_disks(after: Mapping[str, Any]) -> list[Suggestion]:
    """A launch template is not billed itself: each gp2 device is priced as one volume,
    the saving per instance launched from the template."""
    suggestions: list[Suggestion] = []
    for index, mapping in enumerate(blocks(after, "block_device_mappings")):
        for ebs in blocks(mapping, "ebs")[:1]:
            size = known_number(ebs, "volume_size")
            if known_string(ebs, "volume_type") != "gp2" or not size:
                continue
            settings = gp3_settings(size)
            now = volume_components("Volume", "gp2", size)
            then = volume_components(
                "Volume", "gp3", size, settings["iops"], settings["throughput"]
            )
            suggestions.append(
                Suggestion(
                    f"block_device_mappings[{index}].ebs.volume_type",
                    "gp2",
                    _gp3_text(size),
                    None,
                    TEMPLATE_CAVEAT,
                    parts=(tuple(now), tuple(then)),
                )
            )
    return suggestions


def _database(after: Mapping[str, Any]) -> list[Suggestion]:
    size = known_number(after, "allocated_storage")
    if known_string(after, "storage_type") != "gp2" or size is None:
        return []
    baseline = RDS_GP3_LARGE_IOPS if size >= RDS_GP3_LARGE_GB else GP3_FREE_IOPS
    needed = gp2_iops(size, RDS_GP2_MAX_IOPS)
    changes: dict[str, Any] = {"storage_type": "gp3", "iops": None}
    text = "gp3"
    if needed > baseline:
        changes["iops"] = needed
        text = f"gp3 with iops = {needed:g}"
    caveat = (
        "RDS applies the change in place; below 400 GiB gp3 runs at its 3,000 IOPS and "
        "125 MiB/s baseline"
    )
    return [Suggestion("storage_type", "gp2", text, with_values(after, **changes), caveat)]


def _gp3_text(size: float) -> str:
    settings = gp3_settings(size)
    extras = []
    if settings["iops"] > GP3_FREE_IOPS:
        extras.append(f"iops = {settings['iops']:g}")
    if settings["throughput"] > GP3_FREE_THROUGHPUT:
        extras.append(f"throughput = {settings['throughput']:g}")
    return "gp3" + (f" with {', '.join(extras)}" if extras else "")
