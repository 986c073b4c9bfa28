"""Evaluate many projects, in parallel processes or one after another, with the same
result either way.

The price table and every policy file are read once, in the parent, before the worker
processes start: with the `fork` start method the workers share the parent's parsed copy
instead of each reading and parsing its own; elsewhere they are handed over once per
worker, never once per project. Results come back in project order, whatever order the
workers finish in.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from finops_gate.errors import FinopsGateError
from finops_gate.options import GateOptions
from finops_gate.projects.model import ProjectOutcome
from finops_gate.records import record

if TYPE_CHECKING:
    from finops_gate.cost.prices import PriceLookup
    from finops_gate.policy.model import PolicyFile


class ProjectError(FinopsGateError):
    """A project could not be evaluated (and --keep-going was not given)."""


@record
class ProjectTask:
    name: str
    path: str  # POSIX, relative to the repository root: how reports name the project
    environment: str | None
    options: GateOptions  # `plan` is the project's plan JSON or directory
    tag_keys: tuple[str, ...] = ()  # tags whose sums cross-project budgets need
    sarif: bool = False
    junit: bool = False
    artifact: str = ""  # the file SARIF results point at, relative to the repository root


@record
class Shared:
    """What every project reads and no project should read again."""

    prices: tuple[PriceLookup, str] | None
    policies: dict[str | None, PolicyFile | FinopsGateError]


_shared: Shared | None = None


def _install(shared: Shared) -> None:
    global _shared
    _shared = shared


def load_shared(tasks: Sequence[ProjectTask]) -> Shared:
    """The price table and every policy the tasks name, each read once. A policy that
    cannot be read is kept as its error: the projects using it fail, not the run."""
    from finops_gate.pipeline import gate_prices
    from finops_gate.policy.loader import load_policy

    policies: dict[str | None, PolicyFile | FinopsGateError] = {}
    for task in tasks:
        key = task.options.policy
        if key in policies:
            continue
        try:
            policies[key] = load_policy(key, task.options.allow_outside_repo)[0]
        except FinopsGateError as error:
            policies[key] = error
    prices = gate_prices(tasks[0].options) if tasks else None
    return Shared(prices, policies)


def artifact_path(path: str, root: Path) -> str:
    """What SARIF points at: the plan JSON, or the directory's main .tf file."""
    target = root / path
    if target.is_dir():
        files = sorted(p.name for p in target.glob("*.tf"))
        if files:
            name = "main.tf" if "main.tf" in files else files[0]
            return f"{path}/{name}" if path != "." else name
    return path


def evaluate(task: ProjectTask) -> ProjectOutcome:
    """One project's report data, or the one-line reason it could not be evaluated."""
    from finops_gate.pipeline import build_gate_report
    from finops_gate.report.json_report import report_data

    shared = _shared
    warnings: list[str] = []
    outcome = ProjectOutcome(task.name, task.path, task.environment)
    try:
        policy: PolicyFile | None = None
        if shared is not None:
            loaded = shared.policies.get(task.options.policy)
            if isinstance(loaded, FinopsGateError):
                raise loaded
            policy = loaded
        report = build_gate_report(
            task.options,
            warnings.append,
            loaded_policy=policy,
            loaded_prices=shared.prices if shared is not None else None,
        )
    except FinopsGateError as error:
        return replace(outcome, error=str(error), warnings=tuple(warnings))
    extra: dict[str, Any] = {"artifact": task.artifact or None}
    if task.tag_keys:
        from finops_gate.projects.budgets import tag_sums_of

        extra["tag_sums"] = tag_sums_of(report.estimate, task.tag_keys)
    if task.sarif:
        from finops_gate.report.sarif import sarif_data

        rules = {rule.id: rule for rule in report.rules}
        extra["sarif"] = sarif_data(report, rules, task.artifact or task.path)
    if task.junit:
        from xml.etree import ElementTree as ET

        from finops_gate.report.junit import junit_tree

        tree = junit_tree(report, {rule.id: rule for rule in report.rules})
        extra["junit"] = ET.tostring(tree, encoding="unicode")
    return replace(outcome, data=report_data(report), warnings=tuple(warnings), **extra)


def default_jobs() -> int:
    return os.cpu_count() or 1


Progress = Callable[[int, int, str], None]  # (done, total, name of the project just done)


def run_tasks(
    tasks: Sequence[ProjectTask], jobs: int | None = None, progress: Progress | None = None
) -> list[ProjectOutcome]:
    """Every task's outcome, in the order of `tasks`; `progress` is told as each ends."""
    shared = load_shared(tasks)
    workers = min(jobs or default_jobs(), len(tasks))
    total = len(tasks)
    if workers <= 1:
        _install(shared)
        try:
            outcomes: list[ProjectOutcome] = []
            for task in tasks:
                outcomes.append(evaluate(task))
                if progress is not None:
                    progress(len(outcomes), total, task.name)
            return outcomes
        finally:
            _install_none()
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_install, initargs=(shared,)
    ) as pool:
        futures = [pool.submit(evaluate, task) for task in tasks]
        if progress is not None:
            names = {future: task.name for future, task in zip(futures, tasks, strict=True)}
            for done, future in enumerate(as_completed(futures), start=1):
                progress(done, total, names[future])
        return [future.result() for future in futures]


def _install_none() -> None:
    global _shared
    _shared = None
