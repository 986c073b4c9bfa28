"""Usage-file entries finops-gate cannot use: warnings by default, errors with --strict-usage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.cost.usage import UsageFileError, parse_usage, usage_keys
from tests.conftest import fixture_plan_path

PLAN = str(fixture_plan_path("services_us_east_1"))
TYPO = """\
version: 0.1
resource_type_default_usage:
  aws_iot_topic_rule:
    monthly_data_uploaded_gb: 10
resource_usage:
  aws_s3_bucket.dta:
    standard:
      storage_gb: 10
  aws_s3_bucket.data:
    standard:
      storage_gb: 1000
      storage: 5
  aws_nat_gateway.nowhere[*]:
    monthly_data_processed_gb: 1
"""


def test_unknown_keys_and_types_are_ignored_with_a_warning_each() -> None:
    usage = parse_usage(
        {
            "version": 0.1,
            "resource_type_default_usage": {"aws_iot_topic_rule": {"monthly_gb": 1}},
            "resource_usage": {
                "aws_s3_bucket.b": {"standard": {"storage_gb": 7, "storage": 1}},
                "aws_cloudfront_function": {"monthly_requests": 1},
            },
        },
        "u.yml",
    )
    assert usage.warnings == (
        "u.yml: resource_type_default_usage.aws_iot_topic_rule: resource type "
        "aws_iot_topic_rule has no usage-based costs in finops-gate: ignored",
        "u.yml: resource_usage.aws_s3_bucket.b.standard.storage: unknown usage key for "
        "aws_s3_bucket (closest known: standard.storage_gb; "
        f"{len(usage_keys()['aws_s3_bucket'].numbers)} keys known, see docs/usage-file.md)"
        ": ignored",
        "u.yml: resource_usage.aws_cloudfront_function: not a resource address: ignored",
    )
    # the keys it knows still count
    assert usage.for_resource("aws_s3_bucket.b", "aws_s3_bucket")["standard"]["storage_gb"] == 7


def test_a_wrong_value_under_a_known_key_stays_an_error() -> None:
    with pytest.raises(UsageFileError, match="expected a non-negative number"):
        parse_usage(
            {"version": 0.1, "resource_usage": {"aws_sqs_queue.q": {"monthly_requests": "x"}}},
            "u.yml",
        )


def test_an_address_of_no_resource_names_the_closest() -> None:
    usage = parse_usage(
        {
            "version": 0.1,
            "resource_usage": {
                "aws_s3_bucket.asets": {"standard": {"storage_gb": 1}},
                "aws_s3_bucket.logs[*]": {"standard": {"storage_gb": 1}},
                "aws_s3_bucket.assets": {"standard": {"storage_gb": 1}},
                "module.x[*].aws_s3_bucket.y": {"standard": {"storage_gb": 1}},
            },
        },
        "u.yml",
    )
    plan = ["aws_s3_bucket.assets", 'aws_s3_bucket.logs["a"]', "aws_sqs_queue.asets"]
    assert usage.unmatched_warnings(plan) == [
        "u.yml: resource_usage.aws_s3_bucket.asets: no resource of the plan has this "
        "address; closest: aws_s3_bucket.assets: ignored",
        "u.yml: resource_usage.module.x[*].aws_s3_bucket.y: no resource of the plan has this "
        "address: ignored",
    ]
    assert usage.unmatched_warnings(["module.x[0].aws_s3_bucket.y", *plan])[1:] == []


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), captured.out, captured.err


def test_check_warns_on_stderr_and_in_the_notes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u.yml"
    path.write_text(TYPO, encoding="utf-8")
    code, out, err = run(["check", PLAN, "--usage-file", str(path), "--format", "json"], capsys)
    assert code in (0, 1), err
    lines = [line for line in err.splitlines() if line.startswith("finops-gate: warning: ")]
    assert len(lines) == 4, err
    assert any("aws_iot_topic_rule has no usage-based costs" in line for line in lines)
    assert any("aws_s3_bucket.data.standard.storage: unknown usage key" in line for line in lines)
    assert any(
        "resource_usage.aws_s3_bucket.dta: no resource of the plan has this address; "
        "closest: aws_s3_bucket.data" in line
        for line in lines
    )
    assert any("aws_nat_gateway.nowhere[*]: no resource of the plan" in line for line in lines)
    report = json.loads(out)
    notes = report["plan"]["notes"] if "plan" in report else report["notes"]
    assert sum("u.yml" in note for note in notes) == 4
    # the usable entries still price: 1000 GB of S3 Standard
    assert "standard.storage_gb = 1,000" in out


def test_strict_usage_exits_2_naming_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u.yml"
    path.write_text(
        "version: 0.1\nresource_usage:\n  aws_s3_bucket.dta:\n    standard:\n"
        "      storage_gb: 10\n",
        encoding="utf-8",
    )
    code, out, err = run(["check", PLAN, "--usage-file", str(path), "--strict-usage"], capsys)
    assert code == 2 and out == ""
    assert "aws_s3_bucket.dta: no resource of the plan has this address; closest: " in err
    assert "aws_s3_bucket.data" in err and ": ignored" not in err
    assert len(err.strip().splitlines()) == 1
    code, _, err = run(["check", PLAN, "--usage-file", str(path)], capsys)
    assert code in (0, 1)
