"""One verdict over many projects: each project's JSON report data, added up.

A project's result is kept as the data of its JSON report (`report.json_report`), so a
run that evaluates projects itself and `merge`, which reads reports other jobs wrote,
build the same verdict from the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from finops_gate.cost.model import NotPriced, Totals, bound_of
from finops_gate.policy.findings import Finding, Verdict
from finops_gate.records import record

NOT_EVALUATED = "not evaluated"
_RANK = {Verdict.PASS: 0, Verdict.WARN: 1, Verdict.FAIL: 2}
_MISSING = {"exact": (False, False), "lower": (False, True), "upper": (True, False)}
# Actions whose resource exists after the change, and those that change nothing.
_NO_AFTER = frozenset({"delete", "forget"})
_UNCHANGED = frozenset({"no-op", "read"})


@record
class ProjectOutcome:
    """A project's JSON report data, or why it could not be evaluated."""

    name: str
    path: str  # POSIX, relative to the repository root
    environment: str | None = None
    data: Mapping[str, Any] | None = None  # report_data() of its report
    error: str | None = None  # set when it could not be evaluated
    # Tag key -> value -> sums, for cross-project budgets on tag groups
    tag_sums: Mapping[str, Mapping[str, Mapping[str, Any]]] | None = None
    sarif: Mapping[str, Any] | None = None  # sarif_data() of its report, when asked for
    junit: str | None = None  # its JUnit XML, when asked for
    warnings: tuple[str, ...] = ()  # about its input, printed once the run is done
    # The file SARIF results point at, relative to the repository root, when known
    artifact: str | None = None

    @property
    def evaluated(self) -> bool:
        return self.data is not None

    @property
    def verdict(self) -> Verdict | None:
        return None if self.data is None else Verdict(self.data["verdict"])

    @property
    def totals(self) -> Totals:
        return totals_of(self.data["totals"]) if self.data else Totals(0.0, 0.0)

    @property
    def findings(self) -> list[Mapping[str, Any]]:
        return list(self.data["findings"]) if self.data else []

    @property
    def changed_resources(self) -> list[Mapping[str, Any]]:
        """Resources the plan changes, biggest change first (as a one-project report)."""
        if not self.data:
            return []
        rows = [
            r
            for r in self.data["resources"]
            if r["action"] not in _UNCHANGED and r["status"] in ("priced", "price_not_found")
        ]
        return sorted(rows, key=_by_abs_delta)

    @property
    def recommendations(self) -> list[Mapping[str, Any]]:
        """Its savings suggestions, as its JSON report lists them (biggest first)."""
        return list(self.data.get("recommendations", ())) if self.data else []

    @property
    def potential_monthly_savings(self) -> float:
        if not self.data:
            return 0.0
        return float(self.data["totals"].get("potential_monthly_savings", 0.0))

    @property
    def unchanged(self) -> bool:
        """Nothing to read: no cost change, no changed resource, no finding, no savings
        suggestion."""
        return (
            self.evaluated
            and self.totals.monthly_cost_delta == 0
            and not self.changed_resources
            and not self.findings
            and not self.recommendations
        )

    def unpriced(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Addresses (`project:address`) missing a cost after the change: changed ones,
        then unchanged ones, as a budget counts them."""
        changed: list[str] = []
        unchanged: list[str] = []
        for r in self.data["resources"] if self.data else ():
            if missing_after(r):
                target = unchanged if r["action"] in _UNCHANGED else changed
                target.append(f"{self.name}:{r['address']}")
        return tuple(changed), tuple(unchanged)


def missing_after(resource: Mapping[str, Any]) -> bool:
    """A resource of a JSON report whose cost after the change is not fully known."""
    if resource["action"] in _NO_AFTER:
        return False
    status = resource["status"]
    if status in ("unsupported", "price_not_found"):
        return True
    if any(c.get("unknown") is not None for c in resource.get("components", [])):
        return True
    return status == "priced" and resource.get("monthly_cost_after") is None


def _by_abs_delta(resource: Mapping[str, Any]) -> tuple[float, str]:
    delta = resource.get("monthly_cost_delta")
    return (-abs(delta) if delta is not None else 1.0, str(resource["address"]))


def totals_of(data: Mapping[str, Any]) -> Totals:
    """The `totals` object of a JSON report as a Totals."""
    not_priced = data.get("not_priced", {})
    return Totals(
        float(data["monthly_cost_before"]),
        float(data["monthly_cost_after"]),
        NotPriced(
            int(not_priced.get("unsupported", 0)),
            int(not_priced.get("price_not_found", 0)),
            int(not_priced.get("unknown_components", 0)),
        ),
        int(data.get("unchanged_not_priced", 0)),
        bool(data.get("before_lower_bound", False)),
        bool(data.get("after_lower_bound", False)),
        data.get("delta_bound", "exact"),
    )


def add_totals(totals: Iterable[Totals]) -> Totals:
    before = after = 0.0
    unsupported = not_found = unknown = unchanged = 0
    before_lower = after_lower = missing_before = missing_after_ = False
    for total in totals:
        before += total.monthly_cost_before
        after += total.monthly_cost_after
        unsupported += total.not_priced.unsupported
        not_found += total.not_priced.price_not_found
        unknown += total.not_priced.unknown_components
        unchanged += total.unchanged_not_priced
        before_lower |= total.before_lower_bound
        after_lower |= total.after_lower_bound
        side_before, side_after = _MISSING.get(total.delta_bound, (True, True))
        missing_before |= side_before
        missing_after_ |= side_after
    return Totals(
        round(before, 2),
        round(after, 2),
        NotPriced(unsupported, not_found, unknown),
        unchanged,
        before_lower,
        after_lower,
        bound_of(missing_before, missing_after_),
    )


@record
class RunReport:
    """Every project of a run, sorted by name, and what is judged across them."""

    projects: tuple[ProjectOutcome, ...]
    budget_findings: tuple[Finding, ...] = ()
    budget_ids: tuple[str, ...] = ()
    policy_name: str = ""  # where cross-project budgets come from (config or --policy)

    @property
    def totals(self) -> Totals:
        return add_totals(p.totals for p in self.projects if p.evaluated)

    @property
    def recommendation_count(self) -> int:
        return sum(len(p.recommendations) for p in self.projects)

    @property
    def potential_monthly_savings(self) -> float:
        """The sum of every project's potential savings (suggestions without a dollar
        figure add nothing, as in a one-project report)."""
        return round(sum(p.potential_monthly_savings for p in self.projects), 2) + 0.0

    @property
    def savings_approximate(self) -> bool:
        return any(r.get("approximate") for p in self.projects for r in p.recommendations)

    @property
    def not_evaluated(self) -> list[ProjectOutcome]:
        return [p for p in self.projects if not p.evaluated]

    @property
    def verdict(self) -> Verdict:
        """The worst of the projects and the cross-project budgets; a project that could
        not be evaluated fails the run."""
        worst = Verdict.FAIL if self.not_evaluated else Verdict.PASS
        for project in self.projects:
            if project.verdict is not None and _RANK[project.verdict] > _RANK[worst]:
                worst = project.verdict
        for finding in self.budget_findings:
            level = Verdict.FAIL if finding.severity == "error" else Verdict.WARN
            if _RANK[level] > _RANK[worst]:
                worst = level
        return worst

    @property
    def by_delta(self) -> list[ProjectOutcome]:
        """Biggest cost change first; those not evaluated last; then by name."""
        return sorted(
            self.projects,
            key=lambda p: (
                not p.evaluated,
                -abs(p.totals.monthly_cost_delta),
                p.name,
            ),
        )
