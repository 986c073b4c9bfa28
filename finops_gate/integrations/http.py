"""A small JSON-over-HTTP(S) client with retries, on the standard library only.

Retries with exponential backoff on 5xx answers, timeouts and connection failures, and on
rate limits (429, or 403 with `Retry-After` or an exhausted rate-limit quota), honouring
`Retry-After`. Every message it raises is one line and never contains a secret: the
secrets it was given are replaced with `***` in anything it says.
"""

from __future__ import annotations

import http.client
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from email.message import Message
from typing import Any

from finops_gate.errors import CommentError

DEFAULT_TIMEOUT = 30.0
DEFAULT_ATTEMPTS = 5
BACKOFF_BASE = 1.0
BACKOFF_CAP = 30.0
# A server asking us to wait longer than this is treated as a failure, not waited for.
MAX_WAIT = 120.0
# GitHub: after a secondary rate limit without `Retry-After`, wait at least a minute.
RATE_LIMIT_MIN_WAIT = 60.0


@dataclass(frozen=True)
class Response:
    status: int
    headers: Mapping[str, str]  # lower-case names
    body: Any  # parsed JSON, or None for an empty body


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
            return None
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
    ) -> None:
        self.service = service
        self._headers = dict(headers)
        self._secrets = tuple(s for s in secrets if s)
        self._timeout = timeout
        self._attempts = max(1, attempts)
        self._sleep = sleep
        self._max_wait = max_wait
        self._opener = urllib.request.build_opener(_SameHostRedirects())

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "***")
        return text

    def _error(self, text: str) -> CommentError:
        return CommentError(self.redact(f"{self.service}: {text}"))

    def request(self, method: str, url: str, payload: Any = None) -> Response:
        data = None if payload is None else json.dumps(payload).encode()
        headers = dict(self._headers)
        if data is not None:
            headers["Content-Type"] = "application/json"
        where = f"{method} {urllib.parse.urlsplit(url).path}"
        failure = ""
        for attempt in range(1, self._attempts + 1):
            backoff = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
            wait: float = backoff
            request = urllib.request.Request(url, data=data, headers=headers, method=method)
            try:
                with self._opener.open(request, timeout=self._timeout) as answer:
                    return Response(
                        answer.status, _lower(answer.headers), _parse_json(answer.read())
                    )
            except urllib.error.HTTPError as error:
                status = error.code
                answer_headers = _lower(error.headers)
                body = _parse_json(error.read() or b"")
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
                    raise self._error(_client_error(status, where, message)) from None
            except TimeoutError:
                failure = f"timed out after {self._timeout:g} s on {where}"
            except urllib.error.URLError as error:
                failure = f"cannot reach {_host(url)}: {_url_reason(error)}"
            except (ConnectionError, http.client.HTTPException) as error:
                failure = f"connection to {_host(url)} failed: {type(error).__name__}"
            if attempt == self._attempts:
                break
            if wait > self._max_wait:
                raise self._error(f"{failure}; the server asks to wait {wait:.0f} s, giving up")
            self._sleep(wait)
        raise self._error(f"{failure} (gave up after {self._attempts} attempts)")


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
