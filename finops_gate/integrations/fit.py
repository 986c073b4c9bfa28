"""Shorten a rendered Markdown verdict to fit a comment-size limit (a pure function).

The least important parts go first, and a note says what was left out:

1. the collapsed lists, last first: not supported, free, usage-based, unchanged resources;
2. the collapsed cost breakdown of changed resources;
3. rows of the savings table, smallest saving first, down to the five biggest; rows of
   the cost-changes table, smallest change first (the table is sorted by size), down to
   the five biggest; then policy findings, last first, down to five;
4. then the rest of all three;
5. as a last resort, the text is cut at a line boundary.

The verdict line, totals and summary always stay.
"""

from __future__ import annotations

import re
from dataclasses import field

from finops_gate.records import record

GITHUB_COMMENT_LIMIT = 65_536
BREAKDOWN_TITLE = "Cost breakdown of changed resources"
KEEP_AT_LEAST = 5  # rows of the cost table and findings kept before the other is cut
_TABLES = {"### Cost changes": "changes", "### Savings": "savings"}  # heading -> part kind
_DETAILS = re.compile(r"^<details><summary>(?P<title>.*)</summary>$")


@record(frozen=False)
class _Part:
    kind: str  # "text", "details", "changes", "savings" or "findings"
    lines: list[str]
    title: str = ""
    removed: bool = False
    dropped_rows: int = 0
    rows: list[int] = field(default_factory=list)  # indexes of droppable lines


def _split(markdown: str) -> list[_Part]:
    lines = markdown.split("\n")
    parts: list[_Part] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        match = _DETAILS.match(line)
        if match:
            end = i
            while end < len(lines) and lines[end] != "</details>":
                end += 1
            parts.append(_Part("details", lines[i : end + 1], title=match["title"]))
            i = end + 1
            continue
        if line in _TABLES:
            end = i + 1
            while end < len(lines) and (lines[end] == "" or lines[end].startswith("|")):
                if lines[end] == "" and end > i + 2:
                    break
                end += 1
            block = lines[i:end]
            rows = [n for n, text in enumerate(block) if text.startswith("| <code>")]
            parts.append(_Part(_TABLES[line], block, rows=rows))
            i = end
            continue
        if line == "### Policy findings":
            end = i + 1
            while end < len(lines) and not (
                lines[end].startswith("<details>")
                or lines[end].startswith("<sub>")
                or lines[end] in _TABLES
            ):
                end += 1
            block = lines[i:end]
            rows = [n for n, text in enumerate(block) if text.startswith("- ")]
            parts.append(_Part("findings", block, rows=rows))
            i = end
            continue
        if parts and parts[-1].kind == "text":
            parts[-1].lines.append(line)
        else:
            parts.append(_Part("text", [line]))
        i += 1
    return parts


def _trimmed_lines(part: _Part, keep: int) -> list[str]:
    """The part with only the first `keep` droppable rows, and a line saying how many went."""
    drop = set(part.rows[keep:])
    lines = [text for n, text in enumerate(part.lines) if n not in drop]
    dropped = len(drop)
    if not dropped:
        return lines
    if part.kind in _TABLES.values():
        # Every line before the first dropped row is kept, so its index is unchanged.
        cells = " |" * (part.lines[part.rows[0]].count("|") - 2)
        lines.insert(part.rows[keep], f"| … {dropped} more not shown |{cells}")
    else:
        # Drop policy headings left without findings, then say how many findings went.
        kept: list[str] = []
        for n, text in enumerate(lines):
            if text.startswith("**") and not any(
                later.startswith("- ") for later in _until_next_heading(lines, n + 1)
            ):
                continue
            kept.append(text)
        lines = _collapse_blanks(kept)
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", f"- … {dropped} more not shown", ""]
    return lines


def _until_next_heading(lines: list[str], start: int) -> list[str]:
    out: list[str] = []
    for text in lines[start:]:
        if text.startswith("**"):
            break
        out.append(text)
    return out


def _collapse_blanks(lines: list[str]) -> list[str]:
    out: list[str] = []
    for text in lines:
        if text == "" and len(out) >= 2 and out[-1] == "" and out[-2] == "":
            continue
        out.append(text)
    return out


def _note(cut: list[str], limit: int) -> str:
    return (
        f"> ✂️ Shortened to fit the {limit:,}-character comment limit; left out: "
        + "; ".join(cut)
        + ". The full verdict is in the job summary and in `--format json`."
    )


def _join(parts: list[_Part], note: str | None, keeps: dict[int, int]) -> str:
    lines: list[str] = []
    for index, part in enumerate(parts):
        if part.removed:
            continue
        if index in keeps:
            lines.extend(_trimmed_lines(part, keeps[index]))
        else:
            lines.extend(part.lines)
    if note is not None:
        footer = next(
            (n for n in range(len(lines) - 1, -1, -1) if lines[n].startswith("<sub>")),
            len(lines),
        )
        lines[footer:footer] = [note, ""]
    text = "\n".join(_collapse_blanks(lines))
    return re.sub(r"\n{3,}", "\n\n", text)


def fit_comment(markdown: str, limit: int = GITHUB_COMMENT_LIMIT) -> str:
    """`markdown` unchanged when it fits in `limit` characters, else a shortened copy."""
    if len(markdown) <= limit:
        return markdown
    parts = _split(markdown)
    cut: list[str] = []
    keeps: dict[int, int] = {}

    def render() -> str:
        return _join(parts, _note(cut, limit), keeps)

    details = [p for p in parts if p.kind == "details"]
    breakdown = [p for p in details if p.title == BREAKDOWN_TITLE]
    others = [p for p in details if p.title != BREAKDOWN_TITLE]
    for part in [*reversed(others), *breakdown]:
        part.removed = True
        cut.append(f"the list “{part.title}”")
        text = render()
        if len(text) <= limit:
            return text
    labels = {
        "savings": "some savings suggestions",
        "changes": "some cost-change rows",
        "findings": "some findings",
    }
    # Keep the biggest cost changes and the first findings as long as possible.
    for kind, floor in (
        ("savings", KEEP_AT_LEAST),
        ("changes", KEEP_AT_LEAST),
        ("findings", KEEP_AT_LEAST),
        ("savings", 0),
        ("changes", 0),
        ("findings", 0),
    ):
        for index, part in enumerate(parts):
            current = keeps.get(index, len(part.rows))
            if part.kind != kind or current <= floor:
                continue
            if labels[kind] not in cut:
                cut.append(labels[kind])
            low, high = floor, current  # find the most rows that fit
            while low < high:
                middle = (low + high + 1) // 2
                keeps[index] = middle
                if len(render()) <= limit:
                    low = middle
                else:
                    high = middle - 1
            keeps[index] = low
            text = render()
            if len(text) <= limit:
                return text
    cut.append("the end of the report")
    text = render()
    note = _note(cut, limit)
    budget = limit - len(note) - 2
    head = text[:budget]
    head = head[: head.rfind("\n") + 1] if "\n" in head else head
    return head + "\n" + note + "\n"
