"""A hostile or broken API server cannot hang the gate, exhaust its memory, take over other
people's comments or make it print the token.

Each case runs the real CLI in a subprocess against the local fake API, with a generous
time bound (and a memory bound where a body could be loaded), and checks the exit code
(2 for a failed post, never 3), that the verdict is still printed and that no form of the
token appears in what is printed.
"""

from __future__ import annotations

import base64
import os
import resource
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Iterator

import pytest

from finops_gate.errors import CommentError
from finops_gate.integrations.http import HttpClient, NetworkLimits, clean_token, secret_forms
from tests.conftest import ROOT
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import Canned, FakeApi

pytestmark = pytest.mark.slow

PASSING = str(ROOT / "examples" / "plan.json")
VERDICT_LINE = "finops-gate verdict: PASS"
MARKED = "<!-- finops-gate -->\nan old verdict"
MEMORY_LIMIT = 1024 * 1024 * 1024  # far below the 3 GB bodies sent below


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi(TOKEN).start()
    try:
        yield server
    finally:
        server.stop()


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_gate(
    api: FakeApi,
    *args: str,
    env: dict[str, str] | None = None,
    timeout: float = 60,
    memory_bound: bool = False,
) -> tuple[int, str, str, float]:
    """The CLI posting to the fake API: exit code, stdout, stderr, seconds taken."""
    base = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "GITLAB_", "CI_", "FINOPS_GATE_"))
    }
    base.update(
        {
            "PYTHONPATH": str(ROOT),
            "GITHUB_TOKEN": TOKEN,
            "GITHUB_API_URL": api.url,
        }
    )
    base.update(env or {})
    command = [sys.executable, "-m", "finops_gate", PASSING, "--comment", "github"]
    command += ["--repo", api.repository, "--pr", "7", *args]
    started = time.monotonic()
    result = subprocess.run(
        command,
        env=base,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=_limit_memory if memory_bound else None,
    )
    elapsed = time.monotonic() - started
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stdout, result.stderr, elapsed


def _comment_error(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if "could not post the comment" in line]
    assert len(lines) == 1, stderr
    return lines[0]


# -- deadlines ------------------------------------------------------------------------------


def test_slow_drip_body_is_cut_off_by_the_run_deadline(api: FakeApi) -> None:
    api.canned = [Canned(200, drip=0.2)] * 5
    code, out, err, elapsed = run_gate(api, env={"FINOPS_GATE_NETWORK_DEADLINE": "3"})
    assert code == 2
    assert VERDICT_LINE in out  # the verdict is printed even though posting failed
    assert "3-second network deadline" in _comment_error(err)
    assert elapsed < 20


def test_the_run_deadline_is_an_option_that_wins_over_the_environment(api: FakeApi) -> None:
    api.canned = [Canned(200, drip=0.2)] * 5
    code, out, err, elapsed = run_gate(
        api, "--network-deadline", "3", env={"FINOPS_GATE_NETWORK_DEADLINE": "600"}
    )
    assert code == 2
    assert VERDICT_LINE in out
    error = _comment_error(err)
    assert "3-second network deadline" in error and "--network-deadline" in error
    assert elapsed < 20


@pytest.mark.parametrize("value", ["0", "-5", "soon", "nan"])
def test_a_bad_network_deadline_option_is_a_usage_error(api: FakeApi, value: str) -> None:
    code, out, err, _ = run_gate(api, "--network-deadline", value)
    assert code == 2
    assert out == ""
    assert "--network-deadline" in err.splitlines()[-1]
    assert api.requests == []  # refused before any call


def test_slow_drip_with_ignore_comment_errors_keeps_the_gate_code(api: FakeApi) -> None:
    api.canned = [Canned(200, drip=0.2)] * 5
    code, out, err, elapsed = run_gate(
        api, "--ignore-comment-errors", env={"FINOPS_GATE_NETWORK_DEADLINE": "3"}
    )
    assert code == 0
    assert VERDICT_LINE in out
    assert "warning: could not post the comment" in err
    assert elapsed < 20


def test_slow_drip_headers_are_cut_off_by_the_run_deadline(api: FakeApi) -> None:
    api.canned = [Canned(200, drip=0.2, drip_headers=True)] * 5
    code, out, err, elapsed = run_gate(api, env={"FINOPS_GATE_NETWORK_DEADLINE": "3"})
    assert code == 2
    assert VERDICT_LINE in out
    assert "3-second network deadline" in _comment_error(err)
    assert elapsed < 20


def test_slow_drip_is_cut_off_per_request() -> None:
    """Each call ends at its own deadline although bytes keep arriving within the timeout."""
    server = FakeApi(TOKEN).start()
    try:
        # 60 bytes at 0.1 s each: a client without a deadline waits 6 s for each answer.
        server.canned = [Canned(200, drip=0.1, huge=60)] * 3
        sleeps: list[float] = []
        client = HttpClient("github", {}, [TOKEN], timeout=1.0, attempts=3, sleep=sleeps.append)
        started = time.monotonic()
        with pytest.raises(CommentError, match=r"timed out after 1 s on GET /x .*3 attempts"):
            client.request("GET", f"{server.url}/x")
        assert time.monotonic() - started < 5
        assert sleeps == [1.0, 2.0]
    finally:
        server.stop()


def test_a_server_that_never_answers_ends_within_the_deadline(api: FakeApi) -> None:
    api.canned = [Canned(200, body=[], delay=30)] * 5
    env = {"FINOPS_GATE_NETWORK_DEADLINE": "4", "FINOPS_GATE_REQUEST_TIMEOUT": "1"}
    code, out, err, elapsed = run_gate(api, env=env)
    assert code == 2
    assert VERDICT_LINE in out
    assert "timed out after 1 s" in _comment_error(err)
    assert elapsed < 20


# -- Retry-After ----------------------------------------------------------------------------


def test_retry_after_over_the_maximum_is_not_waited_for(api: FakeApi) -> None:
    api.canned = [Canned(429, {"Retry-After": "100"})]
    code, out, err, elapsed = run_gate(api, timeout=60)
    assert code == 2
    assert VERDICT_LINE in out
    assert "asks to wait 100 s, giving up (the most we wait is 60 s)" in _comment_error(err)
    assert elapsed < 30


def test_retry_after_waits_stop_at_the_run_deadline(api: FakeApi) -> None:
    api.canned = [Canned(503, {"Retry-After": "3"})] * 4
    code, _, err, elapsed = run_gate(api, env={"FINOPS_GATE_NETWORK_DEADLINE": "5"})
    assert code == 2
    assert "would pass the 5-second network deadline" in _comment_error(err)
    assert elapsed < 20


@pytest.mark.parametrize("value", ["1e999", "inf", "99999999999999999999"])
def test_absurd_retry_after_gives_up_at_once(api: FakeApi, value: str) -> None:
    api.canned = [Canned(429, {"Retry-After": value})]
    sleeps: list[float] = []
    client = HttpClient("github", {}, [TOKEN], sleep=sleeps.append)
    with pytest.raises(CommentError, match="giving up"):
        client.request("GET", f"{api.url}/x")
    assert sleeps == []


# -- pagination -----------------------------------------------------------------------------


def test_self_looping_pagination_is_stopped(api: FakeApi) -> None:
    api.add_comment(7, MARKED, "github-actions[bot]")
    api.pagination = "loop"
    code, out, err, elapsed = run_gate(api, timeout=30)
    assert code == 2
    assert VERDICT_LINE in out
    assert "links back to a page already read" in _comment_error(err)
    assert len([r for r in api.requests if r.path.endswith("/comments")]) == 1
    assert api.writes() == []
    assert elapsed < 30


def test_endless_pagination_is_capped(api: FakeApi) -> None:
    api.add_comment(7, MARKED, "github-actions[bot]")
    api.pagination = "endless"
    code, _, err, elapsed = run_gate(api, timeout=60)
    assert code == 2
    assert "more than 100 pages; stopped" in _comment_error(err)
    assert len([r for r in api.requests if r.path.endswith("/comments")]) == 100
    assert elapsed < 60


def test_page_cap_can_be_raised_or_lowered(api: FakeApi) -> None:
    api.pagination = "endless"
    code, _, err, _ = run_gate(api, env={"FINOPS_GATE_MAX_PAGES": "3"}, timeout=30)
    assert code == 2
    assert "more than 3 pages" in err
    assert len([r for r in api.requests if r.path.endswith("/comments")]) == 3


# -- response size --------------------------------------------------------------------------


def test_a_declared_3_gb_body_is_refused_unread(api: FakeApi) -> None:
    api.canned = [Canned(200, huge=3_000_000_000)]
    code, out, err, elapsed = run_gate(api, timeout=60, memory_bound=True)
    assert code == 2
    assert VERDICT_LINE in out
    message = _comment_error(err)
    assert "declares 3,000,000,000 bytes" in message
    assert "67,108,864-byte limit" in message
    assert elapsed < 60


def test_an_undeclared_3_gb_body_is_cut_at_the_cap(api: FakeApi) -> None:
    api.canned = [Canned(200, huge=3_000_000_000, declare_length=False)]
    code, _, err, elapsed = run_gate(api, timeout=90, memory_bound=True)
    assert code == 2
    assert "the answer is over 67,108,864 bytes" in _comment_error(err)
    assert elapsed < 90


def test_an_error_answer_with_a_huge_body_is_not_loaded(api: FakeApi) -> None:
    api.canned = [Canned(500, huge=3_000_000_000, declare_length=False)] * 5
    env = {"FINOPS_GATE_MAX_RESPONSE_BYTES": "100000", "FINOPS_GATE_NETWORK_DEADLINE": "4"}
    code, _, err, elapsed = run_gate(api, env=env, timeout=90, memory_bound=True)
    assert code == 2
    assert "500 Internal Server Error" in _comment_error(err)
    assert elapsed < 90


# -- whose comment is ours ------------------------------------------------------------------


def test_update_never_edits_another_users_marked_comment(api: FakeApi) -> None:
    planted = api.add_comment(7, MARKED, "mallory")
    code, _, err, _ = run_gate(api)
    assert code == 0, err
    assert api.comments[planted.id].body == MARKED
    assert [r.method for r in api.writes()] == ["POST"]
    assert any(r.path == "/user" for r in api.requests)  # asked who we are (403: the bot)


def test_delete_and_new_never_deletes_another_users_comment(api: FakeApi) -> None:
    planted = api.add_comment(7, MARKED, "mallory")
    ours = api.add_comment(7, MARKED, "github-actions[bot]")
    code, _, err, _ = run_gate(api, "--comment-behavior", "delete-and-new")
    assert code == 0, err
    assert planted.id in api.comments and ours.id not in api.comments
    assert [r.method for r in api.writes()] == ["DELETE", "POST"]


def test_a_personal_token_owns_only_its_own_comments(api: FakeApi) -> None:
    api.user_login = "octocat"
    mine = api.add_comment(7, MARKED, "octocat")
    bot = api.add_comment(7, MARKED, "github-actions[bot]")  # the latest marked comment
    code, _, err, _ = run_gate(api)
    assert code == 0, err
    assert api.comments[bot.id].body == MARKED
    assert api.comments[mine.id].body.startswith("<!-- finops-gate -->\n## ")
    assert [(r.method, r.path) for r in api.writes()] == [
        ("PATCH", f"/repos/acme/infra/issues/comments/{mine.id}")
    ]


def test_an_app_token_names_its_login(api: FakeApi) -> None:
    app = api.add_comment(7, MARKED, "cost-app[bot]")
    actions = api.add_comment(7, MARKED, "github-actions[bot]")
    code, _, err, _ = run_gate(api, env={"FINOPS_GATE_COMMENT_AUTHOR": "cost-app[bot]"})
    assert code == 0, err
    assert api.comments[actions.id].body == MARKED
    assert api.comments[app.id].body != MARKED
    assert not any(r.path == "/user" for r in api.requests)


def test_no_marked_comment_means_no_identity_request(api: FakeApi) -> None:
    api.add_comment(7, "just a review", "mallory")
    code, _, _, _ = run_gate(api)
    assert code == 0
    assert not any(r.path == "/user" for r in api.requests)


def test_gitlab_never_edits_another_users_note(api: FakeApi) -> None:
    planted = api.add_comment(3, MARKED, "mallory")
    ours = api.add_comment(3, MARKED, "bot")
    env = {
        "GITLAB_TOKEN": TOKEN,
        "CI_API_V4_URL": f"{api.url}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "3",
    }
    command = [sys.executable, "-m", "finops_gate", PASSING, "--comment", "gitlab"]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_"))}
    result = subprocess.run(
        command,
        env={**clean, **env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert api.comments[planted.id].body == MARKED
    assert api.comments[ours.id].body != MARKED
    assert any(r.path == "/api/v4/user" for r in api.requests)


# -- the token ------------------------------------------------------------------------------


def test_a_trailing_newline_is_stripped(api: FakeApi) -> None:
    code, _, err, _ = run_gate(api, env={"GITHUB_TOKEN": TOKEN + "\n"})
    assert code == 0, err
    assert api.requests[0].headers["authorization"] == f"Bearer {TOKEN}"


@pytest.mark.parametrize(
    "bad",
    [TOKEN[:10] + "\n" + TOKEN[10:], TOKEN + "\x7f", TOKEN[:5] + " " + TOKEN[5:], TOKEN + "é"],
    ids=["newline", "delete", "space", "non-ascii"],
)
def test_a_token_that_cannot_be_a_header_is_refused_unprinted(api: FakeApi, bad: str) -> None:
    env = {"GITHUB_TOKEN": "x"}
    code, out, err, _ = run_gate(api, "--github-token", bad, env=env)
    assert code == 2
    message = _comment_error(err)
    assert "the token from --github-token has a character that is not allowed" in message
    for part in (TOKEN, TOKEN[:10], TOKEN[10:]):
        assert part not in out + err
    assert api.requests == []


@pytest.mark.parametrize(
    "echo",
    [
        TOKEN,
        urllib.parse.quote(TOKEN + "/=", safe=""),
        base64.b64encode(TOKEN.encode()).decode(),
        base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode(),
        base64.b64encode(f"u:{TOKEN}".encode()).decode(),
    ],
    ids=["verbatim", "url-encoded", "base64", "base64-basic", "base64-offset"],
)
def test_a_token_echoed_by_the_server_is_redacted(api: FakeApi, echo: str) -> None:
    api.canned = [Canned(422, body={"message": f"Validation failed for {echo}"})]
    code, out, err, _ = run_gate(api)
    assert code == 2
    message = _comment_error(err)
    assert "422 Unprocessable" in message and "***" in message
    assert TOKEN not in out + err
    for form in secret_forms(TOKEN):
        assert form not in out + err


def test_secret_forms_cover_every_base64_alignment() -> None:
    forms = secret_forms(TOKEN)
    for prefix in ("", "a", "ab", "abc", "user:"):
        encoded = base64.b64encode((prefix + TOKEN).encode()).decode()
        assert any(form in encoded for form in forms), prefix


def test_clean_token() -> None:
    assert clean_token("github", f"  {TOKEN}\r\n", "GITHUB_TOKEN") == TOKEN
    assert clean_token("github", " \n", "GITHUB_TOKEN") == ""
    for bad in (f"{TOKEN}\u202e", f"{TOKEN}\x00", f"{TOKEN}\tx"):
        with pytest.raises(CommentError) as error:
            clean_token("github", bad, "GITHUB_TOKEN")
        assert TOKEN not in str(error.value)


# -- redirects and settings -----------------------------------------------------------------


def test_a_refused_redirect_says_where_it_went(api: FakeApi) -> None:
    other = FakeApi(TOKEN).start()
    try:
        moved = f"{other.url}/repos/acme/infra/issues/7/comments?token={TOKEN}"
        api.canned = [Canned(302, {"Location": moved})]
        code, _, err, _ = run_gate(api)
        assert code == 2
        message = _comment_error(err)
        assert (
            "302 Found: GET /repos/acme/infra/issues/7/comments was redirected to "
            f"{other.url}/repos/acme/infra/issues/7/comments, another host; redirect refused"
        ) in message
        assert TOKEN not in err
        assert other.requests == []
    finally:
        other.stop()


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("FINOPS_GATE_NETWORK_DEADLINE", "soon"),
        ("FINOPS_GATE_REQUEST_TIMEOUT", "-1"),
        ("FINOPS_GATE_MAX_RESPONSE_BYTES", "1.5"),
        ("FINOPS_GATE_MAX_PAGES", "9" * 5000),
        ("FINOPS_GATE_MAX_RETRY_AFTER", "nan"),
    ],
)
def test_a_bad_limit_setting_is_named(api: FakeApi, variable: str, value: str) -> None:
    code, out, err, _ = run_gate(api, env={variable: value})
    assert code == 2
    assert VERDICT_LINE in out
    assert f"{variable} must be" in _comment_error(err)
    assert api.requests == []


def test_limits_from_the_environment() -> None:
    limits = NetworkLimits.from_env(
        {"FINOPS_GATE_NETWORK_DEADLINE": "600", "FINOPS_GATE_MAX_PAGES": "1000"}
    )
    assert (limits.run_deadline, limits.max_pages) == (600.0, 1000)
    assert NetworkLimits.from_env({}) == NetworkLimits(120.0, 30.0, 60.0, 64 * 1024 * 1024, 100)
