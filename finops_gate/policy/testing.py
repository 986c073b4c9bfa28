"""`finops-gate policy test DIR`: check a policy against plan fixtures, like `conftest verify`.

Layout::

    DIR/
      policy.yml              # the policy under test (or pass --policy FILE|NAME)
      <case>/                 # one folder per case, run in name order
        plan.json             # `terraform show -json` output
        expected.yml          # what the policy must report for it

`expected.yml`::

    plan: plan.json           # optional: the plan, relative to the case folder
    environment: dev          # optional: as --environment
    all_resources: false      # optional: as --all-resources
    today: 2026-06-01         # optional: the date waivers are compared with
    overrides: {budget: "approved in JIRA-1"}   # optional: as --override ID --reason TEXT
    verdict: fail             # optional: pass, warn or fail
    findings:                 # exactly these active findings, in any order
      - policy: required-tags
        address: aws_instance.web   # omit for plan-wide findings (budgets)
        severity: error             # optional: error or warning
        message: missing required   # optional: a part of the message
    waived:                   # optional: when given, exactly these waived findings
      - {policy: required-tags, address: aws_instance.legacy}

A case passes when every expected finding matches one actual finding and no actual
finding is left over.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from finops_gate.errors import PolicyError
from finops_gate.input_files import POLICY_LIMIT, decode_utf8, load_yaml, read_input_file
from finops_gate.policy.findings import Finding
from finops_gate.records import record


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ExpectedFinding(_Strict):
    policy: str
    address: str | None = None
    severity: Literal["error", "warning"] | None = None
    message: str | None = None

    def matches(self, finding: Finding) -> bool:
        return (
            self.policy == finding.policy_id
            and self.address == finding.address
            and (self.severity is None or self.severity == finding.severity)
            and (self.message is None or self.message in finding.message)
        )

    def describe(self) -> str:
        parts = [self.policy, self.address or "(plan-wide)"]
        if self.severity:
            parts.append(self.severity)
        if self.message:
            parts.append(repr(self.message))
        return " ".join(parts)


class Expected(_Strict):
    description: str = ""
    plan: str = "plan.json"
    environment: str | None = None
    all_resources: bool = False
    today: date | None = None
    overrides: dict[str, str] = Field(default_factory=dict)
    verdict: Literal["pass", "warn", "fail"] | None = None
    findings: list[ExpectedFinding] = Field(default_factory=list)
    waived: list[ExpectedFinding] | None = None


@record
class CaseResult:
    name: str
    problems: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.problems


def _describe(finding: Finding) -> str:
    where = finding.address or "(plan-wide)"
    return f"{finding.policy_id} {where} {finding.severity}: {finding.message}"


def compare(
    expected: list[ExpectedFinding], actual: list[Finding] | tuple[Finding, ...], label: str
) -> list[str]:
    left = list(actual)
    problems: list[str] = []
    for item in expected:
        match = next((f for f in left if item.matches(f)), None)
        if match is None:
            problems.append(f"missing {label}: {item.describe()}")
        else:
            left.remove(match)
    problems += [f"unexpected {label}: {_describe(f)}" for f in left]
    return problems


def load_expected(path: Path) -> Expected:
    data = read_input_file(str(path), POLICY_LIMIT, PolicyError)
    raw = load_yaml(decode_utf8(data, str(path), "the file", PolicyError), str(path), PolicyError)
    try:
        return Expected.model_validate(raw or {})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise PolicyError(f"{path}: {where}: {first['msg']}") from None
