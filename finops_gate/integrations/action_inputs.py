"""The GitHub Action's entrypoint: map the action's inputs (`INPUT_*`) to `check` arguments.

GitHub passes each input of action.yml to the container as `INPUT_<NAME>`, the name in
upper case with spaces turned into `_` (a `-` stays, so `github-token` arrives as
`INPUT_GITHUB-TOKEN`, a name some runners do not pass into a container); action.yml's
`runs.env` passes each input again with `_` for `-` (`INPUT_GITHUB_TOKEN`), and either
spelling is read. The token is handed on in the environment, never on a command line.
"""

from __future__ import annotations

import shlex
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path

from finops_gate.errors import FinopsGateError
from finops_gate.integrations.github import pull_request_from_event
from finops_gate.records import record

# Every input action.yml declares; a test checks the two agree.
INPUTS = (
    "plan",
    "policy",
    "usage-file",
    "strict-usage",
    "prices",
    "prices-only",
    "region",
    "config-dir",
    "format",
    "output",
    "comment",
    "comment-behavior",
    "suggest",
    "project",
    "github-token",
    "fail-on",
    "ignore-comment-errors",
    "network-deadline",
    "allow-outside-repo",
    "args",
)
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off", "")


class ActionInputError(FinopsGateError):
    """An input of the GitHub Action has a value it cannot use."""


@record
class ActionCall:
    args: list[str]
    env: dict[str, str] = field(default_factory=dict, repr=False)  # added to the environment


def action_input(env: Mapping[str, str], name: str) -> str:
    """An input's value, trimmed, as the runner passes it (either spelling of `-`)."""
    upper = name.upper()
    for key in (f"INPUT_{upper}", f"INPUT_{upper.replace('-', '_')}"):
        if key in env:
            return env[key].strip()
    return ""


def _flag(env: Mapping[str, str], name: str) -> bool:
    value = action_input(env, name).lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ActionInputError(f"input {name}: expected true or false, got {value!r}")


def plan_argument(value: str, workspace: str | None = None) -> str:
    """A plan file as given; for a directory, its `plan.json` when it has one.

    A directory without one is passed on as it is, for the CLI to read its .tf files.
    """
    path = Path(value)
    if not path.is_absolute() and workspace and not path.exists():
        path = Path(workspace) / path
    if path.is_dir() and (path / "plan.json").is_file():
        return str(path / "plan.json")
    return str(path) if path.exists() else value


def _is_pull_request_event(env: Mapping[str, str]) -> bool:
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return False
    try:
        return pull_request_from_event(path) is not None
    except FinopsGateError:
        return False


def action_call(env: Mapping[str, str], supported: frozenset[str] | None = None) -> ActionCall:
    """The `check` arguments for the inputs in `env`.

    `supported` is the set of `check` options this build knows; an input whose option is
    missing (for example `--usage-file` before usage files land) is a clear error.
    """
    plan = action_input(env, "plan")
    if not plan:
        raise ActionInputError("input plan is required: the path of `terraform show -json` output")
    args = [plan_argument(plan, env.get("GITHUB_WORKSPACE"))]
    for name, option in (
        ("policy", "--policy"),
        ("usage-file", "--usage-file"),
        ("prices", "--prices"),
        ("region", "--region"),
        ("config-dir", "--config-dir"),
        ("format", "--format"),
        ("output", "--output"),
        ("comment-behavior", "--comment-behavior"),
        ("project", "--project"),
        ("fail-on", "--fail-on"),
        ("network-deadline", "--network-deadline"),
    ):
        value = action_input(env, name)
        if not value:
            continue
        if supported is not None and option not in supported:
            raise ActionInputError(
                f"input {name}: this version of finops-gate has no {option} option"
            )
        args += [option, value]
    comment = action_input(env, "comment").lower() or "auto"
    if comment == "auto":
        comment = "true" if _is_pull_request_event(env) else "false"
    if comment in _TRUE:
        args += ["--comment", "github"]
    elif comment not in _FALSE:
        raise ActionInputError(f"input comment: expected auto, true or false, got {comment!r}")
    if _flag(env, "suggest"):
        if supported is not None and "--suggest" not in supported:
            raise ActionInputError("input suggest: this version of finops-gate has no --suggest")
        args += ["--suggest", "github"]
    for name in ("ignore-comment-errors", "prices-only", "allow-outside-repo", "strict-usage"):
        if _flag(env, name):
            args.append(f"--{name}")
    extra = action_input(env, "args")
    if extra:
        try:
            args += shlex.split(extra)
        except ValueError as error:
            raise ActionInputError(f"input args: {error}") from None
    updates: dict[str, str] = {}
    token = action_input(env, "github-token")
    if token:
        updates["GITHUB_TOKEN"] = token
    return ActionCall(args, updates)
