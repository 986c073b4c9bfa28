from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from finops_gate.cli import main
from tests.conftest import ROOT

# The fake GitHub API and the clean CI environment of the integration tests.
from tests.integrations.conftest import _no_ci_environment, api  # noqa: F401

MONOREPO = ROOT / "tests" / "fixtures" / "monorepo"


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def monorepo(tmp_path: Path) -> Path:
    """A copy of the sample monorepo the test may change, as a repository of its own."""
    target = tmp_path / "repo"
    shutil.copytree(MONOREPO, target)
    # A repository root, as a checkout has: local modules are read inside it only.
    (target / ".git").mkdir()
    return target


@pytest.fixture(autouse=True)
def _no_progress_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Progress lines appear in CI; tests read standard error as a user's terminal-less run."""
    monkeypatch.delenv("CI", raising=False)
