"""Post the Markdown verdict as a sticky pull-request (GitHub) or merge-request (GitLab) comment."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from finops_gate.integrations import github, gitlab
from finops_gate.integrations.comments import Behavior, CommentStore, PostResult, post_sticky
from finops_gate.integrations.fit import GITHUB_COMMENT_LIMIT, fit_comment
from finops_gate.integrations.http import HttpClient, NetworkLimits

GITLAB_NOTE_LIMIT = 1_000_000
PLATFORMS = ("github", "gitlab")


def post_comment(
    markdown: str,
    platform: str,
    env: Mapping[str, str],
    *,
    behavior: Behavior = Behavior.UPDATE,
    token: str | None = None,
    repository: str | None = None,
    number: int | None = None,
    sleep: Callable[[float], None] | None = None,
    network_deadline: float | None = None,
) -> PostResult:
    """Fit `markdown` to the platform's limit and post it; CommentError on any failure.

    `network_deadline` (seconds, from --network-deadline) wins over the environment's."""
    store: CommentStore
    client: HttpClient
    limits = NetworkLimits.from_env(env)
    if network_deadline is not None:
        limits = replace(limits, run_deadline=network_deadline)
    author = env.get(github.AUTHOR_VARIABLE, "").strip()
    if platform == "github":
        target = github.resolve_target(env, token=token, repository=repository, number=number)
        client = github.github_client(target, sleep=sleep, limits=limits)
        store = github.GitHubComments(target, client, author or None)
        limit = GITHUB_COMMENT_LIMIT
    elif platform == "gitlab":
        lab = gitlab.resolve_target(env, token=token, project=repository, number=number)
        client = gitlab.gitlab_client(lab, sleep=sleep, limits=limits)
        store = gitlab.GitLabNotes(lab, client, author or None)
        limit = GITLAB_NOTE_LIMIT
    else:
        raise ValueError(f"unknown platform {platform!r}")
    result = post_sticky(store, fit_comment(markdown, limit), behavior)
    # The comment's address comes from the server, which may have put the token in it;
    # it is printed and written to the step outputs.
    url = client.redact(result.comment.url)
    return replace(result, comment=replace(result.comment, url=url))
