"""`finops-gate.yml`: the projects of a repository, validated with pydantic.

Key names follow the issue that introduced the file, so configs stay portable between
versions: `include`, `defaults`, `projects` (`name`, `path`, `var_files`, `vars`, `policy`,
`usage_file`, `environment`), `exclude` and `budgets`. An unknown key is an error naming
it. Paths are relative to the file that names them; `var_files` to the project's path.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from finops_gate.confine import is_inside, real, refusal
from finops_gate.errors import FinopsGateError
from finops_gate.input_files import POLICY_LIMIT, decode_utf8, load_yaml, read_input_file
from finops_gate.policy import model
from finops_gate.policy.schema import BudgetPolicy, to_budget_policy
from finops_gate.records import record

CONFIG_NAME = "finops-gate.yml"
MAX_PROBLEMS_SHOWN = 20


class ConfigError(FinopsGateError):
    """The config file (or a file it includes) is missing or invalid."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


Name = Annotated[str, Field(min_length=1)]


class ProjectDefaults(_Strict):
    var_files: list[str] = Field(default_factory=list)
    vars: dict[str, Any] = Field(default_factory=dict)
    policy: str | None = None
    usage_file: str | None = None
    environment: str | None = None


class ProjectEntry(_Strict):
    name: Name
    path: Name
    var_files: list[str] | None = None
    vars: dict[str, Any] | None = None
    policy: str | None = None
    usage_file: str | None = None
    environment: str | None = None


class ConfigFile(_Strict):
    include: list[Name] = Field(default_factory=list)
    defaults: ProjectDefaults = Field(default_factory=ProjectDefaults)
    projects: list[ProjectEntry] = Field(default_factory=list)
    exclude: list[Name] = Field(default_factory=list)
    budgets: list[BudgetPolicy] = Field(default_factory=list)


@record
class Project:
    """One project to gate, its paths resolved against the files that name them."""

    name: str
    path: Path  # a plan JSON or a directory of .tf files
    var_files: tuple[str, ...] = ()
    variables: tuple[str, ...] = ()  # NAME=VALUE, as --var takes them
    policy: str | None = None  # a file path, or the name of a bundled policy
    usage_file: str | None = None
    environment: str | None = None
    source: str = ""  # the config file that lists it


@record
class RunConfig:
    root: Path  # the directory of the top config file: paths in reports are relative to it
    projects: tuple[Project, ...]
    exclude: tuple[str, ...]
    budgets: tuple[model.BudgetPolicy, ...]


@record
class _Confinement:
    """A pull request controls the config file: what it names (includes, project paths,
    var, usage and policy files) is read only inside the repository holding it, unless
    --allow-outside-repo (see finops_gate/confine.py)."""

    boundary: Path | None  # None: anywhere

    def check(self, target: Path, where: Path, field: str, written: str) -> None:
        if self.boundary is not None and not is_inside(target, [self.boundary]):
            raise ConfigError(refusal(str(where), field, written))


def load_config(path: str | Path, allow_outside_repo: bool = False) -> RunConfig:
    """The config file at `path` and every file it includes (ConfigError on any problem)."""
    from finops_gate.plan.hcl.files import repository_top

    top = Path(path)
    projects: list[Project] = []
    exclude: list[str] = []
    budgets: list[model.BudgetPolicy] = []
    boundary = None if allow_outside_repo else repository_top(real(top.absolute().parent))
    _load(top, (), projects, exclude, budgets, _Confinement(boundary))
    seen: dict[str, Project] = {}
    for project in projects:
        if project.name in seen:
            raise ConfigError(
                f"{project.source}: project name {project.name!r} is already used in "
                f"{seen[project.name].source}"
            )
        seen[project.name] = project
    ids: set[str] = set()
    for budget in budgets:
        if budget.id in ids:
            raise ConfigError(f"{top}: budgets: duplicate id {budget.id!r}")
        ids.add(budget.id)
    return RunConfig(top.parent, tuple(projects), tuple(exclude), tuple(budgets))


def _load(
    path: Path,
    chain: tuple[Path, ...],
    projects: list[Project],
    exclude: list[str],
    budgets: list[model.BudgetPolicy],
    confinement: _Confinement,
) -> None:
    resolved = path.resolve()
    if resolved in chain:
        raise ConfigError(f"{path}: includes itself (through {' -> '.join(map(str, chain))})")
    config = parse_config(_read(path), str(path))
    for entry in config.projects:
        projects.append(_project(entry, config.defaults, path, confinement))
    exclude.extend(config.exclude)
    budgets.extend(to_budget_policy(budget) for budget in config.budgets)
    for name in config.include:
        included = path.parent / name
        confinement.check(included, path, "include", name)
        if not included.is_file():
            raise ConfigError(f"{path}: include {name!r}: {_not_a_file(included)}")
        _load(included, (*chain, resolved), projects, exclude, budgets, confinement)


def _not_a_file(path: Path) -> str:
    return "is a directory, expected a file" if path.is_dir() else "no such file"


def _read(path: Path) -> str:
    if path.is_dir():
        raise ConfigError(f"{path}: is a directory, expected a config file")
    if not path.is_file():
        raise ConfigError(f"{path}: no such config file")
    data = read_input_file(str(path), POLICY_LIMIT, ConfigError)
    return decode_utf8(data, str(path), "the config file", ConfigError)


def parse_config(text: str, name: str) -> ConfigFile:
    raw = load_yaml(text, name, ConfigError)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{name}: the config file must be a mapping with a `projects` list")
    try:
        return ConfigFile.model_validate(raw)
    except ValidationError as error:
        # A misspelt key also makes the real key "missing": name the misspelling first.
        errors = sorted(error.errors(), key=lambda e: e["type"] != "extra_forbidden")
        problems = [
            f"{_location(item['loc'])}: "
            + (
                "unknown key"
                if item["type"] == "extra_forbidden"
                else str(item["msg"]).removeprefix("Value error, ")
            )
            for item in errors[:MAX_PROBLEMS_SHOWN]
        ]
        if len(errors) > MAX_PROBLEMS_SHOWN:
            problems.append(f"and {len(errors) - MAX_PROBLEMS_SHOWN} more")
        raise ConfigError(f"{name}: {'; '.join(problems)}") from None


def _location(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _var_option(name: str, value: Any) -> str:
    """A `vars:` entry as --var takes it: strings as they are, anything else as HCL
    (JSON numbers, booleans, lists and objects are HCL too)."""
    return f"{name}={value if isinstance(value, str) else json.dumps(value, sort_keys=True)}"


def _relative_policy(policy: str | None, base: Path) -> str | None:
    """A policy path relative to the config file; a bare name (`default`) is a bundled one."""
    if policy is None:
        return None
    if "/" in policy or policy.endswith((".yml", ".yaml")):
        return str(base / policy)
    return policy


def _project(
    entry: ProjectEntry, defaults: ProjectDefaults, config_path: Path, confinement: _Confinement
) -> Project:
    base = config_path.parent
    path = base / entry.path
    where = f"projects ({entry.name})"
    confinement.check(path, config_path, f"{where}.path", entry.path)
    if not path.exists():
        raise ConfigError(
            f"{config_path}: project {entry.name!r}: path {entry.path!r} does not exist"
        )
    var_files = entry.var_files if entry.var_files is not None else defaults.var_files
    variables = {**defaults.vars, **(entry.vars or {})}
    usage = entry.usage_file if entry.usage_file is not None else defaults.usage_file
    project_dir = path if path.is_dir() else path.parent
    for var_file in var_files:
        confinement.check(project_dir / var_file, config_path, f"{where}.var_files", var_file)
        if not (project_dir / var_file).is_file():
            raise ConfigError(
                f"{config_path}: project {entry.name!r}: var file {var_file!r}: "
                + _not_a_file(project_dir / var_file)
            )
    if usage is not None:
        confinement.check(base / usage, config_path, f"{where}.usage_file", usage)
    written_policy = entry.policy or defaults.policy
    policy = _relative_policy(written_policy, base)
    if policy is not None and written_policy is not None and policy != written_policy:
        confinement.check(Path(policy), config_path, f"{where}.policy", written_policy)
    if usage is not None and not (base / usage).is_file():
        raise ConfigError(
            f"{config_path}: project {entry.name!r}: usage file {usage!r}: "
            + _not_a_file(base / usage)
        )
    return Project(
        name=entry.name,
        path=path,
        var_files=tuple(str(project_dir / f) for f in var_files),
        variables=tuple(_var_option(k, v) for k, v in sorted(variables.items())),
        policy=policy,
        usage_file=None if usage is None else str(base / usage),
        environment=entry.environment or defaults.environment,
        source=str(config_path),
    )
