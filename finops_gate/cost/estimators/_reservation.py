"""Instances that run in an On-Demand Capacity Reservation they target.

AWS bills a reservation's hours at the on-demand rate whether instances use it or not, and
does not bill an instance running in it again: those instance-hours move onto the
`aws_ec2_capacity_reservation` (priced by its own estimator).
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.plan.resource import Action
from finops_gate.pricing import keys

RESERVATION_TYPE = "aws_ec2_capacity_reservation"
USAGE_PREFIX = "Instance usage"
NEW_ID = (Action.CREATE, Action.REPLACE)  # a reservation whose id is known only after apply


def targeted_reservations(launch: AttributeView) -> list[AttributeView]:
    """The reservations of the plan that the `capacity_reservation_specification` of an
    instance or launch template may target: the one its `capacity_reservation_id`
    references; when the plan leaves the target or its id unknown without a reference to
    follow (a `dynamic` block fed by a module variable), every reservation of the plan in
    its region that this plan creates or replaces (an id unknown until apply can only be
    one of theirs).
    `capacity_reservation_preference = "open"` targets none: which open reservation an
    instance lands in, if any, is decided at launch."""
    for specification in launch.blocks("capacity_reservation_specification"):
        for target in specification.blocks("capacity_reservation_target"):
            found = target.referenced("capacity_reservation_id")
            if found is not None and found.resource.type == RESERVATION_TYPE:
                return [found]
            if target.is_unknown("capacity_reservation_id"):
                return _created_in_plan(launch)
        if specification.is_unknown("capacity_reservation_target"):
            return _created_in_plan(launch)
    return []


def _created_in_plan(launch: AttributeView) -> list[AttributeView]:
    region = launch.resource.region
    return [
        AttributeView(resource, resource.current, resource.after_unknown, launch.context)
        for resource in launch.context.by_type.get(RESERVATION_TYPE, ())
        if resource.region == region and resource.action in NEW_ID
    ]


def without_reserved_hours(
    specs: list[ComponentSpec], reservations: list[AttributeView]
) -> list[ComponentSpec]:
    """`specs` with the on-demand instance-hours that fit in a reservation (the first of
    `reservations` with the same instance type and tenancy, at most its `instance_count`
    instances) taken out, and a note saying where they are billed. Spot hours never run
    in a reservation and stay as they are."""
    fitting = [r for r in reservations if _usage_key(r) in {s.price_key for s in specs}]
    if not fitting:
        return specs
    reservation = fitting[0]
    key = _usage_key(reservation)
    free_hours = (reservation.number("instance_count") or 0.0) * HOURS_PER_MONTH
    where = reservation.resource.address
    if len(fitting) > 1:  # the target is unknown: any of them would bill the same hours
        where = "one of " + ", ".join(r.resource.address for r in fitting)
    result = []
    for spec in specs:
        hours = spec.monthly_quantity
        usage = spec.name.startswith(USAGE_PREFIX) and spec.price_key == key
        if not (usage and hours and free_hours > 0):
            result.append(spec)
            continue
        covered = min(hours, free_hours)
        free_hours -= covered
        note = f"{number_text(covered / HOURS_PER_MONTH)} instance(s) run in {where}"
        note += ": their hours are billed on the reservation"
        result.append(
            replace(
                spec,
                monthly_quantity=hours - covered,
                note=f"{spec.note}; {note}" if spec.note else note,
            )
        )
    return result


def _usage_key(reservation: AttributeView) -> str | None:
    """The price key of the instance-hours a reservation takes over (type and tenancy)."""
    instance_type = reservation.string("instance_type")
    if instance_type is None:
        return None
    dedicated = reservation.string("tenancy") == "dedicated"
    return keys.ec2_dedicated(instance_type) if dedicated else keys.ec2_instance(instance_type)
