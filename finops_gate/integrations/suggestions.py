"""`--suggest github`: each savings suggestion whose line is known, as a pull-request review
comment with a GitHub ```suggestion block, so a reviewer accepts the change with one click.

- Only lines of the pull request's diff (from `GET /pulls/{n}/files`) can carry a review
  comment; a suggestion on any other line is skipped.
- Each comment starts with a hidden marker naming the file, line, check and suggested
  value. A comment of ours with the same marker is left alone when its text is the same,
  and updated when not, so a push never duplicates a suggestion.
- A comment is ours only when it carries the marker and was written by the token's own
  identity, as for the sticky comment (integrations/comments.py): comments of people and
  other bots are never edited.
- The same token rules, network limits and deadline as the sticky comment; at most
  MAX_SUGGESTIONS comments per run, biggest saving first.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from pathlib import Path, PurePosixPath

from pydantic import BaseModel, ConfigDict, ValidationError

from finops_gate.errors import CommentError
from finops_gate.integrations import github
from finops_gate.integrations.http import HttpClient, NetworkLimits
from finops_gate.records import record
from finops_gate.report import numbers
from finops_gate.report.savings_text import change_text
from finops_gate.savings.model import Recommendation

MARKER_PREFIX = "<!-- finops-gate suggestion "
MAX_SUGGESTIONS = 50
_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(?P<start>\d+)(?:,\d+)? @@")


class _Loose(BaseModel):
    model_config = ConfigDict(extra="ignore")


class _ChangedFile(_Loose):
    filename: str
    patch: str | None = None


class _Head(_Loose):
    sha: str


class _PullRequest(_Loose):
    head: _Head


class _User(_Loose):
    login: str


class _ReviewComment(_Loose):
    id: int
    body: str | None = None
    user: _User | None = None


@record
class ReviewComment:
    """One suggestion comment to post: where, and its text (marker first)."""

    path: str
    line: int
    marker: str
    body: str


@record
class SuggestResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    outside_diff: int = 0  # suggestions on lines the pull request does not change

    def summary(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.outside_diff} not on a line of the diff"
        )


def diff_lines(patch: str) -> set[int]:
    """Right-side (new file) line numbers a review comment can be put on: the added and
    context lines of each hunk of a unified diff."""
    lines: set[int] = set()
    line = 0
    in_hunk = False
    for text in patch.split("\n"):
        hunk = _HUNK.match(text)
        if hunk is not None:
            line, in_hunk = int(hunk.group("start")), True
            continue
        if not in_hunk or text.startswith("\\"):  # "\ No newline at end of file"
            continue
        if text.startswith("-"):
            continue
        lines.add(line)
        line += 1
    return lines


def repository_path(path: str, root: str | None = None) -> str | None:
    """A fix's file as the pull request names it (relative to the repository root, where
    finops-gate runs); None for a file outside it."""
    candidate = Path(path)
    if candidate.is_absolute():
        try:
            candidate = candidate.relative_to(Path(root or os.getcwd()).resolve())
        except ValueError:
            return None
    parts = PurePosixPath(candidate.as_posix()).parts
    if not parts or ".." in parts:
        return None
    return PurePosixPath(*[p for p in parts if p != "."]).as_posix()


def review_comments(
    recommendations: Iterable[Recommendation], root: str | None = None
) -> list[ReviewComment]:
    """One comment per file, line, check and suggested value (resources written by one
    block, through `count` or modules, share it), biggest saving first."""
    grouped: dict[str, list[Recommendation]] = {}
    places: dict[str, tuple[str, int, str]] = {}
    for item in recommendations:
        if item.fix is None:
            continue
        path = repository_path(item.fix.path, root)
        if path is None:
            continue
        marker = (
            f"{MARKER_PREFIX}path={urllib.parse.quote(path)} line={item.fix.line} "
            f"check={item.check_id} value={urllib.parse.quote(item.suggested_value)} -->"
        )
        grouped.setdefault(marker, []).append(item)
        places[marker] = (path, item.fix.line, item.fix.replacement)
    comments = [
        ReviewComment(places[m][0], places[m][1], m, _body(m, items, places[m][2]))
        for m, items in grouped.items()
    ]
    order = {m: -sum(i.monthly_savings or 0.0 for i in items) for m, items in grouped.items()}
    return sorted(comments, key=lambda c: (order[c.marker], c.path, c.line, c.marker))


def _body(marker: str, items: list[Recommendation], replacement: str) -> str:
    first = items[0]
    fence = "```"
    while fence in replacement:
        fence += "`"
    savings = [i.monthly_savings for i in items if i.monthly_savings is not None]
    approximate = any(i.approximate for i in items)
    headline = f"**finops-gate** ({first.check_id}): `{change_text(first)}`"
    if savings:
        mark = numbers.APPROX if approximate else ""
        headline += f" saves {mark}{numbers.money(sum(savings))}/month"
    lines = [marker, headline, "", f"{fence}suggestion", replacement, fence, ""]
    if len(items) > 1 or items[0].monthly_savings is not None:
        for item in items:
            saving = (
                f": {numbers.money(item.monthly_savings)}/month"
                if item.monthly_savings is not None
                else ""
            )
            lines.append(f"- `{item.address}` ({item.region}){saving}")
        lines.append("")
    if not savings and first.per_unit:
        lines += [f"Per unit: {first.per_unit}.", ""]
    if first.caveat:
        lines.append(f"Before you accept: {first.caveat}.")
    return "\n".join(lines).rstrip("\n") + "\n"


class PullRequestReview:
    """The files and review comments of one pull request."""

    def __init__(self, target: github.GitHubTarget, client: HttpClient) -> None:
        self._target = target
        self._client = client
        repo = urllib.parse.quote(target.repository, safe="/")
        self._pulls = f"{target.api_url}/repos/{repo}/pulls"

    def head_sha(self) -> str:
        body = self._client.request("GET", f"{self._pulls}/{self._target.number}").body
        try:
            return _PullRequest.model_validate(body).head.sha
        except ValidationError:
            raise CommentError("github: unexpected answer: not a pull request") from None

    def changed_lines(self) -> dict[str, set[int]]:
        url = f"{self._pulls}/{self._target.number}/files?per_page={github.PER_PAGE}"
        found: dict[str, set[int]] = {}
        for page in self._client.pages(url, "files"):
            for data in page:
                try:
                    item = _ChangedFile.model_validate(data)
                except ValidationError:
                    raise CommentError("github: unexpected answer: not a changed file") from None
                found[item.filename] = diff_lines(item.patch or "")
        return found

    def comments(self) -> list[tuple[int, str, str]]:
        """(id, body, author) of every review comment."""
        url = f"{self._pulls}/{self._target.number}/comments?per_page={github.PER_PAGE}"
        found: list[tuple[int, str, str]] = []
        for page in self._client.pages(url, "review comments"):
            for data in page:
                item = self._comment(data)
                found.append((item.id, item.body or "", item.user.login if item.user else ""))
        return found

    def create(self, comment: ReviewComment, commit: str) -> None:
        payload = {
            "body": comment.body,
            "commit_id": commit,
            "path": comment.path,
            "line": comment.line,
            "side": "RIGHT",
        }
        url = f"{self._pulls}/{self._target.number}/comments"
        self._comment(self._client.request("POST", url, payload).body)

    def update(self, comment_id: int, body: str) -> None:
        url = f"{self._pulls}/comments/{comment_id}"
        self._comment(self._client.request("PATCH", url, {"body": body}).body)

    def _comment(self, data: object) -> _ReviewComment:
        try:
            return _ReviewComment.model_validate(data)
        except ValidationError:
            raise CommentError("github: unexpected answer: not a review comment") from None


def post_suggestions(
    recommendations: Iterable[Recommendation],
    env: Mapping[str, str],
    *,
    token: str | None = None,
    repository: str | None = None,
    number: int | None = None,
    sleep: Callable[[float], None] | None = None,
    network_deadline: float | None = None,
    root: str | None = None,
) -> SuggestResult:
    """Post or update the suggestion comments; CommentError on any failure."""
    wanted = review_comments(recommendations, root)[:MAX_SUGGESTIONS]
    if not wanted:
        return SuggestResult()
    limits = NetworkLimits.from_env(env)
    if network_deadline is not None:
        limits = replace(limits, run_deadline=network_deadline)
    target = github.resolve_target(env, token=token, repository=repository, number=number)
    client = github.github_client(target, sleep=sleep, limits=limits)
    review = PullRequestReview(target, client)
    in_diff = review.changed_lines()
    postable = [c for c in wanted if c.line in in_diff.get(c.path, set())]
    result = SuggestResult(outside_diff=len(wanted) - len(postable))
    if not postable:
        return result
    existing = review.comments()
    markers = {c.marker for c in postable}
    marked = [(i, body, who) for i, body, who in existing if _marker_of(body) in markers]
    configured = env.get(github.AUTHOR_VARIABLE, "").strip() or None
    author = github.GitHubComments(target, client, configured).own_author() if marked else ""
    ours: dict[str, tuple[int, str]] = {}
    for comment_id, body, who in sorted(marked):
        if author and who == author:
            ours[_marker_of(body)] = (comment_id, body)  # the latest wins
    commit = ""
    created = updated = unchanged = 0
    for comment in postable:
        earlier = ours.get(comment.marker)
        if earlier is None:
            commit = commit or review.head_sha()
            review.create(comment, commit)
            created += 1
        elif earlier[1] == comment.body:
            unchanged += 1
        else:
            review.update(earlier[0], comment.body)
            updated += 1
    return replace(result, created=created, updated=updated, unchanged=unchanged)


def _marker_of(body: str) -> str:
    first = body.split("\n", 1)[0].strip()
    return first if first.startswith(MARKER_PREFIX) and first.endswith("-->") else ""
