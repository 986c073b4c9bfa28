"""`--suggest github`: savings suggestions as pull-request review comments with a one-click
```suggestion block, against a real HTTP server speaking the GitHub REST API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from finops_gate.cli import main
from finops_gate.errors import CommentError
from finops_gate.integrations.suggestions import (
    diff_lines,
    post_suggestions,
    repository_path,
    review_comments,
)
from finops_gate.pipeline import GateOptions, build_gate_report
from finops_gate.savings.model import Recommendation
from tests.conftest import ROOT
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import FakeApi

EVENT = ROOT / "tests" / "fixtures" / "github" / "pull_request.json"
MAIN_TF = """\
provider "aws" {
  region = "us-east-1"
}

resource "aws_instance" "web" {
  count         = 2
  ami           = "ami-0d71ea30463e0ff8d"
  instance_type = "m5.large"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "us-east-1a"
  size              = 100
  type              = "gp2"
}
"""
INSTANCE_LINE, VOLUME_LINE = 8, 14


def _added(text: str) -> str:
    lines = text.splitlines()
    return f"@@ -0,0 +1,{len(lines)} @@\n" + "\n".join(f"+{line}" for line in lines)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "infra").mkdir()
    (tmp_path / "infra" / "main.tf").write_text(MAIN_TF)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _recommendations() -> tuple[Recommendation, ...]:
    return build_gate_report(GateOptions(plan="infra")).recommendations


def _env(api: FakeApi) -> dict[str, str]:
    return {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": api.repository,
        "GITHUB_API_URL": api.url,
        "GITHUB_EVENT_PATH": str(EVENT),
    }


def _post(api: FakeApi, sleeps: list[float]) -> object:
    return post_suggestions(_recommendations(), _env(api), sleep=sleeps.append)


def test_first_post(repo: Path, api: FakeApi, sleeps: list[float]) -> None:
    api.pull_files[7] = [{"filename": "infra/main.tf", "patch": _added(MAIN_TF)}]
    result = _post(api, sleeps)
    assert result.created == 2 and result.outside_diff == 0  # type: ignore[attr-defined]
    by_line = {c.line: c for c in api.on_pull(7)}
    assert set(by_line) == {INSTANCE_LINE, VOLUME_LINE}
    instance = by_line[INSTANCE_LINE]
    assert instance.path == "infra/main.tf"
    assert instance.commit_id == api.head_sha
    assert instance.body.startswith("<!-- finops-gate suggestion path=infra/main.tf line=8 ")
    assert '```suggestion\n  instance_type = "m7g.large"\n```' in instance.body
    # Both instances of the counted block share one comment, each with its saving.
    assert "- `aws_instance.web[0]` (us-east-1): $10.51/month" in instance.body
    assert "- `aws_instance.web[1]` (us-east-1): $10.51/month" in instance.body
    assert "saves $21.02/month" in instance.body
    volume = by_line[VOLUME_LINE].body
    assert '```suggestion\n  type              = "gp3"\n  throughput = 128\n```' in volume
    posts = [r for r in api.writes() if r.method == "POST"]
    assert {(r.path, r.body["side"]) for r in posts} == {
        ("/repos/acme/infra/pulls/7/comments", "RIGHT")
    }
    assert sleeps == []


def test_a_second_run_without_duplicates(repo: Path, api: FakeApi, sleeps: list[float]) -> None:
    api.pull_files[7] = [{"filename": "infra/main.tf", "patch": _added(MAIN_TF)}]
    _post(api, sleeps)
    first = {c.id: c.body for c in api.on_pull(7)}
    writes = len(api.writes())
    again = _post(api, sleeps)
    assert (again.created, again.unchanged) == (0, 2)  # type: ignore[attr-defined]
    assert {c.id: c.body for c in api.on_pull(7)} == first
    assert len(api.writes()) == writes
    # An earlier text of the same suggestion (another saving, say) is updated in place.
    stale_id = min(first)
    api.review_comments[stale_id].body = first[stale_id].replace("$", "USD ")
    updated = _post(api, sleeps)
    assert (updated.created, updated.updated) == (0, 1)  # type: ignore[attr-defined]
    assert {c.id: c.body for c in api.on_pull(7)} == first
    patch = api.writes()[-1]
    assert (patch.method, patch.path) == ("PATCH", f"/repos/acme/infra/pulls/comments/{stale_id}")


def test_a_line_outside_the_diff_is_skipped(repo: Path, api: FakeApi, sleeps: list[float]) -> None:
    # The pull request changed only the instance block (lines 5-9).
    lines = MAIN_TF.splitlines()
    patch = "@@ -5,5 +5,5 @@\n" + "\n".join(
        ("-" + line.replace("m5.large", "m4.large") + "\n+" + line)
        if n == INSTANCE_LINE
        else " " + line
        for n, line in enumerate(lines[4:9], start=5)
    )
    api.pull_files[7] = [{"filename": "infra/main.tf", "patch": patch}]
    result = _post(api, sleeps)
    assert (result.created, result.outside_diff) == (1, 1)  # type: ignore[attr-defined]
    assert [c.line for c in api.on_pull(7)] == [INSTANCE_LINE]


def test_another_users_comment_is_untouched(repo: Path, api: FakeApi, sleeps: list[float]) -> None:
    api.pull_files[7] = [{"filename": "infra/main.tf", "patch": _added(MAIN_TF)}]
    [instance] = [c for c in review_comments(_recommendations()) if c.line == INSTANCE_LINE]
    theirs = api.add_review_comment(7, instance.marker + "\nnot ours", "infra/main.tf", 8)
    result = _post(api, sleeps)
    assert result.created == 2  # type: ignore[attr-defined]
    assert api.review_comments[theirs.id].body == instance.marker + "\nnot ours"
    assert all(r.path != f"/repos/acme/infra/pulls/comments/{theirs.id}" for r in api.writes())
    assert len(api.on_pull(7)) == 3


def test_no_fix_no_request(repo: Path, api: FakeApi, sleeps: list[float]) -> None:
    plan_mode = [r for r in _recommendations() if r.fix is None]
    assert post_suggestions(plan_mode, _env(api)).created == 0
    assert api.requests == []


def test_errors_are_one_line_without_the_token(repo: Path, api: FakeApi) -> None:
    env = dict(_env(api), GITHUB_REPOSITORY="acme/other")
    with pytest.raises(CommentError) as error:
        post_suggestions(_recommendations(), env)
    assert "404" in str(error.value) and TOKEN not in str(error.value)
    assert "\n" not in str(error.value)


def test_the_cli_posts_with_suggest_github(
    repo: Path, api: FakeApi, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    api.pull_files[7] = [{"filename": "infra/main.tf", "patch": _added(MAIN_TF)}]
    for name, value in _env(api).items():
        monkeypatch.setenv(name, value)
    with pytest.raises(SystemExit) as exited:
        main(["infra", "--suggest", "github", "--format", "json", "--fail-on", "never"])
    captured = capsys.readouterr()
    assert exited.value.code == 0, captured.err
    assert len(json.loads(captured.out)["recommendations"]) == 3
    assert "finops-gate: suggestions: 2 created, 0 updated, 0 unchanged" in captured.err
    assert len(api.on_pull(7)) == 2


def test_diff_lines_reads_hunks() -> None:
    patch = "@@ -1,3 +1,4 @@\n a\n-b\n+c\n+d\n e\n\\ No newline at end of file\n@@ -20,2 +21,1 @@\n-x\n y"
    assert diff_lines(patch) == {1, 2, 3, 4, 21}
    assert diff_lines("") == set()


def test_paths_outside_the_repository_are_not_suggested(tmp_path: Path) -> None:
    assert repository_path("./infra/main.tf") == "infra/main.tf"
    assert repository_path("../other/main.tf") is None
    assert repository_path(str(tmp_path / "a.tf"), str(tmp_path)) == "a.tf"
    assert repository_path("/elsewhere/a.tf", str(tmp_path)) is None


def test_a_failed_post_exits_2_unless_ignored(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["infra", "--suggest", "github", "--fail-on", "never", "--repo", "acme/infra"]
    for extra, code in (([], 2), (["--ignore-comment-errors"], 0)):
        with pytest.raises(SystemExit) as exited:
            main([*args, *extra])
        err = capsys.readouterr().err
        assert exited.value.code == code
        assert "could not post the suggestions: github: no token" in err


def test_the_action_input_turns_it_on() -> None:
    from finops_gate.integrations.action_inputs import action_call

    env = {"INPUT_PLAN": "infra", "INPUT_SUGGEST": "true"}
    assert action_call(env, frozenset({"--suggest"})).args[-2:] == ["--suggest", "github"]
    assert "--suggest" not in action_call({"INPUT_PLAN": "infra"}).args
