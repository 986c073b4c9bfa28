"""One error hierarchy; every user-facing failure is a subclass with a one-line message.

The CLI maps these to exit codes, so no layer decides how the process ends.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    PASS = 0
    GATE_FAILED = 1
    COULD_NOT_RUN = 2
    INTERNAL_ERROR = 3


class FinopsGateError(Exception):
    """Base for errors caused by input or environment: exit 2, one line, no traceback."""

    exit_code = ExitCode.COULD_NOT_RUN


class PlanError(FinopsGateError):
    """The plan file cannot be read as a `terraform show -json` plan."""


class PolicyError(FinopsGateError):
    """The policy file is missing or invalid."""


class PriceTableError(FinopsGateError):
    """The price table is missing or malformed."""


class OutputError(FinopsGateError):
    """The report could not be written."""


class CommentError(FinopsGateError):
    """The verdict could not be posted as a pull-request or merge-request comment."""
