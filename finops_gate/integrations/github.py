"""GitHub: where to post (repository, pull request, API address) and the issue-comments API.

Reads what GitHub Actions sets: `GITHUB_TOKEN` (passed in by the workflow),
`GITHUB_REPOSITORY`, `GITHUB_EVENT_PATH` (the event payload, for the pull-request number)
and `GITHUB_API_URL` (GitHub Enterprise Server). Flags override each of them.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate import __version__
from finops_gate.errors import CommentError
from finops_gate.integrations.comments import Comment
from finops_gate.integrations.http import ApiError, HttpClient, NetworkLimits, clean_token
from finops_gate.records import record

DEFAULT_API_URL = "https://api.github.com"
# `GITHUB_TOKEN` in a workflow (and any GitHub App installation token) cannot call
# `GET /user` (403 "Resource not accessible by integration"); its comments are written by
# this login unless FINOPS_GATE_COMMENT_AUTHOR names the App's own `SLUG[bot]`.
ACTIONS_BOT = "github-actions[bot]"
AUTHOR_VARIABLE = "FINOPS_GATE_COMMENT_AUTHOR"
PER_PAGE = 100
_REPOSITORY = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$")


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _Numbered(_Loose):
    number: int


class _IssueRef(_Loose):
    number: int
    pull_request: dict[str, object] | None = None


class PullRequestEvent(_Loose):
    """The parts of an event payload that name a pull request."""

    number: int | None = None
    pull_request: _Numbered | None = None
    issue: _IssueRef | None = None

    def pull_request_number(self) -> int | None:
        if self.pull_request is not None:
            return self.pull_request.number
        if self.issue is not None and self.issue.pull_request is not None:
            return self.issue.number  # issue_comment on a pull request
        return None


class _User(_Loose):
    login: str


class CommentPayload(_Loose):
    """One issue comment as the REST API returns it."""

    id: int
    body: str | None = None
    html_url: str = ""
    user: _User | None = None


@record
class GitHubTarget:
    api_url: str
    repository: str
    number: int
    token: str = field(repr=False)


def pull_request_from_event(path: str) -> int | None:
    try:
        data = json.loads(Path(path).read_bytes())
    except FileNotFoundError:
        raise CommentError(f"GITHUB_EVENT_PATH {path}: no such file") from None
    except (OSError, ValueError) as error:
        raise CommentError(f"GITHUB_EVENT_PATH {path}: cannot read the event: {error}") from None
    try:
        event = PullRequestEvent.model_validate(data)
    except ValidationError:
        raise CommentError(f"GITHUB_EVENT_PATH {path}: not a GitHub event payload") from None
    return event.pull_request_number()


def resolve_target(
    env: Mapping[str, str],
    *,
    token: str | None = None,
    repository: str | None = None,
    number: int | None = None,
    api_url: str | None = None,
) -> GitHubTarget:
    """Where to post, from flags first and then the GitHub Actions environment."""
    if token:
        token = clean_token("github", token, "--github-token")
    else:
        token = clean_token("github", env.get("GITHUB_TOKEN"), "GITHUB_TOKEN")
    if not token:
        raise CommentError(
            "github: no token; set GITHUB_TOKEN (in a workflow: "
            "`env: GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}`) or pass --github-token"
        )
    repository = repository or env.get("GITHUB_REPOSITORY") or ""
    if not repository:
        raise CommentError("github: no repository; set GITHUB_REPOSITORY or pass --repo OWNER/NAME")
    if not _REPOSITORY.match(repository):
        raise CommentError(f"github: {repository!r} is not a repository name (OWNER/NAME)")
    if number is None:
        event_path = env.get("GITHUB_EVENT_PATH")
        if event_path:
            number = pull_request_from_event(event_path)
        if number is None:
            event = env.get("GITHUB_EVENT_NAME", "this event")
            raise CommentError(
                f"github: no pull-request number: {event} is not a pull-request event; "
                "pass --pr NUMBER"
            )
    api = (api_url or env.get("GITHUB_API_URL") or DEFAULT_API_URL).rstrip("/")
    if urllib.parse.urlsplit(api).scheme not in ("http", "https"):
        raise CommentError(f"github: GITHUB_API_URL {api!r} is not an http(s) address")
    return GitHubTarget(api_url=api, repository=repository, number=number, token=token)


def github_client(
    target: GitHubTarget,
    *,
    sleep: Callable[[float], None] | None = None,
    limits: NetworkLimits | None = None,
) -> HttpClient:
    headers = {
        "Accept": "application/vnd.github+json",
        "Authorization": f"Bearer {target.token}",
        "X-GitHub-Api-Version": "2022-11-28",
        "User-Agent": f"finops-gate/{__version__}",
    }
    return HttpClient.with_limits(
        "github", headers, [target.token], limits or NetworkLimits(), sleep
    )


class GitHubComments:
    """The comments of one pull request (the issue-comments endpoints)."""

    def __init__(
        self, target: GitHubTarget, client: HttpClient, author: str | None = None
    ) -> None:
        self._target = target
        self._client = client
        self._author = author
        repo = urllib.parse.quote(target.repository, safe="/")
        self._base = f"{target.api_url}/repos/{repo}/issues"

    def _comment(self, data: object) -> Comment:
        try:
            payload = CommentPayload.model_validate(data)
        except ValidationError:
            raise CommentError("github: unexpected answer: not a comment") from None
        author = payload.user.login if payload.user is not None else ""
        return Comment(payload.id, payload.body or "", payload.html_url, author)

    def list(self) -> list[Comment]:
        url = f"{self._base}/{self._target.number}/comments?per_page={PER_PAGE}"
        comments: list[Comment] = []
        for page in self._client.pages(url, "comments"):
            comments.extend(self._comment(item) for item in page)
        return comments

    def own_author(self) -> str:
        """`GET /user`; for a token that cannot call it, the Actions bot or the configured login."""
        if self._author:
            return self._author
        try:
            body = self._client.request("GET", f"{self._target.api_url}/user").body
        except ApiError as error:
            if error.status != 403:
                raise
            return ACTIONS_BOT
        try:
            return _User.model_validate(body).login
        except ValidationError:
            raise CommentError("github: unexpected answer from GET /user: no login") from None

    def create(self, body: str) -> Comment:
        url = f"{self._base}/{self._target.number}/comments"
        return self._comment(self._client.request("POST", url, {"body": body}).body)

    def update(self, comment_id: int, body: str) -> Comment:
        url = f"{self._base}/comments/{comment_id}"
        return self._comment(self._client.request("PATCH", url, {"body": body}).body)

    def delete(self, comment_id: int) -> None:
        self._client.request("DELETE", f"{self._base}/comments/{comment_id}")
