"""What a policy check reports, and how enforcement, overrides and waivers decide the gate.

A check reports a finding with severity `error` when the policy's rule is broken and
`warning` for something to look at (a warn level, a value unknown until apply). Then the
engine applies the policy's enforcement level:

- `advisory`: an error becomes a warning (never fails the gate);
- `soft-mandatory`: an error fails unless the policy is overridden on the command line
  (`--override ID --reason TEXT`); an overridden error becomes a warning that records the
  reason;
- `hard-mandatory`: an error always fails.

A waiver in the policy file (policy id, address glob, reason, optional approver, expiry)
moves a matching finding out of the active list into the waived list; an expired waiver
no longer applies and the finding says so.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from enum import Enum

from finops_gate.records import record


class Verdict(str, Enum):
    PASS = "pass"
    WARN = "warn"
    FAIL = "fail"


@record(slots=True)
class Override:
    policy_id: str
    reason: str


@record(slots=True)
class WaiverRef:
    """The waiver that applies to (or has expired for) a finding."""

    policy_id: str
    address: str
    reason: str
    approver: str | None
    expires: date


@record(slots=True)
class Finding:
    policy_id: str
    severity: str  # "error" fails the gate, "warning" does not
    address: str | None  # None for plan-wide findings such as budgets
    message: str
    remediation: str = ""
    enforcement: str = "advisory"
    overridden: Override | None = None
    waiver: WaiverRef | None = None  # the waiver that waived it
    expired_waiver: WaiverRef | None = None  # a waiver that matched but has expired

    def with_(self, **changes: object) -> Finding:
        return replace(self, **changes)  # type: ignore[arg-type]

    def enforced(
        self, enforcement: str, severity: str | None = None, overridden: Override | None = None
    ) -> Finding:
        """This finding under an enforcement level (its severity and override, when they
        change). Built field by field: the engine enforces every finding of a large plan,
        and `with_` (`dataclasses.replace`) costs three times as much."""
        return Finding(
            self.policy_id,
            self.severity if severity is None else severity,
            self.address,
            self.message,
            self.remediation,
            enforcement,
            self.overridden if overridden is None else overridden,
            self.waiver,
            self.expired_waiver,
        )


@record(slots=True)
class PolicyResult:
    """Active findings decide the verdict; waived ones are listed apart."""

    findings: tuple[Finding, ...]
    waived: tuple[Finding, ...] = ()
    overrides: tuple[Override, ...] = ()
    expired_waivers: tuple[WaiverRef, ...] = ()
    enforcement: tuple[tuple[str, str], ...] = ()  # (policy id, level) of every policy
    # (policy id, the addresses it checked) of every policy about resources
    applied_to: tuple[tuple[str, tuple[str, ...]], ...] = ()


def verdict_of(findings: list[Finding] | tuple[Finding, ...]) -> Verdict:
    severities = {finding.severity for finding in findings}
    if "error" in severities:
        return Verdict.FAIL
    if "warning" in severities:
        return Verdict.WARN
    return Verdict.PASS
