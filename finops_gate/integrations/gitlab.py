"""GitLab: merge-request notes, the same sticky way as GitHub comments.

Reads what GitLab CI sets: `CI_API_V4_URL`, `CI_PROJECT_ID`, `CI_MERGE_REQUEST_IID`, and a
token with the `api` scope in `GITLAB_TOKEN` (CI's own job token cannot write notes).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import field

from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate import __version__
from finops_gate.errors import CommentError
from finops_gate.integrations.comments import Comment
from finops_gate.integrations.http import HttpClient, NetworkLimits, clean_token
from finops_gate.records import record

PER_PAGE = 100


class GitLabUser(BaseModel):
    model_config = ConfigDict(extra="ignore")

    username: str


class NotePayload(BaseModel):
    """One merge-request note as the REST API returns it."""

    model_config = ConfigDict(extra="ignore")

    id: int
    body: str | None = None
    system: bool = False
    author: GitLabUser | None = None


@record
class GitLabTarget:
    api_url: str
    project: str
    merge_request: int
    token: str = field(repr=False)


def resolve_target(
    env: Mapping[str, str],
    *,
    token: str | None = None,
    project: str | None = None,
    number: int | None = None,
    api_url: str | None = None,
) -> GitLabTarget:
    if token:
        token = clean_token("gitlab", token, "--gitlab-token")
    else:
        token = clean_token("gitlab", env.get("GITLAB_TOKEN"), "GITLAB_TOKEN")
    if not token:
        raise CommentError("gitlab: no token; set GITLAB_TOKEN (a token with the api scope)")
    project = project or env.get("CI_PROJECT_ID") or ""
    if not project:
        raise CommentError("gitlab: no project; set CI_PROJECT_ID or pass --repo")
    if number is None:
        iid = env.get("CI_MERGE_REQUEST_IID", "")
        if not iid.isdigit():
            raise CommentError(
                "gitlab: no merge-request number: CI_MERGE_REQUEST_IID is not set "
                "(run in a merge-request pipeline) and --pr was not given"
            )
        number = int(iid)
    api = (api_url or env.get("CI_API_V4_URL") or "").rstrip("/")
    if urllib.parse.urlsplit(api).scheme not in ("http", "https"):
        raise CommentError("gitlab: CI_API_V4_URL is not set to an http(s) address")
    return GitLabTarget(api_url=api, project=project, merge_request=number, token=token)


def gitlab_client(
    target: GitLabTarget,
    *,
    sleep: Callable[[float], None] | None = None,
    limits: NetworkLimits | None = None,
) -> HttpClient:
    headers = {"PRIVATE-TOKEN": target.token, "User-Agent": f"finops-gate/{__version__}"}
    return HttpClient.with_limits(
        "gitlab", headers, [target.token], limits or NetworkLimits(), sleep
    )


class GitLabNotes:
    """The notes of one merge request."""

    def __init__(
        self, target: GitLabTarget, client: HttpClient, author: str | None = None
    ) -> None:
        self._target = target
        self._client = client
        self._author = author
        project = urllib.parse.quote(target.project, safe="")
        self._base = f"{target.api_url}/projects/{project}/merge_requests/{target.merge_request}"

    def _note(self, data: object) -> Comment:
        try:
            note = NotePayload.model_validate(data)
        except ValidationError:
            raise CommentError("gitlab: unexpected answer: not a note") from None
        author = note.author.username if note.author is not None else ""
        return Comment(note.id, note.body or "", f"{self._base}/notes/{note.id}", author)

    def list(self) -> list[Comment]:
        url = f"{self._base}/notes?per_page={PER_PAGE}&sort=asc"
        notes: list[Comment] = []
        for page in self._client.pages(url, "notes"):
            notes.extend(self._note(item) for item in page)
        return notes

    def own_author(self) -> str:
        """`GET /user`: project and group access tokens are bot users that can call it too."""
        if self._author:
            return self._author
        body = self._client.request("GET", f"{self._target.api_url}/user").body
        try:
            return GitLabUser.model_validate(body).username
        except ValidationError:
            raise CommentError("gitlab: unexpected answer from GET /user: no username") from None

    def create(self, body: str) -> Comment:
        return self._note(self._client.request("POST", f"{self._base}/notes", {"body": body}).body)

    def update(self, comment_id: int, body: str) -> Comment:
        url = f"{self._base}/notes/{comment_id}"
        return self._note(self._client.request("PUT", url, {"body": body}).body)

    def delete(self, comment_id: int) -> None:
        self._client.request("DELETE", f"{self._base}/notes/{comment_id}")
