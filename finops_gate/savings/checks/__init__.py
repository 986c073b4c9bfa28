"""One module per savings check (see finops_gate/savings/registry.py)."""
