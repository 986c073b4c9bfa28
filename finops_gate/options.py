"""What a gate run is asked to do: the options of `check` as plain data. Kept free of the
pipeline's imports, so the command line can declare its options (and answer `--help`)
without loading pricing, policies and renderers."""

from __future__ import annotations

from datetime import date
from enum import Enum

from finops_gate.records import record


class OutputFormat(str, Enum):
    """The names of report.formats.FORMATS (a test keeps the two the same)."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"


class FailOn(str, Enum):
    """Which verdicts fail the gate (exit 1)."""

    ERROR = "error"  # a finding of severity error (the default)
    WARNING = "warning"  # any finding
    NEVER = "never"  # report only


class Behavior(str, Enum):
    """What posting the sticky comment does (`--comment-behavior`); declared here rather
    than with the comment code (finops_gate/integrations/comments.py, which uses it) so
    that declaring the option does not import that code."""

    UPDATE = "update"  # edit our earlier comment in place (or create the first one)
    NEW = "new"  # always add a new comment, leaving earlier ones
    DELETE_AND_NEW = "delete-and-new"  # delete our earlier comments, then add a new one


@record
class GateOptions:
    """Everything the gate needs from the command line (one field per option)."""

    plan: str
    policy: str | None = None
    output_format: OutputFormat = OutputFormat.TABLE
    overrides: tuple[tuple[str, str], ...] = ()  # (policy id, reason) per --override/--reason
    environment: str | None = None
    all_resources: bool = False
    today: date | None = None  # None: the clock (finops_gate.policy.clock)
    project: str | None = None  # names the sticky comment and the Markdown marker
    fail_on: FailOn = FailOn.ERROR
    comment: str | None = None  # "github" or "gitlab": post the verdict on the PR / MR
    comment_behavior: str = "update"  # update | new | delete-and-new
    pull_request: int | None = None  # PR / MR number; default from the CI environment
    repository: str | None = None  # OWNER/NAME (GitHub) or project id (GitLab)
    ignore_comment_errors: bool = False  # a failed post does not change the exit code
    network_deadline: float | None = None  # seconds for all API calls; None: environment/120
    # The API token is deliberately not a field (a repr would show it): cli.py hands it
    # straight to the comment poster.
    var_files: tuple[str, ...] = ()  # HCL mode (PLAN is a directory): --var-file
    variables: tuple[str, ...] = ()  # HCL mode: --var name=value
    base: str | None = None  # HCL mode: git ref priced as "before"
    # HCL mode: a `base` git cannot give (outside a repository, before the first commit)
    # prices everything as new, with a note, instead of failing (the pre-commit hook).
    base_optional: bool = False
    usage_file: str | None = None  # --usage-file: quantities for usage-based components
    strict_usage: bool = False  # --strict-usage: what the usage file says that is unused: exit 2
    prices: str | None = None  # --prices / FINOPS_GATE_PRICES: a table over the bundled one
    prices_only: bool = False  # --prices-only: that table alone, without the bundled one
    region: str | None = None  # --region: for providers nothing else gives a region
    config_dir: str | None = None  # --config-dir: .tf files the plan was made from
    # --allow-outside-repo: read `extends:` and local modules outside the repository
    allow_outside_repo: bool = False
