"""EBS snapshot copy, stored as a full snapshot in its own region.

- Snapshot storage: GB-month, `ebs:snapshot:storage` (a copy is a full snapshot: the size
  of the source snapshot's volume)

The size is the copy's `volume_size` when the plan knows it, else that of the
`aws_ebs_snapshot` its `source_snapshot_id` references in the plan (its `volume_size`, or
the `size` of the `aws_ebs_volume` that snapshot references).
"""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ebs_snapshot_copy",)


def _source_size(view: AttributeView) -> tuple[float, str] | None:
    source = view.referenced("source_snapshot_id")
    if source is None:
        return None
    size = source.number("volume_size")
    if size is not None:
        return size, f"size of {source.resource.address}"
    volume = source.referenced("volume_id")
    size = volume.number("size") if volume else None
    if volume is None or size is None:
        return None
    return size, f"size of {volume.resource.address}, the volume of {source.resource.address}"


def estimate(view: AttributeView) -> list[ComponentSpec]:
    size = view.number("volume_size")
    note = None
    if size is None:
        found = _source_size(view)
        if found is None:
            raise UnknownAttributeError(
                "volume_size",
                "the size of the source snapshot is not in the plan (it is known only after "
                "apply, or the snapshot is not managed here)",
            )
        size, note = found
    return [
        ComponentSpec("Snapshot storage", "GB-month", keys.EBS_SNAPSHOT_STORAGE, size, note=note)
    ]
