"""The `finops-gate` entry point (finops_gate/__main__.py) runs without the cyclic
garbage collector and ends without freeing what the run built, its output complete."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from finops_gate.cli.app import main
from tests.conftest import fixture_plan_path

# Says so on standard error whenever a collector pass starts.
_RUN = """
import gc, os, sys
from finops_gate.__main__ import entry
gc.collect()
gc.callbacks.append(lambda phase, info: phase == "start" and os.write(2, b"collector pass\\n"))
sys.argv = ["finops-gate", *sys.argv[1:]]
entry()
"""


def _gate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _RUN, *args], capture_output=True, text=True, check=False
    )


def test_no_collection_runs_during_a_check() -> None:
    plan = fixture_plan_path("three_regions")  # about 50,000 containers
    finished = _gate(str(plan), "--format", "markdown", "-o", os.devnull)
    assert finished.returncode in (0, 1), finished.stderr
    assert "collector pass" not in finished.stderr


@pytest.mark.parametrize("fixture", ["three_regions", "priced_us_east_1"])
def test_the_report_is_complete_and_the_exit_code_kept(
    fixture: str, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = str(fixture_plan_path(fixture))
    with pytest.raises(SystemExit) as exited:
        main([plan, "--format", "json"])
    expected = capsys.readouterr().out
    finished = _gate(plan, "--format", "json")
    assert finished.returncode == exited.value.code
    assert finished.stdout == expected
    json.loads(finished.stdout)
