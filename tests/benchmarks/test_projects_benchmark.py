"""The many-projects benchmark's generated repository, and its same-bytes check."""

from __future__ import annotations

import os
from pathlib import Path

import orjson

from benchmarks.projects import make_repository, same_output
from finops_gate.projects.config import load_config
from tests.conftest import ROOT


def test_generated_repository(tmp_path: Path) -> None:
    config = make_repository(tmp_path, projects=3, resources=40)
    loaded = load_config(config)
    assert [p.name for p in loaded.projects] == ["service000", "service001", "service002"]
    plan = orjson.loads((tmp_path / "service001" / "plan.json").read_bytes())
    assert len(plan["resource_changes"]) == 40
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    assert same_output(config, 2, env)
