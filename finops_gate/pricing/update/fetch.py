"""Downloads from the Price List endpoint: conditional, retried, length-checked, streamed.

* Conditional: the ETag and Last-Modified of the last download go back as If-None-Match
  and If-Modified-Since; a 304 answer means "reuse what you have".
* Retried: 5xx and 429 answers, timeouts, dropped connections and short bodies, a few
  times with exponential backoff (a `Retry-After` is honoured up to a maximum). Other 4xx
  answers fail at once.
* Length-checked: a body shorter than its declared Content-Length is a failure, never a
  silently short file (http.client itself just stops at the early end).
* Streamed: the body is handed to a consumer as a binary stream while it arrives.
* Bounded: every receive ends within the idle timeout and the whole run within its deadline
  (`finops_gate.integrations.http`'s deadline sockets); redirects stay on http(s).
* Proxies: urllib's `ProxyHandler` reads HTTP_PROXY, HTTPS_PROXY and NO_PROXY (any case)
  from the environment; HTTPS goes through the proxy as a CONNECT tunnel.
"""

from __future__ import annotations

import http.client
import io
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from typing import IO, Any, Generic, TypeVar

from finops_gate import __version__
from finops_gate.errors import FinopsGateError
from finops_gate.integrations.http import Deadline, bounded_handlers, retry_after_seconds
from finops_gate.pricing.update.progress import Progress
from finops_gate.records import record

T = TypeVar("T")

ATTEMPTS = 4
BACKOFF_BASE = 1.0
BACKOFF_CAP = 30.0
MAX_WAIT = 120.0
IDLE_TIMEOUT = 60.0
# All regions of the default services are several GB from AWS: hours on a slow link.
RUN_DEADLINE = 4 * 3600.0


class DownloadError(FinopsGateError):
    """A Price List file could not be downloaded (after the retries, where they apply)."""


class NotFound(DownloadError):
    """The endpoint has no such file (404)."""


class _ShortBody(Exception):
    """The connection ended before the declared Content-Length."""


@record
class Validators:
    """What a server said identifies the version of a file it sent."""

    etag: str = ""
    last_modified: str = ""

    def headers(self) -> dict[str, str]:
        headers = {}
        if self.etag:
            headers["If-None-Match"] = self.etag
        if self.last_modified:
            headers["If-Modified-Since"] = self.last_modified
        return headers


@record
class Fetched(Generic[T]):
    value: T
    validators: Validators
    size: int  # bytes received


class _IdleDeadline(Deadline):
    """Each receive waits at most `idle` seconds, and never past the run's deadline."""

    def __init__(self, run: Deadline, idle: float) -> None:
        super().__init__(idle)
        self._run = run

    def remaining(self) -> float:
        return min(self._run.remaining(), self.seconds)


class _CountedBody(io.RawIOBase):
    """The response body, counted against its declared length as it is read."""

    def __init__(self, response: Any, declared: int | None, progress: Progress) -> None:
        super().__init__()
        self._response = response
        self._declared = declared
        self._progress = progress
        self.received = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count: int = self._response.readinto(buffer)
        declared = self._declared
        if count == 0 and len(buffer) and declared is not None and self.received != declared:
            raise _ShortBody(f"received {self.received:,} of the {self._declared:,} bytes declared")
        self.received += count
        self._progress.advance(count)
        return count

    def drain(self) -> None:
        """Read (and check) what the consumer left; it may have closed this stream."""
        buffer = bytearray(256 * 1024)
        while self.readinto(buffer):
            pass


class _WebRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) addresses only (urllib would also follow ftp://)."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: Any,
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urllib.parse.urlsplit(newurl).scheme not in ("http", "https"):
            raise DownloadError(f"{req.full_url}: redirected to {newurl!r}, not http(s)")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _declared_length(headers: Any) -> int | None:
    text = (headers.get("Content-Length") or "").strip()
    return int(text) if text.isdigit() else None


class Downloader:
    def __init__(
        self,
        progress: Progress,
        *,
        idle_timeout: float = IDLE_TIMEOUT,
        run_deadline: float = RUN_DEADLINE,
        attempts: int = ATTEMPTS,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._progress = progress
        self._idle = idle_timeout
        self._run = Deadline(run_deadline)
        self._attempts = max(1, attempts)
        self._sleep = sleep
        self.downloaded = 0  # files received whole
        self.not_modified = 0

    def _opener(self) -> urllib.request.OpenerDirector:
        deadline = _IdleDeadline(self._run, self._idle)
        return urllib.request.build_opener(*bounded_handlers(deadline), _WebRedirects())

    def get(
        self,
        url: str,
        validators: Validators | None,
        consume: Callable[[IO[bytes]], T],
        label: str,
    ) -> Fetched[T] | None:
        """`consume(body)` of the file at `url`, or None when the server answers 304 Not
        Modified to the `validators` of the copy already consumed."""
        headers = {"User-Agent": f"finops-gate/{__version__}"}
        if validators is not None:
            headers.update(validators.headers())
        failure = ""
        for attempt in range(1, self._attempts + 1):
            wait = min(BACKOFF_CAP, BACKOFF_BASE * 2 ** (attempt - 1))
            if self._run.remaining() <= 0:
                break
            try:
                return self._get_once(url, headers, consume, label)
            except urllib.error.HTTPError as error:
                error.close()
                if error.code == 304:
                    self.not_modified += 1
                    return None
                if error.code == 404:
                    raise NotFound(f"{url}: 404 Not Found") from None
                failure = f"{url}: {error.code} {error.reason}"
                if error.code < 500 and error.code != 429:
                    raise DownloadError(failure) from None
                hinted = retry_after_seconds({k.lower(): v for k, v in error.headers.items()})
                wait = wait if hinted is None else hinted
            except _ShortBody as short:
                failure = f"{url}: truncated download: {short}"
            except urllib.error.URLError as error:
                failure = f"{url}: cannot connect: {error.reason}"
            except (TimeoutError, ConnectionError, http.client.HTTPException) as error:
                failure = f"{url}: connection failed: {type(error).__name__} {error}".rstrip()
            finally:
                self._progress.done()
            if attempt == self._attempts:
                break
            if wait > MAX_WAIT or wait >= self._run.remaining():
                failure += f"; a retry would wait {wait:.0f} s"
                break
            self._sleep(wait)
        raise DownloadError(
            f"{failure or url + ': network deadline reached'} "
            f"(gave up after {attempt} attempt{'s' if attempt > 1 else ''})"
        )

    def _get_once(
        self, url: str, headers: dict[str, str], consume: Callable[[IO[bytes]], T], label: str
    ) -> Fetched[T]:
        request = urllib.request.Request(url, headers=headers)
        with self._opener().open(request) as response:
            declared = _declared_length(response.headers)
            self._progress.start(label, declared)
            body = _CountedBody(response, declared, self._progress)
            value = consume(io.BufferedReader(body, buffer_size=256 * 1024))
            body.drain()  # a consumer that stopped early still has the whole body checked
            self.downloaded += 1
            validators = Validators(
                response.headers.get("ETag", "") or "",
                response.headers.get("Last-Modified", "") or "",
            )
            return Fetched(value, validators, body.received)
