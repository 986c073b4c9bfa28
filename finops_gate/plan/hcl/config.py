"""A Terraform module directory's configuration: its blocks, read from every .tf file."""

from __future__ import annotations

import json
import os
from dataclasses import field
from pathlib import Path

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.evaluate import Evaluator
from finops_gate.plan.hcl.files import read_source_text
from finops_gate.plan.hcl.jsonsyntax import parse_json_text
from finops_gate.plan.hcl.overrides import is_override_file, merge_block
from finops_gate.plan.hcl.syntax import Attribute, Block, Body, parse_text
from finops_gate.plan.hcl.values import EvalError
from finops_gate.records import record


@record(frozen=False, slots=True)
class ModuleFiles:
    directory: Path
    shown: str  # the directory as shown in notes and source locations
    variables: dict[str, Block] = field(default_factory=dict)
    locals: dict[str, Attribute] = field(default_factory=dict)
    resources: dict[str, Block] = field(default_factory=dict)  # "type.name"
    data: dict[str, Block] = field(default_factory=dict)
    modules: dict[str, Block] = field(default_factory=dict)
    outputs: dict[str, Block] = field(default_factory=dict)
    providers: list[Block] = field(default_factory=list)

    def resource_types(self) -> set[str]:
        return {key.split(".", 1)[0] for key in self.resources}


def shown_path(path: Path, root: Path) -> str:
    relative = os.path.relpath(path, root)
    return "." if relative == "." else relative.replace(os.sep, "/")


def tf_files(directory: Path) -> list[Path]:
    files = [
        p
        for p in directory.iterdir()
        if p.is_file() and p.name.endswith((".tf", ".tf.json")) and not p.name.startswith(".")
    ]
    overrides = sorted(p for p in files if is_override_file(p.name))
    return sorted(p for p in files if p not in overrides) + overrides


def parse_file(path: Path, shown: str) -> Body:
    """A `.tf` or `.tf.json` file's body (the file type decides the parser)."""
    text = read_source_text(path, shown)
    if path.name.endswith(".json"):
        return parse_json_text(text, shown)
    return parse_text(text, shown)


def load_module_config(directory: Path, root: Path) -> ModuleFiles:
    shown = shown_path(directory, root)
    if not directory.is_dir():
        raise PlanError(f"{shown}: no such directory")
    config = ModuleFiles(directory, shown)
    for path in tf_files(directory):
        name = path.name if shown == "." else f"{shown}/{path.name}"
        body = parse_file(path, name)
        for block in body.blocks:
            if is_override_file(path.name):
                _override_block(config, block)
            else:
                _add_block(config, block)
    return config


def _add_block(config: ModuleFiles, block: Block) -> None:
    labels = block.labels
    if block.type == "locals":
        config.locals.update(block.body.attributes)
    elif block.type == "provider" and labels:
        config.providers.append(block)
    else:
        table = _table(config, block)
        if table is not None:
            table[_key(block)] = block


def _override_block(config: ModuleFiles, block: Block) -> None:
    """Merge a block of an override file into the block it overrides (Terraform's rules)."""
    if block.type == "locals":
        for name, attribute in block.body.attributes.items():
            if name not in config.locals:
                _missing(block, f"local.{name}")
            config.locals[name] = attribute
        return
    if block.type == "provider" and block.labels:
        wanted = provider_key(block)
        for position, original in enumerate(config.providers):
            if provider_key(original) == wanted:
                config.providers[position] = merge_block(original, block)
                return
        _missing(block, f'provider "{wanted}"')
        return
    table = _table(config, block)
    if table is None:
        return
    key = _key(block)
    if key not in table:
        _missing(block, f"{block.type} {key}")
    table[key] = merge_block(table[key], block)


def _missing(block: Block, what: str) -> None:
    # Terraform refuses an override with nothing to override; so do we (exit 2).
    raise PlanError(f"{block.file}:{block.line}: {what} overrides nothing (no such block)")


def _table(config: ModuleFiles, block: Block) -> dict[str, Block] | None:
    labels = block.labels
    if block.type == "resource" and len(labels) == 2:
        return config.resources
    if block.type == "data" and len(labels) == 2:
        return config.data
    if block.type == "variable" and labels:
        return config.variables
    if block.type == "module" and labels:
        return config.modules
    if block.type == "output" and labels:
        return config.outputs
    return None


def _key(block: Block) -> str:
    return ".".join(block.labels[:2]) if block.type in ("resource", "data") else block.labels[0]


def provider_key(block: Block) -> str:
    """ "aws" or "aws.eu": a provider block's name and its alias (a literal string)."""
    alias_attr = block.body.attributes.get("alias")
    if alias_attr is None:
        return block.labels[0]

    def no_names(name: str) -> None:
        raise EvalError(f"{name} cannot be used in a provider alias")

    try:
        alias = Evaluator(no_names, {}).evaluate(alias_attr.expr)
    except EvalError:
        alias = None
    return f"{block.labels[0]}.{alias}" if isinstance(alias, str) else block.labels[0]


def installed_modules(root: Path) -> dict[str, Path]:
    """Module call path ("a.b") -> directory, from `.terraform/modules/modules.json`."""
    manifest = root / ".terraform" / "modules" / "modules.json"
    try:
        raw = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    found: dict[str, Path] = {}
    for entry in raw.get("Modules", []) if isinstance(raw, dict) else []:
        if isinstance(entry, dict) and entry.get("Key") and isinstance(entry.get("Dir"), str):
            found[str(entry["Key"])] = root / entry["Dir"]
    return found
