"""Enforcement levels, overrides, waivers, extends and the `policy` commands, through the
command line."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.errors import PolicyError
from finops_gate.policy.engine import address_glob
from finops_gate.policy.findings import Finding, Override, WaiverRef
from finops_gate.policy.loader import parse_policy
from tests.conftest import ROOT, fixture_plan_path

PLAN = str(fixture_plan_path("environments"))
# environments: aws_instance.shared misses Environment and Project; aws_instance.legacy
# misses Project; module.dev / module.prod instances miss Environment.
TAGS = """
policies:
  - id: tags
    kind: required_tags
    {level}
    tags: {{Team: {{}}, Project: {{}}}}
"""


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out.out, out.err


def policy_file(tmp_path: Path, text: str) -> str:
    path = tmp_path / "policy.yml"
    path.write_text(text)
    return str(path)


@pytest.mark.parametrize(
    ("level", "code", "severity"),
    [
        ("enforcement: advisory", 0, "warning"),
        ("enforcement: soft-mandatory", 1, "error"),
        ("enforcement: hard-mandatory", 1, "error"),
        ("severity: warning", 0, "warning"),  # the older key: advisory
        ("", 1, "error"),  # no level: hard-mandatory
    ],
)
def test_enforcement_level_exit_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], level: str, code: int, severity: str
) -> None:
    policy = policy_file(tmp_path, TAGS.format(level=level))
    exit_code, out, _ = run([PLAN, "--policy", policy, "--format", "json"], capsys)
    assert exit_code == code
    data = json.loads(out)
    finding = next(f for f in data["findings"] if f["address"] == "aws_instance.shared")
    assert finding["severity"] == severity
    assert finding["message"] == 'missing required tag "Project"'
    expected_level = level.split(": ")[1] if level.startswith("enforcement") else None
    assert finding["enforcement"] == expected_level or (
        expected_level is None and finding["enforcement"] in ("advisory", "hard-mandatory")
    )
    # The contract's original keys are all still there.
    assert {"policy_id", "severity", "address", "message", "remediation"} <= set(finding)


def test_override_soft_mandatory_is_recorded(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = policy_file(tmp_path, TAGS.format(level="enforcement: soft-mandatory"))
    args = [PLAN, "--policy", policy, "--override", "tags", "--reason", "Tags in JIRA-1"]
    code, out, _ = run([*args, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["verdict"] == "warn"
    assert data["overrides"] == [{"policy_id": "tags", "reason": "Tags in JIRA-1"}]
    assert all(
        f["overridden"] and f["override_reason"] == "Tags in JIRA-1" for f in data["findings"]
    )
    assert data["enforcement"] == {"tags": "soft-mandatory"}
    code, out, _ = run([*args, "--format", "markdown"], capsys)
    assert "### Overrides" in out and "Tags in JIRA-1" in out
    code, out, _ = run(args, capsys)
    assert "OVERRIDES (soft-mandatory failures allowed to pass)" in out
    assert "overridden: Tags in JIRA-1" in out


@pytest.mark.parametrize(
    ("level", "args", "message"),
    [
        (
            "enforcement: hard-mandatory",
            ["--override", "tags", "--reason", "x"],
            "is hard-mandatory and cannot be overridden",
        ),
        (
            "enforcement: soft-mandatory",
            ["--override", "nope", "--reason", "x"],
            "--override nope: no such policy (policies: tags)",
        ),
        (
            "enforcement: soft-mandatory",
            ["--override", "tags"],
            "give one --reason TEXT for each --override ID",
        ),
        ("enforcement: soft-mandatory", ["--override", "tags", "--reason", " "], "give a --reason"),
    ],
)
def test_bad_overrides_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], level: str, args: list[str], message: str
) -> None:
    policy = policy_file(tmp_path, TAGS.format(level=level))
    code, _, err = run([PLAN, "--policy", policy, *args], capsys)
    assert code == 2
    assert message in err


WAIVED = (
    TAGS.format(level="enforcement: hard-mandatory")
    + """
waivers:
  - policy: tags
    address: aws_instance.*
    reason: Old instances, replaced next quarter.
    approver: finops@example.com
    expires: 2026-03-31
"""
)


def test_waiver_before_and_after_expiry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    policy = policy_file(tmp_path, WAIVED.replace("Team: {}, ", ""))
    # Only aws_instance.shared and aws_instance.legacy miss Project: both waived.
    monkeypatch.setenv("FINOPS_GATE_TODAY", "2026-03-31")
    code, out, _ = run([PLAN, "--policy", policy, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["findings"] == [] and data["expired_waivers"] == []
    assert [f["address"] for f in data["waived_findings"]] == [
        "aws_instance.legacy",
        "aws_instance.shared",
    ]
    assert data["waived_findings"][0]["waiver"] == {
        "policy_id": "tags",
        "address": "aws_instance.*",
        "reason": "Old instances, replaced next quarter.",
        "approver": "finops@example.com",
        "expires": "2026-03-31",
    }
    code, out, _ = run([PLAN, "--policy", policy, "--format", "markdown"], capsys)
    assert "Waived findings, not counted (2)" in out
    monkeypatch.setenv("FINOPS_GATE_TODAY", "2026-04-01")
    code, out, _ = run([PLAN, "--policy", policy, "--format", "json"], capsys)
    assert code == 1
    data = json.loads(out)
    assert data["waived_findings"] == []
    assert [w["expires"] for w in data["expired_waivers"]] == ["2026-03-31"]
    assert all(f["expired_waiver"]["expires"] == "2026-03-31" for f in data["findings"])
    code, out, _ = run([PLAN, "--policy", policy], capsys)
    assert "waiver expired on 2026-03-31 (no longer applies)" in out
    assert "EXPIRED WAIVERS (no longer applied)" in out
    code, out, _ = run([PLAN, "--policy", policy, "--format", "markdown"], capsys)
    assert "### Expired waivers (no longer applied)" in out


def test_waiver_rules() -> None:
    assert address_glob('aws_instance.web["a"]', 'aws_instance.web["a"]')
    assert not address_glob("aws_instance.web[0]", "aws_instance.web1")
    assert address_glob("module.legacy.*", "module.legacy.aws_instance.x")
    with pytest.raises(PolicyError, match=r"waivers\[0\].policy: no policy 'nope'"):
        parse_policy("waivers: [{policy: nope, reason: r, expires: 2026-01-01}]\n", "p.yml")
    with pytest.raises(PolicyError, match=r"waivers\[0\].reason"):
        parse_policy("waivers: [{policy: plan-incomplete, expires: 2026-01-01}]\n", "p.yml")
    with pytest.raises(PolicyError, match=r"waivers\[0\].expires"):
        parse_policy("waivers: [{policy: plan-incomplete, reason: r}]\n", "p.yml")


def test_extends_replaces_removes_and_adds(tmp_path: Path) -> None:
    text = """
extends: default
remove: [monthly-budget]
policies:
  - id: required-tags
    kind: required_tags
    enforcement: advisory
    tags: {Owner: {}}
  - id: extra
    kind: budget
    total_monthly_cost: {fail: 10}
"""
    policy = parse_policy(text, "p.yml")
    ids = [p.id for p in policy.policies if p.kind != "savings"]  # the default's advisory checks
    assert ids == ["required-tags", "non-prod-instance-size", "extra"]
    assert policy.policies[0].level == "advisory"
    assert policy.environment.variable == "environment"  # inherited
    with pytest.raises(
        PolicyError, match=r"p.yml: extends: no bundled policy 'nope' \(bundled: budgets, default"
    ):
        parse_policy("extends: nope\n", "p.yml")
    with pytest.raises(PolicyError, match=r"remove\[0\]: 'default' has no policy 'zzz'"):
        parse_policy("extends: default\nremove: [zzz]\n", "p.yml")
    loop = tmp_path / "loop.yml"
    loop.write_text("extends: ./loop.yml\n")
    with pytest.raises(PolicyError, match="extends itself"):
        parse_policy(loop.read_text(), str(loop), tmp_path)


def test_policy_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["policy", "validate", "sizing"], capsys)
    assert code == 0 and "valid: 2 policies" in out
    bad = policy_file(
        tmp_path,
        "policies:\n  - {id: t, kind: required_tags, enforcement: strict, tags: {A: {}}}\n",
    )
    code, _, err = run(["policy", "validate", bad], capsys)
    assert code == 2
    assert (
        f"{bad}: policies[0] (id: t).enforcement: Input should be 'advisory', 'soft-mandatory' or 'hard-mandatory'"
        in err
    )


BUNDLED_TESTS = sorted(p.parent.name for p in (ROOT / "policies" / "tests").glob("*/policy.yml"))


@pytest.mark.parametrize("name", BUNDLED_TESTS)
def test_policy_test_passes_on_bundled_examples(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["policy", "test", str(ROOT / "policies" / "tests" / name)], capsys)
    assert code == 0, out
    assert out.endswith(" passed, 0 failed\n")


def test_bundled_example_tests_cover_every_bundled_policy() -> None:
    assert {"tagging", "sizing", "budgets", "waivers"} <= set(BUNDLED_TESTS)


def test_policy_test_reports_a_failing_case(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = tmp_path / "shared"
    case.mkdir()
    (tmp_path / "policy.yml").write_text(TAGS.format(level=""))
    (case / "expected.yml").write_text(
        f"plan: {PLAN}\nverdict: pass\nfindings:\n"
        "  - {policy: tags, address: aws_instance.shared, severity: error}\n"
        "  - {policy: tags, address: aws_instance.nothing}\n"
    )
    code, out, _ = run(["policy", "test", str(tmp_path)], capsys)
    assert code == 1
    assert out.splitlines() == [
        "FAIL shared",
        "    missing finding: tags aws_instance.nothing",
        '    unexpected finding: tags aws_instance.legacy error: missing required tag "Project"',
        "    verdict fail, expected pass",
        "0 passed, 1 failed",
    ]
    (case / "expected.yml").write_text("findings: 3\n")
    code, _, err = run(["policy", "test", str(tmp_path)], capsys)
    assert code == 2 and "expected.yml: findings: Input should be a valid list" in err
    code, _, err = run(["policy", "test", str(tmp_path / "nowhere")], capsys)
    assert code == 2 and "not a directory" in err


def test_all_resources_and_environment_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lifecycle = str(fixture_plan_path("lifecycle"))
    policy = policy_file(
        tmp_path, "policies:\n  - {id: t, kind: required_tags, tags: {Owner: {}}}\n"
    )
    _, out, _ = run([lifecycle, "--policy", policy, "--format", "json"], capsys)
    diff_only = {f["address"] for f in json.loads(out)["findings"]}
    _, out, _ = run([lifecycle, "--policy", policy, "--format", "json", "--all-resources"], capsys)
    everything = {f["address"] for f in json.loads(out)["findings"]}
    assert "aws_nat_gateway.main" in everything - diff_only  # no-op: only with --all-resources
    assert "aws_ebs_volume.old_data" not in everything  # a delete: never
    sizes = policy_file(
        tmp_path,
        "policies:\n  - {id: s, kind: instance_size, environments: {qa: {deny: ['t3.*']}}}\n",
    )
    code, out, _ = run([PLAN, "--policy", sizes, "--environment", "QA", "--format", "json"], capsys)
    assert code == 1
    assert [f["address"] for f in json.loads(out)["findings"]] == ["aws_instance.shared"]


def test_policy_test_runs_each_case_through_the_checks_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`policy test` judges a case with the very report `check` would make (same loading,
    regions, prices, policy evaluation), so a case passes exactly when `check` agrees."""
    from finops_gate import pipeline

    case = tmp_path / "one"
    case.mkdir()
    (tmp_path / "policy.yml").write_text(TAGS.format(level=""))
    (case / "expected.yml").write_text(
        f"plan: {PLAN}\nenvironment: dev\ntoday: 2026-06-01\nverdict: fail\n"
    )
    seen: list[pipeline.GateOptions] = []
    real = pipeline.build_gate_report

    def recording(options: pipeline.GateOptions, warn: object = None) -> object:
        seen.append(options)
        return real(options)

    monkeypatch.setattr(pipeline, "build_gate_report", recording)
    results = pipeline.run_policy_tests(str(tmp_path))
    assert [options.plan for options in seen] == [str(case / PLAN)]
    (options,) = seen
    assert (options.policy, options.environment) == (str(tmp_path / "policy.yml"), "dev")
    assert str(options.today) == "2026-06-01"
    check = real(options)
    assert check.verdict.value == "fail" and check.findings
    # no findings were expected: each of check's findings is reported as unexpected, and
    # the verdict agrees with check's
    (result,) = results
    assert result.name == "one"
    assert len(result.problems) == len(check.findings)
    assert all(problem.startswith("unexpected finding: tags ") for problem in result.problems)


def test_an_enforced_finding_changes_only_what_enforcement_decides() -> None:
    waiver = WaiverRef("p", "aws_instance.*", "migrating", None, date(2030, 1, 1))
    finding = Finding("p", "error", "aws_instance.a", "too big", "Resize.", expired_waiver=waiver)
    override = Override("p", "approved")
    assert finding.enforced("hard-mandatory") == replace(finding, enforcement="hard-mandatory")
    assert finding.enforced("advisory", severity="warning") == replace(
        finding, enforcement="advisory", severity="warning"
    )
    overridden = finding.enforced("soft-mandatory", "warning", override)
    assert overridden == replace(
        finding, enforcement="soft-mandatory", severity="warning", overridden=override
    )
    assert overridden.enforced("soft-mandatory").overridden == override
    assert overridden.expired_waiver == waiver and overridden.message == "too big"
