"""No secret from the environment ever reaches what the gate prints or writes.

Each case runs `finops-gate action` (or `check --comment github`) in a subprocess as a
GitHub workflow would: `GITHUB_TOKEN` set to a fake token, a fake secret in
`AWS_SECRET_ACCESS_KEY`, and `GITHUB_STEP_SUMMARY` / `GITHUB_OUTPUT` pointing at files.
The inputs try to pull the environment in: files that are links to `/proc/self/environ`
(the plan, a `.tf` file, `terraform.tfvars`, a var file, the policy, the usage file, the
price table), a policy that `extends:` it, HCL that reads it with `file()`, and a server
that echoes the token back. Neither secret, nor its URL-encoded or base64 forms, may appear
in standard output, standard error, the step summary or the step outputs.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest

from finops_gate.integrations.http import secret_forms
from tests.conftest import ROOT
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import Canned, FakeApi

ENVIRON = Path("/proc/self/environ")
PLAN = ROOT / "tests" / "fixtures" / "terraform" / "compute_us_east_1" / "plan.json"
# Random per run, so no fixture or golden file can hold it by chance.
AWS_SECRET = "wJalrXUtnFEMI/K7MDENG+" + secrets.token_hex(12)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not ENVIRON.exists(), reason="needs /proc/self/environ"),
]


def leaked_forms(secret: str) -> list[str]:
    """The secret verbatim, URL-encoded, and base64 at every alignment."""
    forms = {secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote_plus(secret)}
    forms.update(secret_forms(secret))
    forms.add(base64.b64encode(secret.encode()).decode().rstrip("="))
    return sorted(form for form in forms if len(form) >= 8)


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi(TOKEN).start()
    try:
        yield server
    finally:
        server.stop()


class Run:
    """One run of the CLI and everything it wrote."""

    def __init__(self, tmp_path: Path, args: list[str], inputs: dict[str, str]) -> None:
        summary, step_outputs = tmp_path / "summary.md", tmp_path / "outputs.txt"
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("GITHUB_", "GITLAB_", "CI_", "FINOPS_GATE_", "INPUT_", "AWS_"))
        }
        env.update(
            PYTHONPATH=str(ROOT),
            GITHUB_ACTIONS="true",
            GITHUB_TOKEN=TOKEN,
            AWS_SECRET_ACCESS_KEY=AWS_SECRET,
            GITHUB_STEP_SUMMARY=str(summary),
            GITHUB_OUTPUT=str(step_outputs),
            INPUT_COMMENT="false",
        )
        env.update(inputs)
        result = subprocess.run(
            [sys.executable, "-m", "finops_gate", *args],
            env=env,
            cwd=tmp_path,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=120,
            check=False,
        )
        self.code = result.returncode
        self.stderr = result.stderr
        self.texts = {
            "stdout": result.stdout,
            "stderr": result.stderr,
            "step summary": summary.read_text(errors="replace") if summary.exists() else "",
            "step outputs": step_outputs.read_text(errors="replace")
            if step_outputs.exists()
            else "",
        }

    def assert_no_secret(self) -> None:
        assert "Traceback" not in self.stderr, self.stderr
        assert self.code in (0, 1, 2), self.stderr
        for where, text in self.texts.items():
            for name, secret in (("token", TOKEN), ("AWS secret", AWS_SECRET)):
                for form in leaked_forms(secret):
                    assert form not in text, f"the {name} ({form!r}) is in the {where}"
            # The environment's own names give a dump away even when values are cut.
            assert "AWS_SECRET_ACCESS_KEY=" not in text, where


def action(tmp_path: Path, env: dict[str, str] | None = None, **inputs: str) -> Run:
    names = {f"INPUT_{name.upper()}": value for name, value in inputs.items()}
    return Run(tmp_path, ["action"], {**names, **(env or {})})


def link(path: Path) -> Path:
    path.symlink_to(ENVIRON)
    return path


def hcl_directory(tmp_path: Path, main: str = "") -> Path:
    directory = tmp_path / "infra"
    directory.mkdir()
    (directory / "main.tf").write_text(
        'provider "aws" { region = "us-east-1" }\n'
        + (main or 'resource "aws_instance" "web" { instance_type = "t3.micro" }\n'),
        encoding="utf-8",
    )
    return directory


# -- files that are links to the environment -----------------------------------------------


def test_a_plan_linked_to_the_environment(tmp_path: Path) -> None:
    run = action(tmp_path, plan=str(link(tmp_path / "plan.json")))
    assert run.code == 2
    run.assert_no_secret()


def test_a_plan_on_standard_input_from_the_environment() -> None:
    run_from_environ = subprocess.run(
        [sys.executable, "-m", "finops_gate", "-"],
        stdin=ENVIRON.open("rb"),
        env={**os.environ, "PYTHONPATH": str(ROOT), "AWS_SECRET_ACCESS_KEY": AWS_SECRET},
        capture_output=True,
        text=True,
        errors="replace",
        timeout=120,
        check=False,
    )
    assert run_from_environ.returncode == 2
    for form in leaked_forms(AWS_SECRET):
        assert form not in run_from_environ.stdout + run_from_environ.stderr


@pytest.mark.parametrize("name", ["main.tf", "secrets.tf", "terraform.tfvars", "x.auto.tfvars"])
def test_a_configuration_file_linked_to_the_environment(tmp_path: Path, name: str) -> None:
    directory = hcl_directory(tmp_path)
    target = directory / name
    if target.exists():
        target.unlink()
    link(target)
    run = action(tmp_path, plan=str(directory))
    run.assert_no_secret()


def test_a_var_file_that_is_the_environment(tmp_path: Path) -> None:
    directory = hcl_directory(tmp_path)
    run = action(tmp_path, plan=str(directory), args=f"--var-file {ENVIRON}")
    assert run.code == 2
    run.assert_no_secret()


@pytest.mark.parametrize("option", ["policy", "usage-file"])
def test_a_policy_or_usage_file_linked_to_the_environment(tmp_path: Path, option: str) -> None:
    run = action(
        tmp_path, plan=str(PLAN), **{option.replace("-", "_"): str(link(tmp_path / "f.yml"))}
    )
    assert run.code == 2
    run.assert_no_secret()


def test_a_price_table_linked_to_the_environment(tmp_path: Path) -> None:
    prices = link(tmp_path / "prices.json")
    run = action(tmp_path, plan=str(PLAN), args=f"--prices {prices}")
    assert run.code == 2
    run.assert_no_secret()


@pytest.mark.parametrize("target", [str(ENVIRON), "environ-link.yml"])
def test_a_policy_that_extends_the_environment(tmp_path: Path, target: str) -> None:
    link(tmp_path / "environ-link.yml")
    policy = tmp_path / "policy.yml"
    policy.write_text(f"version: 1\nextends: {json.dumps(target)}\n", encoding="utf-8")
    run = action(tmp_path, plan=str(PLAN), policy=str(policy))
    assert run.code == 2
    run.assert_no_secret()


@pytest.mark.parametrize(
    "expression",
    [
        'file("/proc/self/environ")',
        'file("${path.module}/environ")',
        'filebase64("/proc/self/environ")',
        'templatefile("/proc/self/environ", {})',
        'jsonencode(fileset("/proc/self", "*"))',
    ],
)
def test_hcl_that_reads_the_environment_into_a_tag(tmp_path: Path, expression: str) -> None:
    """Whatever a tag holds is quoted by the tag policy's findings."""
    directory = hcl_directory(
        tmp_path,
        'resource "aws_instance" "web" {\n  instance_type = "t3.micro"\n'
        f"  tags = {{ Environment = {expression} }}\n}}\n",
    )
    link(directory / "environ")
    run = action(tmp_path, plan=str(directory), policy="tagging", format="markdown")
    run.assert_no_secret()


# -- a server that echoes the token --------------------------------------------------------


ECHOES = {
    "verbatim": TOKEN,
    "url-encoded": urllib.parse.quote(TOKEN, safe=""),
    "base64": base64.b64encode(TOKEN.encode()).decode(),
    "base64-basic-auth": base64.b64encode(f"x-access-token:{TOKEN}".encode()).decode(),
}


COMMENT_ARGS = [str(ROOT / "examples" / "plan.json"), "--comment", "github"]


def api_run(
    api: FakeApi, tmp_path: Path, *args: str, token: str = TOKEN, deadline: str = "4"
) -> Run:
    return Run(
        tmp_path,
        [*COMMENT_ARGS, "--repo", api.repository, "--pr", "7", *args],
        {
            "GITHUB_API_URL": api.url,
            "GITHUB_TOKEN": token,
            "FINOPS_GATE_NETWORK_DEADLINE": deadline,
        },
    )


@pytest.mark.parametrize("echo", list(ECHOES.values()), ids=list(ECHOES))
@pytest.mark.parametrize(
    "answer",
    [
        lambda echo: Canned(422, body={"message": f"Validation failed for {echo}"}),
        lambda echo: Canned(401, body={"message": echo, "documentation_url": echo}),
        lambda echo: Canned(500, headers={"X-Echo": echo}, body={"errors": [{"message": echo}]}),
        lambda echo: Canned(302, headers={"Location": f"http://127.0.0.1:9/{echo}?t={echo}"}),
        lambda echo: Canned(200, body=[{"id": 1, "body": echo, "user": {"login": echo}}]),
    ],
    ids=["422", "401", "500", "redirect", "odd-list"],
)
def test_a_server_that_echoes_the_token(api: FakeApi, tmp_path: Path, echo: str, answer) -> None:  # type: ignore[no-untyped-def]
    api.canned = [answer(echo)] * 5
    run = api_run(api, tmp_path)
    run.assert_no_secret()


def test_a_comment_url_that_carries_the_token(api: FakeApi, tmp_path: Path) -> None:
    """The URL of the posted comment goes to stderr and the `comment-url` output."""
    for echo in ECHOES.values():
        api.canned = [
            Canned(200, body=[]),
            Canned(201, body={"id": 5, "html_url": f"https://github.example/c/{echo}", "body": ""}),
        ]
        run = api_run(api, tmp_path)
        run.assert_no_secret()


def test_the_action_with_a_server_that_echoes_the_token(api: FakeApi, tmp_path: Path) -> None:
    api.canned = [Canned(422, body={"message": f"bad {TOKEN} {ECHOES['base64']}"})]
    run = action(
        tmp_path,
        env={"GITHUB_API_URL": api.url},
        plan=str(ROOT / "examples" / "plan.json"),
        comment="true",
        github_token=TOKEN,
        args=f"--repo {api.repository} --pr 7",
    )
    assert run.code == 2
    assert "could not post the comment" in run.stderr
    run.assert_no_secret()


@pytest.mark.parametrize(
    "token",
    [TOKEN + "\n", TOKEN[:9] + "\n" + TOKEN[9:], TOKEN + "\x7f", f" {TOKEN}\u202e", TOKEN + "é"],
    ids=["trailing-newline", "inner-newline", "delete", "bidi", "non-ascii"],
)
def test_a_token_that_cannot_be_a_header(api: FakeApi, tmp_path: Path, token: str) -> None:
    run = api_run(api, tmp_path, token=token)
    run.assert_no_secret()


def test_a_server_that_is_not_there(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    run = Run(
        tmp_path,
        [str(ROOT / "examples" / "plan.json"), "--comment", "github", "--repo", "a/b", "--pr", "1"],
        {"GITHUB_API_URL": f"http://127.0.0.1:{port}/{TOKEN}", "FINOPS_GATE_NETWORK_DEADLINE": "4"},
    )
    assert run.code == 2
    run.assert_no_secret()


@pytest.mark.parametrize(
    "hostile",
    [
        lambda api: setattr(api, "pagination", "loop"),
        lambda api: api.canned.extend(
            [Canned(500, huge=80 * 1024 * 1024, declare_length=False)] * 5
        ),
        lambda api: api.canned.extend([Canned(429, headers={"Retry-After": TOKEN})] * 5),
    ],
    ids=["looping-pages", "huge-error-body", "token-as-retry-after"],
)
def test_network_limits_name_no_secret(api: FakeApi, tmp_path: Path, hostile) -> None:  # type: ignore[no-untyped-def]
    api.add_comment(7, "<!-- finops-gate -->\nold", "github-actions[bot]")
    hostile(api)
    run = api_run(api, tmp_path, "--comment-behavior", "update")
    assert run.code == 2
    run.assert_no_secret()


@pytest.mark.parametrize("echo", list(ECHOES.values()), ids=list(ECHOES))
def test_gitlab_that_echoes_the_token(api: FakeApi, tmp_path: Path, echo: str) -> None:
    api.canned = [Canned(400, body={"message": {"note": [f"bad {echo}"]}, "error": echo})]
    env = {
        "GITHUB_TOKEN": "",
        "GITLAB_TOKEN": TOKEN,
        "CI_API_V4_URL": f"{api.url}/api/v4",
        "CI_PROJECT_ID": "42",
        "CI_MERGE_REQUEST_IID": "3",
    }
    run = Run(tmp_path, [str(ROOT / "examples" / "plan.json"), "--comment", "gitlab"], env)
    assert run.code == 2
    run.assert_no_secret()
