"""hcl2_parts: python-hcl2's parser and escapes without its package's __init__, giving
exactly what python-hcl2's own functions give."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hcl2.api import parses_to_tree
from hcl2.utils import process_escape_sequences as hcl2_escapes

from finops_gate.plan.hcl import hcl2_parts
from tests.conftest import ROOT

TF_FILES = sorted(
    path
    for folder in (ROOT / "tests" / "fixtures", ROOT / "examples")
    for path in folder.rglob("*.tf")
    if ".terraform" not in path.parts
)


def _shape(tree: Any) -> list[tuple[Any, ...]]:
    """Every node with its positions (line numbers end up in findings and SARIF)."""
    return [
        (
            node.data,
            getattr(node.meta, "line", None),
            getattr(node.meta, "column", None),
            getattr(node.meta, "end_line", None),
            getattr(node.meta, "end_column", None),
        )
        for node in tree.iter_subtrees()
    ]


def _parsed(parse: Any, text: str) -> Any:
    try:
        return parse(text)
    except Exception as error:  # both must refuse the same text the same way
        return type(error).__name__, getattr(error, "line", None)


def test_the_fixtures_hold_enough_terraform_to_compare() -> None:
    assert len(TF_FILES) > 200


@pytest.mark.parametrize("path", TF_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_tree_is_python_hcl2s_own(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    mine, theirs = _parsed(hcl2_parts.parse_to_tree, text), _parsed(parses_to_tree, text)
    assert mine == theirs
    if not isinstance(theirs, tuple):
        assert _shape(mine) == _shape(theirs)


@pytest.mark.parametrize(
    "text",
    ['a = "x\\ny\\t\\"z\\"\\\\"', 'a = "\\u00e9\\U0001F600"', 'a = "plain"', 'a = "odd \\q"', 'a = "end\\'],
)
def test_escapes_are_resolved_as_python_hcl2_resolves_them(text: str) -> None:
    inner = text.split("=", 1)[1].strip().strip('"')
    assert hcl2_parts.process_escape_sequences(inner) == hcl2_escapes(inner)


def test_text_that_is_not_hcl_is_refused_as_python_hcl2_refuses_it() -> None:
    for text in ['resource "a" {', "a = = 1", "}", 'a = "unterminated']:
        assert _parsed(hcl2_parts.parse_to_tree, text) == _parsed(parses_to_tree, text)
        assert isinstance(_parsed(hcl2_parts.parse_to_tree, text), tuple)


def _run(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return result.stdout.strip()


def test_an_hcl_run_does_not_import_python_hcl2s_package() -> None:
    found = _run(
        """
        import sys
        from finops_gate.plan.hcl import load_directory
        load_directory("tests/fixtures/terraform/three_regions", (), ())
        print(sorted(name for name in sys.modules if name.split(".")[0] == "hcl2"))
        """
    )
    assert found == "[]"


def test_the_parser_uses_python_hcl2s_parse_table_cache() -> None:
    """The same options in the same order give Lark the same cache key: after our parser
    was built (and wrote the cache if there was none), python-hcl2's own parser loads
    the tables from that file instead of building them, and vice versa."""
    cache = Path(hcl2_parts._package_directory() or "") / hcl2_parts._CACHE
    if not cache.exists():
        _run("from finops_gate.plan.hcl.hcl2_parts import parse_to_tree; parse_to_tree('')")
    if not cache.exists():
        pytest.skip("python-hcl2's directory is not writable here: no cache to share")
    built = _run(
        """
        from finops_gate.plan.hcl import hcl2_parts
        from hcl2.parser import parser
        ours, theirs = hcl2_parts._lean_parser(), parser()
        # A Lark parser loaded from a cache has no `grammar`: only a built one does.
        print(hasattr(ours, "grammar"), hasattr(theirs, "grammar"))
        """
    )
    assert built == "False False"


def test_without_python_hcl2s_files_its_package_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "postlexer.py").write_text("from .elsewhere import PostLexer\n")
    monkeypatch.setattr(hcl2_parts, "_package_directory", lambda: tmp_path)
    assert hcl2_parts._own_module("postlexer") is None
    assert hcl2_parts._lean_parser() is None
    hcl2_parts._parse_function.cache_clear()
    try:
        text = (ROOT / "examples" / "web-app" / "main.tf").read_text(encoding="utf-8")
        assert hcl2_parts._parse_function() is parses_to_tree
        assert hcl2_parts.parse_to_tree(text) == parses_to_tree(text)
    finally:
        hcl2_parts._parse_function.cache_clear()
