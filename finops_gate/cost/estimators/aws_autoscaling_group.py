"""Auto Scaling group, priced through its launch template or launch configuration.

- Instance usage: instances x hour, `ec2:<instance_type>` (instances: `desired_capacity`,
  else `min_size`, else 1; the usage file's `instances` overrides; a group with
  `min_size = 0` and no `desired_capacity` starts empty and scales out on demand: priced
  as 1 instance and noted as assumed, as Infracost does); with a
  `mixed_instances_policy`, the on-demand base plus the on-demand percentage above it at
  `ec2:<type>`, the rest at `ec2:<type>:spot` (the first override's type, else the
  template's); spot or dedicated templates as `aws_instance`; the on-demand instances
  that fit in the `aws_ec2_capacity_reservation` the launch template targets (at most its
  `instance_count`) get no hours: they are billed on the reservation; with weighted
  overrides (`weighted_capacity`) the capacities count units: when every override weighs
  the same, instances are the units over that weight, rounded up, of the first
  override's type (as Infracost prices them), the on-demand units likewise; when the
  weights differ, how many instances make up the units is AWS's choice at launch, so the
  instances are unknown (Infracost divides by the first override's weight)
- EBS-optimized usage (template `ebs_optimized = "true"`, launch configuration
  `ebs_optimized = true`, on the previous-generation types that charge for it, as
  `aws_instance`): instances x hour, `ec2:<type>:ebs-optimized`
- Disks: instances x the template's block device mappings (a mapping with no
  `volume_type` is gp2, EC2's default; 8 GB gp2 root assumed when it has none),
  GB-month, `ebs:<type>:*`
- Detailed monitoring (template `monitoring`, launch configuration `enable_monitoring`,
  default true): 7 metrics per instance, metric-month, `cloudwatch:metric`
- Warm pool (`warm_pool`): `max_group_prepared_capacity` (else `max_size`) minus the
  desired capacity, at least its `min_size`, instances: their disks when `Stopped` or
  `Hibernated` (the default `Stopped`), everything when `Running`
- The usage file's `operating_system` and `reserved_instance_*`, and the platform of the
  template's or configuration's AMI, price the on-demand instances as `aws_instance` does
- Unlimited CPU credits (usage: `monthly_cpu_credit_hrs` x `vcpu_count` per instance):
  vCPU-hour, `ec2:cpu-credits:<family>`

The launch template or configuration is found through the plan's `configuration`
references (`launch_template { id = aws_launch_template.x.id }`, `launch_configuration =
aws_launch_configuration.x.name`), followed through module outputs and inputs; when no
expression names it (a local, a `dynamic` block), from evidence, noted as inferred (see
docs/references.md); when it is not in the plan, the price is not found.
"""

from __future__ import annotations

import math
from dataclasses import replace

from finops_gate.cost.estimators._compute import (
    LAUNCH_CONFIGURATION,
    PURCHASE_WORDS,
    LaunchSpec,
    extras,
    from_launch_configuration,
    from_launch_template,
    image_purchase,
    instance_usage,
    launch_template_of,
    usage_purchase,
)
from finops_gate.cost.estimators._reservation import targeted_reservations, without_reserved_hours
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError

RESOURCE_TYPES = ("aws_autoscaling_group",)
USAGE_KEYS = ("instances", "monthly_cpu_credit_hrs", "vcpu_count")
USAGE_TEXT_KEYS = PURCHASE_WORDS


def instance_count(view: AttributeView) -> float:
    override = view.usage_number("instances")
    if override is not None:
        return override
    if _scales_from_zero(view):
        return 1.0
    for name in ("desired_capacity", "min_size"):
        value = view.number(name)
        if value is not None and not view.is_unknown(name):
            return value
    return 1.0


def _scales_from_zero(view: AttributeView) -> bool:
    """A group that starts empty (`min_size = 0`, no desired capacity) and launches
    instances only when it scales out: priced as one instance, as an assumption."""
    return (
        view.usage_number("instances") is None
        and not view.configured("desired_capacity")
        and view.number("min_size") == 0
    )


SCALES_FROM_ZERO = (
    "min_size 0 and no desired_capacity: the group starts empty and scales out on demand; "
    "priced as 1 instance (set `instances` in the usage file)"
)


def _template(block: AttributeView) -> AttributeView:
    found = launch_template_of(block)
    if found is not None:
        return found
    raise UnknownAttributeError(
        "launch_template",
        "launch template not found in the plan: its instance type is unknown",
    )


def launch_spec(
    view: AttributeView, template: AttributeView | None = None
) -> tuple[LaunchSpec, AttributeView | None]:
    """The launch spec and, with a mixed instances policy, its instances_distribution.
    `template`: the group's launch template, when the caller has found it already."""
    for policy in view.blocks("mixed_instances_policy"):
        for launch in policy.blocks("launch_template"):
            specification = launch.blocks("launch_template_specification")
            if not specification:
                continue
            spec = from_launch_template(_template(specification[0]))
            weights = {o.string("weighted_capacity") for o in launch.blocks("override")}
            if len(weights - {None, ""}) > 1:
                # desired_capacity then counts capacity units, and how many instances of
                # which type make them up is AWS's choice at launch.
                raise UnknownAttributeError(
                    "mixed_instances_policy",
                    "weighted instance types: AWS chooses how many instances of which type "
                    "make up the capacity at launch",
                )
            overrides = [o.string("instance_type") for o in launch.blocks("override")]
            first = next((t for t in overrides if t), None)
            if first:
                spec.instance_type = first
            distribution = policy.blocks("instances_distribution")
            return spec, distribution[0] if distribution else None
    if template is not None:
        return from_launch_template(template), None
    templates = view.blocks("launch_template")
    if templates:
        return from_launch_template(_template(templates[0])), None
    configuration = None
    if view.configured("launch_configuration"):
        configuration = view.linked(("launch_configuration",), LAUNCH_CONFIGURATION)
    if configuration is not None:
        return from_launch_configuration(configuration), None
    raise UnknownAttributeError(
        "launch_configuration",
        "launch template or configuration not found in the plan: instance type unknown",
    )


def estimate(view: AttributeView) -> list[ComponentSpec]:
    templates = view.blocks("launch_template")
    if templates and not view.blocks("mixed_instances_policy"):
        # Found once for the instances and the reservations (following a reference
        # through the plan costs more than the rest of the group's pricing).
        template = _template(templates[0])
        specs = without_reserved_hours(
            group_components(view, template), targeted_reservations(template)
        )
    else:
        specs = without_reserved_hours(group_components(view), _reservations_of(view))
    if not _scales_from_zero(view):
        return specs
    return [
        replace(c, note=_joined(SCALES_FROM_ZERO, c.note)) if c.unit == "hour" else c for c in specs
    ]


def _reservations_of(view: AttributeView) -> list[AttributeView]:
    """The capacity reservations the group's launch template targets."""
    templates = view.blocks("launch_template")
    return targeted_reservations(_template(templates[0])) if templates else []


def _first_weight(view: AttributeView) -> float | None:
    """The `weighted_capacity` of the mixed instances policy's first override (capacity
    units per instance; `launch_spec` refuses overrides of different weights), None when
    the overrides carry no weights."""
    for policy in view.blocks("mixed_instances_policy"):
        for launch in policy.blocks("launch_template"):
            for override in launch.blocks("override"):
                if not override.string("instance_type"):
                    continue
                weight = override.string("weighted_capacity")
                try:
                    value = float(weight) if weight else None
                except ValueError:
                    value = None
                return value if value and value > 0 else None
    return None


def group_components(
    view: AttributeView, template: AttributeView | None = None
) -> list[ComponentSpec]:
    capacity = instance_count(view)
    spec, distribution = launch_spec(view, template)
    # the on-demand instances' platform (the usage file's, else the AMI's), reservation
    spec.purchase = image_purchase(view, usage_purchase(view), spec.image_id)
    if distribution is None and _first_weight(view) is None:
        count = capacity
        return [instance_usage(spec, count), *extras(view, spec, count), *_warm_pool(view, spec)]
    weight = _first_weight(view) or 1.0
    base = percent = None
    if distribution is not None:
        base = distribution.number("on_demand_base_capacity", 0.0)
        percent = distribution.number("on_demand_percentage_above_base_capacity", 100.0)
    base = base or 0.0
    percent = 100.0 if percent is None else percent
    # capacity, base and on-demand units count capacity units (instances when unweighted)
    on_demand_units = min(capacity, base) + math.ceil(max(capacity - base, 0.0) * percent / 100.0)
    count = float(math.ceil(capacity / weight))
    on_demand = min(float(math.ceil(min(on_demand_units, capacity) / weight)), count)
    note = None
    if weight != 1.0:
        note = (
            f"{number_text(capacity)} capacity units / weighted_capacity "
            f"{number_text(weight)} = {number_text(count)} instances"
        )
    specs = []
    if on_demand:
        specs.append(instance_usage(spec, on_demand, spot=False))
    if count - on_demand:
        specs.append(instance_usage(spec, count - on_demand, spot=True))
    if note:
        specs = [replace(c, note=_joined(note, c.note)) for c in specs]
    return [*specs, *extras(view, spec, count)]


def _warm_pool(view: AttributeView, spec: LaunchSpec) -> list[ComponentSpec]:
    """Instances kept ready in a warm pool: stopped or hibernated ones pay for their
    volumes only, running ones like the group's own (AWS, "Warm pools for Amazon EC2 Auto
    Scaling": the pool holds max_group_prepared_capacity, else the group's max_size,
    minus the desired capacity, and at least its min_size)."""
    pools = view.blocks("warm_pool")
    if not pools:
        return []
    pool = pools[0]
    desired = instance_count(view)
    prepared = pool.number("max_group_prepared_capacity")
    if prepared is None or prepared < 0:  # -1 means "the group's max_size"
        prepared = view.number("max_size", desired) or desired
    size = max(pool.number("min_size", 0.0) or 0.0, prepared - desired, 0.0)
    if not size:
        return []
    state = pool.string("pool_state", "Stopped") or "Stopped"
    note = f"warm pool: {number_text(size)} instance(s) kept {state.lower()}"
    if state == "Running":
        specs = [instance_usage(spec, size), *extras(view, spec, size)]
    else:
        disks_only = LaunchSpec(spec.instance_type, volumes=spec.volumes, root_note=spec.root_note)
        # a stopped instance earns and spends no CPU credits
        specs = [c for c in extras(view, disks_only, size) if c.price_key.startswith("ebs:")]
    return [replace(c, name=f"Warm pool: {c.name}", note=_joined(note, c.note)) for c in specs]


def _joined(first: str, second: str | None) -> str:
    return f"{first}; {second}" if second else first
