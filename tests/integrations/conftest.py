from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.integrations.fake_api import FakeApi

# Looks like a real token so a leak would be obvious in any output.
TOKEN = "ghp_SECRETtoken1234567890abcdefGHIJKLMN"


@pytest.fixture
def api() -> Iterator[FakeApi]:
    server = FakeApi(TOKEN).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def sleeps() -> list[float]:
    """Pass `sleeps.append` as the client's sleep: records waits instead of waiting."""
    return []


@pytest.fixture
def closed_port() -> int:
    """A local port nothing listens on (bound, then closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(autouse=True)
def _no_ci_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests decide the CI variables themselves, even when run inside a CI job."""
    for name in (
        "GITHUB_ACTIONS",
        "GITHUB_TOKEN",
        "GITHUB_REPOSITORY",
        "GITHUB_EVENT_PATH",
        "GITHUB_EVENT_NAME",
        "GITHUB_API_URL",
        "GITHUB_OUTPUT",
        "GITHUB_STEP_SUMMARY",
        "GITLAB_TOKEN",
        "CI_API_V4_URL",
        "CI_PROJECT_ID",
        "CI_MERGE_REQUEST_IID",
    ):
        monkeypatch.delenv(name, raising=False)
