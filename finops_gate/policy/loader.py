"""Load a policy file by path, or a bundled one by name, resolving `extends`.

`extends: NAME` starts from a bundled policy (or a policy file path, relative to the
extending file): policies with the same id are replaced, `remove: [id, ...]` drops
inherited policies, new ids are added after the inherited ones; `environment` replaces
the inherited one when given; waivers add up.

An `extends` path must stay inside the repository of the file that names it (symlinks
resolved; finops_gate/confine.py) unless `allow_outside_repo`: a policy file from a pull
request must not make the gate read the runner's other files.

A bundled policy (the package's own file, proved valid by the tests) is built without the
pydantic schema, which is imported only for a file a user writes, where its error
messages matter (finops_gate/policy/model.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from finops_gate.bundled import bundled_dir
from finops_gate.confine import is_inside, real, refusal
from finops_gate.errors import PolicyError
from finops_gate.globs import glob_match
from finops_gate.input_files import POLICY_LIMIT, decode_utf8, load_yaml, read_input_file
from finops_gate.policy.model import NotBuilt, PolicyFile, from_data
from finops_gate.records import record

DEFAULT_POLICY = "default"


def bundled_policy_names() -> list[str]:
    return sorted(path.stem for path in bundled_dir("policies").glob("*.yml"))


def resolve_policy_path(name_or_path: str | None) -> Path:
    """A path to an existing file, or the name of a bundled policy (`default`)."""
    if name_or_path is None:
        name_or_path = DEFAULT_POLICY
    path = Path(name_or_path)
    if path.exists():
        return path
    bundled = bundled_dir("policies") / f"{name_or_path}.yml"
    if "/" not in name_or_path and bundled.exists():
        return bundled
    names = ", ".join(bundled_policy_names())
    raise PolicyError(f"{name_or_path}: no such policy file (bundled policies: {names})")


BUILTIN_IDS = ("plan-incomplete", "environment-unknown")


def load_policy(
    name_or_path: str | None, allow_outside_repo: bool = False, *, check_bundled: bool = False
) -> tuple[PolicyFile, Path]:
    """`check_bundled`: put bundled files through the schema too, as `policy validate`
    does (someone editing a bundled policy in a checkout is told what is wrong with it),
    rather than building them directly."""
    path = resolve_policy_path(name_or_path)
    return _load(path, (), allow_outside_repo, check_bundled), path


def _load(
    path: Path, seen: tuple[Path, ...], allow_outside_repo: bool, check_bundled: bool = False
) -> PolicyFile:
    data = read_input_file(str(path), POLICY_LIMIT, PolicyError)
    text = decode_utf8(data, str(path), "the policy file", PolicyError)
    parsed = _parse(text, str(path), trusted=not check_bundled and _is_bundled(path))
    return _resolve(
        parsed, str(path), path.parent, (*seen, path), allow_outside_repo, check_bundled
    )


def _is_bundled(path: Path) -> bool:
    return path.resolve().parent == bundled_dir("policies").resolve()


def parse_policy(
    text: str, name: str, base: Path | None = None, allow_outside_repo: bool = False
) -> PolicyFile:
    """Parse and validate a policy file's text, resolving `extends`."""
    parsed = _parse(text, name, trusted=False)
    return _resolve(parsed, name, base or Path.cwd(), (), allow_outside_repo)


def _resolve(
    parsed: _Parsed,
    name: str,
    base: Path,
    seen: tuple[Path, ...],
    allow_outside_repo: bool,
    check_bundled: bool = False,
) -> PolicyFile:
    child = parsed.policy_file
    if child.extends is None:
        if child.remove:
            raise PolicyError(f"{name}: remove: only meaningful with extends")
        merged = child
    else:
        parent_path = _parent_path(child.extends, base, name, allow_outside_repo)
        if parent_path.resolve() in [p.resolve() for p in seen]:
            raise PolicyError(f"{name}: extends: {child.extends!r} extends itself")
        parent = _load(parent_path, seen, allow_outside_repo, check_bundled)
        parent_ids = {p.id for p in parent.policies}
        for index, removed in enumerate(child.remove):
            if removed not in parent_ids:
                raise PolicyError(
                    f"{name}: remove[{index}]: {child.extends!r} has no policy {removed!r}"
                )
        mine = {p.id: p for p in child.policies}
        policies = [mine.pop(p.id, p) for p in parent.policies if p.id not in child.remove]
        policies += [p for p in child.policies if p.id in mine]
        environment = child.environment if parsed.sets_environment else parent.environment
        merged = PolicyFile(
            environment=environment,
            policies=policies,
            waivers=[*parent.waivers, *child.waivers],
        )
    ids = [p.id for p in merged.policies] + list(BUILTIN_IDS)
    for index, waiver in enumerate(merged.waivers):
        if not any(glob_match(policy_id, waiver.policy) for policy_id in ids):
            raise PolicyError(f"{name}: waivers[{index}].policy: no policy {waiver.policy!r}")
    return merged


def _parent_path(extends: str, base: Path, name: str, allow_outside_repo: bool) -> Path:
    bundled = bundled_dir("policies") / f"{extends}.yml"
    if "/" not in extends and not extends.endswith((".yml", ".yaml")):
        if bundled.exists():
            return bundled
        names = ", ".join(bundled_policy_names())
        raise PolicyError(f"{name}: extends: no bundled policy {extends!r} (bundled: {names})")
    path = base / extends
    if not allow_outside_repo and not _in_repository(path, base):
        # Checked before the file is even looked at: whether it exists is no business of
        # a policy from elsewhere either.
        raise PolicyError(refusal(name, "extends", extends))
    if not path.is_file():
        raise PolicyError(f"{name}: extends: {path}: no such policy file")
    return path


def _in_repository(path: Path, base: Path) -> bool:
    """Whether `path` is inside the repository of `base`, the directory of the policy
    file that names it."""
    from finops_gate.plan.hcl.files import repository_top

    top = repository_top(Path(os.path.abspath(base)))
    return is_inside(path, [real(top)])


def bundled_yaml(text: str) -> Any:
    """A bundled file's YAML through libyaml's loader, about ten times faster than the
    bounded one (`input_files.parse_yaml`), whose bounds are for files from elsewhere;
    None without libyaml or when libyaml refuses the text (the bounded loader then says
    why). Equal to the bounded loader's result for every bundled policy (tested)."""
    if not yaml.__with_libyaml__:
        return None
    try:
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError:
        return None


@record
class _Parsed:
    policy_file: PolicyFile
    sets_environment: bool  # whether the file has an `environment` (replacing its parent's)


def parse_policy_file(text: str, name: str) -> PolicyFile:
    """Parse and validate one file, without resolving `extends`."""
    return _parse(text, name, trusted=False).policy_file


def _parse(text: str, name: str, trusted: bool) -> _Parsed:
    raw = bundled_yaml(text) if trusted else None
    if raw is None:
        raw = load_yaml(text, name, PolicyError)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise PolicyError(f"{name}: the policy file must be a mapping with a `policies` list")
    if trusted:
        try:
            return _Parsed(from_data(PolicyFile, raw), "environment" in raw)
        except NotBuilt:
            pass  # not the shape a bundled file has: the schema says what is wrong
    return _Parsed(_validated(raw, name), "environment" in raw)


def _validated(raw: dict[str, Any], name: str) -> PolicyFile:
    from pydantic import ValidationError

    from finops_gate.policy import schema

    try:
        return schema.to_policy_file(schema.PolicyFile.model_validate(raw))
    except ValidationError as error:
        # A misspelt key also makes the real key "missing": name the misspelling first.
        errors = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
        problems = [
            f"{_location(item['loc'], raw)}: "
            + (
                "unknown key"
                if item["type"] == "extra_forbidden"
                else item["msg"].removeprefix("Value error, ")
            )
            for item in errors[:MAX_PROBLEMS_SHOWN]
        ]
        if len(errors) > MAX_PROBLEMS_SHOWN:
            problems.append(f"and {len(errors) - MAX_PROBLEMS_SHOWN} more")
        # Every problem at once, so one edit fixes them all; still one line (CI logs).
        raise PolicyError(f"{name}: {'; '.join(problems)}") from None


# Enough for any file a person writes; a generated file with thousands of mistakes
# must not produce a message of megabytes.
MAX_PROBLEMS_SHOWN = 20


def _location(loc: tuple[int | str, ...], raw: Any) -> str:
    """A key path like `policies[1] (id: sizes).environments.dev.alow`."""
    text = ""
    node = raw
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
            node = node[part] if isinstance(node, list) and part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f" (id: {node['id']})"
        else:
            if isinstance(node, dict) and node.get("kind") == part:
                continue  # pydantic's discriminator tag, not a key of the file
            text += f".{part}" if text else part
            node = node.get(part) if isinstance(node, dict) else None
    return text or "top level"
