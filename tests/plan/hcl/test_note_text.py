"""HCL mode's notes stay short enough to read on one line, however many values are
unknown and however long what they quote."""

from __future__ import annotations

from pathlib import Path

from finops_gate.plan.hcl import load_directory
from finops_gate.plan.hcl.note_text import (
    LISTED_ITEMS,
    LONGEST_QUOTED,
    LONGEST_TEXT,
    listing,
    shortened,
)

LONG_NAME = "a-very-long-parameter-name-" * 12


def test_shortened_keeps_short_text_and_cuts_long_text() -> None:
    assert shortened("var.x is not set") == "var.x is not set"
    cut = shortened("x" * 500)
    assert len(cut) == LONGEST_TEXT and cut.startswith("xxx") and "..." in cut
    assert shortened("a\n  b") == "a b"  # a note is one line


def test_shortened_cuts_quoted_text_and_keeps_what_to_do() -> None:
    reason = f"'/home/{'d' * 300}/secret.txt' is outside the repository; not read"
    text = shortened(reason)
    assert text.startswith("'/home/dd") and "...d" in text
    assert text.endswith("/secret.txt' is outside the repository; not read")
    quoted = text[: text.index(" is outside")]
    assert len(quoted) == LONGEST_QUOTED
    # the end of a long reason is kept: it often says what to do
    long_reason = "y" * 300 + " (FINOPS_GATE_MAX_FILE_FUNCTION_BYTES raises the limit)"
    assert shortened(long_reason).endswith("(FINOPS_GATE_MAX_FILE_FUNCTION_BYTES raises the limit)")
    # the reasons finops-gate itself writes are kept whole
    limit = (
        "could not be evaluated: a string of 2097152 characters, longer than the limit of "
        "1048576 (FINOPS_GATE_MAX_STRING_LENGTH raises it)"
    )
    assert shortened(limit) == limit


def test_listing_counts_what_it_leaves_out() -> None:
    assert listing(["a", "b"]) == "a; b"
    items = [str(n) for n in range(LISTED_ITEMS + 7)]
    assert listing(items) == "; ".join(items[:LISTED_ITEMS]) + "; and 7 more"


def test_many_long_unknowns_make_one_readable_note(tmp_path: Path) -> None:
    (tmp_path / "main.tf").write_text(
        'provider "aws" {\n  region = "us-east-1"\n}\n'
        f'data "aws_ssm_parameter" "{LONG_NAME}" {{\n  name = "x"\n}}\n'
        'resource "aws_instance" "web" {\n  count = 40\n  ami = "ami-1"\n'
        f"  instance_type = data.aws_ssm_parameter.{LONG_NAME}.value\n}}\n"
        'module "remote" {\n'
        f'  source = "git::https://example.com/{LONG_NAME}.git?ref=v1"\n}}\n',
        encoding="utf-8",
    )
    notes = load_directory(tmp_path).notes
    [unknowns] = [n for n in notes if "could not be evaluated without a plan" in n]
    assert unknowns.startswith("HCL mode: 40 value(s)")
    assert unknowns.endswith(f"; and {40 - LISTED_ITEMS} more")
    assert unknowns.count("aws_instance.web[") == LISTED_ITEMS
    assert "..." in unknowns and LONG_NAME not in unknowns
    # however long the configuration's names: the listed items, each part bounded
    assert len(unknowns) <= 150 + LISTED_ITEMS * (3 * LONGEST_TEXT + 10)
    [remote] = [n for n in notes if n.startswith("module.remote")]
    assert "(source 'git::https://examp...-name-.git?ref=v1', main.tf:12)" in remote
    assert LONG_NAME not in remote and len(remote) < 350
