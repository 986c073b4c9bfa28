"""Where one run's time goes: the wall time of each stage of the gate on one plan.

    python benchmarks/stages.py PLAN            # e.g. a plan `bench.py --keep DIR` wrote
    python benchmarks/stages.py PLAN --repeat 3

Runs the stages `finops-gate PLAN --format markdown` runs, in one process with the cyclic
garbage collector off (as the command runs), and prints one line per run: the imports,
then each stage in seconds, then the length of the Markdown. Use it to see which stage a
change moved; `bench.py` is the measure of the whole command against its baselines.
Run it from outside a directory holding another `finops_gate` package, with the
bytecode compiled (`python -m compileall -q finops_gate`), or the first figures include
compiling.
"""

from __future__ import annotations

import gc
import time

# The imports are a stage of their own: timed from here, with the collector already off.
gc.disable()
_STARTED = time.perf_counter()

import argparse  # noqa: E402

from finops_gate.cost.engine import estimate_plan  # noqa: E402
from finops_gate.options import GateOptions, OutputFormat  # noqa: E402
from finops_gate.pipeline import gate_prices, load_gate_plan, price_info, render, rules_of  # noqa: E402
from finops_gate.policy import clock  # noqa: E402
from finops_gate.policy.engine import EvalOptions, evaluate_policies  # noqa: E402
from finops_gate.policy.loader import DEFAULT_POLICY, load_policy  # noqa: E402
from finops_gate.report.model import build_report  # noqa: E402
from finops_gate.savings.engine import SavingsOptions, recommend  # noqa: E402

_IMPORTS = time.perf_counter() - _STARTED


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("plan", help="a plan JSON file")
    parser.add_argument("--repeat", type=int, default=1, help="runs in this process")
    args = parser.parse_args()
    imports = _IMPORTS
    for _ in range(args.repeat):
        print(one_run(GateOptions(plan=args.plan), imports))
        imports = 0.0


def one_run(o: GateOptions, imports: float) -> str:
    figures: dict[str, float] = {"imports": imports}
    last = [time.perf_counter()]

    def mark(stage: str) -> None:
        now = time.perf_counter()
        figures[stage] = now - last[0]
        last[0] = now

    policy_file, _ = load_policy(o.policy, o.allow_outside_repo)
    mark("policy")
    plan = load_gate_plan(o)
    mark("read")
    prices, table = gate_prices(o)
    mark("prices")
    estimate = estimate_plan(plan, prices, None, o.today)
    mark("estimate")
    savings = recommend(
        policy_file,
        plan,
        estimate,
        prices,
        None,
        SavingsOptions(o.environment, o.all_resources, o.today),
    )
    mark("savings")
    evaluation = EvalOptions(
        overrides=(),
        environment=o.environment,
        all_resources=o.all_resources,
        today=o.today,
        recommendations=savings.everything,
    )
    result = evaluate_policies(policy_file, plan, estimate, evaluation)
    mark("policies")
    report = build_report(
        plan,
        estimate,
        list(result.findings),
        price_info(prices, estimate, clock.today(), table),
        DEFAULT_POLICY,
        result,
        rules_of(policy_file),
        savings.recommendations,
    )
    mark("report")
    text = render(report, OutputFormat.MARKDOWN)
    mark("render")
    stages = " ".join(f"{name} {seconds:.3f}" for name, seconds in figures.items())
    return f"{stages} | {len(text)} characters"


if __name__ == "__main__":
    main()
