"""The bundled price table and policies ship inside the wheel, not only in a checkout."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_wheel

# Builds a wheel and installs it in a process of its own.
pytestmark = pytest.mark.slow

CHECK = """
import finops_gate, sys
from finops_gate.bundled import bundled_dir
from finops_gate.cost.prices import load_price_table
from finops_gate.policy.loader import load_policy
assert finops_gate.__file__.startswith(sys.argv[1]), finops_gate.__file__
assert str(bundled_dir("pricing")).startswith(sys.argv[1])
table = load_price_table()
policy, path = load_policy(None)
print(len(table.regions), path.name)
"""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("wheel")
    result = build_wheel(ROOT, out)
    assert result.returncode == 0, result.stderr
    return next(out.glob("finops_gate-*.whl"))


def test_wheel_contains_data(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "finops_gate/_data/pricing/aws.json" in names
    assert "finops_gate/_data/policies/default.yml" in names
    assert "finops_gate/report/templates/verdict.md.j2" in names
    assert "finops_gate/report/templates/verdict_exceptions.md.j2" in names


def test_installed_wheel_finds_its_data_outside_a_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    result = subprocess.run(
        [sys.executable, "-c", CHECK, str(site)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    regions, policy = result.stdout.split()
    assert int(regions) >= 2 and policy == "default.yml"
