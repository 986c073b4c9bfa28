"""The GitHub and GitLab steps a gate run shares, whether it gates one plan (`check`) or
many projects (`--config`, `--recursive`, `merge`): appending to the files GitHub Actions
reads (step summary, step outputs) and posting the one sticky comment."""

from __future__ import annotations

from os import environ

import click

from finops_gate.errors import CommentError, OutputError, one_line
from finops_gate.options import Behavior
from finops_gate.records import record


def append_to(path: str | None, text: str, what: str) -> None:
    """Append to a file GitHub Actions reads (`what` names it in the error)."""
    if not path:
        return
    try:
        with open(path, "a", encoding="utf-8") as file:
            file.write(text)
    except OSError as error:
        raise OutputError(f"{path}: cannot write the {what}: {error.strerror}") from None


@record
class CommentTarget:
    """Where and how the sticky comment goes (the options of `--comment`)."""

    platform: str
    behavior: str
    token: str | None
    repository: str | None
    pull_request: int | None
    network_deadline: float | None
    ignore_errors: bool


def post_sticky_comment(markdown: str, target: CommentTarget) -> tuple[bool, str | None]:
    """Post or update the comment; (posted, its URL). A failure is one line on standard
    error, a warning with `--ignore-comment-errors`, else an error the caller turns into
    exit 2."""
    # Imported here: a run that posts nothing does not pay for the HTTP client.
    from finops_gate.integrations.publish import post_comment

    try:
        result = post_comment(
            markdown,
            target.platform,
            environ,
            behavior=Behavior(target.behavior),
            token=target.token,
            repository=target.repository,
            number=target.pull_request,
            network_deadline=target.network_deadline,
        )
    except CommentError as error:
        level = "warning" if target.ignore_errors else "error"
        click.echo(one_line(f"finops-gate: {level}: could not post the comment: {error}"), err=True)
        return False, None
    url = result.comment.url
    click.echo(one_line(f"finops-gate: comment {result.action}: {url}"), err=True)
    return True, url
