"""A small JSON-over-HTTP(S) client with retries, on the standard library only.

Retries with exponential backoff on 5xx answers, timeouts and connection failures, and on
rate limits (429, or 403 with `Retry-After` or an exhausted rate-limit quota), honouring
`Retry-After` up to a maximum. The server is not trusted: every call has a deadline that a
server sending one byte at a time cannot stretch, the whole run has a deadline, and an
answer larger than a cap is refused before it is loaded. Every message it raises is one
line and never contains a secret, in any form a server might echo it back in.
"""

from __future__ import annotations

import base64
import http.client
import io
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Mapping
from email.message import Message
from typing import Any

from finops_gate.errors import CommentError, one_line
from finops_gate.records import record

DEFAULT_TIMEOUT = 30.0
DEFAULT_ATTEMPTS = 5
BACKOFF_BASE = 1.0
BACKOFF_CAP = 30.0
# A server asking us to wait longer than this is treated as a failure, not waited for.
MAX_WAIT = 60.0
# GitHub: after a secondary rate limit without `Retry-After`, wait at least a minute.
RATE_LIMIT_MIN_WAIT = 60.0
# Every network failure mode of one run ends within this many seconds.
RUN_DEADLINE = 120.0
# 100 comments of 65,536 characters, JSON-escaped, fit well within this.
MAX_RESPONSE_BYTES = 64 * 1024 * 1024
_CHUNK = 64 * 1024


@record
class Response:
    status: int
    headers: Mapping[str, str]  # lower-case names
    body: Any  # parsed JSON, or None for an empty body


MAX_PAGES = 100

_LIMIT_VARIABLES = {
    "FINOPS_GATE_NETWORK_DEADLINE": "run_deadline",
    "FINOPS_GATE_REQUEST_TIMEOUT": "request_timeout",
    "FINOPS_GATE_MAX_RETRY_AFTER": "max_wait",
    "FINOPS_GATE_MAX_RESPONSE_BYTES": "max_response_bytes",
    "FINOPS_GATE_MAX_PAGES": "max_pages",
}


@record
class NetworkLimits:
    """How long and how much the API server is allowed to take; raised by environment variables."""

    run_deadline: float = RUN_DEADLINE
    request_timeout: float = DEFAULT_TIMEOUT
    max_wait: float = MAX_WAIT
    max_response_bytes: int = MAX_RESPONSE_BYTES
    max_pages: int = MAX_PAGES

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> NetworkLimits:
        values: dict[str, float | int] = {}
        for variable, name in _LIMIT_VARIABLES.items():
            text = env.get(variable, "").strip()
            if not text:
                continue
            whole = name in ("max_response_bytes", "max_pages")
            try:
                value: float = int(text) if whole else float(text)
            except ValueError:
                value = -1.0
            if not (0 < value < 1e12) or value != value:
                kind = "a whole number" if whole else "a number of seconds"
                shown = one_line(text)[:40]
                raise CommentError(f"{variable} must be {kind} above 0, not {shown!r}")
            values[name] = value
        return cls(**values)  # type: ignore[arg-type]


class Deadline:
    """A point in time (monotonic clock) after which waiting for the network stops."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._expires = time.monotonic() + seconds

    def remaining(self) -> float:
        return self._expires - time.monotonic()

    def sooner(self, seconds: float) -> Deadline:
        """A deadline `seconds` from now, or this one if it comes first."""
        return Deadline(min(seconds, self.remaining()))


class _DeadlineReader(io.RawIOBase):
    """Reads a socket, each receive bounded by what is left of the deadline.

    A per-receive timeout alone never fires against a server that sends a byte every few
    seconds; bounding each receive by the remaining time does.
    """

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        super().__init__()
        self._sock = sock
        # A file of the socket keeps it open until closed, after urllib closes the connection.
        self._raw: Any = sock.makefile("rb", buffering=0)
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int | None:
        remaining = self._deadline.remaining()
        if remaining <= 0:
            raise TimeoutError("deadline reached")
        self._sock.settimeout(remaining)
        received: int | None = self._raw.readinto(buffer)
        return received

    def close(self) -> None:
        self._raw.close()
        super().close()


class _DeadlineSocket:
    """A connected socket whose reads and writes end at the deadline."""

    def __init__(self, sock: socket.socket, deadline: Deadline) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "r" in mode:
            return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))
        sock: Any = self._sock
        return sock.makefile(mode, *args, **kwargs)

    def sendall(self, data: Any, *args: Any) -> None:
        remaining = self._deadline.remaining()
        if remaining <= 0:
            raise TimeoutError("deadline reached")
        self._sock.settimeout(remaining)
        self._sock.sendall(data, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _bounded(base: type[http.client.HTTPConnection], deadline: Deadline) -> Any:
    class Connection(base):  # type: ignore[valid-type,misc]
        def connect(self) -> None:
            self.timeout = max(0.001, deadline.remaining())
            super().connect()
            connected: Any = self.__dict__["sock"]
            self.__dict__["sock"] = _DeadlineSocket(connected, deadline)

    return Connection


class _BoundedHttp(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_bounded(http.client.HTTPConnection, self._deadline), req)


class _BoundedHttps(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self._deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        connection = _bounded(http.client.HTTPSConnection, self._deadline)
        return self.do_open(connection, req, context=getattr(self, "_context", None))


def bounded_handlers(deadline: Deadline) -> list[urllib.request.BaseHandler]:
    """HTTP and HTTPS handlers whose every connect, send and receive ends at `deadline`,
    for `urllib.request.build_opener` (which adds the proxy handler from the environment)."""
    return [_BoundedHttp(deadline), _BoundedHttps(deadline)]


class RefusedRedirect(Exception):
    """A redirect to another scheme or host, which would carry the token away."""

    def __init__(self, code: int, location: str) -> None:
        super().__init__(code, location)
        self.code = code
        self.location = location


class ApiError(CommentError):
    """The server refused a request (a 4xx answer other than a rate limit)."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class TooLarge(Exception):
    """An answer larger than the cap on response size."""


class _SameHostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only within the same scheme and host, so a token is never sent away."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        old = urllib.parse.urlsplit(req.full_url)
        new = urllib.parse.urlsplit(newurl)
        if (old.scheme, old.netloc) != (new.scheme, new.netloc):
            raise RefusedRedirect(code, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _lower(headers: Message | Mapping[str, str] | None) -> dict[str, str]:
    if headers is None:
        return {}
    return {key.lower(): value for key, value in headers.items()}


def _parse_json(raw: bytes) -> Any:
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None


def retry_after_seconds(headers: Mapping[str, str], now: float | None = None) -> float | None:
    """Seconds to wait from `Retry-After`, or from `x-ratelimit-reset` when the quota is 0."""
    value = headers.get("retry-after")
    if value is not None:
        try:
            return max(0.0, float(value))
        except ValueError:
            return None
    if headers.get("x-ratelimit-remaining") == "0" and "x-ratelimit-reset" in headers:
        try:
            reset = float(headers["x-ratelimit-reset"])
        except ValueError:
            return None
        return max(0.0, reset - (time.time() if now is None else now))
    return None


def next_link(headers: Mapping[str, str]) -> str | None:
    """The `rel="next"` address of an RFC 8288 `Link` header, if any."""
    for part in headers.get("link", "").split(","):
        section = part.strip().split(";")
        if len(section) < 2:
            continue
        url = section[0].strip()
        if not (url.startswith("<") and url.endswith(">")):
            continue
        params = {p.strip().replace('"', "") for p in section[1:]}
        if "rel=next" in params:
            return url[1:-1]
    return None


def read_limited(stream: Any, limit: int, headers: Mapping[str, str]) -> bytes:
    """The body of an answer, refusing (TooLarge) one over `limit` bytes before loading it."""
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the answer declares {int(declared):,} bytes")
    read = getattr(stream, "read1", None) or stream.read
    parts: list[bytes] = []
    size = 0
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the answer is over {limit:,} bytes")
        parts.append(chunk)


_HEADER_SAFE = frozenset(chr(code) for code in range(0x21, 0x7F))


def clean_token(service: str, raw: str | None, source: str) -> str:
    """The token without surrounding whitespace; CommentError (never quoting it) if unusable.

    A secret pasted with a trailing newline is common; any other character outside visible
    ASCII cannot go into an HTTP header and would otherwise fail deep inside the client.
    """
    token = (raw or "").strip()
    if not token:
        return ""
    for position, char in enumerate(token, start=1):
        if char not in _HEADER_SAFE:
            raise CommentError(
                f"{service}: the token from {source} has a character that is not allowed in "
                f"an HTTP header (character {position} of {len(token)}); store the secret "
                "again without spaces, line breaks or other invisible characters"
            )
    return token


def secret_forms(secret: str) -> set[str]:
    """The forms a server might echo a secret back in: verbatim, URL-encoded, base64.

    Base64 is covered at any alignment inside a longer encoded text (for example
    `user:token` in a Basic credential): for each of the three offsets, the characters that
    depend only on the secret's bytes.
    """
    forms = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
    data = secret.encode()
    for offset in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * offset + data).decode()
            first = -(-8 * offset // 6)
            last = 8 * (offset + len(data)) // 6
            core = encoded[first:last]
            if len(core) >= 8:
                forms.add(core)
    return {form for form in forms if form}


class HttpClient:
    """JSON requests to one service, authenticated by headers that hold a secret."""

    def __init__(
        self,
        service: str,
        headers: Mapping[str, str],
        secrets: Iterable[str] = (),
        *,
        timeout: float = DEFAULT_TIMEOUT,
        attempts: int = DEFAULT_ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
        max_wait: float = MAX_WAIT,
        run_deadline: float = RUN_DEADLINE,
        max_response_bytes: int = MAX_RESPONSE_BYTES,
        max_pages: int = MAX_PAGES,
    ) -> None:
        self.service = service
        self._headers = dict(headers)
        forms: set[str] = set()
        for secret in secrets:
            if secret:
                forms |= secret_forms(secret)
        # Longest first, so a form containing another is replaced whole.
        self._secrets = tuple(sorted(forms, key=lambda form: (-len(form), form)))
        self._timeout = timeout
        self._attempts = max(1, attempts)
        self._sleep = sleep
        self._max_wait = max_wait
        self._run = Deadline(run_deadline)
        self._max_response_bytes = max_response_bytes
        self._max_pages = max(1, max_pages)

    @classmethod
    def with_limits(
        cls,
        service: str,
        headers: Mapping[str, str],
        secrets: Iterable[str],
        limits: NetworkLimits,
        sleep: Callable[[float], None] | None = None,
    ) -> HttpClient:
        return cls(
            service,
            headers,
            secrets,
            timeout=limits.request_timeout,
            sleep=time.sleep if sleep is None else sleep,
            max_wait=limits.max_wait,
            run_deadline=limits.run_deadline,
            max_response_bytes=limits.max_response_bytes,
            max_pages=limits.max_pages,
        )

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _error(self, text: str) -> CommentError:
        return CommentError(one_line(self.redact(f"{self.service}: {text}")))

    def pages(self, url: str, what: str) -> Iterator[list[Any]]:
        """Each page of a paginated list, following `rel="next"` on the same host only.

        A server that links back to a page already read, or never stops, is cut off: the
        list is then unknown, so it is an error rather than a silently short list.
        """
        origin = urllib.parse.urlsplit(url)[:2]
        seen = {url}
        next_url: str | None = url
        count = 0
        while next_url is not None:
            count += 1
            response = self.request("GET", next_url)
            if not isinstance(response.body, list):
                raise self._error(f"unexpected answer: not a list of {what}")
            yield response.body
            next_url = next_link(response.headers)
            if next_url is None:
                return
            if urllib.parse.urlsplit(next_url)[:2] != origin:
                raise self._error("a pagination link points to another host; stopped")
            if next_url in seen:
                raise self._error(
                    f"the list of {what} links back to a page already read (page {count}); "
                    "stopped"
                )
            if count >= self._max_pages:
                raise self._error(
                    f"the list of {what} has more than {self._max_pages} pages; stopped "
                    "(FINOPS_GATE_MAX_PAGES raises the limit)"
                )
            seen.add(next_url)

    def _opener(self, deadline: Deadline) -> urllib.request.OpenerDirector:
        return urllib.request.build_opener(
            _BoundedHttp(deadline), _BoundedHttps(deadline), _SameHostRedirects()
        )

    def request(self, method: str, url: str, payload: Any = None) -> Response:
        data = None if payload is None else json.dumps(payload).encode()
        headers = dict(self._headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        where = f"{method} {urllib.parse.urlsplit(url).path}"
        failure = ""
        limit = self._max_response_bytes
        for attempt in range(1, self._attempts + 1):
            if self._run.remaining() <= 0:
                raise self._error(self._out_of_time(failure or f"no answer on {where}"))
            backoff = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
            wait: float = backoff
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            deadline = self._run.sooner(self._timeout)
            try:
                with self._opener(deadline).open(request) as answer:
                    answer_headers = _lower(answer.headers)
                    raw = read_limited(answer, limit, answer_headers)
                    return Response(answer.status, answer_headers, _parse_json(raw))
            except RefusedRedirect as redirect:
                raise self._error(
                    f"{redirect.code} {_reason(redirect.code)}: {where} was redirected to "
                    f"{_without_query(redirect.location)}, another host; redirect refused "
                    "(the token is only sent to the API address)"
                ) from None
            except TooLarge as too_large:
                raise self._error(
                    f"{too_large} on {where}, more than the {limit:,}-byte limit on one "
                    "answer; refused (FINOPS_GATE_MAX_RESPONSE_BYTES raises it)"
                ) from None
            except urllib.error.HTTPError as error:
                status = error.code
                answer_headers = _lower(error.headers)
                try:
                    body = _parse_json(read_limited(error, limit, answer_headers))
                except (TooLarge, OSError, http.client.HTTPException):
                    body = None
                error.close()
                message = _api_message(body)
                if status >= 500:
                    failure = f"{status} {_reason(status)} from {where}"
                    wait = retry_after_seconds(answer_headers) or backoff
                elif status == 429 or (status == 403 and _rate_limited(answer_headers, message)):
                    failure = f"rate limited ({status}) on {where}"
                    hinted = retry_after_seconds(answer_headers)
                    wait = max(backoff, RATE_LIMIT_MIN_WAIT) if hinted is None else hinted
                else:
                    text = str(self._error(_client_error(status, where, message)))
                    raise ApiError(text, status) from None
            except TimeoutError:
                failure = self._timed_out(deadline, where)
            except urllib.error.URLError as error:
                if isinstance(error.reason, TimeoutError):
                    failure = self._timed_out(deadline, where)
                else:
                    failure = f"cannot reach {_host(url)}: {_url_reason(error)}"
            except (ConnectionError, http.client.HTTPException) as error:
                failure = f"connection to {_host(url)} failed: {type(error).__name__}"
            if attempt == self._attempts:
                break
            if wait > self._max_wait:
                raise self._error(
                    f"{failure}; the server asks to wait {wait:.0f} s, giving up "
                    f"(the most we wait is {self._max_wait:g} s)"
                )
            if wait >= self._run.remaining():
                raise self._error(self._out_of_time(f"{failure}; a retry in {wait:.0f} s"))
            self._sleep(wait)
        raise self._error(f"{failure} (gave up after {self._attempts} attempts)")

    def _timed_out(self, deadline: Deadline, where: str) -> str:
        return f"timed out after {deadline.seconds:g} s on {where}"

    def _out_of_time(self, failure: str) -> str:
        return (
            f"{failure} would pass the {self._run.seconds:g}-second network deadline of this "
            "run; giving up (--network-deadline or FINOPS_GATE_NETWORK_DEADLINE raises it)"
        )


def _without_query(url: str) -> str:
    split = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit((split.scheme, split.netloc, split.path, "", ""))


def _host(url: str) -> str:
    return urllib.parse.urlsplit(url).netloc or url


def _url_reason(error: urllib.error.URLError) -> str:
    reason = error.reason
    if isinstance(reason, OSError) and reason.strerror:
        return str(reason.strerror)
    return str(reason)


def _reason(status: int) -> str:
    try:
        return http.HTTPStatus(status).phrase
    except ValueError:
        return "error"


def _api_message(body: Any) -> str:
    if isinstance(body, dict):
        message = body.get("message")
        if isinstance(message, str):
            return " ".join(message.split())
        if isinstance(message, list):  # GitLab sometimes answers a list of messages
            return "; ".join(str(m) for m in message)
        error = body.get("error")
        if isinstance(error, str):
            return " ".join(error.split())
    return ""


def _rate_limited(headers: Mapping[str, str], message: str) -> bool:
    return (
        "retry-after" in headers
        or headers.get("x-ratelimit-remaining") == "0"
        or "rate limit" in message.lower()
    )


def _client_error(status: int, where: str, message: str) -> str:
    detail = f": {message}" if message else ""
    if status == 401:
        return f"401 Unauthorized on {where}{detail}; the token is missing, expired or invalid"
    if status == 403:
        return (
            f"403 Forbidden on {where}{detail}; the token lacks permission "
            "(a workflow needs `permissions: pull-requests: write`)"
        )
    if status == 404:
        return (
            f"404 Not Found on {where}{detail}; check the repository and pull-request number, "
            "and that the token can see the repository"
        )
    return f"{status} {_reason(status)} on {where}{detail}"
