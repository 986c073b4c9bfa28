"""Download progress: one rewritten line on a terminal, nothing at all otherwise (CI logs)."""

from __future__ import annotations

import time
from typing import Protocol, TextIO

from finops_gate.errors import one_line


class Progress(Protocol):
    def start(self, label: str, total: int | None) -> None: ...

    def advance(self, count: int) -> None: ...

    def done(self) -> None: ...


class NoProgress:
    def start(self, label: str, total: int | None) -> None:
        pass

    def advance(self, count: int) -> None:
        pass

    def done(self) -> None:
        pass


def _size(count: int) -> str:
    if count < 1_000_000:
        return f"{count / 1000:,.1f} kB"
    return f"{count / 1_000_000:,.1f} MB"


class TerminalProgress:
    """`label [#####.....] 12.3 of 45.6 MB`, redrawn at most every `interval` seconds."""

    WIDTH = 24

    def __init__(self, stream: TextIO, interval: float = 0.2) -> None:
        self._stream = stream
        self._interval = interval
        self._label = ""
        self._total: int | None = None
        self._count = 0
        self._drawn = 0.0
        self._active = False

    def start(self, label: str, total: int | None) -> None:
        # The label holds region codes from the server's index: one printable line.
        self._label, self._total, self._count = one_line(label), total, 0
        self._active = True
        self._draw()

    def advance(self, count: int) -> None:
        self._count += count
        now = time.monotonic()
        if now - self._drawn >= self._interval:
            self._draw()

    def line(self) -> str:
        if self._total:
            filled = min(self.WIDTH, self.WIDTH * self._count // self._total)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            return f"{self._label} [{bar}] {_size(self._count)} of {_size(self._total)}"
        return f"{self._label} {_size(self._count)}"

    def _draw(self) -> None:
        self._drawn = time.monotonic()
        self._stream.write("\r\x1b[K" + self.line())
        self._stream.flush()

    def done(self) -> None:
        if self._active:
            self._draw()
            self._stream.write("\n")
            self._stream.flush()
            self._active = False
