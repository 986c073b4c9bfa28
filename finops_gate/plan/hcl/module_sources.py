"""Where a module call's code is: a local path (./, ../, an absolute path, read in place),
else the copy `terraform init` installed in .terraform/modules; a remote module that is
not installed is left out with a note. A directory outside the repository is refused or
skipped unless the user allows it (finops_gate/confine.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from finops_gate.confine import OutsideRepo, is_inside, refusal
from finops_gate.errors import PlanError
from finops_gate.plan.hcl.evaluation_context import Context
from finops_gate.plan.hcl.note_text import shortened
from finops_gate.plan.hcl.syntax import Block


def module_directory(
    context: Context,
    caller: Path,
    block: Block,
    name: str,
    prefix: str,
    call_path: str,
    source: Any,
) -> Path | None:
    """The directory of module call `block` (`module.<name>` in the module instance at
    `prefix`, whose configuration is in `caller`; `call_path` is how .terraform/modules
    names it), given its evaluated `source`; None when it is not read."""
    # An absolute path is read in place: `terraform init` installs it as a link to it.
    if isinstance(source, str) and source.startswith(("./", "../", "/")):
        return _confined(context, caller / source, block, f"{prefix}module.{name}", source)
    key = f"{call_path}.{name}" if call_path else name
    installed = context.installed_dir(key)
    if installed is not None and installed.is_dir():
        written = source if isinstance(source, str) else f".terraform/modules: {key}"
        return _confined(context, installed, block, f"{prefix}module.{name}", written)
    context.notes.append(
        f"{prefix}module.{name} (source {shortened(repr(source))}, "
        f"{block.file}:{block.line}) is not "
        "evaluated: only local modules (./, ../, an absolute path) or modules installed by "
        "`terraform init` in .terraform/modules are read; its resources are not priced."
    )
    return None


def _confined(
    context: Context, directory: Path, block: Block, address: str, written: str
) -> Path | None:
    """`directory` when it may be read (finops_gate/confine.py); else a one-line
    error (HCL mode) or None with a note (plan mode's configuration reading)."""
    if context.outside_repo == OutsideRepo.READ or is_inside(
        directory, context.module_boundaries()
    ):
        return directory
    where = f"{block.file}:{block.line}"
    field = f"{address}.source"
    if context.outside_repo == OutsideRepo.REFUSE:
        raise PlanError(refusal(where, field, written))
    skipped = "not read: its provider blocks and resources are not evaluated"
    context.outside_notes.append(refusal(where, field, written, skipped))
    return None
