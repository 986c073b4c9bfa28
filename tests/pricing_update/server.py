"""A Price List server on 127.0.0.1 (threading http.server) with ETags and faults to order.

It answers GET with the file, its Content-Length, an ETag and a Last-Modified; a request
whose If-None-Match matches gets 304. A request line holding an absolute address (what a
client sends to an HTTP proxy) is served too, and recorded as proxied.
"""

from __future__ import annotations

import hashlib
import http.server
import threading
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

LAST_MODIFIED = "Mon, 19 Oct 2020 20:48:02 GMT"


@dataclass
class Logged:
    path: str
    status: int
    proxied: bool
    conditional: bool


@dataclass
class Generated:
    """A large body made while it is sent: `chunks()` yields exactly `length` bytes."""

    length: int
    chunks: Callable[[], Iterator[bytes]]
    etag: str = '"generated"'


@dataclass
class PriceListServer:
    files: dict[str, bytes | Generated]
    failures: dict[str, list[int]] = field(default_factory=dict)  # statuses to answer first
    truncate: set[str] = field(default_factory=set)  # send half of the declared body
    log: list[Logged] = field(default_factory=list)
    port: int = 0
    _server: Any = None

    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def downloads(self) -> list[str]:
        """Paths answered 200 with a body."""
        return [entry.path for entry in self.log if entry.status == 200]

    def start(self) -> PriceListServer:
        state = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                split = urllib.parse.urlsplit(self.path)
                self._answer(split.path, bool(split.scheme))

            def _log(self, path: str, status: int, proxied: bool) -> None:
                # Before answering: the client may look at the log as soon as it has the answer.
                conditional = "If-None-Match" in self.headers
                state.log.append(Logged(path, status, proxied, conditional))

            def _answer(self, path: str, proxied: bool) -> None:
                planned = state.failures.get(path)
                if planned:
                    status = planned.pop(0)
                    self._log(path, status, proxied)
                    self._empty(status)
                    return
                body = state.files.get(path)
                if body is None:
                    self._log(path, 404, proxied)
                    self._empty(404)
                    return
                etag = body.etag if isinstance(body, Generated) else _etag(body)
                if self.headers.get("If-None-Match") == etag:
                    self._log(path, 304, proxied)
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                length = body.length if isinstance(body, Generated) else len(body)
                self._log(path, 200, proxied)
                self.send_response(200)
                self.send_header("Content-Length", str(length))
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", LAST_MODIFIED)
                self.end_headers()
                if path in state.truncate and isinstance(body, bytes):
                    self.wfile.write(body[: len(body) // 2])
                    self.close_connection = True
                elif isinstance(body, Generated):
                    for chunk in body.chunks():
                        self.wfile.write(chunk)
                else:
                    self.wfile.write(body)

            def _empty(self, status: int) -> None:
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        serve = self._server.serve_forever
        threading.Thread(target=serve, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
