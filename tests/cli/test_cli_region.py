"""--region, --config-dir and the environment on the command line, and how each output
format shows where a provider's region came from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.pipeline import GateOptions, plan_config_dir
from tests.conftest import FIXTURES

CASE = FIXTURES / "regions_from_locals"
PLAN = str(CASE / "plan.json")


@pytest.fixture(autouse=True)
def no_region_in_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AWS_REGION", raising=False)
    monkeypatch.delenv("AWS_DEFAULT_REGION", raising=False)


def run_cli(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def providers(out: str) -> dict[str, tuple[str, str]]:
    return {
        p["config_key"]: (p["region"], p["region_source"]) for p in json.loads(out)["providers"]
    }


@pytest.fixture
def lone_plan(tmp_path: Path) -> str:
    path = tmp_path / "plan.json"
    shutil.copyfile(PLAN, path)
    return str(path)


def test_the_plans_own_directory_is_the_default_configuration(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli([PLAN, "--format", "json", "--fail-on", "never"], capsys)
    assert code == 0, err
    assert providers(out)["aws.us"] == ("us-west-2", "configuration")
    assert json.loads(out)["providers"][0] == {
        "config_key": "aws",
        "region": "eu-west-1",
        "region_source": "data-source",
        "evidence": "data.aws_region.current in the plan",
    }


def test_config_dir_option(lone_plan: str, capsys: pytest.CaptureFixture[str]) -> None:
    args = [lone_plan, "--format", "json", "--fail-on", "never"]
    _, out, _ = run_cli(args, capsys)
    assert providers(out)["aws.us"] == ("us-east-1", "fallback")
    _, out, _ = run_cli([*args, "--config-dir", str(CASE)], capsys)
    assert providers(out)["aws.us"] == ("us-west-2", "configuration")


def test_environment_and_region_option(
    lone_plan: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = [lone_plan, "--format", "json", "--fail-on", "never", "--region", "eu-west-3"]
    _, out, _ = run_cli(args, capsys)
    assert providers(out)["aws.us"] == ("eu-west-3", "option")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-south-1")
    _, out, _ = run_cli(args, capsys)
    assert providers(out)["aws.us"] == ("eu-south-1", "environment")
    monkeypatch.setenv("AWS_REGION", "eu-north-1")
    _, out, _ = run_cli(args, capsys)
    assert providers(out)["aws.us"] == ("eu-north-1", "environment")


def test_standard_input_has_no_configuration_directory(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    monkeypatch.chdir(CASE)  # .tf files in the working directory are not the plan's
    stdin = io.TextIOWrapper(io.BytesIO(Path(PLAN).read_bytes()))
    monkeypatch.setattr(sys, "stdin", stdin)
    _, out, _ = run_cli(["-", "--format", "json", "--fail-on", "never"], capsys)
    assert providers(out)["aws.us"] == ("us-east-1", "fallback")
    assert plan_config_dir(GateOptions(plan="-")) is None
    assert plan_config_dir(GateOptions(plan=PLAN)) == str(CASE)
    assert plan_config_dir(GateOptions(plan=PLAN, config_dir="elsewhere")) == "elsewhere"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([PLAN, "--region", "eu-wst-1"], "'eu-wst-1' is not an AWS region code"),
        ([PLAN, "--config-dir", "no/such/dir"], "Invalid value for '--config-dir'"),
        ([str(CASE), "--config-dir", str(CASE)], "--config-dir is for a plan file"),
    ],
)
def test_bad_region_options_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(args, capsys)
    assert code == 2
    assert message in err
    assert "Traceback" not in err


def test_markdown_and_table_say_where_a_region_came_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run_cli([PLAN, "--format", "markdown", "--fail-on", "never"], capsys)
    assert (
        "🌍 Region <code>eu-west-1</code> for provider <code>aws</code>: "
        "from data.aws_region.current in the plan\n"
    ) in out
    assert "for provider <code>aws.us</code>: from the provider block at main.tf:53" in out
    _, out, _ = run_cli([PLAN, "--fail-on", "never"], capsys)
    assert (
        "Note: Region us-west-2 for provider aws.us: from the provider block at main.tf:53" in out
    )


def test_a_constant_region_is_not_shown_and_the_fallback_is_a_warning(
    lone_plan: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run_cli([str(FIXTURES / "modules" / "plan.json"), "--format", "markdown"], capsys)
    assert "🌍" not in out
    _, out, _ = run_cli([lone_plan, "--format", "markdown", "--fail-on", "never"], capsys)
    assert "> ⚠️ No region found for providers aws.us (region = local.us_region, " in out
    for output_format in ("table", "json"):
        _, out, _ = run_cli([lone_plan, "--format", output_format, "--fail-on", "never"], capsys)
        assert "No region found for providers aws.us" in out


def test_hcl_mode_takes_the_environment_and_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "main.tf").write_text(
        'provider "aws" {}\n'
        'resource "aws_instance" "web" {\n  ami = "ami-1"\n  instance_type = "m5.large"\n}\n'
    )
    args = [str(tmp_path), "--format", "json", "--fail-on", "never"]
    _, out, _ = run_cli(args, capsys)
    assert providers(out) == {"aws": ("us-east-1", "fallback")}
    assert "No region found for provider aws: 1 AWS resource(s)" in out
    _, out, _ = run_cli([*args, "--region", "eu-west-2"], capsys)
    assert providers(out) == {"aws": ("eu-west-2", "option")}
    assert json.loads(out)["resources"][0]["region"] == "eu-west-2"
    monkeypatch.setenv("AWS_REGION", "ap-south-1")
    _, out, _ = run_cli([*args, "--region", "eu-west-2"], capsys)
    assert providers(out) == {"aws": ("ap-south-1", "environment")}
    assert "No region found" not in out


def test_sarif_carries_the_fallback_warning(
    lone_plan: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.report.test_sarif import validator

    _, out, _ = run_cli([lone_plan, "--format", "sarif", "--fail-on", "never"], capsys)
    log = json.loads(out)
    assert not list(validator().iter_errors(log))
    notifications = log["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert any(
        n["level"] == "warning" and n["message"]["text"].startswith("No region found for providers")
        for n in notifications
    )
    _, out, _ = run_cli([str(FIXTURES / "modules" / "plan.json"), "--format", "sarif"], capsys)
    assert "invocations" not in json.loads(out)["runs"][0]
