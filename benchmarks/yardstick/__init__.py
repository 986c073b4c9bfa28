"""Infracost's AWS test cases as a yardstick for finops-gate (see docs/infracost-yardstick.md)."""
