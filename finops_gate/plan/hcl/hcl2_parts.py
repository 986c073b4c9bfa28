"""python-hcl2's parser and escape handling, without importing the rest of python-hcl2.

HCL mode parses with python-hcl2's Lark grammar and post-lexer (the parser
`hcl2.parser.parser()` builds) and resolves string escapes with its
`hcl2.utils.process_escape_sequences`. Importing any `hcl2` module runs the package's
`__init__`, which imports its whole API (deserializer, formatter, reconstructor,
builder, transformer, rules, the `regex` module): about 12 ms of every run of the
pre-commit hook, for code HCL mode never calls.

So the two modules used are loaded from the installed package's own files
(`postlexer.py`, `utils.py`: nothing is copied), and the parser is built as
`hcl2.parser.parser()` builds it: the same grammar file, the same options in the same
order, hence the same key into the same parse-table cache file, which Lark checks
against the grammar and its own version. When the installed python-hcl2 does not have
that layout (a module missing or not loadable on its own), `hcl2`'s public functions are
used instead. tests/plan/hcl/test_hcl2_parts.py compares both ways on every fixture.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

_GRAMMAR = "hcl2.lark"
_CACHE = ".lark_cache.bin"


@cache
def _package_directory() -> Path | None:
    """Where python-hcl2 is installed, found without importing it."""
    try:
        spec = importlib.util.find_spec("hcl2")
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _own_module(name: str) -> ModuleType | None:
    """python-hcl2's module `name`, executed from its file without the package's
    `__init__`; None when it cannot be (the caller then imports it the usual way)."""
    directory = _package_directory()
    if directory is None:
        return None
    spec = importlib.util.spec_from_file_location(
        f"finops_gate.plan.hcl._hcl2_{name}", directory / f"{name}.py"
    )
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # a layout this module does not know: fall back to `import hcl2`
        return None
    return module


def _escape_function() -> Callable[[str], str]:
    module = _own_module("utils")
    function = getattr(module, "process_escape_sequences", None)
    if callable(function):
        return function  # type: ignore[no-any-return]
    from hcl2.utils import process_escape_sequences

    return process_escape_sequences


process_escape_sequences: Callable[[str], str] = _escape_function()


@cache
def _parse_function() -> Callable[[str], Any]:
    parser = _lean_parser()
    if parser is None:
        from hcl2.api import parses_to_tree

        return parses_to_tree

    def parse(text: str) -> Any:
        # A newline at the end, as parses_to_tree adds: the grammar needs one after the
        # last line (Lark has no end-of-file token).
        return parser.parse(text + "\n")

    return parse


def _lean_parser() -> Any:
    """The Lark parser `hcl2.parser.parser()` builds, built without `hcl2`'s package."""
    directory = _package_directory()
    if directory is None or not (directory / _GRAMMAR).is_file():
        return None
    postlexer = _own_module("postlexer")
    post_lexer_class = getattr(postlexer, "PostLexer", None)
    if post_lexer_class is None:
        return None
    from lark import Lark

    # Exactly hcl2.parser.parser()'s options, in its order: Lark keys its cache on them.
    return Lark.open(
        str(directory / _GRAMMAR),
        parser="lalr",
        cache=str(directory.absolute().resolve() / _CACHE),
        propagate_positions=True,
        postlex=post_lexer_class(),
    )


def parse_to_tree(text: str) -> Any:
    """The raw Lark tree of HCL text, as `hcl2.api.parses_to_tree(text)` gives it."""
    return _parse_function()(text)
