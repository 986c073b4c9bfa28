"""A real HTTP server on 127.0.0.1 that implements the GitHub and GitLab endpoints we use.

GitHub: list issue comments (paginated with a `Link` header), create, update, delete, and
`GET /user` (403 by default, as for a workflow's GITHUB_TOKEN; set `user_login` to answer);
for review suggestions, a pull request (`GET /pulls/{n}`, its head commit), its files
(`GET /pulls/{n}/files`, set `pull_files`) and review comments (list, create, update;
`add_review_comment(..., user=...)` plants one).
GitLab: the same for merge-request notes, and `GET /user`. It checks the token, records every
request and can be told to answer the next requests with canned failures (500, 429, 403, a
delay, an absurd `Retry-After`, a body sent one byte at a time, a huge body).

Hostile behaviours for the tests of limits: `pagination = "loop"` makes every list page link
to itself, `"endless"` links each page to a next one forever; `add_comment(..., user=...)`
plants a comment with our marker written by someone else.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

GITHUB_LIST = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/issues/(?P<number>\d+)/comments$")
GITHUB_ONE = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/issues/comments/(?P<id>\d+)$")
GITHUB_PULL = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/pulls/(?P<number>\d+)$")
GITHUB_PULL_FILES = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/pulls/(?P<number>\d+)/files$")
GITHUB_REVIEW_LIST = re.compile(
    r"^/repos/(?P<repo>[^/]+/[^/]+)/pulls/(?P<number>\d+)/comments$"
)
GITHUB_REVIEW_ONE = re.compile(r"^/repos/(?P<repo>[^/]+/[^/]+)/pulls/comments/(?P<id>\d+)$")
GITLAB_LIST = re.compile(r"^/api/v4/projects/(?P<project>[^/]+)/merge_requests/(?P<iid>\d+)/notes$")
GITLAB_ONE = re.compile(
    r"^/api/v4/projects/(?P<project>[^/]+)/merge_requests/(?P<iid>\d+)/notes/(?P<id>\d+)$"
)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (the timeout test) is expected; stay quiet about it."""


@dataclass
class Recorded:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: Any


@dataclass
class Canned:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0  # seconds to wait before answering (for timeouts)
    drip: float = 0.0  # send the body one byte every `drip` seconds (a slow-drip server)
    huge: int = 0  # send this many bytes of body instead of `body`
    declare_length: bool = True  # send Content-Length (else close the connection at the end)
    drip_headers: bool = False  # drip the headers instead of the body


@dataclass
class StoredComment:
    id: int
    issue: int
    body: str
    user: str = "github-actions[bot]"


@dataclass
class StoredReviewComment:
    id: int
    pull: int
    body: str
    path: str
    line: int
    commit_id: str
    user: str = "github-actions[bot]"


class FakeApi:
    def __init__(
        self,
        token: str,
        repository: str = "acme/infra",
        gitlab_project: str = "42",
        page_size: int = 100,
    ) -> None:
        self.token = token
        self.repository = repository
        self.gitlab_project = gitlab_project
        self.page_size = page_size
        self.comments: dict[int, StoredComment] = {}
        self.requests: list[Recorded] = []
        self.canned: list[Canned] = []
        self._next_id = 1000
        self.user_login: str | None = None  # None: GET /user is refused, as for GITHUB_TOKEN
        self.gitlab_user = "bot"
        self.pagination = "normal"  # or "loop" or "endless"
        # Pull request -> its changed files as GET /pulls/{n}/files lists them.
        self.pull_files: dict[int, list[dict[str, Any]]] = {}
        self.head_sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e"
        self.review_comments: dict[int, StoredReviewComment] = {}
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    # -- test helpers ----------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeApi:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def add_comment(self, issue: int, body: str, user: str = "someone") -> StoredComment:
        with self._lock:
            self._next_id += 1
            comment = StoredComment(self._next_id, issue, body, user)
            self.comments[comment.id] = comment
            return comment

    def add_review_comment(
        self, pull: int, body: str, path: str, line: int, user: str = "someone"
    ) -> StoredReviewComment:
        with self._lock:
            self._next_id += 1
            comment = StoredReviewComment(self._next_id, pull, body, path, line, self.head_sha, user)
            self.review_comments[comment.id] = comment
            return comment

    def on_pull(self, pull: int) -> list[StoredReviewComment]:
        return sorted(
            (c for c in self.review_comments.values() if c.pull == pull), key=lambda c: c.id
        )

    def on_issue(self, issue: int) -> list[StoredComment]:
        return sorted((c for c in self.comments.values() if c.issue == issue), key=lambda c: c.id)

    def writes(self) -> list[Recorded]:
        return [r for r in self.requests if r.method != "GET"]

    # -- the server ------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output quiet
                pass

            def _answer(
                self, status: int, body: Any = None, headers: dict[str, str] | None = None
            ) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                if data:
                    self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, canned: Canned) -> None:
                """A body dripped slowly or too large to load; the client may hang up."""
                size = canned.huge or 1_000_000
                self.send_response(canned.status)
                for key, value in canned.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Type", "application/json")
                if canned.declare_length:
                    self.send_header("Content-Length", str(size))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                try:
                    if canned.drip:
                        self.wfile.write(b"[")
                        for _ in range(size - 1):
                            self.wfile.flush()
                            time.sleep(canned.drip)
                            self.wfile.write(b" ")
                        return
                    block = b" " * 65536
                    sent = 0
                    while sent < size:
                        chunk = block[: size - sent]
                        self.wfile.write(chunk)
                        sent += len(chunk)
                except OSError:
                    pass  # the client gave up, as it should

            def _drip_headers(self, interval: float) -> None:
                """A status line, then one header byte at a time: the answer never starts."""
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                    for _ in range(10_000):
                        self.wfile.flush()
                        time.sleep(interval)
                        self.wfile.write(b"a")
                except OSError:
                    pass
                self.close_connection = True

            def _handle(self) -> None:
                split = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                body = json.loads(raw) if raw else None
                query = dict(urllib.parse.parse_qsl(split.query))
                with api._lock:
                    api.requests.append(
                        Recorded(
                            self.command,
                            split.path,
                            query,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                        )
                    )
                    canned = api.canned.pop(0) if api.canned else None
                if canned is not None:
                    if canned.delay:
                        time.sleep(canned.delay)
                    if canned.drip_headers:
                        self._drip_headers(canned.drip)
                        return
                    if canned.drip or canned.huge:
                        self._stream(canned)
                        return
                    self._answer(canned.status, canned.body, canned.headers)
                    return
                if split.path.startswith("/api/v4/"):
                    self._gitlab(split.path, query, body)
                else:
                    self._github(split.path, query, body)

            # GitHub ----------------------------------------------------------------------
            def _github(self, path: str, query: dict[str, str], body: Any) -> None:
                if self.headers.get("Authorization") != f"Bearer {api.token}":
                    self._answer(401, {"message": "Bad credentials"})
                    return
                if path == "/user" and self.command == "GET":
                    if api.user_login is None:
                        self._answer(403, {"message": "Resource not accessible by integration"})
                    else:
                        self._answer(200, {"login": api.user_login, "type": "User"})
                    return
                if self._pulls(path, query, body):
                    return
                match = GITHUB_LIST.match(path)
                if match and match["repo"] == api.repository:
                    issue = int(match["number"])
                    if self.command == "GET":
                        self._list(issue, query, self._github_comment, "/repos/" + api.repository)
                        return
                    if self.command == "POST":
                        comment = api.add_comment(issue, body["body"], "github-actions[bot]")
                        self._answer(201, self._github_comment(comment))
                        return
                match = GITHUB_ONE.match(path)
                if match and match["repo"] == api.repository:
                    comment_id = int(match["id"])
                    if comment_id not in api.comments:
                        self._answer(404, {"message": "Not Found"})
                        return
                    if self.command == "PATCH":
                        api.comments[comment_id].body = body["body"]
                        self._answer(200, self._github_comment(api.comments[comment_id]))
                        return
                    if self.command == "DELETE":
                        del api.comments[comment_id]
                        self._answer(204)
                        return
                self._answer(404, {"message": "Not Found"})

            def _pulls(self, path: str, query: dict[str, str], body: Any) -> bool:
                """The pull-request endpoints; False when `path` is none of them."""
                match = GITHUB_PULL.match(path)
                if match and match["repo"] == api.repository and self.command == "GET":
                    number = int(match["number"])
                    self._answer(200, {"number": number, "head": {"sha": api.head_sha}})
                    return True
                match = GITHUB_PULL_FILES.match(path)
                if match and match["repo"] == api.repository and self.command == "GET":
                    files = api.pull_files.get(int(match["number"]), [])
                    self._list_of(files, query)
                    return True
                match = GITHUB_REVIEW_LIST.match(path)
                if match and match["repo"] == api.repository:
                    pull = int(match["number"])
                    if self.command == "GET":
                        self._list_of([self._review(c) for c in api.on_pull(pull)], query)
                        return True
                    if self.command == "POST":
                        lines = {
                            n
                            for f in api.pull_files.get(pull, [])
                            if f["filename"] == body["path"]
                            for n in _right_lines(f.get("patch") or "")
                        }
                        if body.get("side") != "RIGHT" or body["line"] not in lines:
                            # What GitHub answers for a line outside the diff.
                            self._answer(422, {"message": "Validation Failed"})
                            return True
                        if body.get("commit_id") != api.head_sha:
                            self._answer(422, {"message": "commit_id is not part of the pull request"})
                            return True
                        comment = api.add_review_comment(
                            pull, body["body"], body["path"], body["line"], "github-actions[bot]"
                        )
                        self._answer(201, self._review(comment))
                        return True
                match = GITHUB_REVIEW_ONE.match(path)
                if match and match["repo"] == api.repository and self.command == "PATCH":
                    comment_id = int(match["id"])
                    if comment_id not in api.review_comments:
                        self._answer(404, {"message": "Not Found"})
                        return True
                    api.review_comments[comment_id].body = body["body"]
                    self._answer(200, self._review(api.review_comments[comment_id]))
                    return True
                return False

            def _review(self, comment: StoredReviewComment) -> dict[str, Any]:
                return {
                    "id": comment.id,
                    "body": comment.body,
                    "path": comment.path,
                    "line": comment.line,
                    "side": "RIGHT",
                    "commit_id": comment.commit_id,
                    "user": {"login": comment.user},
                }

            def _list_of(self, items: list[Any], query: dict[str, str]) -> None:
                per_page = min(int(query.get("per_page", "30")), api.page_size)
                page = int(query.get("page", "1"))
                chunk = items[(page - 1) * per_page : page * per_page]
                headers = {}
                if page * per_page < len(items):
                    next_query = dict(query, page=str(page + 1))
                    split = urllib.parse.urlsplit(self.path)
                    link = f"{api.url}{split.path}?{urllib.parse.urlencode(next_query)}"
                    headers["Link"] = f'<{link}>; rel="next"'
                self._answer(200, chunk, headers)

            def _github_comment(self, comment: StoredComment) -> dict[str, Any]:
                return {
                    "id": comment.id,
                    "body": comment.body,
                    "user": {"login": comment.user},
                    "html_url": f"https://github.example/{api.repository}/pull/"
                    f"{comment.issue}#issuecomment-{comment.id}",
                }

            def _list(self, issue: int, query: dict[str, str], shape: Any, _: str) -> None:
                per_page = min(int(query.get("per_page", "30")), api.page_size)
                page = int(query.get("page", "1"))
                items = api.on_issue(issue)
                chunk = items[(page - 1) * per_page : page * per_page]
                headers = {}
                if api.pagination == "loop":
                    headers["Link"] = f'<{api.url}{self.path}>; rel="next"'
                elif api.pagination == "endless" or page * per_page < len(items):
                    next_query = dict(query, page=str(page + 1))
                    split = urllib.parse.urlsplit(self.path)
                    link = f"{api.url}{split.path}?{urllib.parse.urlencode(next_query)}"
                    headers["Link"] = f'<{link}>; rel="next", <{link}>; rel="last"'
                self._answer(200, [shape(c) for c in chunk], headers)

            # GitLab ----------------------------------------------------------------------
            def _gitlab(self, path: str, query: dict[str, str], body: Any) -> None:
                if self.headers.get("PRIVATE-TOKEN") != api.token:
                    self._answer(401, {"message": "401 Unauthorized"})
                    return
                if path == "/api/v4/user" and self.command == "GET":
                    self._answer(200, {"id": 7, "username": api.gitlab_user})
                    return
                match = GITLAB_LIST.match(path)
                if match and match["project"] == api.gitlab_project:
                    issue = int(match["iid"])
                    if self.command == "GET":
                        self._list(issue, query, self._note, "")
                        return
                    if self.command == "POST":
                        note = api.add_comment(issue, body["body"], api.gitlab_user)
                        self._answer(201, self._note(note))
                        return
                match = GITLAB_ONE.match(path)
                if match and match["project"] == api.gitlab_project:
                    note_id = int(match["id"])
                    if note_id not in api.comments:
                        self._answer(404, {"message": "404 Not found"})
                        return
                    if self.command == "PUT":
                        api.comments[note_id].body = body["body"]
                        self._answer(200, self._note(api.comments[note_id]))
                        return
                    if self.command == "DELETE":
                        del api.comments[note_id]
                        self._answer(204)
                        return
                self._answer(404, {"message": "404 Not found"})

            def _note(self, note: StoredComment) -> dict[str, Any]:
                return {
                    "id": note.id,
                    "body": note.body,
                    "system": False,
                    "author": {"id": 7, "username": note.user},
                }

            do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        return Handler


def _right_lines(patch: str) -> set[int]:
    """The server's own reading of a patch (kept apart from the code under test): new-file
    line numbers of added and context lines."""
    found: set[int] = set()
    line = 0
    for text in patch.splitlines():
        if text.startswith("@@"):
            line = int(text.split("+", 1)[1].split(" ", 1)[0].split(",", 1)[0])
        elif text.startswith(("+", " ")):
            found.add(line)
            line += 1
    return found
