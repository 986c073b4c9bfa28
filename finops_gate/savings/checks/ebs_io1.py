"""ebs-io1: io1 volumes -> gp3 when the provisioned performance fits gp3's limits, else
-> io2, whose IOPS above 32,000 cost less (IOPS tiers).

Looks at `aws_ebs_volume` with `type = "io1"`, a known `size` and `iops`; the same rules
apply to the `root_block_device` and each `ebs_block_device` of `aws_instance`
(`volume_type`, `volume_size`, `iops`) and to the `block_device_mappings` of
`aws_launch_template` (not billed itself: each io1 device priced as one volume in the
template's region, the saving per instance launched from it). gp3 fits when
the IOPS are at most 16,000 and at most 500 per GiB: the suggested gp3 volume keeps the
IOPS and provisions the throughput io1 reaches at those IOPS (256 KiB per I/O, 0.25 MiB/s
per IOPS, at most 1,000 MiB/s; at least gp3's free 125), so the saving is never
overstated. Above that, io2 keeps the IOPS at its tiered rates (32,001-64,000 at the
second tier). Silent when the suggested volume is not cheaper.

PASS: `type = "io2"`; an io1 volume of 20,000 IOPS and 200 GiB (too many IOPS for gp3,
and io2 costs the same below 32,000 IOPS).
FAIL (a suggestion): io1, 100 GiB, 4,000 IOPS in us-east-1: $12.50 + 4,000 x $0.065 =
$272.50 now; gp3 $8.00 + 1,000 IOPS x $0.005 + 875 MiB/s x $0.04 = $48.00, saving
$224.50/month. io1, 1,000 GiB, 50,000 IOPS: io2 charges 18,000 IOPS at $0.0455 instead of
$0.065, saving $351.00/month.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.model import ResourceCost
from finops_gate.records import record
from finops_gate.savings._attributes import (
    blocks,
    is_unknown,
    known_number,
    known_string,
    with_block_values,
    with_values,
)
from finops_gate.savings.model import SavingsContext, Suggestion

ID = "ebs-io1"
TITLE = "EBS io1 to gp3 or io2"
RESOURCE_TYPES = ("aws_ebs_volume", "aws_instance", "aws_launch_template")
GP3_MAX_IOPS = 16000
GP3_IOPS_PER_GIB = 500
GP3_FREE_IOPS = 3000
GP3_FREE_THROUGHPUT = 125
GP3_MAX_THROUGHPUT = 1000
MIB_PER_IOPS = 0.25  # 256 KiB I/Os
GP3_CAVEAT = (
    "changed in place; gp3's latency is single-digit milliseconds, io1's sub-millisecond: "
    "check that the workload does not depend on it"
)
IO2_CAVEAT = "changed in place; io2 also has higher durability at the same storage price"
TEMPLATE_NOTE = (
    "per instance launched from the template: instances launched after the change get it"
)


@record(slots=True)
class Replacement:
    """What an io1 volume of a given size and IOPS becomes."""

    volume_type: str
    iops: float
    throughput: float | None  # gp3 only
    text: str
    caveat: str


def replacement(size: float, iops: float) -> Replacement:
    if iops <= GP3_MAX_IOPS and iops <= GP3_IOPS_PER_GIB * size:
        throughput = min(GP3_MAX_THROUGHPUT, max(GP3_FREE_THROUGHPUT, iops * MIB_PER_IOPS))
        extras = []
        if iops > GP3_FREE_IOPS:
            extras.append(f"iops = {iops:g}")
        if throughput > GP3_FREE_THROUGHPUT:
            extras.append(f"throughput = {throughput:g}")
        text = "gp3" + (f" with {', '.join(extras)}" if extras else "")
        return Replacement("gp3", iops, throughput, text, GP3_CAVEAT)
    return Replacement("io2", iops, None, "io2", IO2_CAVEAT)


def suggest(cost: ResourceCost, context: SavingsContext) -> list[Suggestion]:
    resource = cost.resource
    after = resource.after or {}
    if resource.type == "aws_instance":
        return _instance_disks(after, resource.after_unknown)
    if resource.type == "aws_launch_template":
        return _template_disks(after)
    size = known_number(after, "size")
    iops = known_number(after, "iops")
    if known_string(after, "type") != "io1" or size is None or not iops:
        return []
    if is_unknown(resource.after_unknown, "size") or is_unknown(resource.after_unknown, "iops"):
        return []
    new = replacement(size, iops)
    changes: dict[str, Any] = {"type": new.volume_type}
    if new.throughput is not None:
        changes.update(iops=iops, throughput=new.throughput)
    return [Suggestion("type", "io1", new.text, with_values(after, **changes), new.caveat)]


def _io1_device(block: Mapping[str, Any]) -> tuple[float, float] | None:
    """(size, IOPS) of an io1 device whose both are known."""
    size = known_number(block, "volume_size")
    iops = known_number(block, "iops")
    if known_string(block, "volume_type") != "io1" or not size or not iops:
        return None
    return size, iops


def _instance_disks(after: Mapping[str, Any], unknown: Mapping[str, Any]) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    for name in ("root_block_device", "ebs_block_device"):
        for index, block in enumerate(blocks(after, name)):
            device = _io1_device(block)
            if device is None or is_unknown(unknown, name, index):
                continue
            new = replacement(*device)
            changes: dict[str, Any] = {"volume_type": new.volume_type}
            if new.throughput is not None:
                changes["throughput"] = new.throughput
            changed = with_block_values(after, name, index, **changes)
            label = name if name == "root_block_device" else f"{name}[{index}]"
            suggestions.append(
                Suggestion(f"{label}.volume_type", "io1", new.text, changed, new.caveat)
            )
    return suggestions


def _template_disks(after: Mapping[str, Any]) -> list[Suggestion]:
    suggestions: list[Suggestion] = []
    for index, mapping in enumerate(blocks(after, "block_device_mappings")):
        for ebs in blocks(mapping, "ebs")[:1]:
            device = _io1_device(ebs)
            if device is None:
                continue
            size, iops = device
            new = replacement(size, iops)
            now = volume_components("Volume", "io1", size, iops)
            then = volume_components("Volume", new.volume_type, size, iops, new.throughput)
            suggestions.append(
                Suggestion(
                    f"block_device_mappings[{index}].ebs.volume_type",
                    "io1",
                    new.text,
                    None,
                    f"{new.caveat}; {TEMPLATE_NOTE}",
                    parts=(tuple(now), tuple(then)),
                )
            )
    return suggestions
