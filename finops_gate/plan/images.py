"""The platform of each AMI a plan knows: `aws_ami` data sources read during the plan
and AMIs (`aws_ami`, `aws_ami_copy`, `aws_ami_from_instance`) in the state or being
changed. An instance launched from a Windows AMI is billed at the Windows rate, so the
cost layer looks an instance's `ami` (or a launch template's `image_id`) up here.

AWS's `platform_details` names the billed platform ("Linux/UNIX", "Windows", "Red Hat
Enterprise Linux", "Windows with SQL Server Standard"...); older AMIs may only carry
`platform = "windows"`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from finops_gate.plan.plan_json import PlanDocument, prior_state_values_of

IMAGE_TYPES = frozenset({"aws_ami", "aws_ami_copy", "aws_ami_from_instance"})


def image_platforms(document: PlanDocument) -> dict[str, str]:
    """AMI id -> its billed platform as AWS names it (`platform_details`)."""
    found: dict[str, str] = {}
    for change in document.resource_changes:
        if change.type in IMAGE_TYPES:
            for side in (change.change.after, change.change.before):
                _add(found, side)
    for values in prior_state_values_of(document.prior_state, IMAGE_TYPES):
        _add(found, values)
    return found


def _add(found: dict[str, str], values: Any) -> None:
    if not isinstance(values, Mapping):
        return
    image_id = values.get("id") or values.get("image_id")
    if not isinstance(image_id, str) or not image_id or image_id in found:
        return
    details = values.get("platform_details")
    if isinstance(details, str) and details:
        found[image_id] = details
    elif values.get("platform") == "windows":
        found[image_id] = "Windows"
