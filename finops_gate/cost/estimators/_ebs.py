"""EBS volume components, shared by volumes, instance disks and node group disks."""

from __future__ import annotations

from finops_gate.cost.model import ComponentSpec
from finops_gate.pricing import keys

GP3_FREE_IOPS = 3000
GP3_FREE_THROUGHPUT = 125
IO2_TIER_LIMITS = (32000, 64000)
VOLUME_TYPES = ("gp2", "gp3", "io1", "io2", "st1", "sc1", "standard")


def volume_components(
    label: str,
    volume_type: str,
    size_gb: float | None,
    iops: float | None = None,
    throughput: float | None = None,
    note: str | None = None,
    unknown_size: str | None = None,
) -> list[ComponentSpec]:
    """`label` prefixes each component name, e.g. "Root volume" or "Storage". A size of
    None (known only after apply, `unknown_size` says why) leaves the storage component
    unknown; IOPS and throughput do not depend on it."""
    specs = [
        ComponentSpec(
            f"{label} ({volume_type})",
            "GB-month",
            keys.ebs_storage(volume_type),
            size_gb,
            note=note,
            unknown=None if size_gb is not None else unknown_size or "size unknown until apply",
        )
    ]
    if volume_type == "gp3":
        extra_iops = max(0.0, (iops or GP3_FREE_IOPS) - GP3_FREE_IOPS)
        extra_throughput = max(0.0, (throughput or GP3_FREE_THROUGHPUT) - GP3_FREE_THROUGHPUT)
        if extra_iops:
            specs.append(
                ComponentSpec(
                    f"{label} IOPS above 3,000", "IOPS-month", keys.EBS_GP3_IOPS, extra_iops
                )
            )
        if extra_throughput:
            specs.append(
                ComponentSpec(
                    f"{label} throughput above 125 MiBps",
                    "MiBps-month",
                    keys.EBS_GP3_THROUGHPUT,
                    extra_throughput,
                )
            )
    elif volume_type == "io1" and iops:
        specs.append(
            ComponentSpec(f"{label} provisioned IOPS", "IOPS-month", keys.EBS_IO1_IOPS, iops)
        )
    elif volume_type == "io2" and iops:
        specs.extend(_io2_iops(label, iops))
    elif volume_type == "standard":
        specs.append(
            ComponentSpec(
                f"{label} I/O requests", "1M requests", keys.EBS_STANDARD_IO, None, usage_based=True
            )
        )
    return specs


def _io2_iops(label: str, iops: float) -> list[ComponentSpec]:
    first, second = IO2_TIER_LIMITS
    tiers = [
        ("first 32,000", keys.EBS_IO2_IOPS, min(iops, first)),
        ("32,001 to 64,000", keys.EBS_IO2_IOPS_TIER2, min(max(iops - first, 0), second - first)),
        ("above 64,000", keys.EBS_IO2_IOPS_TIER3, max(iops - second, 0)),
    ]
    return [
        ComponentSpec(f"{label} provisioned IOPS ({name})", "IOPS-month", key, quantity)
        for name, key, quantity in tiers
        if quantity > 0
    ]
