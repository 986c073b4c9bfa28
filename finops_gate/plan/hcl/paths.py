"""Terraform's filesystem path functions on strings: `basename`, `dirname`, `abspath`,
`pathexpand` (Go's path/filepath semantics on a POSIX system; nothing is read)."""

from __future__ import annotations

from typing import Any

from finops_gate.plan.hcl.values import Unknown, to_string


def go_clean(path: str) -> str:
    """Go's filepath.Clean: the shortest equivalent path, lexically."""
    if path == "":
        return "."
    rooted = path.startswith("/")
    parts: list[str] = []
    for segment in path.split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if parts and parts[-1] != "..":
                parts.pop()
            elif not rooted:
                parts.append("..")
            continue
        parts.append(segment)
    joined = "/".join(parts)
    if rooted:
        return "/" + joined
    return joined or "."


def basename(path: Any) -> str:
    text = to_string(path).rstrip("/")
    if to_string(path) == "":
        return "."
    if text == "":
        return "/"
    return text.rsplit("/", 1)[-1]


def dirname(path: Any) -> str:
    text = to_string(path)
    cut = text.rfind("/")
    return go_clean(text[: cut + 1])


def abspath_from(cwd: str) -> Any:
    """`abspath` as terraform run in `cwd` computes it."""

    def abspath(path: Any) -> str:
        text = to_string(path)
        return go_clean(text if text.startswith("/") else f"{cwd}/{text}")

    return abspath


def pathexpand(path: Any) -> Any:
    text = to_string(path)
    if text == "~" or text.startswith("~/"):
        # The home directory of whoever runs the gate is not the configuration's business
        # and would make the output differ from machine to machine.
        return Unknown(f"pathexpand({text!r}) depends on the home directory; not evaluated")
    return text
