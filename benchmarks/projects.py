"""Many projects: one run over a generated repository, serial (`--jobs 1`) against
parallel (`--jobs N`).

The repository has PROJECTS projects of RESOURCES resources each, every one a plan JSON
built from the terraform fixtures as `bench.py` builds its large plans, listed in a
`finops-gate.yml`. Each measurement is a fresh process; serial (A) and parallel (B) runs
alternate, and the two runs' JSON reports are checked to be the same bytes.

    python benchmarks/projects.py                   # 50 projects x 200 resources, --jobs 2
    python benchmarks/projects.py --projects 10 --resources 100 --jobs 2 --pairs 2
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench import ROOT, Result, _Template, alternate, generate_plan, machine


def make_repository(directory: Path, projects: int, resources: int) -> Path:
    """The repository's config file; each project a plan JSON of `resources` changes."""
    template = _Template.read()
    plan = generate_plan(resources, template)
    lines = ["projects:"]
    for number in range(projects):
        name = f"service{number:03d}"
        (directory / name).mkdir(parents=True, exist_ok=True)
        (directory / name / "plan.json").write_bytes(plan)
        lines.append(f"  - {{name: {name}, path: {name}/plan.json}}")
    config = directory / "finops-gate.yml"
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return config


def _command(config: Path, jobs: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        "finops_gate",
        "--config",
        str(config),
        "--jobs",
        str(jobs),
        "--format",
        "json",
        "--fail-on",
        "never",
    ]


def same_output(config: Path, jobs: int, env: dict[str, str]) -> bool:
    outputs = {
        subprocess.run(
            _command(config, n), env=env, capture_output=True, check=True, cwd=config.parent
        ).stdout
        for n in (1, jobs)
    }
    return len(outputs) == 1


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--projects", type=int, default=50)
    parser.add_argument("--resources", type=int, default=200, help="per project")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel run")
    parser.add_argument("--pairs", type=int, default=3, help="A/B pairs")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    with tempfile.TemporaryDirectory(prefix="finops-gate-projects-") as temporary:
        config = make_repository(Path(temporary), args.projects, args.resources)
        if not same_output(config, args.jobs, env):
            raise SystemExit("--jobs 1 and --jobs N wrote different reports")
        label = f"{args.projects} projects x {args.resources} resources"
        result: Result = alternate(
            label,
            "--jobs 1",
            _command(config, 1),
            _command(config, args.jobs),
            args.pairs,
            config.parent,
            env,
            args.projects * args.resources,
        )
    serial, parallel = result.median("a", "seconds"), result.median("b", "seconds")
    print(f"finops-gate projects benchmark: {machine()}; {args.pairs} pairs, medians\n")
    print(f"| case | --jobs 1 | --jobs {args.jobs} | speed-up (pairs) |")
    print("| --- | ---: | ---: | --- |")
    pairs = ", ".join(f"{1 / r:.2f}" for r in result.ratios("seconds"))
    speedup = statistics.median(1 / r for r in result.ratios("seconds"))
    print(f"| {label} | {serial:.2f} s | {parallel:.2f} s | {speedup:.2f}x ({pairs}) |")
    print("\nSame JSON report from both: yes.")


if __name__ == "__main__":
    main()
