"""Reading Terraform plans into typed resource records."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from finops_gate.plan.resource import Action, Plan, Resource

if TYPE_CHECKING:
    from finops_gate.plan.reader import load_plan, parse_plan_bytes

__all__ = ["Action", "Plan", "Resource", "load_plan", "parse_plan_bytes"]


def __getattr__(name: str) -> Any:
    # The JSON reader (and its pydantic models) loads on first use: HCL mode and the
    # pre-commit hook never need it.
    if name in ("load_plan", "parse_plan_bytes"):
        from finops_gate.plan import reader

        return getattr(reader, name)
    raise AttributeError(name)
