"""Property-based fuzzing of HCL mode: whatever the `.tf` source, reading and pricing it
either succeeds or raises the one-line FinopsGateError the CLI turns into exit 2, never
another exception (exit 3), and never runs away (each example has a time bound).

Sources come from a grammar-ish strategy (blocks, attributes, `count`/`for_each`, and
expressions: huge, fractional and exponent numbers, strings with interpolation and
directives, calls of the supported functions with random arguments, `for` expressions,
conditionals, splats, operators) and from raw random text. Brief on every run (about five
seconds); FINOPS_GATE_FUZZ_EXAMPLES raises the number of examples for a longer hunt.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from finops_gate.errors import FinopsGateError, one_line  # noqa: E402
from finops_gate.pipeline import GateOptions, build_gate_report  # noqa: E402
from finops_gate.plan.hcl.functions import FUNCTIONS  # noqa: E402
from tests.conftest import ROOT  # noqa: E402

EXAMPLES = int(os.environ.get("FINOPS_GATE_FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
SECONDS_PER_EXAMPLE = 20  # far above any budgeted evaluation; a runaway fails instead
FILE_FUNCTIONS = ("file", "fileexists", "fileset", "templatefile", "filebase64", "abspath")

numbers = st.one_of(
    st.integers(-(10**6), 10**6).map(str),
    st.integers(-(10**40), 10**40).map(str),
    st.sampled_from(
        ["0", "1", "1e400", "1e9", "1e-400", "1.5e3", "0.1", "9" * 400, "1E+10", "2.5", "3e0"]
    ),
    st.floats(allow_nan=False, allow_infinity=False).map(repr),
)
words = st.text(alphabet="abcxyz_-./*%$#{}\\n :", max_size=8)
references = st.sampled_from(
    [
        "var.a",
        "var.b",
        "var.nosuch",
        "local.x",
        "local.y",
        "each.key",
        "each.value",
        "count.index",
        "path.module",
        "path.root",
        "terraform.workspace",
        "aws_instance.a",
        "aws_instance.a[0].id",
        "aws_instance.a.*.id",
        "data.aws_ami.x.id",
        "module.m.out",
        "self.id",
    ]
)

pytestmark = pytest.mark.slow


def _string(parts: list[str]) -> str:
    return '"' + "".join(parts) + '"'


def _quoted(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("${", "$${")


def expressions() -> st.SearchStrategy[str]:
    leaves = st.one_of(
        numbers,
        st.sampled_from(["true", "false", "null", "[]", "{}"]),
        words.map(lambda text: _string([_quoted(text)])),
        references,
    )

    def compound(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        function = st.sampled_from(sorted(FUNCTIONS) + list(FILE_FUNCTIONS))
        return st.one_of(
            st.tuples(function, st.lists(inner, max_size=4)).map(
                lambda call: f"{call[0]}({', '.join(call[1])})"
            ),
            st.lists(inner, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
            st.lists(
                st.tuples(words.filter(str.isidentifier) | st.just("k"), inner), max_size=3
            ).map(lambda pairs: "{" + ", ".join(f"{k} = {v}" for k, v in pairs) + "}"),
            st.tuples(inner, st.sampled_from("+-*/%<>"), inner).map(" ".join),
            st.tuples(inner, st.sampled_from(["==", "!=", "&&", "||", "<=", ">="]), inner).map(
                " ".join
            ),
            inner.map(lambda e: f"!{e}"),
            inner.map(lambda e: f"-{e}"),
            inner.map(lambda e: f"({e})"),
            st.tuples(inner, inner, inner).map(lambda t: f"{t[0]} ? {t[1]} : {t[2]}"),
            st.tuples(inner, inner).map(lambda t: f"[for x in {t[0]} : {t[1]}]"),
            st.tuples(inner, inner, inner).map(
                lambda t: f"[for i, x in {t[0]} : {t[1]} if {t[2]}]"
            ),
            st.tuples(inner, inner).map(lambda t: f"{{for k, v in {t[0]} : k => {t[1]}}}"),
            st.tuples(inner, inner).map(lambda t: f"{{for k, v in {t[0]} : k => {t[1]}...}}"),
            inner.map(lambda e: f"{e}[*].id"),
            inner.map(lambda e: f"{e}.*.name"),
            st.tuples(inner, inner).map(lambda t: f"{t[0]}[{t[1]}]"),
            inner.map(lambda e: f"{e}.attr"),
            st.lists(
                st.one_of(words.map(_quoted), inner.map(lambda e: f"${{{e}}}")), max_size=4
            ).map(_string),
            st.tuples(inner, inner, inner).map(
                lambda t: _string([f"%{{ if {t[0]} }}", f"${{{t[1]}}}", "%{ else }x%{ endif }"])
            ),
            st.tuples(inner, inner).map(
                lambda t: _string([f"%{{ for v in {t[0]} }}", f"${{{t[1]}}}", "%{ endfor }"])
            ),
            inner.map(lambda e: f"<<EOT\nline ${{{e}}}\nEOT\n"),
        )

    return st.recursive(leaves, compound, max_leaves=12)


EXPRESSIONS = expressions()


def _attributes(pairs: list[tuple[str, str]]) -> str:
    return "".join(f"  {name} = {value}\n" for name, value in pairs)


def blocks() -> st.SearchStrategy[str]:
    expression = EXPRESSIONS
    resource_attributes = st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "instance_type",
                    "tags",
                    "ami",
                    "allocated_storage",
                    "instance_class",
                    "engine",
                    "volume_size",
                    "desired_capacity",
                ]
            ),
            expression,
        ),
        max_size=3,
        unique_by=lambda pair: pair[0],
    )
    meta = st.one_of(
        st.just(""),
        expression.map(lambda e: f"  count = {e}\n"),
        expression.map(lambda e: f"  for_each = {e}\n"),
    )
    kinds = st.sampled_from(
        ["aws_instance", "aws_db_instance", "aws_ebs_volume", "aws_nat_gateway", "aws_s3_bucket"]
    )
    return st.one_of(
        st.tuples(st.sampled_from("ab"), expression).map(
            lambda t: f'variable "{t[0]}" {{\n  default = {t[1]}\n}}\n'
        ),
        st.lists(st.tuples(st.sampled_from(["x", "y", "z"]), expression), max_size=3).map(
            lambda pairs: "locals {\n" + _attributes(pairs) + "}\n"
        ),
        st.tuples(kinds, st.sampled_from("ab"), meta, resource_attributes).map(
            lambda t: f'resource "{t[0]}" "{t[1]}" {{\n{t[2]}{_attributes(t[3])}}}\n'
        ),
        st.tuples(expression, expression).map(
            lambda t: (
                'resource "aws_instance" "d" {\n  instance_type = "t3.micro"\n'
                f'  dynamic "ebs_block_device" {{\n    for_each = {t[0]}\n'
                f"    content {{\n      volume_size = {t[1]}\n    }}\n  }}\n}}\n"
            )
        ),
        expression.map(lambda e: f'provider "aws" {{\n  region = {e}\n}}\n'),
        expression.map(lambda e: f'output "o" {{\n  value = {e}\n}}\n'),
        st.just('data "aws_ami" "x" {\n  most_recent = true\n}\n'),
    )


sources = st.one_of(
    st.lists(blocks(), min_size=1, max_size=5).map("".join),
    st.text(max_size=300),
    st.lists(st.one_of(blocks(), st.text(max_size=20)), min_size=1, max_size=4).map("".join),
)


class RunawayEvaluation(Exception):
    """An example ran past its time bound: a budget is missing."""


@contextmanager
def time_bound(seconds: int) -> Iterator[None]:
    def expire(signum: int, frame: FrameType | None) -> None:
        raise RunawayEvaluation(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def gate_on_source(source: str, directory: Path) -> None:
    """Read, price and judge `source` as main.tf: any outcome but FinopsGateError fails."""
    (directory / "main.tf").write_text(source, encoding="utf-8", errors="surrogatepass")
    try:
        with time_bound(SECONDS_PER_EXAMPLE):
            build_gate_report(GateOptions(plan=str(directory), policy="default"))
    except FinopsGateError as error:
        assert "\n" not in one_line(str(error))


@FUZZ
@given(sources)
def test_hcl_mode_on_generated_sources(source: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        gate_on_source(source, Path(directory))


@FUZZ
@given(st.binary(max_size=300))
def test_hcl_mode_on_any_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "main.tf").write_bytes(data)
        try:
            with time_bound(SECONDS_PER_EXAMPLE):
                build_gate_report(GateOptions(plan=directory))
        except FinopsGateError:
            pass


@settings(
    max_examples=max(2, EXAMPLES // 20), deadline=None, suppress_health_check=list(HealthCheck)
)
@given(st.lists(blocks(), min_size=1, max_size=4).map("".join))
def test_the_cli_on_generated_sources_exits_0_1_or_2(source: str) -> None:
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "main.tf").write_text(source, encoding="utf-8")
        result = subprocess.run(
            [sys.executable, "-m", "finops_gate", directory],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            errors="replace",
            timeout=120,
            check=False,
        )
    assert result.returncode in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    if result.returncode == 2:
        assert len(result.stderr.splitlines()) == 1, result.stderr
