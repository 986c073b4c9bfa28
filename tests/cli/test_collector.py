"""The command runs without the cyclic garbage collector (finops_gate/__main__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import fixture_plan_path

# Counts the collector's passes from the moment the command's entry point is called.
_RUN = """
import atexit, gc, sys
passes = []
def record(phase, info):
    if phase == "start":
        passes.append(info)
atexit.register(lambda: sys.stderr.write(f"collector passes: {len(passes)}\\n"))
from finops_gate.__main__ import entry
gc.collect()
gc.callbacks.append(record)
sys.argv = ["finops-gate", *sys.argv[1:]]
entry()
"""


def test_no_collection_runs_during_a_check() -> None:
    plan = fixture_plan_path("three_regions")  # about 50,000 containers
    finished = subprocess.run(
        [sys.executable, "-c", _RUN, str(plan), "--format", "markdown", "-o", os.devnull],
        capture_output=True,
        text=True,
        check=False,
    )
    assert finished.returncode in (0, 1), finished.stderr
    assert "collector passes: 0" in finished.stderr
