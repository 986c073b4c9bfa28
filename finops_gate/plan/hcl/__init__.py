"""HCL mode: read a directory of .tf files directly, without terraform, into a Plan.

The records are the same as the plan path's (every resource is a `create`), so
estimators and policies are shared. What cannot be known offline (data sources,
remote modules, unset variables, attributes known only after apply) is marked unknown
exactly where a plan would mark it, and the plan's notes say how many values were
unknown and where.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.note_text import listing, shortened
from finops_gate.plan.references import ModuleLinks
from finops_gate.plan.resource import Plan

if TYPE_CHECKING:
    from finops_gate.plan.hcl.evaluation_context import UnknownValue
    from finops_gate.plan.region import RegionOptions

HCL_FORMAT_VERSION = "hcl"


def load_directory(
    directory: str | Path,
    var_files: Sequence[str] = (),
    var_options: Sequence[str] = (),
    shown: str | None = None,
    terraform_dir_of: str | Path | None = None,
    regions: RegionOptions | None = None,
    allow_outside_repo: bool = False,
) -> Plan:
    """Evaluate the root module in `directory` (and its local modules) into a Plan.

    `terraform_dir_of`: read `.terraform` (installed modules, selected workspace) from
    that directory instead (`--base` evaluates a copy of the directory from git, which
    has none). `regions`: where a provider block without a region gets one (the
    environment, `--region`); None: us-east-1. `allow_outside_repo`: read local modules
    outside the repository too (else they stop the run: finops_gate/confine.py).
    """
    from finops_gate.confine import OutsideRepo
    from finops_gate.plan.hcl import evaluation_context, module_instance
    from finops_gate.plan.hcl.config import tf_files
    from finops_gate.plan.hcl.values import contains_unknown
    from finops_gate.plan.hcl.variables import root_variable_values
    from finops_gate.plan.region import default_region, fallback_note

    root = Path(directory).resolve()
    label = shown or str(directory)
    if not root.is_dir():
        raise PlanError(f"{label}: no such directory")
    if not tf_files(root):
        raise PlanError(f"{label}: no .tf files in this directory")
    context = evaluation_context.Context(root=root, root_variables={})
    if allow_outside_repo:
        context.outside_repo = OutsideRepo.READ
    if regions is not None:
        context.default_region = default_region(regions)
    if terraform_dir_of is not None:
        context.modules_root = Path(terraform_dir_of).resolve()
    config = context.config(root)
    string_typed = {
        name
        for name, block in config.variables.items()
        if module_instance.variable_type_name(block) in (None, "string")
    }
    inputs = root_variable_values(root, var_files, var_options, string_typed)
    instance = module_instance.ModuleInstance(context, config, "", "", inputs, {})
    instance.collect()
    variables = {}
    for name in config.variables:
        value = instance.variable_or_unknown(name)
        if contains_unknown(value) is None:
            variables[name] = value
    resources = sorted(context.resources, key=_order)
    notes = list(dict.fromkeys(context.notes))
    offline = [u for u in context.unknowns if not u.after_apply]
    after_apply = [u for u in context.unknowns if u.after_apply]
    if offline:
        notes.append(
            f"HCL mode: {len(offline)} value(s) could not be evaluated without a plan and "
            f"are treated as unknown: {_listing(offline)}"
        )
    if after_apply:
        # Ids, ARNs and other computed values: a plan would not know them either, so a
        # count is enough; listing them would bury the notes that matter.
        notes.append(
            f"HCL mode: {len(after_apply)} value(s) are known only after apply, as in a plan."
        )
    fallback = sum(1 for r in resources if r.region_source == "fallback" and r.provider == "aws")
    if fallback:
        keys = [
            p.config_key for p in context.provider_regions.values() if p.region_source == "fallback"
        ]
        notes.append(fallback_note(dict.fromkeys(sorted(keys), ""), fallback))
    return Plan(
        format_version=HCL_FORMAT_VERSION,
        terraform_version=None,
        resources=tuple(resources),
        errored=False,
        complete=True,
        notes=tuple(notes),
        variables=variables,
        providers=tuple(context.provider_regions[k] for k in sorted(context.provider_regions)),
        module_links=ModuleLinks(context.module_outputs, context.module_inputs),
    )


def _listing(unknowns: Sequence[UnknownValue]) -> str:
    return listing(
        [f"{shortened(u.where)} ({shortened(u.location)}: {shortened(u.reason)})" for u in unknowns]
    )


def _order(resource: object) -> tuple[int, list[tuple[int, int | str, str]]]:
    from finops_gate.plan.resource import Resource

    assert isinstance(resource, Resource)
    module = resource.module_address or ""
    depth = module.count("module.")
    return depth, _address_key(resource.address)


def _address_key(address: str) -> list[tuple[int, int | str, str]]:
    import re

    key: list[tuple[int, int | str, str]] = []
    for name, index in re.findall(r'([^.\[\]]+)|(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])', address):
        if name:
            key.append((0, 0, name))
        elif index[1:-1].isdigit():
            key.append((1, int(index[1:-1]), ""))
        else:
            key.append((2, 0, index))
    return key
