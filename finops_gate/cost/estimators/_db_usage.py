"""Usage-file items shared by RDS instances, Aurora instances and ElastiCache nodes:
reserved nodes (and reserved EC2 Dedicated Hosts), CPU credits, Performance Insights API
requests."""

from __future__ import annotations

from dataclasses import replace

from finops_gate.cost.estimators._compute import burstable_vcpus
from finops_gate.cost.estimators._rds_extended_support import instance_vcpus
from finops_gate.cost.estimators._reserved import at_recurring_rate, reservation_note
from finops_gate.cost.estimators._usage import given_usage_specs
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

# What the usage file may say of reserved database and cache nodes (USAGE_TEXT_KEYS)
RESERVED_WORDS: dict[str, tuple[str, ...]] = {
    "reserved_instance_term": tuple(keys.DB_RESERVED_TERMS),
    "reserved_instance_payment_option": tuple(keys.DB_RESERVED_PAYMENTS),
}


def reserved(view: AttributeView, spec: ComponentSpec) -> ComponentSpec:
    """The node (or host) component at its reserved recurring rate when the usage file gives
    a `reserved_instance_term` (payment default: no upfront), `_reserved.py`: All Upfront
    is the published $0; No and Partial Upfront come from the table, and a class without
    a rate is "price not found", never the on-demand rate."""
    term = view.usage_string("reserved_instance_term")
    if term not in keys.DB_RESERVED_TERMS:
        return spec
    payment = view.usage_string("reserved_instance_payment_option")
    payment = payment if payment in keys.DB_RESERVED_PAYMENTS else "no_upfront"
    payment_slug = keys.DB_RESERVED_PAYMENTS[payment]
    key = keys.db_reserved(spec.price_key, keys.DB_RESERVED_TERMS[term], payment_slug)
    note = reservation_note("reserved", term, payment)
    name = spec.name.replace("(on-demand, ", "(", 1).replace("(", "(reserved, ", 1)
    return at_recurring_rate(
        replace(
            spec,
            name=name,
            price_key=key,
            note=f"{spec.note}; {note}" if spec.note else note,
        ),
        payment_slug,
    )


def cpu_credits(view: AttributeView, instance_class: str, price_key: str) -> list[ComponentSpec]:
    """Unlimited-mode CPU credits of a burstable class (usage: `monthly_cpu_credit_hrs` x
    `vcpu_count`, else the class's vCPUs), shown when the usage file gives the hours."""
    hours = view.usage_number("monthly_cpu_credit_hrs")
    vcpus = view.usage_number("vcpu_count") or burstable_vcpus(instance_class)
    if hours is None or vcpus is None:
        return []
    return [
        ComponentSpec(
            "CPU credits",
            "vCPU-hour",
            price_key,
            hours * vcpus,
            usage_based=True,
            note=f"from the usage file: monthly_cpu_credit_hrs = {number_text(hours)}, "
            f"{number_text(vcpus)} vCPUs",
        )
    ]


# Performance Insights keeps 7 days free; longer retention is billed per vCPU-month:
# https://aws.amazon.com/rds/performance-insights/pricing/
PERFORMANCE_INSIGHTS_FREE_DAYS = 7


def performance_insights_retention(view: AttributeView, instance_class: str) -> list[ComponentSpec]:
    """Long-term retention (`performance_insights_retention_period` beyond 7 days) of an
    instance with Performance Insights on: the class's vCPUs, per month."""
    days = view.number("performance_insights_retention_period")
    if not view.boolean("performance_insights_enabled") or not days:
        return []
    if days <= PERFORMANCE_INSIGHTS_FREE_DAYS:
        return []
    family = instance_class.removeprefix("db.").partition(".")[0]
    vcpus = instance_vcpus(instance_class)
    return [
        ComponentSpec(
            f"Performance Insights retention ({days:g} days)",
            "vCPU-month",
            keys.rds_performance_insights_retention(family),
            None if vcpus is None else float(vcpus),
            note=None if vcpus is None else f"{vcpus} vCPUs of {instance_class}",
            unknown=None if vcpus is not None else f"vCPUs of {instance_class} not known",
        )
    ]


def performance_insights(view: AttributeView) -> list[ComponentSpec]:
    """Performance Insights API requests beyond the free tier, shown when given."""
    return given_usage_specs(
        view,
        (
            (
                "monthly_additional_performance_insights_requests",
                "Performance Insights API",
                "1k requests",
                keys.RDS_PERFORMANCE_INSIGHTS_API,
                1 / 1000,
            ),
        ),
    )
