"""`finops-gate merge`: combine the JSON reports of separate jobs into one verdict.

The command's options are declared here; its work is in `finops_gate.cli.projects`,
imported when the command runs, so the start-up of every other command does not pay for it
(about 2 ms).
"""

from __future__ import annotations

import click

from finops_gate.cli.common import CONTEXT
from finops_gate.options import Behavior, FailOn


@click.command("merge", context_settings=CONTEXT)
@click.argument("reports", metavar="REPORT.json...", nargs=-1, required=True)
@click.option(
    "--policy",
    metavar="FILE|NAME",
    default=None,
    help="A policy file whose `budget` policies are judged on the merged totals.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["table", "markdown", "json", "sarif", "junit"]),
    default="table",
    show_default=True,
    help="Report format.",
)
@click.option("--output", "-o", metavar="FILE", default=None, help="Write the report to FILE.")
@click.option(
    "--project-path",
    "project_paths",
    metavar="NAME=PATH",
    multiple=True,
    help="Where project NAME's plan JSON or directory is, from the repository root: "
    "its SARIF results point there. Repeatable.",
)
@click.option(
    "--fail-on",
    type=click.Choice([f.value for f in FailOn]),
    default=FailOn.ERROR.value,
    show_default=True,
    help="Exit 1 on an error finding, on any finding (warning), or never (report only).",
)
@click.option("--project", metavar="NAME", default=None, help="Names the sticky comment.")
@click.option(
    "--comment",
    type=click.Choice(["github", "gitlab"]),
    default=None,
    help="Post the one verdict on the pull request or merge request.",
)
@click.option(
    "--comment-behavior",
    type=click.Choice([b.value for b in Behavior]),
    default=Behavior.UPDATE.value,
    show_default=True,
)
@click.option("--pr", "pull_request", type=click.IntRange(min=1), metavar="NUMBER", default=None)
@click.option("--repo", "repository", metavar="OWNER/NAME", default=None)
@click.option(
    "--github-token",
    "--gitlab-token",
    "token",
    metavar="TOKEN",
    default=None,
    help="API token. Default: GITHUB_TOKEN or GITLAB_TOKEN.",
)
@click.option("--ignore-comment-errors", is_flag=True, default=False)
def merge_command(
    reports: tuple[str, ...],
    policy: str | None,
    output_format: str,
    output: str | None,
    project_paths: tuple[str, ...],
    fail_on: str,
    project: str | None,
    comment: str | None,
    comment_behavior: str,
    pull_request: int | None,
    repository: str | None,
    token: str | None,
    ignore_comment_errors: bool,
) -> None:
    """Combine JSON reports of separate jobs (`check --format json`) into one verdict.

    Each one-project report is a project named after its file (prod.json: prod).
    Budget policies of --policy are judged on the merged totals.
    """
    from finops_gate.cli.projects import merge_reports

    merge_reports(
        reports,
        policy,
        output_format,
        output,
        project_paths,
        fail_on,
        project,
        comment,
        comment_behavior,
        pull_request,
        repository,
        token,
        ignore_comment_errors,
    )
