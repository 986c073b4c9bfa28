"""Whether an EKS cluster's Kubernetes version is in standard or extended support on a date.

The calendar is AWS's, shipped as dated data in `finops_gate/cost/data/eks_versions.json`
(its `source` and `as_of` say where and when it was read).
"""

from __future__ import annotations

import json
from datetime import date
from functools import lru_cache
from pathlib import Path

from finops_gate.records import record

CALENDAR_FILE = Path(__file__).resolve().parents[1] / "data" / "eks_versions.json"


@record(slots=True)
class SupportWindow:
    version: str
    end_of_standard: date
    end_of_extended: date


@record(slots=True)
class Calendar:
    source: str
    as_of: date
    windows: dict[tuple[int, ...], SupportWindow]


@record(slots=True)
class SupportStatus:
    extended: bool
    note: str
    end_of_standard: date | None = None  # None: the version is not in the calendar


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    data = json.loads(CALENDAR_FILE.read_text(encoding="utf-8"))
    windows = {}
    for entry in data["versions"]:
        window = SupportWindow(
            entry["version"],
            date.fromisoformat(entry["end_of_standard_support"]),
            date.fromisoformat(entry["end_of_extended_support"]),
        )
        windows[_parse(window.version) or ()] = window
    return Calendar(data["source"], date.fromisoformat(data["as_of"]), windows)


def _parse(version: str) -> tuple[int, ...] | None:
    """`1.29` (or `1.29.3`) -> (1, 29); None for anything else."""
    parts = version.strip().split(".")
    if len(parts) < 2 or not all(part.isdigit() for part in parts[:2]):
        return None
    return int(parts[0]), int(parts[1])


def support_status(version: str, today: date) -> SupportStatus:
    """Extended support starts (and is billed) on the day standard support ends; a cluster
    past the end of extended support is upgraded by AWS to the oldest version still in
    extended support, so it keeps the extended rate."""
    known = calendar()
    key = _parse(version)
    window = known.windows.get(key) if key else None
    if window is None:
        newest = max(known.windows)
        if key is None or key > newest:
            return SupportStatus(
                False,
                f"Kubernetes {version} is not in the EKS calendar of {known.as_of}: "
                "standard support assumed",
            )
        return SupportStatus(
            True,
            f"Kubernetes {version} is older than the EKS calendar of {known.as_of}: "
            "extended support assumed",
        )
    if today < window.end_of_standard:
        return SupportStatus(
            False,
            f"Kubernetes {version}: standard support until {window.end_of_standard}",
        )
    if today < window.end_of_extended:
        return SupportStatus(
            True,
            f"Kubernetes {version}: standard support ended {window.end_of_standard}, "
            f"extended support until {window.end_of_extended}",
            window.end_of_standard,
        )
    return SupportStatus(
        True,
        f"Kubernetes {version}: extended support ended {window.end_of_extended}; AWS "
        "upgrades the control plane to the oldest version in extended support",
        window.end_of_standard,
    )
