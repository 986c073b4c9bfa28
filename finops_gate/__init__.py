"""finops-gate: an offline cost-and-policy gate for Terraform plans."""

__version__ = "0.1.0"
