from __future__ import annotations

from collections.abc import Iterator

import pytest

from finops_gate.pricing.update import fetch
from tests.pricing_update.price_list import tree
from tests.pricing_update.server import PriceListServer

PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy", "no_proxy")


@pytest.fixture(autouse=True)
def no_proxy_and_quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runner's own proxy settings must not route 127.0.0.1; retries wait milliseconds."""
    for name in PROXY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.upper(), raising=False)
    monkeypatch.setattr(fetch, "BACKOFF_BASE", 0.001)


@pytest.fixture
def server() -> Iterator[PriceListServer]:
    running = PriceListServer(tree()).start()
    yield running
    running.stop()
