"""A Terraform module directory's configuration: its blocks, read from every .tf file."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from finops_gate.errors import PlanError
from finops_gate.plan.hcl.syntax import Attribute, Block, parse_file


@dataclass(slots=True)
class ModuleConfig:
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
    overrides = sorted(p for p in files if _stem(p) == "override" or _stem(p).endswith("_override"))
    return sorted(p for p in files if p not in overrides) + overrides


def _stem(path: Path) -> str:
    return path.name.removesuffix(".json").removesuffix(".tf")


def _is_override(file: str) -> bool:
    stem = _stem(Path(file))
    return stem == "override" or stem.endswith("_override")


def load_module_config(directory: Path, root: Path) -> ModuleConfig:
    shown = shown_path(directory, root)
    if not directory.is_dir():
        raise PlanError(f"{shown}: no such directory")
    config = ModuleConfig(directory, shown)
    for path in tf_files(directory):
        name = path.name if shown == "." else f"{shown}/{path.name}"
        body = parse_file(path, name)
        for block in body.blocks:
            _add_block(config, block)
    return config


def _add_block(config: ModuleConfig, block: Block) -> None:
    labels = block.labels
    if block.type == "variable" and labels:
        config.variables[labels[0]] = block
    elif block.type == "locals":
        config.locals.update(block.body.attributes)
    elif block.type == "resource" and len(labels) == 2:
        key = f"{labels[0]}.{labels[1]}"
        existing = config.resources.get(key)
        if existing is not None and _is_override(existing.file):
            return
        if existing is not None and _is_override(block.file):
            existing.body.attributes.update(block.body.attributes)
            return
        config.resources[key] = block
    elif block.type == "data" and len(labels) == 2:
        config.data[f"{labels[0]}.{labels[1]}"] = block
    elif block.type == "module" and labels:
        config.modules[labels[0]] = block
    elif block.type == "output" and labels:
        config.outputs[labels[0]] = block
    elif block.type == "provider" and labels:
        config.providers.append(block)


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
