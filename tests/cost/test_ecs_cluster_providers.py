"""ECS services whose launch type the service does not set, on the `ecs_cluster_providers`
plan (made by terraform): a cluster with Fargate capacity providers and no default
strategy, and a service whose tasks come from a task set. Published us-east-1 Fargate
prices (aws.amazon.com/fargate/pricing): $0.04048 per vCPU-hour, $0.004445 per GB-hour."""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
VCPU_HOUR = 0.04048
GB_HOUR = 0.004445


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("ecs_cluster_providers")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def test_fargate_capacity_providers_without_strategy(costs: dict[str, ResourceCost]) -> None:
    """3 tasks x (1 vCPU x $0.04048 + 2 GB x $0.004445) x 730 h = $108.12."""
    api = costs["aws_ecs_service.api"]
    assert api.status == Status.PRICED
    assert api.monthly_cost_after == pytest.approx(3 * HOURS * (VCPU_HOUR + 2 * GB_HOUR))
    note = api.components[0].note
    assert note is not None
    assert "Fargate capacity providers of aws_ecs_cluster_capacity_providers.fargate_only" in note
    assert "would use EC2" in note


def test_task_definition_ec2_can_run_stays_on_ec2(costs: dict[str, ResourceCost]) -> None:
    dual = costs["aws_ecs_service.dual"]
    assert (dual.status, dual.monthly_cost_after) == (Status.FREE, 0.0)


def test_service_priced_from_its_task_set(costs: dict[str, ResourceCost]) -> None:
    """2 tasks x (2 vCPU x $0.04048 + 4 GB x $0.004445) x 730 h = $144.16."""
    batch = costs["aws_ecs_service.batch"]
    assert batch.status == Status.PRICED
    assert batch.monthly_cost_after == pytest.approx(2 * HOURS * (2 * VCPU_HOUR + 4 * GB_HOUR))
    assert costs["aws_ecs_task_set.batch"].status == Status.FREE
