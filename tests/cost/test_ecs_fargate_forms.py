"""ECS services on Fargate in the other forms Terraform allows: through the cluster's default
capacity provider strategy, task sizes written "1 vCPU" / "2 GB", task definitions named by
family or family:revision. Published us-east-1 Fargate prices
(aws.amazon.com/fargate/pricing): $0.04048 per vCPU-hour, $0.004445 per GB-hour."""

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
    plan = load_plan(str(fixture_plan_path("ecs_fargate_forms")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def fargate(tasks: float, vcpu: float, gb: float) -> float:
    return tasks * HOURS * (vcpu * VCPU_HOUR + gb * GB_HOUR)


def test_cluster_default_strategy_and_sizes_in_words(costs: dict[str, ResourceCost]) -> None:
    """No launch type: the cluster's default strategy is FARGATE; "1 vCPU" / "2 GB"."""
    web = costs["aws_ecs_service.web"]
    assert web.status == Status.PRICED
    assert web.monthly_cost_after == pytest.approx(fargate(2, 1, 2))
    vcpu = web.components[0]
    assert vcpu.note is not None
    assert "aws_ecs_cluster_capacity_providers.fargate" in vcpu.note


def test_task_definition_by_family(costs: dict[str, ResourceCost]) -> None:
    assert costs["aws_ecs_service.worker_by_family"].monthly_cost_after == pytest.approx(
        fargate(3, 0.5, 1)
    )


def test_task_definition_by_literal_family_and_revision(
    costs: dict[str, ResourceCost],
) -> None:
    cost = costs["aws_ecs_service.worker_by_revision"]
    assert cost.monthly_cost_after == pytest.approx(fargate(1, 0.5, 1))
    note = cost.components[0].note
    assert note is not None and "'worker:1' names its family" in note


def test_cluster_without_capacity_providers_runs_on_ec2(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_ecs_service.on_ec2"]
    assert (cost.status, cost.monthly_cost_after) == (Status.FREE, 0.0)
