"""Instances that run in an On-Demand Capacity Reservation they target.

AWS bills a reservation's hours at the on-demand rate whether instances use it or not, and
does not bill an instance running in it again: those instance-hours move onto the
`aws_ec2_capacity_reservation` (priced by its own estimator).
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView

RESERVATION_TYPE = "aws_ec2_capacity_reservation"
USAGE_PREFIX = "Instance usage"


def targeted_reservation(launch: AttributeView) -> AttributeView | None:
    """The reservation in the plan that the `capacity_reservation_specification` of an
    instance or launch template targets. `capacity_reservation_preference = "open"` targets
    none: which open reservation an instance lands in, if any, is decided at launch."""
    for specification in launch.blocks("capacity_reservation_specification"):
        for target in specification.blocks("capacity_reservation_target"):
            found = target.referenced("capacity_reservation_id")
            if found is not None and found.resource.type == RESERVATION_TYPE:
                return found
    return None


def without_reserved_hours(
    specs: list[ComponentSpec], reservation: AttributeView | None
) -> list[ComponentSpec]:
    """`specs` with the on-demand instance-hours that fit in `reservation` (same instance
    type and tenancy, at most its `instance_count` instances) taken out, and a note saying
    where they are billed. Spot hours never run in a reservation and stay as they are."""
    if reservation is None:
        return specs
    instance_type = reservation.string("instance_type")
    slots = reservation.number("instance_count")
    if instance_type is None or not slots:
        return specs
    key = f"ec2:{instance_type}"  # the tenancy must match the reservation's too
    if reservation.string("tenancy") == "dedicated":
        key = f"{key}:dedicated"
    free_hours = slots * HOURS_PER_MONTH
    result = []
    for spec in specs:
        hours = spec.monthly_quantity
        usage = spec.name.startswith(USAGE_PREFIX) and spec.price_key == key
        if not (usage and hours and free_hours > 0):
            result.append(spec)
            continue
        covered = min(hours, free_hours)
        free_hours -= covered
        where = f"{covered / HOURS_PER_MONTH:g} instance(s) run in {reservation.resource.address}"
        note = f"{where}: their hours are billed on the reservation"
        result.append(
            replace(
                spec,
                monthly_quantity=hours - covered,
                note=f"{spec.note}; {note}" if spec.note else note,
            )
        )
    return result
