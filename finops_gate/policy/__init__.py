"""Policies: required tags, instance-size guardrails, budgets."""
