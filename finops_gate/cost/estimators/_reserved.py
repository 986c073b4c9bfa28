"""Reservations the usage file declares (Reserved Instances, reserved database and cache
nodes, reserved Dedicated Hosts): what their monthly cost is.

A reservation is bought apart from the Terraform change, and its upfront fee (Partial or All
Upfront) is a one-off payment at purchase: no part of the monthly bill. The monthly cost of
a reserved resource is its recurring charge, the recurring hourly rate x hours, and every
such component says so in its note. AWS's price lists publish the recurring rate of every
All Upfront offer as 0.00: that component is priced at exactly $0 with no table figure
(`ComponentSpec.published_zero`). No and Partial Upfront rates come from the price table; a
class or region without one is "price not found", never the on-demand rate.
"""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.model import ComponentSpec
from finops_gate.pricing import keys

UPFRONT_EXCLUDED = "recurring charge only; the upfront fee paid at purchase is not included"


def reservation_note(what: str, term: str, payment: str) -> str:
    """The note of a reserved component: `what` (e.g. `reserved standard`), the usage
    file's `term` and `payment` words, and, when there is an upfront fee, that it is left
    out."""
    note = f"from the usage file: {what}, {term}, {payment}"
    return note if payment == "no_upfront" else f"{note}: {UPFRONT_EXCLUDED}"


def at_recurring_rate(spec: ComponentSpec, payment_slug: str) -> ComponentSpec:
    """`spec` (already at its reserved price key) priced at AWS's published zero when the
    payment (a key slug, `all-upfront`) has no recurring charge."""
    if payment_slug != keys.RESERVED_ALL_UPFRONT:
        return spec
    return replace(spec, published_zero=True)
