"""EKS Fargate profiles: free themselves, their pods billed on Fargate; one pod of 1 vCPU and
1 GB all month is assumed, as Infracost shows it. Published us-east-1 prices
(aws.amazon.com/fargate/pricing): $0.04048 per vCPU-hour, $0.004445 per GB-hour;
EKS cluster (aws.amazon.com/eks/pricing): $0.10 per hour."""

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
EKS_HOUR = 0.10


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("eks_fargate")))
    return {cost.resource.address: cost for cost in estimate_plan(plan, prices).resources}


def test_fargate_profile_prices_one_assumed_pod(costs: dict[str, ResourceCost]) -> None:
    profile = costs["aws_eks_fargate_profile.apps"]
    assert profile.status == Status.PRICED
    assert [(c.price_key, c.monthly_quantity) for c in profile.components] == [
        ("fargate:vcpu:hour", HOURS),
        ("fargate:gb:hour", HOURS),
    ]
    assert all(c.note and "assumed" in c.note for c in profile.components)
    assert profile.monthly_cost_after == pytest.approx(HOURS * (VCPU_HOUR + GB_HOUR))


def test_cluster_is_priced_apart(costs: dict[str, ResourceCost]) -> None:
    assert costs["aws_eks_cluster.main"].monthly_cost_after == pytest.approx(HOURS * EKS_HOUR)
