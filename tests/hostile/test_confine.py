"""`extends:` and module sources that leave the repository are refused unless allowed.

Each case builds a git repository in a temporary directory with something just outside
it, and runs the CLI (or the hook) in a subprocess with a time and memory bound: HCL mode
and policies end in one line and exit 2 that name the file, the field, the path as
written and the option; plan mode leaves the module out with a note and still prices.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from finops_gate.integrations.action_inputs import action_call
from finops_gate.plan.hcl.precommit import root_directories
from tests.conftest import FIXTURES
from tests.hostile.test_inputs import MEMORY_BOUND, TIME_BOUND

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ALLOW_VARIABLE = "FINOPS_GATE_ALLOW_OUTSIDE_REPO"

INSTANCE = """
resource "aws_instance" "{name}" {{
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "{size}"
}}
"""

PROVIDER = """
provider "aws" {
  region = "us-east-1"
}
"""


def _bounded() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BOUND, MEMORY_BOUND))


def run(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, module: str = "finops_gate"
) -> subprocess.CompletedProcess[str]:
    environment = dict(os.environ)
    for name in ("FINOPS_GATE_DEBUG", "GITHUB_ACTIONS", ALLOW_VARIABLE):
        environment.pop(name, None)
    environment.update({"PYTHONPATH": str(ROOT), **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=environment,
        timeout=TIME_BOUND,
        preexec_fn=_bounded,
        check=False,
    )


def assert_refused(result: subprocess.CompletedProcess[str], *fragments: str) -> None:
    """Exit 2 and one line naming the option; no absolute path of this machine."""
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    line = lines[0]
    assert "Traceback" not in line
    assert "leads outside the repository; not read" in line
    assert "--allow-outside-repo or FINOPS_GATE_ALLOW_OUTSIDE_REPO=1 allows it" in line
    for fragment in fragments:
        assert fragment in line, line


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """An empty git repository, next to a directory `outside` it."""
    (tmp_path / "outside").mkdir()
    repository = tmp_path / "repo"
    repository.mkdir()
    subprocess.run(["git", "init", "-q", str(repository)], check=True, timeout=60)
    return repository


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def addresses(result: subprocess.CompletedProcess[str]) -> set[str]:
    assert result.returncode in (0, 1), result.stderr
    return {item["address"] for item in json.loads(result.stdout)["resources"]}


# -- policy extends -------------------------------------------------------------------------

OUTSIDE_POLICY = """
policies:
  - id: from-outside
    kind: required_tags
    tags:
      Owner: {}
"""


def _outside_policy(repo: Path) -> None:
    write(repo.parent / "x.yml", OUTSIDE_POLICY)


@pytest.mark.parametrize("command", ["validate", "check"])
def test_policy_extends_out_of_the_repository_is_refused(repo: Path, command: str) -> None:
    _outside_policy(repo)
    write(repo / "ci" / "policy.yml", "extends: ../../x.yml\n")
    if command == "validate":
        args = ["policy", "validate", "ci/policy.yml"]
    else:
        args = [str(FIXTURES / "compute_us_east_1" / "plan.json"), "--policy", "ci/policy.yml"]
    result = run(args, cwd=repo)
    assert_refused(result, "ci/policy.yml: extends: '../../x.yml'")
    assert str(repo.parent) not in result.stderr


def test_policy_extends_out_of_the_repository_with_the_option(repo: Path) -> None:
    _outside_policy(repo)
    write(repo / "ci" / "policy.yml", "extends: ../../x.yml\n")
    allowed = run(["policy", "validate", "ci/policy.yml", "--allow-outside-repo"], cwd=repo)
    assert allowed.returncode == 0, allowed.stderr
    assert "from-outside (required_tags" in allowed.stdout
    by_variable = run(["policy", "validate", "ci/policy.yml"], cwd=repo, env={ALLOW_VARIABLE: "1"})
    assert by_variable.returncode == 0, by_variable.stderr
    plan = str(FIXTURES / "compute_us_east_1" / "plan.json")
    checked = run(
        [plan, "--policy", "ci/policy.yml", "--allow-outside-repo", "--format", "sarif"], cwd=repo
    )
    assert checked.returncode in (0, 1), checked.stderr
    assert "from-outside" in checked.stdout  # SARIF loads the policy's rules a second time


def test_policy_extends_through_a_link_leading_out_is_refused(repo: Path) -> None:
    _outside_policy(repo)
    (repo / "ci").mkdir()
    (repo / "ci" / "shared.yml").symlink_to(repo.parent / "x.yml")
    write(repo / "ci" / "policy.yml", "extends: shared.yml\n")
    assert_refused(run(["policy", "validate", "ci/policy.yml"], cwd=repo), "'shared.yml'")
    allowed = run(["policy", "validate", "ci/policy.yml", "--allow-outside-repo"], cwd=repo)
    assert allowed.returncode == 0, allowed.stderr


def test_a_chain_of_extends_is_refused_where_it_leaves(repo: Path) -> None:
    _outside_policy(repo)
    write(repo / "ci" / "policy.yml", "extends: base/team.yml\n")
    write(repo / "ci" / "base" / "team.yml", "extends: ../../../x.yml\n")
    result = run(["policy", "validate", "ci/policy.yml"], cwd=repo)
    assert_refused(result, "ci/base/team.yml: extends: '../../../x.yml'")


def test_policy_test_refuses_and_allows(repo: Path) -> None:
    _outside_policy(repo)
    case = repo / "tests" / "case"
    case.mkdir(parents=True)
    shutil.copy(FIXTURES / "compute_us_east_1" / "plan.json", case / "plan.json")
    write(case / "expected.yml", "plan: plan.json\n")
    write(repo / "tests" / "policy.yml", "extends: ../../x.yml\n")
    assert_refused(run(["policy", "test", "tests"], cwd=repo), "extends: '../../x.yml'")
    allowed = run(["policy", "test", "tests", "--allow-outside-repo"], cwd=repo)
    assert allowed.returncode in (0, 1), allowed.stderr
    assert "case" in allowed.stdout


def test_extends_inside_the_repository_above_the_policy_is_read(repo: Path) -> None:
    write(repo / "shared" / "base.yml", OUTSIDE_POLICY)
    write(repo / "teams" / "web" / "policy.yml", "extends: ../../shared/base.yml\n")
    result = run(["policy", "validate", "teams/web/policy.yml"], cwd=repo)
    assert result.returncode == 0, result.stderr


# -- HCL mode module sources ----------------------------------------------------------------


def _outside_module(repo: Path) -> Path:
    module = repo.parent / "outside" / "module"
    write(module / "main.tf", INSTANCE.format(name="secret", size="m5.large"))
    return module


def test_module_source_out_of_the_repository_is_refused(repo: Path) -> None:
    _outside_module(repo)
    write(
        repo / "app" / "main.tf", PROVIDER + 'module "x" {\n  source = "../../outside/module"\n}\n'
    )
    result = run(["app", "--format", "json"], cwd=repo)
    assert_refused(result, "main.tf:5: module.x.source: '../../outside/module'")
    assert str(repo.parent) not in result.stderr
    allowed = run(["app", "--format", "json", "--allow-outside-repo"], cwd=repo)
    assert addresses(allowed) == {"module.x.aws_instance.secret"}
    by_variable = run(["app", "--format", "json"], cwd=repo, env={ALLOW_VARIABLE: "true"})
    assert addresses(by_variable) == {"module.x.aws_instance.secret"}


def test_absolute_module_source_is_refused(repo: Path) -> None:
    module = _outside_module(repo)
    write(repo / "main.tf", PROVIDER + f'module "abs" {{\n  source = "{module}"\n}}\n')
    assert_refused(run(["."], cwd=repo), f"module.abs.source: '{module}'")
    allowed = run([".", "--format", "json", "--allow-outside-repo"], cwd=repo)
    assert addresses(allowed) == {"module.abs.aws_instance.secret"}


def test_installed_module_linked_out_is_refused(repo: Path) -> None:
    """`terraform init` installs an absolute source as a link in .terraform/modules."""
    module = _outside_module(repo)
    write(repo / "main.tf", PROVIDER + 'module "m" {\n  source = "git::https://x/y.git"\n}\n')
    installed = repo / ".terraform" / "modules"
    installed.mkdir(parents=True)
    (installed / "m").symlink_to(module)
    manifest = {
        "Modules": [{"Key": "m", "Source": "git::https://x/y.git", "Dir": ".terraform/modules/m"}]
    }
    write(installed / "modules.json", json.dumps(manifest))
    assert_refused(run(["."], cwd=repo), "module.m.source: 'git::https://x/y.git'")
    allowed = run([".", "--format", "json", "--allow-outside-repo"], cwd=repo)
    assert addresses(allowed) == {"module.m.aws_instance.secret"}


def test_module_directory_linked_out_is_refused(repo: Path) -> None:
    module = _outside_module(repo)
    (repo / "modules").mkdir()
    (repo / "modules" / "vm").symlink_to(module)
    write(repo / "main.tf", PROVIDER + 'module "vm" {\n  source = "./modules/vm"\n}\n')
    assert_refused(run(["."], cwd=repo), "module.vm.source: './modules/vm'")


def test_nested_module_going_out_is_refused(repo: Path) -> None:
    _outside_module(repo)
    write(repo / "main.tf", PROVIDER + 'module "a" {\n  source = "./modules/a"\n}\n')
    write(
        repo / "modules" / "a" / "main.tf",
        INSTANCE.format(name="inner", size="t3.micro")
        + 'module "b" {\n  source = "../../../outside/module"\n}\n',
    )
    result = run(["."], cwd=repo)
    assert_refused(result, "modules/a/main.tf:6: module.a.module.b.source")
    allowed = run([".", "--format", "json", "--allow-outside-repo"], cwd=repo)
    assert addresses(allowed) == {
        "module.a.aws_instance.inner",
        "module.a.module.b.aws_instance.secret",
    }


def test_module_above_the_root_module_inside_the_repository_is_read(repo: Path) -> None:
    """The common monorepo layout: envs/prod calls ../../modules/x."""
    write(repo / "modules" / "x" / "main.tf", INSTANCE.format(name="web", size="t3.micro"))
    write(
        repo / "envs" / "prod" / "main.tf",
        PROVIDER + 'module "x" {\n  source = "../../modules/x"\n}\n',
    )
    result = run(["envs/prod", "--format", "json"], cwd=repo)
    assert addresses(result) == {"module.x.aws_instance.web"}


def test_base_refuses_a_module_that_left_the_repository(repo: Path) -> None:
    """`--base` evaluates a copy of the repository at the ref: its modules too."""
    _outside_module(repo)
    write(
        repo / "app" / "main.tf", PROVIDER + 'module "x" {\n  source = "../../outside/module"\n}\n'
    )
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "add", "-A"], check=True, timeout=60)
    subprocess.run([*git, "commit", "-qm", "base"], check=True, timeout=60)
    write(repo / "app" / "main.tf", PROVIDER)
    assert_refused(run(["app", "--base", "HEAD"], cwd=repo), "module.x.source")


def test_a_bad_value_of_the_variable_is_named(repo: Path) -> None:
    write(repo / "main.tf", PROVIDER)
    result = run(["."], cwd=repo, env={ALLOW_VARIABLE: "maybe"})
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "finops-gate: error: FINOPS_GATE_ALLOW_OUTSIDE_REPO: expected 1 or 0, got 'maybe'"
    )


# -- plan mode: the configuration directory beside the plan ---------------------------------


def _plan_beside_a_module_outside(repo: Path) -> Path:
    """regions_from_locals, with module.own (its provider block names sa-east-1, which
    the plan does not record) moved out of the repository."""
    source = FIXTURES / "regions_from_locals"
    config = repo / "config"
    shutil.copytree(source, config)
    shutil.move(config / "modules" / "own_provider", repo.parent / "outside" / "own_provider")
    main = (config / "main.tf").read_text(encoding="utf-8")
    moved = main.replace('"./modules/own_provider"', '"../../outside/own_provider"')
    assert moved != main
    (config / "main.tf").write_text(moved, encoding="utf-8")
    return config / "plan.json"


def _region_of(report: dict[str, object], key: str) -> tuple[str, str]:
    providers = report["providers"]
    assert isinstance(providers, list)
    record = next(p for p in providers if p["config_key"] == key)
    return record["region"], record["region_source"]


def test_plan_mode_leaves_a_module_outside_out_with_a_note(repo: Path) -> None:
    plan = _plan_beside_a_module_outside(repo)
    result = run([str(plan), "--format", "json"], cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    notes = report["plan"]["notes"]
    assert (
        "main.tf:147: module.own.source: '../../outside/own_provider' leads outside the "
        "repository; not read: its provider blocks and resources are not evaluated "
        "(--allow-outside-repo or FINOPS_GATE_ALLOW_OUTSIDE_REPO=1 allows it)"
    ) in notes
    assert _region_of(report, "module.own:aws") != ("sa-east-1", "configuration")
    assert report["resources"]  # still priced
    allowed = run([str(plan), "--format", "json", "--allow-outside-repo"], cwd=repo)
    assert allowed.returncode in (0, 1), allowed.stderr
    allowed_report = json.loads(allowed.stdout)
    assert _region_of(allowed_report, "module.own:aws") == ("sa-east-1", "configuration")
    assert not any("outside the repository" in n for n in allowed_report["plan"]["notes"])


# -- the pre-commit hook --------------------------------------------------------------------


def test_the_hook_refuses_and_allows(repo: Path) -> None:
    _outside_module(repo)
    main = write(
        repo / "app" / "main.tf", PROVIDER + 'module "x" {\n  source = "../../outside/module"\n}\n'
    )
    hook = "finops_gate.cli.hook"
    refused = run(["--base", "", str(main.relative_to(repo))], cwd=repo, module=hook)
    assert_refused(refused, "module.x.source: '../../outside/module'")
    allowed = run(
        ["--base", "", "--allow-outside-repo", str(main.relative_to(repo))], cwd=repo, module=hook
    )
    assert allowed.returncode in (0, 1), allowed.stderr
    assert "1 resource(s)" in allowed.stdout


def test_the_hook_does_not_follow_sources_out(repo: Path) -> None:
    """A changed file in a directory outside is not traced back to a caller inside:
    the scan for callers stays in the repository."""
    module = _outside_module(repo)
    write(
        repo / "app" / "main.tf", PROVIDER + 'module "x" {\n  source = "../../outside/module"\n}\n'
    )
    changed = [str(module / "main.tf")]
    assert root_directories(changed, repo) == [module.resolve()]
    assert root_directories(changed, repo, allow_outside_repo=True) == [(repo / "app").resolve()]


# -- the GitHub Action ----------------------------------------------------------------------


def test_the_action_input_maps_to_the_option() -> None:
    call = action_call({"INPUT_PLAN": "plan.json", "INPUT_ALLOW_OUTSIDE_REPO": "true"})
    assert "--allow-outside-repo" in call.args
    assert "--allow-outside-repo" not in action_call({"INPUT_PLAN": "plan.json"}).args


def test_the_hook_scan_never_waits_on_a_fifo(repo: Path) -> None:
    """The scan for callers reads every .tf file of the repository: one that is a FIFO
    (or a link to a device) is skipped, never waited on."""
    write(repo / "app" / "main.tf", PROVIDER)
    (repo / "other").mkdir()
    os.mkfifo(repo / "other" / "pipe.tf")
    script = (
        "import sys; from pathlib import Path; "
        "from finops_gate.plan.hcl.precommit import root_directories; "
        "print(root_directories([sys.argv[1]], Path('.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, "app/main.tf"],
        cwd=repo,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        timeout=TIME_BOUND,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "app" in result.stdout
