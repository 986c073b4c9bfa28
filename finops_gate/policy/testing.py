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

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.prices import load_price_table
from finops_gate.errors import PolicyError
from finops_gate.input_files import POLICY_LIMIT, decode_utf8, load_yaml, read_input_file
from finops_gate.plan import load_plan
from finops_gate.policy.engine import EvalOptions, evaluate_policies
from finops_gate.policy.findings import Finding, Override, verdict_of
from finops_gate.policy.loader import load_policy


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


@dataclass(frozen=True)
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


def _load_expected(path: Path) -> Expected:
    data = read_input_file(str(path), POLICY_LIMIT, PolicyError)
    raw = load_yaml(decode_utf8(data, str(path), "the file", PolicyError), str(path), PolicyError)
    try:
        return Expected.model_validate(raw or {})
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "top level"
        raise PolicyError(f"{path}: {where}: {first['msg']}") from None


def run_policy_tests(
    directory: str, policy: str | None = None, allow_outside_repo: bool = False
) -> list[CaseResult]:
    root = Path(directory)
    if not root.is_dir():
        raise PolicyError(f"{directory}: not a directory")
    if policy is None:
        if not (root / "policy.yml").is_file():
            raise PolicyError(f"{directory}: no policy.yml; pass --policy FILE|NAME")
        policy = str(root / "policy.yml")
    policy_file, _ = load_policy(policy, allow_outside_repo)
    cases = sorted(path.parent for path in root.glob("*/expected.yml"))
    if not cases:
        raise PolicyError(f"{directory}: no case folders with an expected.yml")
    prices = load_price_table()
    results: list[CaseResult] = []
    for case in cases:
        expected = _load_expected(case / "expected.yml")
        plan = load_plan(str(case / expected.plan))
        options = EvalOptions(
            overrides=tuple(Override(k, v) for k, v in sorted(expected.overrides.items())),
            environment=expected.environment,
            all_resources=expected.all_resources,
            today=expected.today,
        )
        estimate = estimate_plan(plan, prices, today=expected.today)
        result = evaluate_policies(policy_file, plan, estimate, options)
        problems = compare(expected.findings, result.findings, "finding")
        if expected.waived is not None:
            problems += compare(expected.waived, result.waived, "waived finding")
        verdict = verdict_of(result.findings).value
        if expected.verdict is not None and expected.verdict != verdict:
            problems.append(f"verdict {verdict}, expected {expected.verdict}")
        results.append(CaseResult(case.name, tuple(problems)))
    return results
