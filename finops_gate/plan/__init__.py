"""Reading Terraform plans into typed resource records."""

from finops_gate.plan.reader import load_plan, parse_plan_bytes
from finops_gate.plan.resource import Action, Plan, Resource

__all__ = ["Action", "Plan", "Resource", "load_plan", "parse_plan_bytes"]
