"""The plan-wide reference index lives in finops_gate/cost/plan_context.py; the names
estimators and other code import from finops_gate.cost.view stay importable there."""

from __future__ import annotations

from finops_gate.cost import plan_context, view


def test_view_reexports_the_plan_context() -> None:
    assert view.PlanContext is plan_context.PlanContext
    assert view.EMPTY_CONTEXT is plan_context.EMPTY_CONTEXT
    assert view.MAX_DEPTH == plan_context.MAX_DEPTH
