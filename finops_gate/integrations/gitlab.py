"""GitLab: merge-request notes, the same sticky way as GitHub comments.

Reads what GitLab CI sets: `CI_API_V4_URL`, `CI_PROJECT_ID`, `CI_MERGE_REQUEST_IID`, and a
token with the `api` scope in `GITLAB_TOKEN` (CI's own job token cannot write notes).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate import __version__
from finops_gate.errors import CommentError
from finops_gate.integrations.comments import Comment
from finops_gate.integrations.http import HttpClient, next_link

PER_PAGE = 100


class NotePayload(BaseModel):
    """One merge-request note as the REST API returns it."""

    model_config = ConfigDict(extra="ignore")

    id: int
    body: str | None = None
    system: bool = False


@dataclass(frozen=True)
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
    token = token or env.get("GITLAB_TOKEN") or ""
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
    target: GitLabTarget, *, sleep: Callable[[float], None] | None = None
) -> HttpClient:
    headers = {"PRIVATE-TOKEN": target.token, "User-Agent": f"finops-gate/{__version__}"}
    if sleep is None:
        return HttpClient("gitlab", headers, [target.token])
    return HttpClient("gitlab", headers, [target.token], sleep=sleep)


class GitLabNotes:
    """The notes of one merge request."""

    def __init__(self, target: GitLabTarget, client: HttpClient) -> None:
        self._target = target
        self._client = client
        project = urllib.parse.quote(target.project, safe="")
        self._base = f"{target.api_url}/projects/{project}/merge_requests/{target.merge_request}"

    def _note(self, data: object) -> Comment:
        try:
            note = NotePayload.model_validate(data)
        except ValidationError:
            raise CommentError("gitlab: unexpected answer: not a note") from None
        return Comment(note.id, note.body or "", f"{self._base}/notes/{note.id}")

    def list(self) -> list[Comment]:
        url: str | None = f"{self._base}/notes?per_page={PER_PAGE}&sort=asc"
        origin = urllib.parse.urlsplit(self._target.api_url)[:2]
        notes: list[Comment] = []
        while url is not None:
            response = self._client.request("GET", url)
            if not isinstance(response.body, list):
                raise CommentError("gitlab: unexpected answer: not a list of notes")
            notes.extend(self._note(item) for item in response.body)
            url = next_link(response.headers)
            if url is not None and urllib.parse.urlsplit(url)[:2] != origin:
                raise CommentError("gitlab: a pagination link points to another host; stopped")
        return notes

    def create(self, body: str) -> Comment:
        return self._note(self._client.request("POST", f"{self._base}/notes", {"body": body}).body)

    def update(self, comment_id: int, body: str) -> Comment:
        url = f"{self._base}/notes/{comment_id}"
        return self._note(self._client.request("PUT", url, {"body": body}).body)

    def delete(self, comment_id: int) -> None:
        self._client.request("DELETE", f"{self._base}/notes/{comment_id}")
