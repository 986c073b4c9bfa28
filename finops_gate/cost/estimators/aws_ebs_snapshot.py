"""EBS snapshot.

- Snapshot storage: GB-month, `ebs:snapshot:storage` (the size of the source volume: the
  first snapshot of a volume is a full copy; later incremental snapshots cost less)

Shown when the usage file gives them: EBS direct API requests
(`monthly_list_block_requests`: 1k requests, `ebs:snapshot:api-list`;
`monthly_get_block_requests`, `monthly_put_block_requests`: 1k SnapshotAPIUnits,
`ebs:snapshot:api-get`, `ebs:snapshot:api-put`) and fast snapshot restore
(`fast_snapshot_restore_hours`: DSU-hour, `ebs:snapshot:fast-restore`).

The size is the snapshot's `volume_size`, or the `size` of the `aws_ebs_volume` its
`volume_id` references in the plan. When neither is known (a volume outside the plan),
the storage line is known only after apply and the rest of the snapshot is still priced.
"""

from __future__ import annotations

from finops_gate.cost.estimators._usage import given_usage_specs
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ebs_snapshot",)
OPTIONAL = (
    (
        "monthly_list_block_requests",
        "ListChangedBlocks and ListSnapshotBlocks requests",
        "1k requests",
        keys.EBS_SNAPSHOT_API_LIST,
        1 / 1000,
    ),
    (
        "monthly_get_block_requests",
        "GetSnapshotBlock requests",
        "1k SnapshotAPIUnits",
        keys.EBS_SNAPSHOT_API_GET,
        1 / 1000,
    ),
    (
        "monthly_put_block_requests",
        "PutSnapshotBlock requests",
        "1k SnapshotAPIUnits",
        keys.EBS_SNAPSHOT_API_PUT,
        1 / 1000,
    ),
    (
        "fast_snapshot_restore_hours",
        "Fast snapshot restore",
        "DSU-hour",
        keys.EBS_SNAPSHOT_FAST_RESTORE,
        1.0,
    ),
)
USAGE_KEYS = tuple(item[0] for item in OPTIONAL)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    size = view.number("volume_size")
    note = None
    if size is None:
        volume = view.referenced("volume_id")
        size = volume.number("size") if volume else None
        if volume is not None:
            note = f"size of {volume.resource.address}"
    unknown = "volume_size is unknown until apply" if size is None else None
    return [
        ComponentSpec(
            "Snapshot storage",
            "GB-month",
            keys.EBS_SNAPSHOT_STORAGE,
            size,
            note=note,
            unknown=unknown,
        ),
        *given_usage_specs(view, OPTIONAL),
    ]
