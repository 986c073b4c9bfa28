"""EBS snapshot.

- Snapshot storage: GB-month, `ebs:snapshot:storage` (the size of the source volume: the
  first snapshot of a volume is a full copy; later incremental snapshots cost less)

The size is the snapshot's `volume_size`, or the `size` of the `aws_ebs_volume` its
`volume_id` references in the plan.
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ebs_snapshot",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    size = view.number("volume_size")
    note = None
    if size is None:
        volume = view.referenced("volume_id")
        size = volume.number("size") if volume else None
        if volume is not None:
            note = f"size of {volume.resource.address}"
    if size is None:
        raise UnknownAttributeError("volume_size")
    return [
        ComponentSpec("Snapshot storage", "GB-month", keys.EBS_SNAPSHOT_STORAGE, size, note=note)
    ]
