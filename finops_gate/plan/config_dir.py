"""The regions of the provider blocks of a configuration directory, evaluated with the HCL
evaluator: for plans whose provider region is an expression the plan does not record
(`region = local.region`).

Only provider blocks are evaluated (with the locals, variables, tfvars and workspace
they need), in the root module and its local modules; resources are not. The keys are
the plan's `provider_config` keys: `aws`, `aws.eu`, `module.net:aws`,
`module.net.module.vpc:aws.peer`.

A local module outside the repository (finops_gate/confine.py) is left out with a note,
unless `allow_outside_repo`: this reading only adds what the plan lacks.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.plan.hcl.module_instance import ModuleInstance


@record(frozen=False, slots=True)
class ConfigRegions:
    regions: dict[str, str] = field(default_factory=dict)  # provider key -> region
    locations: dict[str, str] = field(default_factory=dict)  # provider key -> "main.tf:12"
    problems: dict[str, str] = field(default_factory=dict)  # provider key -> why unknown
    error: str | None = None  # why the directory could not be evaluated at all
    notes: list[str] = field(default_factory=list)  # modules left out, for the plan's notes


def has_tf_files(directory: Path) -> bool:
    try:
        return directory.is_dir() and any(
            p.name.endswith((".tf", ".tf.json")) for p in directory.iterdir() if p.is_file()
        )
    except OSError:
        return False


def provider_regions(
    directory: str | Path, plan_variables: Mapping[str, Any], allow_outside_repo: bool = False
) -> ConfigRegions:
    """Evaluate the provider blocks under `directory`; the plan's own variable values win
    over defaults and tfvars files (they are what terraform used).

    Never raises: a configuration this evaluator cannot read must not stop the gate,
    whose input is the plan; the failure is returned in `error` instead.
    """
    try:
        return _evaluate(Path(directory), plan_variables, allow_outside_repo)
    except Exception as error:  # any failure only skips this step
        message = str(error) or type(error).__name__
        return ConfigRegions(error=message.splitlines()[0])


def _evaluate(
    directory: Path, plan_variables: Mapping[str, Any], allow_outside_repo: bool
) -> ConfigRegions:
    result = ConfigRegions()
    instance = _root_instance(directory, plan_variables, allow_outside_repo)
    _collect(instance, "", result)
    result.notes = list(dict.fromkeys(instance.context.outside_notes))
    return result


# The last configuration evaluated: a plan's regions and its links are read from the same
# directory with the same variables, and evaluating it twice would double the cost.
_LAST: dict[str, ModuleInstance] = {}


def _root_instance(
    directory: Path, plan_variables: Mapping[str, Any], allow_outside_repo: bool
) -> ModuleInstance:
    """The root module of `directory`, ready to evaluate; the plan's own variable values
    win over defaults and tfvars files (they are what terraform used)."""
    import json

    from finops_gate.confine import OutsideRepo
    from finops_gate.errors import PlanError
    from finops_gate.plan.hcl import evaluation_context, module_instance
    from finops_gate.plan.hcl.variables import root_variable_values

    root = directory.resolve()
    stamps = [(p.name, p.lstat().st_mtime_ns) for p in sorted(root.glob("*.tf*"))]
    key = json.dumps(
        [str(root), stamps, plan_variables, allow_outside_repo], sort_keys=True, default=str
    )
    if key in _LAST:
        return _LAST[key]
    if not has_tf_files(root):
        raise PlanError(f"{directory}: no .tf files")
    context = evaluation_context.Context(root=root, root_variables={})
    context.outside_repo = OutsideRepo.READ if allow_outside_repo else OutsideRepo.SKIP
    config = context.config(root)
    string_typed = {
        name
        for name, block in config.variables.items()
        if module_instance.variable_type_name(block) in (None, "string")
    }
    inputs = root_variable_values(root, (), (), string_typed)
    inputs.update({k: v for k, v in plan_variables.items() if k in config.variables})
    instance = module_instance.ModuleInstance(context, config, "", "", inputs, {})
    _LAST.clear()
    _LAST[key] = instance
    return instance


def _collect(instance: ModuleInstance, module_path: str, result: ConfigRegions) -> None:
    from finops_gate.plan.hcl.values import Unknown

    for block in instance.config.providers:
        if not block.labels or block.labels[0] != "aws":
            continue
        alias_attr = block.body.attributes.get("alias")
        alias = instance.evaluate_expr(alias_attr.expr, {}) if alias_attr else None
        local_key = f"aws.{alias}" if isinstance(alias, str) else "aws"
        key = f"{module_path}:{local_key}" if module_path else local_key
        region = instance.providers[local_key].region
        result.locations[key] = f"{block.file}:{block.line}"
        if isinstance(region, str) and region:
            result.regions[key] = region
        elif isinstance(region, Unknown):
            result.problems[key] = region.reason
        else:
            result.problems[key] = "it sets no region"
    for name in instance.config.modules:
        children = instance.children(name)
        if isinstance(children, Unknown):
            continue
        # A module with its own provider blocks cannot use count or for_each, so one
        # instance speaks for all.
        child = next((c for _, c in children if c is not None), None)
        if child is not None:
            path = f"{module_path}.module.{name}" if module_path else f"module.{name}"
            _collect(child, path, result)


# Types whose price follows a link to another resource (a launch template, a task
# definition, subnets...). Only when the plan holds one is the configuration evaluated.
LINKING_TYPES = frozenset(
    {
        "aws_autoscaling_group",
        "aws_db_instance",
        "aws_ecs_service",
        "aws_eip",
        "aws_eks_node_group",
        "aws_instance",
        "aws_rds_cluster_instance",
        "aws_spot_instance_request",
        "aws_vpc_endpoint",
    }
)


def linked_expressions(
    directory: str | Path,
    plan_variables: Mapping[str, Any],
    addresses: set[str],
    allow_outside_repo: bool = False,
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Configuration expressions of `addresses`, evaluated from the directory, with the
    resources their values come from as absolute references: what a plan cannot record
    (a launch template reached through a `local`, subnets through `each.value`); and the
    notes on modules left out.

    Never raises: like the provider regions, this only adds what the plan lacks.
    """
    try:
        return _linked(Path(directory), plan_variables, addresses, allow_outside_repo)
    except Exception:  # any failure only skips this step; the plan's own links stay
        return {}, []


def _linked(
    directory: Path, plan_variables: Mapping[str, Any], addresses: set[str], allow: bool
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    instance = _root_instance(directory, plan_variables, allow)
    if not instance.context.resources:  # collected once per evaluation
        instance.collect()
    linked = {
        resource.address: dict(resource.config_expressions)
        for resource in instance.context.resources
        if resource.address in addresses
    }
    return linked, list(dict.fromkeys(instance.context.outside_notes))


def with_absolute_references(planned: Any, evaluated: Any) -> Any:
    """The plan's expressions, each led by the absolute references (`/address`) the
    evaluated configuration found for it; nested blocks merge item by item (a `dynamic`
    block, absent from a plan's configuration, comes from the evaluation)."""
    if isinstance(evaluated, list) and planned is None:
        planned = []
    if isinstance(planned, list) and isinstance(evaluated, list):
        merged = [
            with_absolute_references(item, evaluated[i]) if i < len(evaluated) else item
            for i, item in enumerate(planned)
        ]
        return merged + evaluated[len(planned) :]
    if not isinstance(evaluated, dict):
        return planned
    if not isinstance(planned, dict):
        planned = {}
    if "references" in evaluated or "references" in planned:
        absolute = [
            ref
            for ref in evaluated.get("references", [])
            if isinstance(ref, str) and ref.startswith("/")
        ]
        own = planned.get("references")
        own = own if isinstance(own, list) else []
        if not absolute:
            return planned
        return {**planned, "references": list(dict.fromkeys([*absolute, *own]))}
    merged_map = dict(planned)
    for key, value in evaluated.items():
        merged_map[key] = with_absolute_references(planned.get(key), value)
    return merged_map
