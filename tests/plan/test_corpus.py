"""Every plan in ../shared/plan-corpus (794 real files) goes through the reader.

Plans must parse; the corpus's state files must be refused with the state message.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from finops_gate.errors import PlanError
from finops_gate.plan import load_plan
from tests.conftest import SHARED

CORPUS = SHARED / "plan-corpus"


def corpus_files() -> list[tuple[Path, str, str]]:
    index = CORPUS / "INDEX.tsv"
    if not index.exists():
        return []
    with index.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [(CORPUS / row["file"], row["kind"], row["format_version"]) for row in rows]


FILES = corpus_files()
pytestmark = pytest.mark.skipif(not FILES, reason=f"plan corpus not found at {CORPUS}")


def test_corpus_is_complete() -> None:
    assert len(FILES) == 794
    assert all(path.exists() for path, _, _ in FILES)


def test_every_corpus_file_is_read_or_refused_cleanly() -> None:
    failures: list[str] = []
    versions: set[str] = set()
    for path, kind, _ in FILES:
        try:
            plan = load_plan(str(path))
        except PlanError as error:
            if kind != "state" or "state" not in str(error):
                failures.append(f"{path.name}: {error}")
            continue
        if kind == "state":
            failures.append(f"{path.name}: a state file was accepted as a plan")
        versions.add(plan.format_version)
        for resource in plan.resources:
            assert resource.address and resource.type and resource.region
    assert not failures, "\n".join(failures[:20])
    assert {"0.1", "0.2", "1.0", "1.1", "1.2"} <= versions
