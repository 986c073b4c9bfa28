"""EBS volume.

- Storage (gp2, gp3, io1, io2, st1, sc1, standard): GB-month, `ebs:<type>:storage` (no
  `size` with a `snapshot_id`: the snapshot's size, known only after apply, so the volume
  is not priced)
- gp3 IOPS above 3,000: IOPS-month, `ebs:gp3:iops`
- gp3 throughput above 125 MiBps: MiBps-month, `ebs:gp3:throughput`
- io1 / io2 provisioned IOPS (io2 in three tiers): IOPS-month, `ebs:io1:iops`, `ebs:io2:iops*`
- standard I/O requests (usage: `monthly_standard_io_requests`): 1M requests,
  `ebs:standard:io`
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._ebs import volume_components
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ebs_volume",)
USAGE_KEYS = ("monthly_standard_io_requests",)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    size = view.number("size")
    if size is None:
        # The size is the whole volume's price: a volume of unknown size stays unpriced.
        if view.string("snapshot_id"):
            raise UnknownAttributeError(
                "size", "size comes from the snapshot: known only after apply"
            )
        raise UnknownAttributeError("size")
    volume_type = view.string("type")
    note = None
    if volume_type is None:
        volume_type, note = "gp2", "type unknown until apply: assumed gp2 (the EC2 default)"
    specs = volume_components(
        "Storage",
        volume_type,
        size,
        view.number("iops"),
        view.number("throughput"),
        note,
    )
    requests = view.usage_number("monthly_standard_io_requests")
    if requests is None:
        return specs
    return [
        replace(
            spec,
            monthly_quantity=requests / 1e6,
            note=f"from the usage file: monthly_standard_io_requests = {number_text(requests)}",
        )
        if spec.price_key == keys.EBS_STANDARD_IO
        else spec
        for spec in specs
    ]
