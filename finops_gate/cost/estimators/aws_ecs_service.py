"""ECS service on Fargate (tasks from the task definition it references x desired_count,
or the `min_capacity` of the Application Auto Scaling target that scales it, if higher).

- vCPU: tasks x vCPUs x hour, `fargate:vcpu:hour` (`fargate:arm:vcpu:hour` for ARM64)
- Memory: tasks x GB x hour, `fargate:gb:hour` (`fargate:arm:gb:hour` for ARM64)
- Ephemeral storage above the free 20 GB: tasks x GB x hour,
  `fargate:ephemeral-storage:gb:hour`

The task definition (`task_definition = aws_ecs_task_definition.x.arn` or `.family`, also
through a module output, or inferred from evidence and noted, see docs/references.md; a
literal `family`, `family:revision` or task definition ARN names the plan's task
definition of that family) gives `cpu` (1024 units = 1 vCPU, or written as `"1 vCPU"`),
`memory` (MiB, or written as `"2 GB"`) and `runtime_platform`; a size known only after
apply leaves its component unknown. A service deployed through an `aws_ecs_task_set`
(external deployment controller) takes its task definition, and when it sets neither,
its launch type from the task set. A service runs on Fargate with `launch_type =
"FARGATE"`, a `capacity_provider_strategy` naming FARGATE or FARGATE_SPOT, or, with
neither, the default capacity provider strategy of its cluster
(`aws_ecs_cluster_capacity_providers`). A cluster with Fargate capacity providers and no
default strategy: ECS would start the service on EC2, which a Fargate-only task
definition cannot run on, so the tasks are priced on Fargate and noted as assumed
(a task definition that EC2 can run stays on EC2). Services on the EC2 launch type cost
nothing themselves: they run on the cluster's instances. Tasks on `FARGATE_SPOT` are priced at
the on-demand rate and noted (the table has no Fargate Spot price).
"""

from __future__ import annotations

import re

from finops_gate.cost.evidence import Link
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ecs_service",)
FREE_EPHEMERAL_GB = 20.0


TASK_DEFINITION = "aws_ecs_task_definition"
CLUSTER_PROVIDERS = "aws_ecs_cluster_capacity_providers"
TASK_SET = "aws_ecs_task_set"
FARGATE_PROVIDERS = ("FARGATE", "FARGATE_SPOT")
# https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html:
# cpu "can be expressed as an integer using CPU units (for example, 1024) or as a string
# using vCPUs (for example, 1 vCPU or 1 vcpu)"; memory "in MiB (for example 1024) or as a
# string using GB (for example, 1GB or 1 GB)"
_VCPU = re.compile(r"\s*(\d+(?:\.\d+)?)\s*vcpu\s*", re.IGNORECASE)
_GB = re.compile(r"\s*(\d+(?:\.\d+)?)\s*gb\s*", re.IGNORECASE)


def _providers(view: AttributeView) -> tuple[list[str | None], str | None, bool]:
    """The capacity providers the service's tasks run on, where they come from when not
    from the service itself (its cluster's default strategy), and whether Fargate is only
    assumed: a cluster with Fargate capacity providers but no default strategy."""
    own = [s.string("capacity_provider") for s in view.blocks("capacity_provider_strategy")]
    if own or view.string("launch_type"):
        return own, None, False
    task_set = _task_set(view)
    if task_set is not None:
        # An external deployment controller: the task set says where its tasks run.
        strategy = task_set.blocks("capacity_provider_strategy")
        named = [s.string("capacity_provider") for s in strategy] or [
            task_set.string("launch_type")
        ]
        if any(named):
            return named, f"the launch type of {task_set.resource.address}", False
    cluster = view.referenced("cluster")
    if cluster is None:
        return [], None, False
    link = view.context.referencing_link(cluster.resource, CLUSTER_PROVIDERS, "cluster_name")
    if link is None:
        return [], None, False
    cluster_providers = view.view_of(link)
    strategy = cluster_providers.blocks("default_capacity_provider_strategy")
    if strategy:
        note = f"the default capacity provider strategy of {link.target.address}"
        return [s.string("capacity_provider") for s in strategy], note, False
    # With no strategy anywhere, ECS starts the service on the EC2 launch type; a cluster
    # whose capacity providers include Fargate says the tasks are meant for Fargate.
    fargate = [p for p in cluster_providers.strings("capacity_providers") if p in FARGATE_PROVIDERS]
    note = (
        f"the Fargate capacity providers of {link.target.address} (with no launch type or "
        "default strategy set, ECS itself would use EC2)"
    )
    return list(fargate), note if fargate else None, bool(fargate)


def _sized(task: AttributeView, name: str, pattern: re.Pattern[str], unit: float) -> float | None:
    """A task size in CPU units or MiB, from a number or from "1 vCPU" / "2 GB"."""
    number = task.number(name)
    if number is not None:
        return number
    match = pattern.fullmatch(task.string(name) or "")
    return float(match.group(1)) * unit if match else None


def _task_set(view: AttributeView) -> AttributeView | None:
    link = view.context.referencing_link(view.resource, TASK_SET, "service")
    return None if link is None else view.view_of(link)


def _task_definition(view: AttributeView) -> AttributeView | None:
    if not view.configured("task_definition"):
        # A service deployed through a task set (external deployment controller) takes
        # its tasks from the task set's definition.
        task_set = _task_set(view)
        return None if task_set is None else task_set.linked(("task_definition",), TASK_DEFINITION)
    task = view.linked(("task_definition",), TASK_DEFINITION)
    if task is not None:
        return task
    # A literal family, family:revision or ARN: the plan's task definition of that family
    # (its revision is only known after apply).
    value = view.string("task_definition") or ""
    family = value.rsplit("/", 1)[-1].split(":", 1)[0]
    matches = [
        resource
        for resource in view.context.by_type.get(TASK_DEFINITION, ())
        if family and resource.current.get("family") == family
    ]
    if len(matches) != 1:
        return None
    why = f"{matches[0].address} inferred: task_definition {value!r} names its family"
    return view.view_of(Link(matches[0], why))


def estimate(view: AttributeView) -> list[ComponentSpec]:
    providers, strategy_note, assumed = _providers(view)
    if view.string("launch_type") != "FARGATE" and not any(
        p in FARGATE_PROVIDERS for p in providers
    ):
        return []
    task = _task_definition(view)
    if task is None:
        raise UnknownAttributeError(
            "task_definition", "task definition not found in the plan: task size unknown"
        )
    if assumed and "EC2" in task.strings("requires_compatibilities"):
        return []  # the task definition runs on EC2, the launch type ECS would use
    cpu_units = _sized(task, "cpu", _VCPU, 1024.0)
    memory_mib = _sized(task, "memory", _GB, 1024.0)
    tasks = view.number("desired_count", 1.0)
    tasks = 1.0 if tasks is None else tasks
    scaling_note = None
    floor = _autoscaling_minimum(view)
    if floor is not None and floor[0] > tasks:
        tasks, scaling_note = floor
    platform = task.blocks("runtime_platform")
    arm = bool(platform) and platform[0].string("cpu_architecture") == "ARM64"
    label = "ARM64" if arm else "x86"
    notes = [task.inferred] if task.inferred else []
    if strategy_note:
        notes.append(f"on Fargate through {strategy_note}")
    if scaling_note:
        notes.append(scaling_note)
    if "FARGATE_SPOT" in providers:
        notes.append("FARGATE_SPOT tasks priced at the on-demand Fargate rate (an upper bound)")
    note = "; ".join(notes) or None
    unknown = f"of {task.resource.address}: unknown until apply"
    if cpu_units is None:
        vcpu = ComponentSpec(
            f"vCPU ({tasks:g} tasks, {label})",
            "vCPU-hour",
            keys.fargate_vcpu_hour(arm),
            None,
            note=note,
            unknown=f"cpu {unknown}",
        )
    else:
        vcpus = cpu_units / 1024
        vcpu = ComponentSpec(
            f"vCPU ({tasks:g} tasks x {vcpus:g} vCPU, {label})",
            "vCPU-hour",
            keys.fargate_vcpu_hour(arm),
            tasks * vcpus * HOURS_PER_MONTH,
            note=note,
        )
    if memory_mib is None:
        memory = ComponentSpec(
            f"Memory ({tasks:g} tasks, {label})",
            "GB-hour",
            keys.fargate_gb_hour(arm),
            None,
            unknown=f"memory {unknown}",
        )
    else:
        memory_gb = memory_mib / 1024
        memory = ComponentSpec(
            f"Memory ({tasks:g} tasks x {memory_gb:g} GB, {label})",
            "GB-hour",
            keys.fargate_gb_hour(arm),
            tasks * memory_gb * HOURS_PER_MONTH,
        )
    specs = [vcpu, memory]
    storage = task.blocks("ephemeral_storage")
    size = storage[0].number("size_in_gib") if storage else None
    if size and size > FREE_EPHEMERAL_GB:
        extra = size - FREE_EPHEMERAL_GB
        specs.append(
            ComponentSpec(
                f"Ephemeral storage above 20 GB ({tasks:g} tasks x {extra:g} GB)",
                "GB-hour",
                keys.FARGATE_EPHEMERAL_STORAGE_GB_HOUR,
                tasks * (size - FREE_EPHEMERAL_GB) * HOURS_PER_MONTH,
            )
        )
    return specs


def _autoscaling_minimum(view: AttributeView) -> tuple[float, str] | None:
    """The `min_capacity` of the Application Auto Scaling target that scales this service's
    desired count: the service never runs fewer tasks."""
    link = view.context.referencing_link(view.resource, "aws_appautoscaling_target", "resource_id")
    if link is None:
        return None
    target = view.view_of(link)
    if target.string("scalable_dimension") != "ecs:service:DesiredCount":
        return None
    minimum = target.number("min_capacity")
    if minimum is None:
        return None
    note = f"{number_text(minimum)} tasks: the min_capacity of {link.target.address}"
    return minimum, f"{note} ({link.inferred})" if link.inferred else note
