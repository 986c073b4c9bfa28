"""Savings checks: FinOps best practices priced in dollars.

Each check (one module under `checks/`, registered in `registry.py`) proposes a change
to a resource; `engine.recommend` re-prices the changed resource through the same
estimator and price table as the estimate and keeps the changes that cost less
(`Recommendation`). The policy kind `savings` (finops_gate/policy/savings.py) configures
the checks and fails the gate on those whose enforcement says so.
"""
