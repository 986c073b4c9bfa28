#!/usr/bin/env python3
"""Regenerate the Terraform plan JSON fixtures with the real terraform CLI.

Each case is a directory holding ``main.tf`` (plus optional module folders and an
optional ``terraform.tfstate.in`` hand-written state).  For every case this script:

1. copies the case directory into a fresh temporary directory (the repository is
   never used as a Terraform working directory, so no ``.terraform``, lock file,
   ``tfplan`` or state file is ever left behind in the repo);
2. copies ``terraform.tfstate.in`` to ``terraform.tfstate`` there, if present;
3. runs ``terraform init``, ``terraform plan -refresh=false -input=false -lock=false
   -out=tfplan`` and ``terraform show -json tfplan``;
4. writes the JSON back as ``<case>/plan.json`` (pretty-printed, 2-space indent;
   the only change made to terraform's output is sorting ``relevant_attributes``,
   which terraform emits in a random order).

No network is needed: the AWS provider is taken from a local filesystem mirror,
found by looking for a ``terraform-provider-aws*`` binary under ``--mirror``
(default: ``$FINOPS_TF_MIRROR`` or ``/opt/tf-plugins``).  The provider blocks in the
cases use fake credentials and skip every AWS API call, and no case reads a data
source that would need AWS.

Usage::

    python scripts/make_fixtures.py               # all cases
    python scripts/make_fixtures.py lifecycle modules
    python scripts/make_fixtures.py --list
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "terraform"
DEFAULT_MIRROR = "/opt/tf-plugins"
PROVIDER_ADDR = "registry.terraform.io/hashicorp/aws"


@dataclass(frozen=True)
class Case:
    name: str
    path: Path
    # extra places the generated plan.json is copied to (relative to the repo root)
    copies: tuple[str, ...] = ()
    # the root module, relative to `path` (real-world cases keep a module's own layout,
    # e.g. `module/examples/complete` beside the vendored module it calls as `../../`)
    root: str = "."


CASES: tuple[Case, ...] = (
    Case("priced_us_east_1", FIXTURES_DIR / "priced_us_east_1"),
    Case("priced_eu_west_1", FIXTURES_DIR / "priced_eu_west_1"),
    Case("lifecycle", FIXTURES_DIR / "lifecycle"),
    Case("modules", FIXTURES_DIR / "modules"),
    # The sample monorepo's project given as a plan JSON (tests/projects).
    Case(
        "monorepo_billing", REPO_ROOT / "tests" / "fixtures" / "monorepo" / "services" / "billing"
    ),
    Case(
        "tags_and_sizes",
        FIXTURES_DIR / "tags_and_sizes",
        copies=("policies/tests/plans/tags_and_sizes.json",),
    ),
    Case("compute_us_east_1", FIXTURES_DIR / "compute_us_east_1"),
    Case("services_us_east_1", FIXTURES_DIR / "services_us_east_1"),
    Case("three_regions", FIXTURES_DIR / "three_regions"),
    Case("template_change", FIXTURES_DIR / "template_change"),
    Case(
        "asg_and_sizes",
        FIXTURES_DIR / "asg_and_sizes",
        copies=("policies/tests/plans/asg_and_sizes.json",),
    ),
    Case(
        "environments",
        FIXTURES_DIR / "environments",
        copies=("policies/tests/plans/environments.json",),
    ),
    Case("ebs_optimized", FIXTURES_DIR / "ebs_optimized"),
    Case("regions_from_locals", FIXTURES_DIR / "regions_from_locals"),
    Case("unpriced_databases", FIXTURES_DIR / "unpriced_databases"),
    Case("defaults", FIXTURES_DIR / "defaults"),
    Case("capacity", FIXTURES_DIR / "capacity"),
    Case("offline_values", FIXTURES_DIR / "offline_values"),
    Case("usage_file", FIXTURES_DIR / "usage_file"),
    Case("references", FIXTURES_DIR / "references"),
    Case("references_update", FIXTURES_DIR / "references_update"),
    Case("tiered_prices", FIXTURES_DIR / "tiered_prices"),
    Case("data_transfer", FIXTURES_DIR / "data_transfer"),
    Case("app_autoscaling", FIXTURES_DIR / "app_autoscaling"),
    Case("asg_weighted", FIXTURES_DIR / "asg_weighted"),
    Case("rds_minimums", FIXTURES_DIR / "rds_minimums"),
    Case("eks_fargate", FIXTURES_DIR / "eks_fargate"),
    Case("ecs_fargate_forms", FIXTURES_DIR / "ecs_fargate_forms"),
    Case("service_rates", FIXTURES_DIR / "service_rates"),
    Case("platform_services", FIXTURES_DIR / "platform_services"),
    Case("pipelines", FIXTURES_DIR / "pipelines"),
    Case("databases_network", FIXTURES_DIR / "databases_network"),
    Case("security_observability", FIXTURES_DIR / "security_observability"),
    Case("directories_and_workflows", FIXTURES_DIR / "directories_and_workflows"),
    Case("fsx_file_systems", FIXTURES_DIR / "fsx_file_systems"),
    Case("snapshot_copies", FIXTURES_DIR / "snapshot_copies"),
    Case("lightsail_instances", FIXTURES_DIR / "lightsail_instances"),
    Case("stacks_and_bucket_reports", FIXTURES_DIR / "stacks_and_bucket_reports"),
    Case("kinesis_analytics", FIXTURES_DIR / "kinesis_analytics"),
    Case("dedicated_hosts", FIXTURES_DIR / "dedicated_hosts"),
    Case("dashboards_and_stages", FIXTURES_DIR / "dashboards_and_stages"),
    Case("accelerator_endpoints", FIXTURES_DIR / "accelerator_endpoints"),
    Case("beanstalk_environments", FIXTURES_DIR / "beanstalk_environments"),
    Case("reservations", FIXTURES_DIR / "reservations"),
    Case("usage_priced_services", FIXTURES_DIR / "usage_priced_services"),
    Case("datastore_yardstick", FIXTURES_DIR / "datastore_yardstick"),
    Case("ecs_cluster_providers", FIXTURES_DIR / "ecs_cluster_providers"),
    Case("compute_gaps", FIXTURES_DIR / "compute_gaps"),
    Case("windows_images", FIXTURES_DIR / "windows_images"),
    Case("savings", FIXTURES_DIR / "savings"),
    Case("savings_through_locals", FIXTURES_DIR / "savings_through_locals"),
    Case("savings_nonprod", FIXTURES_DIR / "savings_nonprod"),
    Case("savings_services", FIXTURES_DIR / "savings_services"),
    Case("savings_groups", FIXTURES_DIR / "savings_groups"),
    # Outside tests/fixtures/terraform: not a parity case (HCL mode does not yet write
    # some of the module's empty blocks and lists as terraform does).
    Case(
        "public_modules/autoscaling",
        REPO_ROOT / "tests" / "fixtures" / "public_modules" / "autoscaling",
    ),
    Case("examples/web-app", REPO_ROOT / "examples" / "web-app", copies=("examples/plan.json",)),
)


def _realworld_cases() -> tuple[Case, ...]:
    """Every folder of tests/fixtures/realworld with an expected.yml (its `root` key names
    the root module inside the folder)."""
    import yaml

    cases = []
    for expected in sorted(REALWORLD_DIR.glob("*/expected.yml")):
        data = yaml.safe_load(expected.read_text()) or {}
        root = str(data.get("root", "."))
        cases.append(Case(f"realworld/{expected.parent.name}", expected.parent, root=root))
    return tuple(cases)


REALWORLD_DIR = REPO_ROOT / "tests" / "fixtures" / "realworld"
CASES = CASES + _realworld_cases()

# Files and folders never copied from a case directory into the working copy.
_IGNORE = shutil.ignore_patterns(
    ".terraform",
    ".terraform.lock.hcl",
    "tfplan",
    "*.tfplan",
    "terraform.tfstate",
    "terraform.tfstate.backup",
    "plan.json",
    "README.md",
)


class FixtureError(RuntimeError):
    pass


def find_terraform(explicit: str | None) -> str:
    candidate = explicit or os.environ.get("FINOPS_TERRAFORM") or "terraform"
    found = shutil.which(candidate)
    if not found:
        raise FixtureError(
            f"terraform CLI not found ({candidate!r} is not an executable on PATH); "
            "install terraform >= 1.5 or pass --terraform /path/to/terraform"
        )
    return found


def find_mirror(explicit: str | None) -> Path:
    """Return the root of a filesystem mirror holding the hashicorp/aws provider.

    The mirror uses Terraform's "unpacked" layout:
    ``<root>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/terraform-provider-aws_*``.
    ``explicit`` may point at the root or anywhere inside it.
    """
    start = Path(explicit or os.environ.get("FINOPS_TF_MIRROR") or DEFAULT_MIRROR)
    if not start.exists():
        raise FixtureError(
            f"provider mirror {str(start)!r} does not exist; pass --mirror DIR or set "
            "FINOPS_TF_MIRROR to a filesystem mirror containing "
            f"{PROVIDER_ADDR} (a terraform-provider-aws* binary)"
        )
    binaries = sorted(p for p in start.rglob("terraform-provider-aws*") if p.is_file())
    if not binaries:
        raise FixtureError(
            f"no terraform-provider-aws* binary found under {str(start)!r}; "
            "pass --mirror DIR or set FINOPS_TF_MIRROR"
        )
    binary = binaries[-1]
    parts = binary.parts
    # .../<root>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/<binary>
    if len(parts) < 7 or tuple(parts[-6:-3]) != tuple(PROVIDER_ADDR.split("/")):
        raise FixtureError(
            f"found {binary} but it is not laid out as "
            f"<mirror>/{PROVIDER_ADDR}/<version>/<os_arch>/terraform-provider-aws*"
        )
    return binary.parents[5]


def cli_config(mirror: Path) -> str:
    mirror_str = json.dumps(str(mirror))
    addr = json.dumps(PROVIDER_ADDR)
    return (
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f"    path    = {mirror_str}\n"
        f"    include = [{addr}]\n"
        "  }\n"
        "  direct {\n"
        f"    exclude = [{addr}]\n"
        "  }\n"
        "}\n"
    )


def terraform_env(cli_config_file: Path) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # keep the user's shell from steering the plan
        if not (k.startswith("TF_") or k.startswith("AWS_"))
    }
    env.update(
        TF_CLI_CONFIG_FILE=str(cli_config_file),
        TF_IN_AUTOMATION="1",
        TF_INPUT="0",
        CHECKPOINT_DISABLE="1",
    )
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str], stdout_file: Path | None = None) -> str:
    shown = " ".join(cmd[1:])
    print(f"    $ terraform {shown}", flush=True)
    if stdout_file is not None:
        with stdout_file.open("wb") as out:
            proc = subprocess.run(cmd, cwd=cwd, env=env, stdout=out, stderr=subprocess.PIPE)
        output = proc.stderr.decode(errors="replace")
    else:
        proc = subprocess.run(
            cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
        )
        output = proc.stdout.decode(errors="replace")
    if proc.returncode != 0:
        raise FixtureError(f"`terraform {shown}` failed (exit {proc.returncode}):\n{output}")
    for line in output.splitlines():
        text = line.lstrip("│╷╵ ").strip()
        # the lock-file warning from init is expected with a single-platform mirror
        if text.startswith("Warning:") and "lock file" not in text:
            print(f"      terraform {text}", flush=True)
    return output


def summarize(plan: dict) -> list[str]:
    lines = []
    for rc in plan.get("resource_changes", []):
        actions = "/".join(rc["change"]["actions"])
        moved = f" (moved from {rc['previous_address']})" if rc.get("previous_address") else ""
        lines.append(f"      {actions:<14} {rc['address']}{moved}")
    return lines


def generate(case: Case, terraform: str, mirror: Path, keep: bool) -> Path:
    if not any((case.path / case.root).glob("*.tf")):
        raise FixtureError(f"case {case.name}: no .tf files in {case.path / case.root}")
    print(f"==> {case.name} ({case.path.relative_to(REPO_ROOT)})", flush=True)
    tmp = Path(tempfile.mkdtemp(prefix=f"finops-fixture-{case.path.name}-"))
    try:
        # Named like the case, so that `basename(path.cwd)` is the same in the plan
        # and in HCL mode (which evaluates the case directory itself).
        shutil.copytree(case.path, tmp / case.path.name, ignore=_IGNORE)
        work = (tmp / case.path.name / case.root).resolve()
        state_in = work / "terraform.tfstate.in"
        if state_in.exists():
            shutil.copyfile(state_in, work / "terraform.tfstate")
            state_in.unlink()
            print("    using terraform.tfstate.in as the prior state", flush=True)
        cfg = tmp / "cli.tfrc"
        cfg.write_text(cli_config(mirror))
        env = terraform_env(cfg)

        run([terraform, "init", "-input=false", "-no-color"], work, env)
        run(
            [
                terraform,
                "plan",
                "-refresh=false",
                "-input=false",
                "-lock=false",
                "-no-color",
                "-out=tfplan",
            ],
            work,
            env,
        )
        raw = tmp / "plan.raw.json"
        run([terraform, "show", "-json", "tfplan"], work, env, stdout_file=raw)
        plan = json.loads(raw.read_text())
        # terraform emits relevant_attributes (an unordered set) in a random order;
        # sort it so that regenerating a fixture gives a stable diff.
        if isinstance(plan.get("relevant_attributes"), list):
            plan["relevant_attributes"].sort(
                key=lambda ra: (ra.get("resource", ""), json.dumps(ra.get("attribute")))
            )
        text = json.dumps(plan, indent=2, ensure_ascii=False) + "\n"
        if str(tmp) in text:
            raise FixtureError(f"case {case.name}: plan.json mentions the temp dir {tmp}")

        out = case.path / "plan.json"
        out.write_text(text)
        print(f"    wrote {out.relative_to(REPO_ROOT)}", flush=True)
        for extra in case.copies:
            dest = REPO_ROOT / extra
            dest.write_text(text)
            print(f"    copied to {extra}", flush=True)
        for line in summarize(plan):
            print(line)
        return out
    finally:
        if keep:
            print(f"    kept working copy in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


def select(names: list[str]) -> list[Case]:
    if not names:
        return list(CASES)
    by_key: dict[str, Case] = {}
    for case in CASES:
        by_key[case.name] = case
        by_key[case.path.name] = case
        by_key[str(case.path.relative_to(REPO_ROOT))] = case
    chosen = []
    for name in names:
        key = name.rstrip("/")
        if key not in by_key:
            known = ", ".join(c.name for c in CASES)
            raise FixtureError(f"unknown case {name!r}; known cases: {known}")
        if by_key[key] not in chosen:
            chosen.append(by_key[key])
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument(
        "--mirror",
        help=f"filesystem provider mirror (default: $FINOPS_TF_MIRROR or {DEFAULT_MIRROR})",
    )
    parser.add_argument("--terraform", help="terraform binary (default: terraform on PATH)")
    parser.add_argument("--keep", action="store_true", help="keep the temp working copies")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    args = parser.parse_args(argv)

    if args.list:
        for case in CASES:
            print(f"{case.name:<18} {case.path.relative_to(REPO_ROOT)}")
        return 0
    try:
        cases = select(args.cases)
        terraform = find_terraform(args.terraform)
        mirror = find_mirror(args.mirror)
        version = subprocess.run(
            [terraform, "version"],
            capture_output=True,
            text=True,
            env=terraform_env(Path(os.devnull)),
        ).stdout.splitlines()
        print(f"terraform: {terraform} ({version[0] if version else 'unknown version'})")
        print(f"provider mirror: {mirror}")
        for case in cases:
            generate(case, terraform, mirror, args.keep)
    except FixtureError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"done: {len(cases)} case(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
