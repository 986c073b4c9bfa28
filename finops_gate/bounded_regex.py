"""Regular expressions from untrusted input, matched in bounded time.

Policy `pattern`s and `module_patterns`, and the HCL `regex`, `regexall` and `replace`
functions, all run here. A pattern RE2 accepts is matched by RE2 (`google-re2`), whose
time is linear in the text: `(a+)+$` cannot backtrack. A pattern only Python's engine
accepts (lookaround, backreferences, `\\Z`) is matched by `re` under a timer; past
`FINOPS_GATE_REGEX_TIMEOUT` seconds (default 1) the match fails with `RegexTimeout`.

The timer is a SIGALRM interval timer, which only the main thread can set; elsewhere a
fallback match runs without one (the CLI always matches in the main thread).
"""

from __future__ import annotations

import os
import re
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

DEFAULT_TIMEOUT = 1.0
TIMEOUT_VARIABLE = "FINOPS_GATE_REGEX_TIMEOUT"


class RegexTimeout(Exception):
    """A backtracking match ran past its time limit."""


def _quiet_options(ignore_case: bool) -> Any:
    import re2  # type: ignore[import-untyped]

    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr itself
    options.case_sensitive = not ignore_case
    return options


class BoundedPattern:
    """A compiled pattern with `re`'s interface for the operations the gate uses."""

    __slots__ = ("_compiled", "linear", "source")

    def __init__(self, source: str, ignore_case: bool = False) -> None:
        # RE2 is imported by the first pattern: most runs have none (about 2 ms).
        import re2

        self.source = source
        try:
            self._compiled: Any = re2.compile(source, _quiet_options(ignore_case))
            self.linear = True
        except re2.error:
            # Raises re.error when Python's engine cannot compile it either.
            self._compiled = re.compile(source, re.IGNORECASE if ignore_case else 0)
            self.linear = False

    @property
    def groups(self) -> int:
        return int(self._compiled.groups)

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self._compiled.groupindex)

    def fullmatch(self, text: str) -> Any:
        return self._run(lambda: self._compiled.fullmatch(text))

    def search(self, text: str) -> Any:
        return self._run(lambda: self._compiled.search(text))

    def finditer(self, text: str) -> list[Any]:
        return self._run(lambda: list(self._compiled.finditer(text)))  # type: ignore[no-any-return]

    def sub(self, replacement: str, text: str) -> str:
        return str(self._run(lambda: self._compiled.sub(replacement, text)))

    def _run(self, match: Callable[[], Any]) -> Any:
        if self.linear:
            return match()
        with _time_limit(self.source):
            return match()


@lru_cache(maxsize=1024)
def compile_bounded(source: str, ignore_case: bool = False) -> BoundedPattern:
    return BoundedPattern(source, ignore_case)


def timeout_seconds() -> float:
    text = os.environ.get(TIMEOUT_VARIABLE, "")
    try:
        value = float(text) if text else DEFAULT_TIMEOUT
    except ValueError:
        value = DEFAULT_TIMEOUT
    return value if 0 < value < 1e6 else DEFAULT_TIMEOUT


@contextmanager
def _time_limit(source: str) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    seconds = timeout_seconds()

    def expire(signum: int, frame: Any) -> None:
        raise RegexTimeout(
            f"the regular expression {source!r} took more than {seconds:g} s "
            f"({TIMEOUT_VARIABLE} raises the limit; a pattern without lookaround or "
            "backreferences runs in linear time)"
        )

    previous_handler = signal.signal(signal.SIGALRM, expire)
    previous_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous_handler)
        if previous_timer[0] > 0:
            signal.setitimer(signal.ITIMER_REAL, *previous_timer)
