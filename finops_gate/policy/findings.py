"""What a policy check reports."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Verdict(str, Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"


@dataclass(frozen=True, slots=True)
class Finding:
    policy_id: str
    severity: str  # "error" fails the gate, "warning" does not
    address: str | None  # None for plan-wide findings such as budgets
    message: str
    remediation: str = ""


def verdict_of(findings: list[Finding]) -> Verdict:
    severities = {finding.severity for finding in findings}
    if "error" in severities:
        return Verdict.FAIL
    if "warning" in severities:
        return Verdict.WARN
    return Verdict.PASS
