"""Sticky comments: find our earlier comment by its hidden marker, then update or replace it.

The Markdown verdict's first line is `<!-- finops-gate -->`, or
`<!-- finops-gate project=NAME -->` for a named project, so each project keeps its own
comment on the same pull request. The marker alone proves nothing (anyone can write it), so
a comment is ours only when it was also written by the token's own identity: comments by
people, or by another bot, are never edited or deleted.
"""

from __future__ import annotations

from typing import Protocol

from finops_gate.options import Behavior
from finops_gate.records import record

__all__ = [
    "MARKER_PREFIX",
    "Behavior",
    "Comment",
    "CommentStore",
    "PostResult",
    "has_marker",
    "is_ours",
    "marker_of",
    "post_sticky",
]

MARKER_PREFIX = "<!-- finops-gate"


@record
class Comment:
    id: int
    body: str
    url: str
    author: str = ""  # the login (GitHub) or username (GitLab) of whoever wrote it


class CommentStore(Protocol):
    """The comments of one pull request (GitHub) or merge request (GitLab)."""

    def list(self) -> list[Comment]: ...

    def own_author(self) -> str:
        """The login or username of the token's identity, as comment authors are shown."""
        ...

    def create(self, body: str) -> Comment: ...

    def update(self, comment_id: int, body: str) -> Comment: ...

    def delete(self, comment_id: int) -> None: ...


@record
class PostResult:
    action: str  # "created", "updated" or "unchanged"
    comment: Comment
    deleted: int = 0


def marker_of(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    if not (first.startswith(MARKER_PREFIX) and first.endswith("-->")):
        raise ValueError("the comment body does not start with the finops-gate marker")
    return first


def has_marker(comment: Comment, marker: str) -> bool:
    return comment.body.split("\n", 1)[0].strip() == marker


def is_ours(comment: Comment, marker: str, author: str) -> bool:
    return bool(author) and has_marker(comment, marker) and comment.author == author


def post_sticky(store: CommentStore, body: str, behavior: Behavior) -> PostResult:
    marker = marker_of(body)
    if behavior == Behavior.NEW:
        return PostResult("created", store.create(body))
    marked = [comment for comment in store.list() if has_marker(comment, marker)]
    # Who we are is asked only when it matters: a first post needs no extra request.
    author = store.own_author() if marked else ""
    ours = [comment for comment in marked if is_ours(comment, marker, author)]
    if behavior == Behavior.DELETE_AND_NEW:
        for comment in ours:
            store.delete(comment.id)
        return PostResult("created", store.create(body), deleted=len(ours))
    if not ours:
        return PostResult("created", store.create(body))
    latest = max(ours, key=lambda comment: comment.id)
    if latest.body == body:
        return PostResult("unchanged", latest)
    return PostResult("updated", store.update(latest.id, body))
