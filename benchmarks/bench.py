"""Benchmark finops-gate against a baseline that only parses the plan.

    python benchmarks/bench.py              # 1,000 / 10,000 / 100,000 resources, 5 pairs
    python benchmarks/bench.py --quick      # 1,000 / 10,000 resources, 3 pairs
    python benchmarks/bench.py --sizes 2000 20000 --pairs 4 --keep plans/

Large plans are built from the plans terraform produced for the test fixtures
(`tests/fixtures/terraform/*/plan.json`): each fixture becomes a module instance, copied
until the plan holds the number of resources asked for. The same size always gives the
same bytes.

Every measurement runs in a fresh process, with finops-gate's bytecode compiled first
(`compileall`, as installing does; PYTHONDONTWRITEBYTECODE is not passed on). A case
alternates its two commands (A B A B ...), so a machine that slows down or speeds up
during the run affects both alike; it reports the median of each and the median of the
per-pair ratios B/A, for wall time and for CPU time (user + system; steadier on a busy
machine). Peak memory is the maximum resident set size of the measured process
(`getrusage(RUSAGE_CHILDREN)` in a small runner that starts only that one child).

Cases:
- N resources: A parses the plan with orjson (`orjson.loads` of the file), B runs
  `finops-gate PLAN --format markdown`;
- `--version`, `--help`: A is `python -c pass`;
- the bundled example plan (`examples/plan.json`): A is `python -c "import click, yaml"`;
- HCL mode: A is plan mode on the plan terraform made from the same configuration
  (`tests/fixtures/terraform/three_regions`; the plan copied elsewhere, or plan mode would
  read the `.tf` files too), B reads its `.tf` files;
- the pre-commit hook on a small directory (`examples/web-app` in a fresh git
  repository): A is `python -c pass`.

Then a growth fit: the slope of log(time) and log(peak memory) against log(resources),
1.0 meaning linear growth.
"""

from __future__ import annotations

import argparse
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "terraform"
# Fixtures whose provider configurations agree (`aws` is us-east-1, `aws.eu` eu-west-1,
# `aws.ap` ap-southeast-1), so one plan can hold them all. Creates, updates, deletes,
# module outputs and inputs, counts, NAT gateways with Elastic IPs.
TEMPLATE_FIXTURES = (
    "three_regions",
    "priced_us_east_1",
    "services_us_east_1",
    "compute_us_east_1",
    "references",
    "defaults",
    "asg_and_sizes",
    "capacity",
    "ebs_optimized",
    "modules",
    "tags_and_sizes",
    "lifecycle",
    "references_update",
    "template_change",
)
HCL_FIXTURE = "three_regions"
HOOK_DIRECTORY = ROOT / "examples" / "web-app"
FULL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
MIB = 1024 * 1024


# Plan generation -----------------------------------------------------------------------


def _prefixed_tree(module: dict[str, Any], prefix: str) -> dict[str, Any]:
    """A planned_values/prior_state module tree moved under `prefix` (`module.x.`)."""
    return {
        **module,
        "resources": [
            {**resource, "address": prefix + resource["address"]}
            for resource in module.get("resources", ())
        ],
        "child_modules": [
            _prefixed_tree({**child, "address": prefix + child["address"]}, prefix)
            for child in module.get("child_modules", ())
        ],
    }


def _moved_change(change: dict[str, Any], call: str) -> dict[str, Any]:
    moved = {**change, "address": f"module.{call}.{change['address']}"}
    inner = change.get("module_address")
    moved["module_address"] = f"module.{call}.{inner}" if inner else f"module.{call}"
    if isinstance(change.get("previous_address"), str):
        moved["previous_address"] = f"module.{call}.{change['previous_address']}"
    return moved


@dataclass
class _Template:
    """The fixtures a large plan is made of, read once."""

    plans: dict[str, dict[str, Any]]

    @classmethod
    def read(cls) -> _Template:
        return cls(
            {
                name: orjson.loads((FIXTURES / name / "plan.json").read_bytes())
                for name in TEMPLATE_FIXTURES
            }
        )

    def provider_config(self) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for name, plan in self.plans.items():
            for key, config in plan["configuration"].get("provider_config", {}).items():
                region = config.get("expressions", {}).get("region")
                known = merged.get(key, {}).get("expressions", {}).get("region", region)
                if known != region:
                    raise SystemExit(f"fixture {name}: provider {key} disagrees on the region")
                merged.setdefault(key, config)
        return merged

    def copies(self) -> Iterator[tuple[str, dict[str, Any]]]:
        number = 0
        while True:
            for name, plan in self.plans.items():
                yield f"{name}_{number}", plan
            number += 1


def generate_plan(count: int, template: _Template) -> bytes:
    """A plan of `count` resource changes: the template's fixtures as module instances,
    copied in a fixed order (the last copy cut short)."""
    changes: list[dict[str, Any]] = []
    calls: dict[str, Any] = {}
    planned: list[dict[str, Any]] = []
    prior: list[dict[str, Any]] = []
    relevant: list[dict[str, Any]] = []
    copies = template.copies()
    while len(changes) < count:
        call, plan = next(copies)
        changes.extend(_moved_change(c, call) for c in plan["resource_changes"])
        calls[call] = {
            "source": f"./{call.rsplit('_', 1)[0]}",
            "module": plan["configuration"]["root_module"],
        }
        prefix = f"module.{call}."
        root = plan.get("planned_values", {}).get("root_module")
        if root:
            planned.append(_prefixed_tree({**root, "address": f"module.{call}"}, prefix))
        state_root = plan.get("prior_state", {}).get("values", {}).get("root_module")
        if state_root:
            prior.append(_prefixed_tree({**state_root, "address": f"module.{call}"}, prefix))
        relevant.extend(
            {**item, "resource": prefix + item["resource"]}
            for item in plan.get("relevant_attributes", ())
        )
    first = template.plans[TEMPLATE_FIXTURES[0]]
    document = {
        "format_version": first["format_version"],
        "terraform_version": first["terraform_version"],
        "planned_values": {"root_module": {"child_modules": planned}},
        "resource_changes": changes[:count],
        "prior_state": {
            "format_version": first["format_version"],
            "terraform_version": first["terraform_version"],
            "values": {"root_module": {"child_modules": prior}},
        },
        "configuration": {
            "provider_config": template.provider_config(),
            "root_module": {"module_calls": calls},
        },
        "relevant_attributes": relevant,
        "timestamp": first.get("timestamp", "2025-01-01T00:00:00Z"),
        "applyable": True,
        "complete": True,
        "errored": False,
    }
    return orjson.dumps(document)  # one line, as `terraform show -json` writes it


# Measurement ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    seconds: float
    cpu_seconds: float
    peak_mib: float


# Runs one command and prints its wall time, peak RSS (KiB on Linux) and CPU time. A
# child's peak RSS starts at the RSS of the process that forked it (Linux counts the
# memory it leaves at exec), so the fork comes from this small interpreter (-S -I, no
# site packages: about 8 MiB), not from the benchmark, which holds the plans it built.
_RUNNER = """
import os, resource, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    try:
        os.execv(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status = os.waitpid(pid, 0)
elapsed = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
code = os.waitstatus_to_exitcode(status)
print(elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, code)
"""


def run_once(command: Sequence[str], cwd: Path, env: dict[str, str]) -> Sample:
    """One fresh process (one child of a fresh runner, so RUSAGE_CHILDREN is its own)."""
    finished = subprocess.run(
        [sys.executable, "-S", "-I", "-c", _RUNNER, *command],
        cwd=cwd,
        env=env,
        capture_output=True,
        check=False,
    )
    elapsed, peak_kib, cpu, code = finished.stdout.split()
    if int(code) not in (0, 1):  # 1: the gate failed, which is still a full run
        error = finished.stderr.decode(errors="replace")
        raise SystemExit(f"{' '.join(command)} exited {int(code)}:\n{error}")
    return Sample(float(elapsed), float(cpu), int(peak_kib) / 1024)


@dataclass(frozen=True)
class Result:
    label: str
    baseline: str
    a: list[Sample]
    b: list[Sample]
    resources: int | None = None

    def median(self, side: str, field: str) -> float:
        samples = self.a if side == "a" else self.b
        return float(statistics.median(getattr(s, field) for s in samples))

    def ratios(self, field: str) -> list[float]:
        return [getattr(b, field) / getattr(a, field) for a, b in zip(self.a, self.b, strict=True)]


def alternate(
    label: str,
    baseline: str,
    a: Sequence[str],
    b: Sequence[str],
    pairs: int,
    cwd: Path,
    env: dict[str, str],
    resources: int | None = None,
) -> Result:
    run_once(b, cwd, env)  # warm the file cache and the bytecode cache, not counted
    first: list[Sample] = []
    second: list[Sample] = []
    for _ in range(pairs):
        first.append(run_once(a, cwd, env))
        second.append(run_once(b, cwd, env))
    result = Result(label, baseline, first, second, resources)
    print(f"  {label}: {result.median('b', 'seconds'):.3f} s", file=sys.stderr)
    return result


# Report --------------------------------------------------------------------------------


def table(results: Sequence[Result]) -> str:
    rows = [
        "| case | A (baseline) | A time | B time | B/A time (median; pairs) | B/A CPU "
        "| A peak | B peak | B/A memory |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        pairs = ", ".join(f"{x:.2f}" for x in r.ratios("seconds"))
        rows.append(
            f"| {r.label} | {r.baseline} | {r.median('a', 'seconds'):.3f} s "
            f"| {r.median('b', 'seconds'):.3f} s "
            f"| {statistics.median(r.ratios('seconds')):.2f}x ({pairs}) "
            f"| {statistics.median(r.ratios('cpu_seconds')):.2f}x "
            f"| {r.median('a', 'peak_mib'):.0f} MiB | {r.median('b', 'peak_mib'):.0f} MiB "
            f"| {statistics.median(r.ratios('peak_mib')):.2f}x |"
        )
    return "\n".join(rows)


def slope(points: Sequence[tuple[float, float]]) -> float:
    """Least-squares slope of log(y) against log(x)."""
    xs = [math.log(x) for x, _ in points]
    ys = [math.log(y) for _, y in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / spread


def growth(results: Sequence[Result]) -> str:
    sized = [r for r in results if r.resources]
    if len(sized) < 2:
        return "growth fit: needs at least two sizes"
    lines = ["growth fit (log-log slope against resources; 1.00 is linear):"]
    for side, name in (("a", "parse-only"), ("b", "finops-gate")):
        time_slope = slope([(r.resources or 0, r.median(side, "seconds")) for r in sized])
        memory_slope = slope([(r.resources or 0, r.median(side, "peak_mib")) for r in sized])
        lines.append(f"  {name:<12} time {time_slope:.2f}   peak memory {memory_slope:.2f}")
    # Start-up hides growth at the small end: the slope of the last two sizes alone.
    last = sized[-2:]
    if len(sized) > 2:
        for side, name in (("a", "parse-only"), ("b", "finops-gate")):
            time_slope = slope([(r.resources or 0, r.median(side, "seconds")) for r in last])
            memory_slope = slope([(r.resources or 0, r.median(side, "peak_mib")) for r in last])
            lines.append(
                f"  {name:<12} time {time_slope:.2f}   peak memory {memory_slope:.2f}"
                f"   ({last[0].resources:,} -> {last[1].resources:,} only)"
            )
    return "\n".join(lines)


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    version = sys.version.split()[0]
    return f"{os.cpu_count()} CPUs, {model}, Python {version} ({sys.platform})"


# Cases ---------------------------------------------------------------------------------


def _script_command(name: str) -> list[str]:
    """A console script of pyproject.toml, run with this interpreter (on this checkout,
    wherever the script's module lives)."""
    pyproject = (ROOT / "pyproject.toml").read_text()
    found = re.search(rf'^{re.escape(name)}\s*=\s*"([\w.]+):(\w+)"', pyproject, re.M)
    if found is None:
        raise SystemExit(f"pyproject.toml names no script {name}")
    module, function = found.groups()
    code = f"import sys; from {module} import {function}; sys.exit({function}())"
    return [sys.executable, "-c", code]


def _hook_repository(directory: Path) -> Path:
    """A fresh git repository holding a copy of the small example configuration."""
    repository = directory / "hook-repo"
    shutil.copytree(HOOK_DIRECTORY, repository / "infra", ignore=shutil.ignore_patterns("*.json"))
    git = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.invalid"]
    subprocess.run([*git, "init", "-q"], cwd=repository, check=True)
    subprocess.run([*git, "add", "."], cwd=repository, check=True)
    subprocess.run([*git, "commit", "-q", "-m", "start"], cwd=repository, check=True)
    return repository


def small_cases(pairs: int, env: dict[str, str], work: Path) -> list[Result]:
    python = sys.executable
    gate = [python, "-m", "finops_gate"]
    nothing = [python, "-c", "pass"]
    results = [
        alternate(
            "`--version`", "`python -c pass`", nothing, [*gate, "--version"], pairs, ROOT, env
        ),
        alternate("`--help`", "`python -c pass`", nothing, [*gate, "--help"], pairs, ROOT, env),
        alternate(
            "example plan (`examples/plan.json`)",
            '`python -c "import click, yaml"`',
            [python, "-c", "import click, yaml"],
            [*gate, "examples/plan.json"],
            pairs,
            ROOT,
            env,
        ),
    ]
    fixture = FIXTURES / HCL_FIXTURE
    # Outside the configuration directory, or plan mode would read the .tf files too.
    plan = work / f"{HCL_FIXTURE}.json"
    shutil.copyfile(fixture / "plan.json", plan)
    results.append(
        alternate(
            f"HCL mode (`{HCL_FIXTURE}`, {_count(fixture / 'plan.json')} resources)",
            "plan mode, same configuration",
            [*gate, str(plan), "--format", "markdown"],
            [*gate, str(fixture), "--format", "markdown"],
            pairs,
            ROOT,
            env,
        )
    )
    repository = _hook_repository(work)
    changed = sorted(str(p.relative_to(repository)) for p in repository.rglob("*.tf"))
    results.append(
        alternate(
            f"pre-commit hook (`{HOOK_DIRECTORY.name}`, {len(changed)} file)",
            "`python -c pass`",
            nothing,
            [*_script_command("finops-gate-hook"), *changed],
            pairs,
            repository,
            env,
        )
    )
    return results


def _count(path: Path) -> int:
    return len(orjson.loads(path.read_bytes())["resource_changes"])


def large_cases(
    sizes: Sequence[int], pairs: int, env: dict[str, str], directory: Path
) -> list[Result]:
    template = _Template.read()
    parse_only = "import orjson, sys; orjson.loads(open(sys.argv[1], 'rb').read())"
    results = []
    for count in sizes:
        path = directory / f"plan-{count}.json"
        if not path.exists():
            path.write_bytes(generate_plan(count, template))
        size = path.stat().st_size / 1e6
        results.append(
            alternate(
                f"{count:,} resources ({size:.0f} MB)",
                "`orjson.loads` of the file",
                [sys.executable, "-c", parse_only, str(path)],
                [
                    sys.executable,
                    "-m",
                    "finops_gate",
                    str(path),
                    "--format",
                    "markdown",
                    "-o",
                    os.devnull,
                ],
                pairs,
                ROOT,
                env,
                count,
            )
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 and 10,000 resources, 3 pairs")
    parser.add_argument("--sizes", type=int, nargs="+", help="plan sizes (resources)")
    parser.add_argument("--pairs", type=int, help="A/B pairs per case (default 5, quick 3)")
    parser.add_argument(
        "--keep",
        type=Path,
        help="write the generated plans here and reuse them (default: a "
        "temporary directory, removed at the end)",
    )
    parser.add_argument("--only", choices=("large", "small"), help="run one group of cases")
    args = parser.parse_args()
    sizes = args.sizes or (QUICK_SIZES if args.quick else FULL_SIZES)
    pairs = args.pairs or (3 if args.quick else 5)
    # The checkout this script belongs to, not an installed copy; but with its bytecode
    # compiled, as installing writes it, or every run would compile every module again.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "finops_gate")], env=env, check=True
    )
    with tempfile.TemporaryDirectory(prefix="finops-gate-bench-") as temporary:
        plans = args.keep or Path(temporary)
        plans.mkdir(parents=True, exist_ok=True)
        results: list[Result] = []
        if args.only != "small":
            results += large_cases(sizes, pairs, env, plans)
        if args.only != "large":
            results += small_cases(pairs, env, Path(temporary))
    print(f"finops-gate benchmark: {machine()}; {pairs} pairs per case, medians\n")
    print(table(results))
    print()
    print(growth(results))


if __name__ == "__main__":
    main()
