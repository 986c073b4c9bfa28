from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from finops_gate.cost.prices import PriceTable, load_price_table
from finops_gate.plan import Plan, load_plan

# The suite is hermetic: what the developer's shell or the CI runner sets must not change
# what the gate does (a price table, a region, "running under GitHub Actions", a token).
# Tests that need one of these set it themselves.
# Kept: settings of the tests themselves, not of the gate.
_KEPT = {"FINOPS_GATE_FUZZ_EXAMPLES", "FINOPS_GATE_INFRACOST_CLONE"}
for _name in list(os.environ):
    if _name in _KEPT:
        continue
    if _name.startswith(("FINOPS_GATE_", "GITHUB_", "GITLAB_", "CI_")) or _name in (
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "CI",
    ):
        del os.environ[_name]

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "terraform"
SHARED = ROOT.parent / "shared"


def build_wheel(source: Path, out: Path, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """`pip wheel` of `source` into `out`, offline (hatchling from the test extras)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )


def fixture_plan_path(case: str) -> Path:
    return FIXTURES / case / "plan.json"


@pytest.fixture(scope="session")
def prices() -> PriceTable:
    return load_price_table()


@pytest.fixture(scope="session")
def load_case() -> object:
    cache: dict[str, Plan] = {}

    def load(case: str) -> Plan:
        if case not in cache:
            cache[case] = load_plan(str(fixture_plan_path(case)))
        return cache[case]

    return load
