"""ECS service on Fargate (tasks from the task definition it references x desired_count,
or the `min_capacity` of the Application Auto Scaling target that scales it, if higher).

- vCPU: tasks x vCPUs x hour, `fargate:vcpu:hour` (`fargate:arm:vcpu:hour` for ARM64)
- Memory: tasks x GB x hour, `fargate:gb:hour` (`fargate:arm:gb:hour` for ARM64)
- Ephemeral storage above the free 20 GB: tasks x GB x hour,
  `fargate:ephemeral-storage:gb:hour`

The task definition (`task_definition = aws_ecs_task_definition.x.arn`, also through a
module output, or inferred from evidence and noted, see docs/references.md) gives `cpu`
(1024 units = 1 vCPU), `memory` (MiB) and `runtime_platform`; a size known only after
apply leaves its component unknown. Services on the EC2 launch type cost nothing
themselves: they run on the cluster's instances. Tasks on `FARGATE_SPOT` are priced at
the on-demand rate and noted (the table has no Fargate Spot price).
"""

from __future__ import annotations

from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.view import AttributeView, UnknownAttributeError
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_ecs_service",)
FREE_EPHEMERAL_GB = 20.0


def _fargate_spot(view: AttributeView) -> bool:
    providers = [s.string("capacity_provider") for s in view.blocks("capacity_provider_strategy")]
    return "FARGATE_SPOT" in providers


def _on_fargate(view: AttributeView) -> bool:
    if view.string("launch_type") == "FARGATE":
        return True
    providers = [s.string("capacity_provider") for s in view.blocks("capacity_provider_strategy")]
    return any(p in ("FARGATE", "FARGATE_SPOT") for p in providers)


def estimate(view: AttributeView) -> list[ComponentSpec]:
    if not _on_fargate(view):
        return []
    task = view.linked(("task_definition",), "aws_ecs_task_definition")
    if task is None:
        raise UnknownAttributeError(
            "task_definition", "task definition not found in the plan: task size unknown"
        )
    cpu_units = task.number("cpu")
    memory_mib = task.number("memory")
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
    if scaling_note:
        notes.append(scaling_note)
    if _fargate_spot(view):
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
    note = f"{minimum:g} tasks: the min_capacity of {link.target.address}"
    return minimum, f"{note} ({link.inferred})" if link.inferred else note
