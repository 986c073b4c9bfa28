"""The hook reads each file as it is and as it was at HEAD; a file unchanged since HEAD
is parsed once (finops_gate/plan/hcl/syntax.py caches syntax trees by content)."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from finops_gate.cli import hook
from finops_gate.plan.hcl import hcl2_parts, syntax

MAIN = """
provider "aws" {
  region = "us-east-1"
}

resource "aws_eip" "ip" {
  domain = "vpc"
  tags   = { Team = "web", Environment = "dev" }
}
"""
VARIABLES = 'variable "size" {\n  default = "t3.micro"\n}\n'


@pytest.fixture
def parsed(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times the HCL grammar parsed each text."""
    counts: Counter[str] = Counter()
    original = hcl2_parts.parse_to_tree

    def counting(text: str) -> Any:
        counts[text] += 1
        return original(text)

    syntax._syntax_tree.cache_clear()
    monkeypatch.setattr(hcl2_parts, "parse_to_tree", counting)
    yield counts
    syntax._syntax_tree.cache_clear()


def _git(directory: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=t", "-c", "user.email=t@example.invalid", *args]
    subprocess.run(command, cwd=directory, check=True, capture_output=True)


def test_a_file_unchanged_since_head_is_parsed_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, parsed: Counter[str]
) -> None:
    app = tmp_path / "app"
    app.mkdir()
    (app / "main.tf").write_text(MAIN, encoding="utf-8")
    (app / "variables.tf").write_text(VARIABLES, encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", ".")
    _git(tmp_path, "commit", "-q", "-m", "start")
    changed = MAIN.replace('"vpc"', '"standard"')
    (app / "main.tf").write_text(changed, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert hook.main(["app/main.tf"]) == 0
    assert parsed[VARIABLES] == 1  # the same at HEAD and in the working tree
    assert parsed[MAIN] == 1  # as it was at HEAD
    assert parsed[changed] == 1  # as it is now


def test_the_same_text_in_two_files_keeps_each_file_name(parsed: Counter[str]) -> None:
    first = syntax.parse_text(VARIABLES, "a/variables.tf")
    second = syntax.parse_text(VARIABLES, "b/variables.tf")
    assert parsed[VARIABLES] == 1
    assert [b.file for b in first.blocks] == ["a/variables.tf"]
    assert [b.file for b in second.blocks] == ["b/variables.tf"]
