"""The pre-commit hook ends like the CLI: the same pipeline, error lines and exit codes.

A directory the hook cannot gate prints the line `finops-gate DIR` prints for it and the
other directories are still gated; an internal error is exit 3, never 1 ("gate failed").
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from finops_gate.cli import hook
from finops_gate.cli import main as cli_main
from finops_gate.cost.registry import ESTIMATORS
from tests.conftest import ROOT

TAGGED = """
provider "aws" {
  region = "us-east-1"
  default_tags {
    tags = { Environment = "dev", Team = "web" }
  }
}

resource "aws_eip" "ip" {
  domain = "vpc"
}
"""
UNTAGGED = 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_eip" "ip" {}\n'
BAD_HCL = 'resource "aws_eip" "ip" {\n  domain = \n'
BAD_POLICY = "version: 1\npolicies:\n  - id: t\n    kind: required_tags\n    tagz: [Team]\n"
TIME_BOUND = 60


def _write(directory: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def _cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        cli_main(args)
    captured = capsys.readouterr()
    assert isinstance(exited.value.code, int)
    return exited.value.code, captured.out, captured.err


def _hook(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = hook.main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _environment() -> dict[str, str]:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    environment.pop("FINOPS_GATE_DEBUG", None)
    return environment


@pytest.mark.parametrize(
    ("files", "options", "fragment"),
    [
        ({"app/main.tf": BAD_HCL}, [], "main.tf: not valid HCL"),
        ({"app/main.tf": TAGGED, "policy.yml": BAD_POLICY}, ["--policy", "policy.yml"], "tagz"),
        ({"app/main.tf": TAGGED}, ["--var-file", "missing.tfvars"], "missing.tfvars"),
        ({"app/main.tf": TAGGED}, ["--prices", "missing.json"], "missing.json"),
    ],
    ids=["bad-hcl", "bad-policy", "missing-var-file", "missing-prices"],
)
def test_hook_and_cli_give_the_same_error_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    files: dict[str, str],
    options: list[str],
    fragment: str,
) -> None:
    _write(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    cli_code, cli_out, cli_err = _cli(["app", *options], capsys)
    hook_code, hook_out, hook_err = _hook([*options, "app/main.tf"], capsys)
    assert (cli_code, hook_code) == (2, 2)
    assert cli_out == hook_out == ""
    assert hook_err == cli_err
    assert hook_err.startswith("finops-gate: error: ") and hook_err.count("\n") == 1
    assert fragment in hook_err


def test_the_hook_reads_the_price_table_variable_as_the_cli_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"app/main.tf": TAGGED})
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FINOPS_GATE_PRICES", "no-such-table.json")
    cli_code, _, cli_err = _cli(["app"], capsys)
    hook_code, _, hook_err = _hook(["app/main.tf"], capsys)
    assert (cli_code, hook_code) == (2, 2)
    assert hook_err == cli_err and "no-such-table.json" in hook_err


def test_one_bad_directory_among_good_ones_ends_2_after_the_good_verdicts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"a/main.tf": TAGGED, "b/main.tf": BAD_HCL, "c/main.tf": UNTAGGED})
    monkeypatch.chdir(tmp_path)
    _, _, cli_err = _cli(["b"], capsys)
    code, out, err = _hook(["a/main.tf", "b/main.tf", "c/main.tf"], capsys)
    assert code == 2  # could not run beats gate failed (c) and pass (a)
    assert err == cli_err
    verdicts = [line for line in out.splitlines() if not line.startswith("  ")]
    assert [line.split(":")[0] for line in verdicts] == ["finops-gate a", "finops-gate c"]
    assert "finops-gate a: PASS" in out and "finops-gate c: FAIL" in out
    # Without the bad directory the same commit fails the gate.
    assert hook.main(["a/main.tf", "c/main.tf"]) == 1


def test_internal_error_is_exit_3_with_the_clis_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(view: object) -> list[object]:
        raise RuntimeError("estimator bug")

    _write(tmp_path, {"app/main.tf": TAGGED})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FINOPS_GATE_DEBUG", raising=False)
    monkeypatch.setitem(ESTIMATORS, "aws_eip", broken)
    cli_code, _, cli_err = _cli(["app"], capsys)
    hook_code, hook_out, hook_err = _hook(["app/main.tf"], capsys)
    assert (cli_code, hook_code) == (3, 3)
    assert hook_out == ""
    assert hook_err == cli_err
    assert hook_err.startswith("finops-gate: internal error: RuntimeError: estimator bug")


@pytest.mark.slow
def test_internal_error_through_the_installed_entry_point_has_no_traceback(
    tmp_path: Path,
) -> None:
    """The `finops-gate-hook` script's function, in a fresh process as pre-commit runs it."""
    _write(tmp_path, {"app/main.tf": TAGGED})
    code = (
        "import sys\n"
        "from finops_gate.cost.registry import ESTIMATORS\n"
        "from finops_gate.__main__ import hook_entry\n"
        "def broken(view):\n"
        "    raise RuntimeError('estimator bug')\n"
        "ESTIMATORS['aws_eip'] = broken\n"
        "hook_entry()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, "app/main.tf"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=TIME_BOUND,
        check=False,
    )
    assert result.returncode == 3, result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("finops-gate: internal error: RuntimeError: estimator bug")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


@pytest.mark.slow
def test_full_standard_output_is_exit_2(tmp_path: Path) -> None:
    _write(tmp_path, {"app/main.tf": TAGGED})
    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run(
            [sys.executable, "-m", "finops_gate.cli.hook", "--base", "", "app/main.tf"],
            cwd=tmp_path,
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=_environment(),
            timeout=TIME_BOUND,
            check=False,
        )
    assert result.returncode == 2, result.stderr
    assert (
        result.stderr
        == "finops-gate: error: standard output: cannot write: No space left on device\n"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signal_number", "last_line"),
    [
        (signal.SIGTERM, "finops-gate: error: terminated (SIGTERM)"),
        (signal.SIGINT, "finops-gate: interrupted"),
    ],
    ids=["SIGTERM", "SIGINT"],
)
def test_a_signal_is_exit_2_with_the_clis_line(
    tmp_path: Path, signal_number: int, last_line: str
) -> None:
    """A signal while the hook waits on git for the base (a git that never answers)."""
    _write(tmp_path, {"app/main.tf": TAGGED})
    started = tmp_path / "git-started"
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\ntouch '{started}'\nexec sleep 60\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    environment = {**_environment(), "PATH": f"{fake.parent}{os.pathsep}{os.environ['PATH']}"}
    process = subprocess.Popen(
        [sys.executable, "-m", "finops_gate.cli.hook", "app/main.tf"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
    deadline = time.monotonic() + TIME_BOUND
    while not started.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    process.send_signal(signal_number)
    out, err = process.communicate(timeout=TIME_BOUND)
    assert process.returncode == 2, err
    assert err.strip("\n") == last_line  # click writes a line break on Ctrl-C, as for the CLI
    assert "Traceback" not in err
    assert out == ""


def test_a_bad_option_is_the_clis_escaped_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _hook(["--fail-on", "x\n::error::injected", "main.tf"], capsys)
    assert code == 2 and out == ""
    assert "Error: Invalid value for '--fail-on'" in err
    assert "x\\n::error::injected" in err
    assert not any(line.startswith("::") for line in err.splitlines())


def test_finding_file_names_are_escaped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"app/x\n::error::y.tf": UNTAGGED})
    monkeypatch.chdir(tmp_path)
    code, out, _ = _hook(["--base", "", "app/x\n::error::y.tf"], capsys)
    assert code == 1
    assert 'missing required tags "Environment", "Team" (x?::error::y.tf:5)' in out
    assert not any(line.startswith("::") for line in out.splitlines())


def test_outside_a_repository_everything_is_new_with_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path, {"app/main.tf": TAGGED})
    monkeypatch.chdir(tmp_path)
    code, out, err = _hook(["app/main.tf"], capsys)
    assert code == 0, err
    assert "(+$3.65 since HEAD), 1 resource(s), 1 changed" in out
    assert "  note: Priced without a base (git rev-parse" in out
    # The CLI, asked for the same base, cannot run: the option is the hook's own.
    cli_code, _, cli_err = _cli(["app", "--base", "HEAD"], capsys)
    assert cli_code == 2 and cli_err.startswith("finops-gate: error: git rev-parse")


def test_a_fifo_or_a_device_named_tf_elsewhere_in_the_repository_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Finding the callers of a module reads every .tf file of the repository: the way
    HCL mode reads files, or a FIFO would block the hook and /dev/zero fill memory."""
    _write(tmp_path, {"app/main.tf": TAGGED, "other/blank.tf": "\n" * 200_000})
    os.mkfifo(tmp_path / "other" / "waiting.tf")
    (tmp_path / "other" / "zero.tf").symlink_to("/dev/zero")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    code, out, err = _hook(["--base", "", "app/main.tf"], capsys)
    assert code == 0, err
    assert out.startswith("finops-gate app: PASS")
    assert time.monotonic() - started < TIME_BOUND


@pytest.mark.slow
def test_the_hook_does_not_import_the_other_renderers(tmp_path: Path) -> None:
    """pre-commit runs the hook on every commit: Markdown (Jinja2), SARIF, JUnit and the
    comment client stay unloaded."""
    _write(tmp_path, {"app/main.tf": TAGGED})
    code = (
        "import sys\n"
        "from finops_gate.cli.hook import main\n"
        "status = main(['--base', '', 'app/main.tf'])\n"
        "heavy = ('jinja2', 'finops_gate.report.markdown', 'finops_gate.report.sarif',\n"
        "         'finops_gate.report.junit', 'finops_gate.integrations',\n"
        "         'finops_gate.plan.reader', 'finops_gate.cli.check')\n"
        "print('loaded:', sorted(name for name in heavy if name in sys.modules))\n"
        "sys.exit(status)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=TIME_BOUND,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "loaded: []"


INSTANCE_WITHOUT_REGION = """
resource "aws_instance" "web" {
  ami           = "ami-0c55b159cbfe1f0a1"
  instance_type = "t3.micro"
  tags          = { Environment = "dev", Team = "web" }
}
"""


@pytest.mark.parametrize(
    ("environment", "options"),
    [({}, []), ({"AWS_REGION": "eu-west-1"}, []), ({}, ["--region", "eu-west-1"])],
    ids=["fallback", "environment", "option"],
)
def test_hook_prices_a_directory_like_the_cli(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    environment: dict[str, str],
    options: list[str],
) -> None:
    """The region of a provider without one comes from the same places as for the CLI."""
    _write(tmp_path, {"app/main.tf": INSTANCE_WITHOUT_REGION})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    _, out, _ = _cli(["app", "--format", "json", *options], capsys)
    total = json.loads(out)["totals"]["monthly_cost_after"]
    code, out, err = _hook(["--base", "", *options, "app/main.tf"], capsys)
    assert code == 0, err
    assert out.startswith(f"finops-gate app: PASS (policy default), monthly cost ${total:,.2f}, ")
    assert ("priced in us-east-1" in out) == (not environment and not options)


def test_the_hook_script_names_the_entry_point_that_handles_errors() -> None:
    """pyproject's `finops-gate-hook` (what .pre-commit-hooks.yaml runs) is hook_entry."""
    import importlib
    import re

    from finops_gate.__main__ import hook_entry

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (target,) = re.findall(r'^finops-gate-hook = "([^"]+)"$', pyproject, re.M)
    module, _, name = target.partition(":")
    assert getattr(importlib.import_module(module), name) is hook_entry
