"""The documentation a user reads: every option of every command is documented, and every
link between the README and docs/ resolves."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from tests.conftest import ROOT

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\]\(([^)\s]+)\)")


def _commands() -> Iterator[tuple[str, click.Command]]:
    from finops_gate.cli.app import cli
    from finops_gate.cli.hook import hook_command

    def walk(prefix: str, command: click.Command) -> Iterator[tuple[str, click.Command]]:
        yield prefix, command
        if isinstance(command, click.Group):
            for name, sub in sorted(command.commands.items()):
                yield from walk(f"{prefix} {name}", sub)

    yield from walk("finops-gate", cli)
    yield "finops-gate-hook", hook_command


OPTIONS = sorted(
    {
        (name, option)
        for name, command in _commands()
        for param in command.params
        if isinstance(param, click.Option)
        for option in param.opts
        if option.startswith("--") and option not in ("--help", "--version")
    }
)


@pytest.mark.parametrize(("command", "option"), OPTIONS)
def test_every_option_is_documented(command: str, option: str) -> None:
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    written = re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text)
    assert written, f"{command} {option} is in no page of the docs"


def _links() -> Iterator[tuple[Path, str]]:
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if target.startswith(("http://", "https://", "mailto:", "#")):
                continue
            yield page, target


@pytest.mark.parametrize(
    ("page", "target"), list(_links()), ids=lambda v: v.name if isinstance(v, Path) else v
)
def test_every_link_resolves(page: Path, target: str) -> None:
    path = target.split("#", 1)[0]
    assert (page.parent / path).exists(), f"{page.relative_to(ROOT)} links to {target}"


def test_the_readme_is_what_a_user_reads_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme) < 14_000  # the rest lives in docs/
    for needed in ("pip install . && finops-gate examples/plan.json", "python -m pytest"):
        assert needed in readme
    for page in ("commands", "policies", "formats", "ci", "security", "contributing", "costs"):
        assert f"(docs/{page}.md)" in readme
