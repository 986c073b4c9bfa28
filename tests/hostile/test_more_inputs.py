"""Cases of the hostile-input list that no other reproducer covered: a 50 MB `.tf` file,
the usage file's size cap, an HCL file name in an error message, a server message with
line breaks, and the length cap on a printed message (docs/security-tests.md maps every
case to its test)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from finops_gate.errors import MAX_MESSAGE_CHARS, one_line
from finops_gate.plan.hcl.files import MAX_SOURCE_BYTES
from tests.hostile.test_inputs import PLAN, assert_could_not_run, run_gate
from tests.integrations.conftest import TOKEN
from tests.integrations.fake_api import Canned, FakeApi

pytestmark = pytest.mark.slow


def test_a_50_mb_tf_file_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    huge = tmp_path / "main.tf"
    with huge.open("wb") as file:  # sparse: 50 MB to read, none of it on disk
        file.truncate(50 * 1024 * 1024)
    result = run_gate([str(tmp_path)])
    assert_could_not_run(
        result, "main.tf", f"larger than {MAX_SOURCE_BYTES}", "FINOPS_GATE_MAX_TF_BYTES"
    )


def test_the_tf_file_cap_can_be_raised_and_lowered(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "main.tf").write_text(
        'resource "aws_eip" "ip" {\n  domain = "vpc"\n}\n' + "# padding\n" * 20
    )
    lowered = run_gate([str(tmp_path)], {"FINOPS_GATE_MAX_TF_BYTES": "100"})
    assert_could_not_run(lowered, "main.tf", "larger than 100 bytes")
    raised = run_gate([str(tmp_path)], {"FINOPS_GATE_MAX_TF_BYTES": "1000"})
    assert raised.returncode in (0, 1), raised.stderr
    bad = run_gate([str(tmp_path)], {"FINOPS_GATE_MAX_TF_BYTES": "lots"})
    assert_could_not_run(bad, "FINOPS_GATE_MAX_TF_BYTES", "positive number of bytes")


def test_the_usage_file_size_cap(tmp_path: Path) -> None:
    usage = tmp_path / "usage.yml"
    usage.write_text("version: 0.1\nresource_usage: {}\n" + "# padding\n" * 20, encoding="utf-8")
    env = {"FINOPS_GATE_MAX_USAGE_BYTES": "100"}
    result = run_gate([str(PLAN), "--usage-file", str(usage)], env)
    assert_could_not_run(result, "usage.yml", "FINOPS_GATE_MAX_USAGE_BYTES")


def test_an_hcl_file_name_in_an_error_is_escaped(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "bad\n::error::x\u202e.tf").write_text('resource "a" {\n', encoding="utf-8")
    result = run_gate([str(tmp_path)])
    assert_could_not_run(result, "bad\\n::error::x\\u202e.tf")


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi(TOKEN).start()
    try:
        yield server
    finally:
        server.stop()


def test_a_server_message_with_line_breaks_is_one_line(api: FakeApi) -> None:
    api.canned = [Canned(422, body={"message": "no\n::error::injected\r\u202eevil"})]
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("GITHUB_", "GITLAB_", "CI_"))
    }
    env.update(GITHUB_TOKEN=TOKEN, GITHUB_API_URL=api.url)
    result = run_gate(
        [str(PLAN), "--comment", "github", "--repo", api.repository, "--pr", "7"], env
    )
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert not [line for line in lines if line.startswith("::")], lines
    assert len(lines) == 1 and "::error::injected \\u202eevil" in lines[0], lines


def test_a_long_message_keeps_its_two_ends_within_the_cap() -> None:
    text = "start " + "x\n" * 10_000 + " end"
    line = one_line(text)
    assert len(line) < MAX_MESSAGE_CHARS + 50
    assert line.startswith("start x\\n") and line.endswith("x\\n end")
    assert "characters]..." in line and "\n" not in line
