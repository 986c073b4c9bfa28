"""RDS Extended Support: the per-vCPU-hour charge on an RDS or Aurora instance whose major
engine version is past the end of standard support, on the date the plan is priced on.

The calendar is AWS's, shipped as dated data in
`finops_gate/cost/data/rds_extended_support.json` (its `sources` and `as_of` say where and
when it was read). Years 1 and 2 share one rate (`rds:extended-support:years-1-2`); year 3
costs more (`rds:extended-support:year-3`, which no source prices: "price not found").
AWS bills every vCPU of the instance class for every hour, for each instance of a Multi-AZ
deployment:
https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support-charges.html
"""

from __future__ import annotations

import json
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from finops_gate.cost.estimators._compute import burstable_vcpus
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.pricing import keys
from finops_gate.records import record

CALENDAR_FILE = Path(__file__).resolve().parents[1] / "data" / "rds_extended_support.json"
# vCPUs of the sizes every non-burstable RDS family shares (xlarge = 4, Nxlarge = 4N):
# https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.DBInstanceClass.Summary.html
_FIXED_SIZE_VCPUS = {"large": 2, "xlarge": 4}
_MULTIPLE_XLARGE = re.compile(r"([0-9]+)xlarge")


@record(slots=True)
class Window:
    version: str
    year_1: date
    year_3: date | None


@lru_cache(maxsize=1)
def calendar() -> dict[str, tuple[Window, ...]]:
    data = json.loads(CALENDAR_FILE.read_text(encoding="utf-8"))
    return {
        engine: tuple(
            Window(
                entry["version"],
                date.fromisoformat(entry["year_1"]),
                date.fromisoformat(entry["year_3"]) if entry["year_3"] else None,
            )
            for entry in entries
        )
        for engine, entries in data["engines"].items()
    }


def instance_vcpus(instance_class: str) -> int | None:
    """vCPUs of a `db.` class: burstable sizes from their own table, other families by
    size; None for `.metal` and any size the rule does not cover."""
    burstable = burstable_vcpus(instance_class)
    if burstable is not None:
        return int(burstable)
    size = instance_class.rpartition(".")[2]
    if size in _FIXED_SIZE_VCPUS:
        return _FIXED_SIZE_VCPUS[size]
    multiple = _MULTIPLE_XLARGE.fullmatch(size)
    return 4 * int(multiple.group(1)) if multiple else None


def _window(engine: str, version: str) -> Window | None:
    """The calendar entry of the major version `version` belongs to: `5.7.44` and
    `5.7.mysql_aurora.2.11.2` to 5.7, `11.22` to 11, `8.0.36` to 8.0."""
    for window in calendar().get(engine, ()):
        if version == window.version or version.startswith(window.version + "."):
            return window
    return None


def extended_support(
    engine: str, version: str | None, instance_class: str, today: date, instances: int = 1
) -> ComponentSpec | None:
    """The Extended Support component for `instances` DB instances of the class (2 for a
    Multi-AZ instance: AWS bills the standby's vCPUs too), None when the version is in
    standard support (or not set: RDS then picks its default version, in standard
    support)."""
    if version is None:
        return None
    window = _window(engine, version)
    if window is None or today < window.year_1:
        return None
    year_3 = window.year_3 is not None and today >= window.year_3
    vcpus = instance_vcpus(instance_class)
    started = window.year_3 if year_3 else window.year_1
    note = f"{engine} {window.version}: extended support, this rate since {started}"
    if instances > 1:
        note += f"; {instances} instances (Multi-AZ primary and standby)"
    return ComponentSpec(
        "Extended support (year 3)" if year_3 else "Extended support (years 1-2)",
        "vCPU-hour",
        keys.RDS_EXTENDED_SUPPORT_YEAR_3 if year_3 else keys.RDS_EXTENDED_SUPPORT_YEARS_1_2,
        None if vcpus is None else vcpus * instances * HOURS_PER_MONTH,
        note=note,
        unknown=None if vcpus is not None else f"vCPUs of {instance_class} not known",
    )
