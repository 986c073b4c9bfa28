"""`finops-gate policy validate|test`."""

from __future__ import annotations

import sys

import click

from finops_gate.cli.common import CONTEXT
from finops_gate.confine import outside_allowed
from finops_gate.errors import ExitCode, one_line


@click.group("policy", context_settings=CONTEXT)
def policy_group() -> None:
    """Check policy files: `validate FILE`, `test DIR`."""


_ALLOW_OUTSIDE_REPO = click.option(
    "--allow-outside-repo",
    is_flag=True,
    default=False,
    help="Read `extends:` policy files outside the repository too "
    "(also FINOPS_GATE_ALLOW_OUTSIDE_REPO=1). Default: refused.",
)


@policy_group.command("validate", context_settings=CONTEXT)
@click.argument("file", metavar="FILE")
@_ALLOW_OUTSIDE_REPO
def policy_validate_command(file: str, allow_outside_repo: bool) -> None:
    """Validate a policy file (with what it extends): exit 0 valid, 2 invalid."""
    from finops_gate.policy.loader import load_policy

    policy_file, path = load_policy(
        file, outside_allowed(allow_outside_repo), check_bundled=True
    )
    kinds = ", ".join(f"{p.id} ({p.kind}, {p.level})" for p in policy_file.policies)
    count = len(policy_file.policies)
    waivers = len(policy_file.waivers)
    line = f"{path}: valid: {count} policies: {kinds or 'none'}; {waivers} waiver(s)"
    click.echo(one_line(line))


@policy_group.command("test", context_settings=CONTEXT)
@click.argument("directory", metavar="DIR")
@click.option(
    "--policy",
    "policy",
    metavar="FILE|NAME",
    default=None,
    help="The policy under test. Default: DIR/policy.yml.",
)
@_ALLOW_OUTSIDE_REPO
def policy_test_command(directory: str, policy: str | None, allow_outside_repo: bool) -> None:
    """Run the plan fixtures in DIR against a policy and compare the findings with each
    case's expected.yml: exit 0 all pass, 1 a case failed, 2 could not run."""
    from finops_gate.pipeline import run_policy_tests

    results = run_policy_tests(directory, policy, outside_allowed(allow_outside_repo))
    for result in results:
        # Case names are directory names and problems quote policy ids and addresses
        # from the fixtures: one escaped line each, like every error message.
        click.echo(f"{'PASS' if result.passed else 'FAIL'} {one_line(result.name)}")
        for problem in result.problems:
            click.echo(f"    {one_line(problem)}")
    failed = sum(1 for r in results if not r.passed)
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    sys.exit(ExitCode.GATE_FAILED if failed else ExitCode.PASS)
