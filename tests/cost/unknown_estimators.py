"""Test helpers: a real estimator plus one component whose quantity is known only after
apply (as an estimator would emit for, say, RDS storage when allocated_storage is unknown)."""

from __future__ import annotations

import pytest

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.registry import ESTIMATORS, Estimator
from finops_gate.cost.view import AttributeView

WHY = "iops is known only after apply"


def with_unknown_component(real: Estimator) -> Estimator:
    def estimate(view: AttributeView) -> list[ComponentSpec]:
        unknown = ComponentSpec("Provisioned IOPS", "IOPS-month", "ebs:io1:iops", None, unknown=WHY)
        return [*real(view), unknown]

    return estimate


def add_unknown_component(monkeypatch: pytest.MonkeyPatch, resource_type: str) -> None:
    """Every resource of `resource_type` gets an unknown component on each side."""
    monkeypatch.setitem(
        ESTIMATORS, resource_type, with_unknown_component(ESTIMATORS[resource_type])
    )
