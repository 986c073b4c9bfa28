"""The command line: exit codes, messages, formats, files and standard input."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from finops_gate import __version__
from finops_gate.cli import main
from tests.conftest import ROOT, fixture_plan_path

EXAMPLE = str(ROOT / "examples" / "plan.json")
TAGS_CASE = str(fixture_plan_path("tags_and_sizes"))


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_example_passes_with_the_default_policy(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli([EXAMPLE], capsys)
    assert code == 0, err
    assert out.startswith("finops-gate verdict: PASS")
    assert err == ""


def test_policy_failure_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli([TAGS_CASE, "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["verdict"] == "fail"
    assert any(f["severity"] == "error" for f in data["findings"])


def test_warnings_still_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    policy = tmp_path / "warn.yml"
    policy.write_text("policies:\n  - {id: spend, kind: budget, total_monthly_cost: {warn: 1}}\n")
    code, out, _ = run_cli([EXAMPLE, "--policy", str(policy), "--format", "json"], capsys)
    assert code == 0
    assert json.loads(out)["verdict"] == "warn"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["missing.json"], "finops-gate: error: missing.json: no such file\n"),
        ([EXAMPLE, "--policy", "nope"], "finops-gate: error: nope: no such policy file"),
        ([EXAMPLE, "--format", "xml"], "Invalid value for '--format'"),
        ([], "Usage: finops-gate [OPTIONS] COMMAND"),
        (["check"], "Missing argument 'PLAN'"),
        ([EXAMPLE, "--bogus"], "No such option '--bogus'"),
    ],
)
def test_could_not_run_exits_2(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(args, capsys)
    assert code == 2
    assert out == ""
    assert expected in err
    assert "Traceback" not in err


def test_invalid_policy_names_file_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "bad.yml"
    policy.write_text("policies:\n  - id: t\n    kind: required_tags\n    tagz: {}\n")
    code, _, err = run_cli([EXAMPLE, "--policy", str(policy)], capsys)
    assert code == 2
    assert err.strip().endswith(
        f"{policy}: policies[0] (id: t).tagz: unknown key; policies[0] (id: t).tags: Field required"
    )
    assert err.count("\n") == 1


def test_internal_error_exits_3(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("finops_gate.pipeline.estimate_plan", broken)
    monkeypatch.delenv("FINOPS_GATE_DEBUG", raising=False)
    code, _, err = run_cli([EXAMPLE], capsys)
    assert code == 3
    assert "internal error: RuntimeError: boom" in err
    assert "Traceback" not in err


def test_stdin_and_output_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = Path(EXAMPLE).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    out_file = tmp_path / "verdict.md"
    code, out, _ = run_cli(["-", "--format", "markdown", "--output", str(out_file)], capsys)
    assert code == 0
    assert out == ""
    assert out_file.read_text(encoding="utf-8").startswith(
        "<!-- finops-gate -->\n## ✅ finops-gate: pass"
    )


def test_unwritable_output_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli([EXAMPLE, "--output", str(tmp_path / "no" / "such" / "dir.md")], capsys)
    assert code == 2
    assert "cannot write the report" in err


def test_check_subcommand_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    explicit = run_cli(["check", EXAMPLE, "--format", "json"], capsys)
    short = run_cli(["--format", "json", EXAMPLE], capsys)
    assert explicit == short and explicit[0] == 0


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"finops-gate, version {__version__}"


def test_same_input_byte_identical_output(capsys: pytest.CaptureFixture[str]) -> None:
    for output_format in ("table", "markdown", "json"):
        first = run_cli([TAGS_CASE, "--format", output_format], capsys)[1]
        second = run_cli([TAGS_CASE, "--format", output_format], capsys)[1]
        assert first == second and first


def test_real_process_binary_plan_no_traceback(tmp_path: Path) -> None:
    import zipfile

    plan = tmp_path / "tfplan"
    with zipfile.ZipFile(plan, "w") as archive:
        archive.writestr("tfplan", b"binary")
    result = subprocess.run(
        [sys.executable, "-m", "finops_gate", str(plan)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"finops-gate: error: {plan}: this is a binary plan file; convert it with "
        "`terraform show -json tfplan > plan.json` and pass plan.json\n"
    )


def test_version_is_answered_before_the_cli_is_imported_and_reads_as_clicks() -> None:
    import subprocess
    import sys

    code = (
        "import sys, runpy\n"
        "sys.argv = ['finops-gate', '--version']\n"
        "try:\n"
        "    runpy.run_module('finops_gate', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith('finops_gate.')))\n"
    )
    fast = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version_line, loaded = fast.stdout.splitlines()
    assert loaded == "[]"  # no module of the package beyond the entry point
    clicks = subprocess.run(
        [sys.executable, "-c", "from finops_gate.cli.app import main; main(['--version'])"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert clicks.returncode == 0 and clicks.stdout == version_line + "\n"


def test_help_does_not_load_the_pipeline() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from finops_gate.cli.app import main\n"
        "try:\n"
        "    main(['check', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('finops_gate.pipeline', 'finops_gate.cost.engine', 'jinja2')\n"
        "         if m in sys.modules]\n"
        "print('LOADED', heavy)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines()[-1] == "LOADED []"
    assert "--format" in result.stdout


def _modules_loaded_by(args: list[str], names: tuple[str, ...]) -> list[str]:
    code = (
        "import sys, io, contextlib, json\n"
        "from finops_gate.cli.app import main\n"
        "try:\n"
        "    with contextlib.redirect_stdout(io.StringIO()):\n"
        f"        main({args!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(json.dumps([m for m in {names!r} if m in sys.modules]))\n"
    )
    # Not as a GitHub Actions step (the tests may run in one): that run publishes.
    env = {name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"}
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    )
    loaded: list[str] = json.loads(result.stdout.splitlines()[-1])
    return loaded


def test_a_run_with_the_bundled_table_and_policy_does_not_import_pydantic(
    tmp_path: Path,
) -> None:
    """pydantic (a third of the start-up) is for files a user writes, where its error
    messages matter: the bundled policy and price table are checked without it."""
    assert _modules_loaded_by(["examples/plan.json"], ("pydantic",)) == []
    policy = tmp_path / "policy.yml"
    policy.write_text("extends: default\n", encoding="utf-8")
    with_user_policy = ["examples/plan.json", "--policy", str(policy)]
    assert _modules_loaded_by(with_user_policy, ("pydantic",)) == ["pydantic"]


def test_a_run_does_not_import_what_only_other_commands_or_resources_need() -> None:
    """Start-up: the price-key patterns (table builder and tests), the multi-project and
    merge code, the comment and GitHub Actions publishing code (nothing to publish here)
    and the EKS support calendar (no EKS cluster in the example plan) are imported by what
    uses them, not by every run."""
    deferred = (
        "finops_gate.pricing.key_forms",
        "finops_gate.cli.projects",
        "finops_gate.cli.publishing",
        "finops_gate.integrations.comments",
        "finops_gate.projects.model",
        "finops_gate.cost.estimators._eks_versions",
    )
    assert _modules_loaded_by(["examples/plan.json"], deferred) == []
    assert _modules_loaded_by(["--help"], deferred) == []


def test_an_hcl_run_without_regex_functions_does_not_load_re2() -> None:
    """RE2 is loaded by the first pattern a configuration's regex functions use."""
    assert _modules_loaded_by(["examples/web-app"], ("re2",)) == []
