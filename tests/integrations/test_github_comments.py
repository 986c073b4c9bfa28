"""Sticky comments against a real HTTP server that speaks the GitHub (and GitLab) REST API."""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.errors import CommentError
from finops_gate.integrations.comments import Behavior
from finops_gate.integrations.github import GitHubTarget, pull_request_from_event, resolve_target
from finops_gate.integrations.publish import post_comment
from tests.conftest import ROOT
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import Canned, FakeApi

EVENTS = ROOT / "tests" / "fixtures" / "github"
VERDICT = "<!-- finops-gate -->\n## ✅ finops-gate: pass\n\nMonthly cost: $0.00 → $10.00\n"
VERDICT_2 = "<!-- finops-gate -->\n## ❌ finops-gate: fail\n\nMonthly cost: $0.00 → $99.00\n"


def _env(api: FakeApi, number: int = 7) -> dict[str, str]:
    return {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": api.repository,
        "GITHUB_API_URL": api.url,
        "GITHUB_EVENT_PATH": str(EVENTS / "pull_request.json"),
    }


def _post(
    api: FakeApi, body: str, sleeps: list[float], behavior: Behavior = Behavior.UPDATE
) -> object:
    return post_comment(body, "github", _env(api), behavior=behavior, sleep=sleeps.append)


def test_first_post_creates_one_comment(api: FakeApi, sleeps: list[float]) -> None:
    result = _post(api, VERDICT, sleeps)
    assert result.action == "created"  # type: ignore[attr-defined]
    [comment] = api.on_issue(7)
    assert comment.body == VERDICT
    post = api.writes()[0]
    assert (post.method, post.path) == ("POST", "/repos/acme/infra/issues/7/comments")
    assert post.headers["authorization"] == f"Bearer {TOKEN}"
    assert post.headers["accept"] == "application/vnd.github+json"
    assert post.headers["x-github-api-version"] == "2022-11-28"
    assert sleeps == []


def test_second_post_updates_in_place_and_leaves_people_alone(
    api: FakeApi, sleeps: list[float]
) -> None:
    human = api.add_comment(7, "Looks good to me, but <!-- finops-gate --> is mentioned here")
    _post(api, VERDICT, sleeps)
    ours = api.on_issue(7)[-1]
    result = _post(api, VERDICT_2, sleeps)
    assert result.action == "updated"  # type: ignore[attr-defined]
    assert [c.id for c in api.on_issue(7)] == [human.id, ours.id]
    assert api.comments[ours.id].body == VERDICT_2
    assert api.comments[human.id].body.startswith("Looks good")
    patch = api.writes()[-1]
    assert (patch.method, patch.path) == ("PATCH", f"/repos/acme/infra/issues/comments/{ours.id}")
    # The same verdict again changes nothing.
    assert _post(api, VERDICT_2, sleeps).action == "unchanged"  # type: ignore[attr-defined]
    assert len(api.writes()) == 2


def test_each_project_keeps_its_own_comment(api: FakeApi, sleeps: list[float]) -> None:
    network = "<!-- finops-gate project=network -->\n## network: pass\n"
    compute = "<!-- finops-gate project=compute -->\n## compute: pass\n"
    _post(api, network, sleeps)
    _post(api, compute, sleeps)
    assert [c.body for c in api.on_issue(7)] == [network, compute]
    _post(api, compute.replace("pass", "fail"), sleeps)
    bodies = [c.body for c in api.on_issue(7)]
    assert bodies == [network, compute.replace("pass", "fail")]
    # A comment without a project name is a third, separate one.
    _post(api, VERDICT, sleeps)
    assert len(api.on_issue(7)) == 3


def test_finds_its_comment_on_a_later_page(api: FakeApi, sleeps: list[float]) -> None:
    api.page_size = 30
    for n in range(75):
        api.add_comment(7, f"review comment {n}")
    ours = api.add_comment(7, VERDICT, "github-actions[bot]")
    for n in range(10):
        api.add_comment(7, f"later comment {n}")
    assert _post(api, VERDICT_2, sleeps).action == "updated"  # type: ignore[attr-defined]
    lists = [r for r in api.requests if r.method == "GET" and r.path.endswith("/comments")]
    pages = [r.query.get("page", "1") for r in lists]
    assert pages == ["1", "2", "3"]
    assert api.comments[ours.id].body == VERDICT_2
    assert len(api.on_issue(7)) == 86


def test_new_and_delete_and_new(api: FakeApi, sleeps: list[float]) -> None:
    _post(api, VERDICT, sleeps)
    _post(api, VERDICT_2, sleeps, Behavior.NEW)
    assert [c.body for c in api.on_issue(7)] == [VERDICT, VERDICT_2]
    other = api.add_comment(7, "<!-- finops-gate project=other -->\nother project")
    result = _post(api, VERDICT, sleeps, Behavior.DELETE_AND_NEW)
    assert result.deleted == 2  # type: ignore[attr-defined]
    assert [c.body for c in api.on_issue(7)] == [other.body, VERDICT]
    assert [r.method for r in api.writes()].count("DELETE") == 2


def test_server_error_then_success_retries_with_backoff(api: FakeApi, sleeps: list[float]) -> None:
    api.canned = [Canned(500, body={"message": "Server Error"}), Canned(502)]
    assert _post(api, VERDICT, sleeps).action == "created"  # type: ignore[attr-defined]
    assert sleeps == [1.0, 2.0]
    assert len(api.on_issue(7)) == 1


@pytest.mark.parametrize(
    "canned",
    [
        Canned(
            403,
            {"Retry-After": "7"},
            {"message": "You have exceeded a secondary rate limit. Please wait a few minutes."},
        ),
        Canned(429, {"Retry-After": "7"}, {"message": "Too Many Requests"}),
    ],
    ids=["403-secondary", "429"],
)
def test_rate_limit_waits_as_told(api: FakeApi, sleeps: list[float], canned: Canned) -> None:
    api.canned = [canned]
    assert _post(api, VERDICT, sleeps).action == "created"  # type: ignore[attr-defined]
    assert sleeps == [7.0]


def test_rate_limit_asking_for_too_long_a_wait_gives_up(api: FakeApi, sleeps: list[float]) -> None:
    api.canned = [Canned(429, {"Retry-After": "3600"})]
    with pytest.raises(CommentError, match=r"rate limited \(429\).*wait 3600 s, giving up"):
        _post(api, VERDICT, sleeps)
    assert sleeps == []


def test_timeout_is_retried(api: FakeApi, sleeps: list[float]) -> None:
    target = resolve_target(_env(api))
    from finops_gate.integrations.github import GitHubComments
    from finops_gate.integrations.http import HttpClient

    client = HttpClient(
        "github",
        {"Authorization": f"Bearer {TOKEN}"},
        [TOKEN],
        timeout=0.2,
        sleep=sleeps.append,
    )
    api.canned = [Canned(200, body=[], delay=0.6)]
    assert GitHubComments(target, client).list() == []
    assert sleeps == [1.0]


def test_unauthorized_is_one_clear_line_without_the_token(
    api: FakeApi, sleeps: list[float]
) -> None:
    env = dict(_env(api), GITHUB_TOKEN="ghp_wrongTOKENwrongTOKENwrong00000000")
    with pytest.raises(CommentError) as error:
        post_comment(VERDICT, "github", env, sleep=sleeps.append)
    message = str(error.value)
    assert message.startswith("github: 401 Unauthorized on GET /repos/acme/infra/issues/7/comments")
    assert "Bad credentials" in message and "token" in message
    assert "ghp_wrong" not in message and "\n" not in message
    assert sleeps == []  # not retried


def test_not_found_names_what_to_check(api: FakeApi, sleeps: list[float]) -> None:
    env = dict(_env(api), GITHUB_REPOSITORY="acme/missing")
    with pytest.raises(CommentError, match="404 Not Found on GET /repos/acme/missing/issues/7/"):
        post_comment(VERDICT, "github", env, sleep=sleeps.append)


def test_network_failure_gives_up_after_retries(closed_port: int, sleeps: list[float]) -> None:
    env = {
        "GITHUB_TOKEN": TOKEN,
        "GITHUB_REPOSITORY": "acme/infra",
        "GITHUB_API_URL": f"http://127.0.0.1:{closed_port}",
    }
    with pytest.raises(CommentError) as error:
        post_comment(VERDICT, "github", env, number=7, sleep=sleeps.append)
    message = str(error.value)
    assert message.startswith(f"github: cannot reach 127.0.0.1:{closed_port}")
    assert message.endswith("(gave up after 5 attempts)")
    assert TOKEN not in message
    assert sleeps == [1.0, 2.0, 4.0, 8.0]


def test_token_is_never_in_a_repr_or_message(api: FakeApi) -> None:
    target = resolve_target(_env(api))
    assert TOKEN not in repr(target)
    assert isinstance(target, GitHubTarget)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "github: no token; set GITHUB_TOKEN"),
        ({"GITHUB_TOKEN": TOKEN}, "github: no repository; set GITHUB_REPOSITORY"),
        (
            {
                "GITHUB_TOKEN": TOKEN,
                "GITHUB_REPOSITORY": "acme/infra",
                "GITHUB_EVENT_NAME": "push",
                "GITHUB_EVENT_PATH": str(EVENTS / "push.json"),
            },
            "github: no pull-request number: push is not a pull-request event; pass --pr NUMBER",
        ),
        ({"GITHUB_TOKEN": TOKEN, "GITHUB_REPOSITORY": "not a repo"}, "is not a repository name"),
    ],
)
def test_missing_settings_are_named(env: dict[str, str], message: str) -> None:
    with pytest.raises(CommentError, match=message.replace("(", r"\(")):
        resolve_target(env)


def test_pull_request_number_from_events(tmp_path: Path) -> None:
    assert pull_request_from_event(str(EVENTS / "pull_request.json")) == 7
    assert pull_request_from_event(str(EVENTS / "issue_comment.json")) == 7
    assert pull_request_from_event(str(EVENTS / "push.json")) is None
    broken = tmp_path / "event.json"
    broken.write_text("{")
    with pytest.raises(CommentError, match="cannot read the event"):
        pull_request_from_event(str(broken))


def test_flags_win_over_the_environment(api: FakeApi, sleeps: list[float]) -> None:
    post_comment(
        VERDICT,
        "github",
        {"GITHUB_API_URL": api.url},
        token=TOKEN,
        repository="acme/infra",
        number=12,
        sleep=sleeps.append,
    )
    assert len(api.on_issue(12)) == 1


def test_gitlab_merge_request_notes(api: FakeApi, sleeps: list[float]) -> None:
    env = {
        "GITLAB_TOKEN": TOKEN,
        "CI_API_V4_URL": f"{api.url}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "3",
    }
    api.add_comment(3, "a reviewer's note")
    first = post_comment(VERDICT, "gitlab", env, sleep=sleeps.append)
    second = post_comment(VERDICT_2, "gitlab", env, sleep=sleeps.append)
    assert (first.action, second.action) == ("created", "updated")
    assert [c.body for c in api.on_issue(3)] == ["a reviewer's note", VERDICT_2]
    methods = [(r.method, r.headers.get("private-token") == TOKEN) for r in api.writes()]
    assert methods == [("POST", True), ("PUT", True)]


def test_token_is_not_sent_to_another_host(api: FakeApi, sleeps: list[float]) -> None:
    other = FakeApi(TOKEN).start()
    try:
        moved = f"{other.url}/repos/acme/infra/issues/7/comments"
        api.canned = [Canned(301, {"Location": moved})]
        with pytest.raises(CommentError, match="301 Moved Permanently"):
            _post(api, VERDICT, sleeps)
        next_page = f'<{other.url}/repos/acme/infra/issues/7/comments?page=2>; rel="next"'
        api.canned = [Canned(200, {"Link": next_page}, [])]
        with pytest.raises(CommentError, match="a pagination link points to another host"):
            _post(api, VERDICT, sleeps)
        assert other.requests == []
    finally:
        other.stop()


def test_secondary_rate_limit_without_retry_after_waits_a_minute(
    api: FakeApi, sleeps: list[float]
) -> None:
    api.canned = [Canned(403, body={"message": "You have exceeded a secondary rate limit."})]
    assert _post(api, VERDICT, sleeps).action == "created"  # type: ignore[attr-defined]
    assert sleeps == [60.0]
