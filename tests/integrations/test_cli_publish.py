"""`finops-gate check --comment github` and GitHub Actions behaviour, end to end.

The CLI runs in-process against the local fake GitHub API; posting failures, exit codes,
the step summary, step outputs and annotations are checked, and the token never appears.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from finops_gate.cli import main
from tests.conftest import ROOT, fixture_plan_path
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import Canned, FakeApi

EXAMPLE = str(ROOT / "examples" / "plan.json")  # passes the default policy
FAILING = str(fixture_plan_path("tags_and_sizes"))  # fails it
EVENT = str(ROOT / "tests" / "fixtures" / "github" / "pull_request.json")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exited:
        main(args)
    out, err = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 0), out, err


@pytest.fixture
def actions_env(api: FakeApi, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_REPOSITORY", api.repository)
    monkeypatch.setenv("GITHUB_API_URL", api.url)
    monkeypatch.setenv("GITHUB_EVENT_NAME", "pull_request")
    monkeypatch.setenv("GITHUB_EVENT_PATH", EVENT)
    monkeypatch.setenv("GITHUB_OUTPUT", str(tmp_path / "output"))
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    # Retries wait for real in the CLI; keep them tiny.
    monkeypatch.setattr("finops_gate.integrations.http.BACKOFF_BASE", 0.001)
    return tmp_path


def report_in_log(out: str) -> str:
    """The text report, between the lines that stop and resume workflow commands."""
    match = re.match(r"::stop-commands::(finops-gate-[0-9a-f]{32})\n(.*?)::\1::\n", out, re.S)
    assert match, out[:200]
    assert match.group(1) not in match.group(2)
    return match.group(2)


def outputs(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text().splitlines())


def test_failing_plan_in_actions(
    api: FakeApi, actions_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run([FAILING, "--comment", "github"], capsys)
    assert code == 1
    assert report_in_log(out).startswith("finops-gate verdict: FAIL")
    [comment] = api.on_issue(7)
    assert comment.body.startswith("<!-- finops-gate -->\n## ❌ finops-gate: fail")
    summary = (actions_env / "summary.md").read_text()
    assert summary == comment.body
    values = outputs(actions_env / "output")
    assert values["verdict"] == "fail"
    assert values["findings-error"] == str(out.count("  [error] "))
    assert values["findings-warning"] == str(out.count("  [warning] "))
    assert int(values["findings-total"]) == int(values["findings-error"]) + int(
        values["findings-warning"]
    )
    assert values["comment-url"].endswith(f"#issuecomment-{comment.id}")
    assert float(values["monthly-cost-delta"]) == pytest.approx(
        float(values["monthly-cost-after"]) - float(values["monthly-cost-before"]), abs=0.011
    )
    errors = [line for line in out.splitlines() if line.startswith("::error ")]
    assert len(errors) == int(values["findings-error"])
    assert (
        "::error title=finops-gate required-tags::aws_instance.missing_tags: missing required tag"
        in out
    )
    assert f"comment created: {values['comment-url']}" in err
    assert TOKEN not in out + err


def test_second_run_updates_the_comment(
    api: FakeApi, actions_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run([FAILING, "--comment", "github", "--format", "json"], capsys)
    code, out, err = run([EXAMPLE, "--comment", "github", "--format", "json"], capsys)
    assert code == 0
    [comment] = api.on_issue(7)
    assert "finops-gate: pass" in comment.body
    assert "comment updated" in err
    assert out.lstrip().startswith("{")  # annotations never mix into a JSON report
    assert "::" not in out


def test_project_names_the_comment(
    api: FakeApi, actions_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run([EXAMPLE, "--comment", "github", "--project", "network"], capsys)
    run([EXAMPLE, "--comment", "github", "--project", "compute"], capsys)
    markers = [c.body.split("\n", 1)[0] for c in api.on_issue(7)]
    assert markers == [
        "<!-- finops-gate project=network -->",
        "<!-- finops-gate project=compute -->",
    ]


def test_posting_failure_exits_2_but_still_reports(
    api: FakeApi,
    actions_env: Path,
    closed_port: int,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_API_URL", f"http://127.0.0.1:{closed_port}")
    code, out, err = run([EXAMPLE, "--comment", "github"], capsys)
    assert code == 2
    assert report_in_log(out).startswith("finops-gate verdict: PASS")
    assert (actions_env / "summary.md").read_text().startswith("<!-- finops-gate -->")
    assert outputs(actions_env / "output")["comment-url"] == ""
    [line] = err.splitlines()
    assert line.startswith("finops-gate: error: could not post the comment: github: cannot reach")
    assert TOKEN not in out + err


@pytest.mark.parametrize(("plan", "expected"), [(EXAMPLE, 0), (FAILING, 1)])
def test_ignore_comment_errors_keeps_the_gates_exit_code(
    api: FakeApi,
    actions_env: Path,
    capsys: pytest.CaptureFixture[str],
    plan: str,
    expected: int,
) -> None:
    api.canned = [Canned(500)] * 5
    code, _, err = run([plan, "--comment", "github", "--ignore-comment-errors"], capsys)
    assert code == expected
    assert (
        "finops-gate: warning: could not post the comment: github: 500 Internal Server Error" in err
    )
    assert "(gave up after 5 attempts)" in err


def test_unauthorized_never_prints_the_token(
    api: FakeApi,
    actions_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bad = "ghp_BADtokenBADtokenBADtokenBADtoken00"
    code, out, err = run([EXAMPLE, "--comment", "github", "--github-token", bad], capsys)
    assert code == 2
    assert "401 Unauthorized" in err
    assert bad not in out + err
    assert bad not in (actions_env / "summary.md").read_text()
    assert bad not in (actions_env / "output").read_text()
    # The server did see it: it was sent, only never shown.
    assert api.requests[0].headers["authorization"] == f"Bearer {bad}"


def test_comment_outside_actions_writes_no_files(
    api: FakeApi,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("GITHUB_TOKEN", TOKEN)
    monkeypatch.setenv("GITHUB_API_URL", api.url)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(
        [EXAMPLE, "--comment", "github", "--repo", "acme/infra", "--pr", "9"], capsys
    )
    assert code == 0
    assert len(api.on_issue(9)) == 1
    assert "::" not in out
    assert list(tmp_path.iterdir()) == []


def test_without_a_pull_request_the_error_says_what_to_do(
    actions_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("GITHUB_EVENT_NAME", "push")
    monkeypatch.setenv("GITHUB_EVENT_PATH", str(ROOT / "tests/fixtures/github/push.json"))
    code, _, err = run([EXAMPLE, "--comment", "github"], capsys)
    assert code == 2
    assert "no pull-request number: push is not a pull-request event; pass --pr NUMBER" in err


@pytest.mark.parametrize(
    ("fail_on", "plan", "expected"),
    [("error", EXAMPLE, 0), ("never", FAILING, 0), ("warning", FAILING, 1), ("error", FAILING, 1)],
)
def test_fail_on(
    fail_on: str, plan: str, expected: int, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, _ = run([plan, "--fail-on", fail_on], capsys)
    assert code == expected


def test_fail_on_warning_fails_a_warn_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "warn.yml"
    policy.write_text("policies:\n  - {id: spend, kind: budget, total_monthly_cost: {warn: 1}}\n")
    assert run([EXAMPLE, "--policy", str(policy)], capsys)[0] == 0
    assert run([EXAMPLE, "--policy", str(policy), "--fail-on", "warning"], capsys)[0] == 1


def test_oversized_verdict_is_shortened_to_fit(
    api: FakeApi, actions_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "big.json"
    plan.write_text(_many_buckets(1500))
    code, _, _ = run([str(plan), "--comment", "github"], capsys)
    assert code == 0
    [comment] = api.on_issue(7)
    summary = (actions_env / "summary.md").read_text()
    assert len(summary) > 65_536  # the step summary keeps everything
    assert len(comment.body) <= 65_536
    assert comment.body.startswith("<!-- finops-gate -->")
    assert re.search(
        r"Shortened to fit the 65,536-character comment limit; left out: .*Usage-based",
        comment.body,
    )


def test_plan_text_in_the_log_cannot_raise_workflow_commands(
    api: FakeApi, actions_env: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "sneaky.json"
    plan.write_text(
        _many_buckets(1).replace("logs_with_a_fairly_long_name_00000", "##[error]x\\n::warning::y")
    )
    _, out, _ = run([str(plan), "--format", "table"], capsys)
    inside = report_in_log(out)
    assert "##[error]x" in inside  # shown, but while commands are stopped
    token = out.split("\n", 1)[0].removeprefix("::stop-commands::")
    assert out.endswith(f"::{token}::\n")  # commands resume after the report
    _, out, _ = run([str(plan), "--format", "junit"], capsys)
    assert "<testsuites" in report_in_log(out)  # XML text may break lines too: guarded
    _, out, _ = run([str(plan), "--format", "json"], capsys)
    assert out.startswith("{")  # JSON escapes line breaks, and scripts read it as it is


def _many_buckets(count: int) -> str:
    """A plan creating `count` S3 buckets (usage-based: a long collapsed list)."""
    import json

    changes = [
        {
            "address": f"aws_s3_bucket.logs_with_a_fairly_long_name_{n:05d}",
            "mode": "managed",
            "type": "aws_s3_bucket",
            "name": f"logs_with_a_fairly_long_name_{n:05d}",
            "provider_name": "registry.terraform.io/hashicorp/aws",
            "change": {
                "actions": ["create"],
                "before": None,
                "after": {
                    "bucket": f"b{n}",
                    "tags": {"Team": "t", "Environment": "dev", "CostCenter": "CC-1234"},
                },
                "after_unknown": {},
            },
        }
        for n in range(count)
    ]
    return json.dumps(
        {
            "format_version": "1.2",
            "terraform_version": "1.11.4",
            "resource_changes": changes,
            "configuration": {
                "provider_config": {
                    "aws": {
                        "name": "aws",
                        "expressions": {"region": {"constant_value": "us-east-1"}},
                    }
                }
            },
        }
    )


def test_a_markdown_report_is_rendered_once_for_the_summary_and_comment_too(
    api: FakeApi,
    actions_env: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from finops_gate.report import markdown

    renders: list[str | None] = []
    render_markdown = markdown.render_markdown

    def counted(report: object, project: str | None = None) -> str:
        renders.append(project)
        return render_markdown(report, project)  # type: ignore[arg-type]

    monkeypatch.setattr(markdown, "render_markdown", counted)
    report = actions_env / "report.md"
    args = [FAILING, "--comment", "github", "--project", "app", "--format", "markdown"]
    code, _, _ = run([*args, "-o", str(report)], capsys)
    assert code == 1
    assert renders == ["app"]
    [comment] = api.on_issue(7)
    assert comment.body.startswith("<!-- finops-gate project=app -->")
    assert (actions_env / "summary.md").read_text() == comment.body == report.read_text()
    # another format still gets its Markdown verdict rendered for the summary
    run([FAILING, "--comment", "github", "--project", "app", "--format", "json"], capsys)
    assert renders == ["app", "app"]
