"""`--base REF`: the directory at a git revision as "before", the working tree as "after".

The .tf and .tfvars files of the whole repository at REF are extracted (with
`git archive`, so local modules in `../` resolve too) into a temporary directory and
evaluated like the working tree. Records are then paired by address: only before is a
delete, only after a create, both an update when the evaluated attributes differ and a
no-op otherwise (HCL mode cannot tell an in-place update from a replacement).
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from finops_gate.errors import PlanError
from finops_gate.plan.resource import Action, Plan, Resource

if TYPE_CHECKING:
    from finops_gate.plan.region import RegionOptions

_SUFFIXES = (".tf", ".tf.json", ".tfvars", ".tfvars.json", "/modules.json")


def _git(args: Sequence[str], cwd: Path) -> bytes:
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, check=False, timeout=120
        )
    except FileNotFoundError:
        raise PlanError("--base needs git, which is not installed") from None
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PlanError(f"git {' '.join(args[:2])}: {message[-1] if message else 'failed'}")
    return result.stdout


def _top_with_commit(path: Path, ref: str) -> Path:
    """The top of the repository holding `path`, checking that `ref` names a commit
    there: one git process (the pre-commit hook starts this on every commit)."""
    try:
        result = subprocess.run(
            ["git", "rev-parse", "--show-toplevel", "--verify", "--quiet", f"{ref}^{{commit}}"],
            cwd=path,
            capture_output=True,
            check=False,
            timeout=120,
        )
    except FileNotFoundError:
        raise PlanError("--base needs git, which is not installed") from None
    lines = result.stdout.decode().splitlines()
    if not lines:  # not a repository: git says why
        message = result.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PlanError(f"git rev-parse --show-toplevel: {message[-1] if message else 'failed'}")
    top = Path(lines[0]).resolve()
    if result.returncode != 0:
        # `--quiet` makes git say nothing about the ref; name the ref the user gave.
        raise PlanError(
            f"git rev-parse --verify: --base {ref!r}: no such branch, tag or commit "
            f"in the repository at {top}"
        )
    return top


def load_base(
    directory: str,
    ref: str,
    var_files: Sequence[str],
    var_options: Sequence[str],
    regions: RegionOptions | None = None,
    allow_outside_repo: bool = False,
) -> Plan | None:
    """The directory as it was at `ref`; None when it did not exist there."""
    from finops_gate.plan.hcl import load_directory
    from finops_gate.plan.hcl.config import tf_files

    path = Path(directory).resolve()
    top = _top_with_commit(path, ref)
    relative = path.relative_to(top)
    listing = _git(["ls-tree", "-r", "-z", "--name-only", ref], top).decode("utf-8", "replace")
    names = [name for name in listing.split("\0") if name.endswith(_SUFFIXES)]
    if not names:
        return None
    archive = _git(["archive", "--format=tar", ref, "--", *names], top)
    with tempfile.TemporaryDirectory(prefix="finops-gate-base-") as work:
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            members = [m for m in tar.getmembers() if m.isfile() or m.isdir()]
            if hasattr(tarfile, "data_filter"):
                tar.extractall(work, members=members, filter="data")
            else:  # Python 3.10 before 3.10.12: git archive writes only relative paths
                tar.extractall(work, members=members)
        base_dir = Path(work) / relative
        if not base_dir.is_dir() or not tf_files(base_dir):
            return None
        return load_directory(
            base_dir,
            var_files,
            var_options,
            shown=f"{directory}@{ref}",
            terraform_dir_of=path,
            regions=regions,
            allow_outside_repo=allow_outside_repo,
        )


def diff_plans(before: Plan | None, after: Plan) -> Plan:
    """Pair records by address into delete / create / update / no-op changes."""
    old = {r.address: r for r in before.resources} if before else {}
    new = {r.address: r for r in after.resources}
    resources: list[Resource] = []
    for address, resource in new.items():
        previous = old.get(address)
        if previous is None:
            resources.append(resource)
            continue
        same = (
            previous.after == resource.after
            and previous.after_unknown == resource.after_unknown
            and previous.region == resource.region
        )
        action = Action.NO_OP if same else Action.UPDATE
        resources.append(
            replace(
                resource,
                actions=(action.value,),
                action=action,
                before=previous.after,
            )
        )
    for address, resource in old.items():
        if address not in new:
            resources.append(
                replace(
                    resource,
                    actions=("delete",),
                    action=Action.DELETE,
                    before=resource.after,
                    after=None,
                    after_unknown={},
                    source_file=None,
                    source_line=None,
                )
            )
    notes = list(after.notes)
    if before is None:
        notes.append("--base: the directory did not exist at the base revision.")
    return replace(after, resources=tuple(resources), notes=tuple(dict.fromkeys(notes)))
