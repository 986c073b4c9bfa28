"""HCL mode's notes stay readable on one line however large the configuration: quoted
text (a module source, a path, an expression in an error) is shortened in the middle
with "...", a text still too long keeps its start and its end (where a reason says
what to do), and a long list shows its first items and how many more there are. The
full detail is where the note points: the resource and the file and line it names."""

from __future__ import annotations

import re
from collections.abc import Sequence

LONGEST_QUOTED = 40  # characters of one quoted text, quotes included
LONGEST_TEXT = 200  # characters of one reason or address in a note
LISTED_ITEMS = 5  # items of a list in a note; the rest are counted
ELLIPSIS = "..."

_QUOTED = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"")


def _middle_cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    keep = max(limit - len(ELLIPSIS), 2)
    head = (keep + 1) // 2
    return text[:head] + ELLIPSIS + text[len(text) - (keep - head) :]


def shortened(text: str, limit: int = LONGEST_TEXT) -> str:
    """`text` on one line, its long quoted parts and then the whole cut in the middle."""
    text = " ".join(text.split())
    text = _QUOTED.sub(lambda quoted: _middle_cut(quoted.group(), LONGEST_QUOTED), text)
    return _middle_cut(text, limit)


def listing(items: Sequence[str], shown: int = LISTED_ITEMS) -> str:
    """The first `shown` items joined with "; ", then "and K more"."""
    more = len(items) - shown
    listed = "; ".join(items[:shown])
    return listed + (f"; and {more} more" if more > 0 else "")
