"""Today's date, from one place, so waiver expiry is testable.

`FINOPS_GATE_TODAY=YYYY-MM-DD` pins the date (for reproducible CI runs and tests); the
pipeline also accepts an explicit date. Only waiver expiry depends on it.
"""

from __future__ import annotations

import os
from datetime import date

from finops_gate.errors import PolicyError

ENV_VAR = "FINOPS_GATE_TODAY"


def today() -> date:
    pinned = os.environ.get(ENV_VAR)
    if pinned:
        try:
            return date.fromisoformat(pinned)
        except ValueError:
            raise PolicyError(f"{ENV_VAR}={pinned!r} is not a date like 2026-01-31") from None
    return date.today()
