"""EBS snapshot copies on the `snapshot_copies` plan (made by terraform), against published
prices: a copy is stored as a full snapshot in its own region.

Snapshot storage is 0.05 USD per GB-month in us-east-1 and eu-west-1
(https://aws.amazon.com/ebs/pricing/; ../shared/price-sources/
aws-pricing-page-ec2shop-2025-04-05/ebs_mq_msk_redshift_by_region.csv, "Backup SGW Storage
Snapshot Amazon S3 GB Mo"; Infracost golden ebs_snapshot_copy_test: 10 GB = $0.50).
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

SNAPSHOT_US_EAST_1 = 0.05
SNAPSHOT_EU_WEST_1 = 0.05
VOLUME_GB = 40  # aws_ebs_volume.data, the source snapshot's volume


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path("snapshot_copies"))), prices)
    return {cost.resource.address: cost for cost in result.resources}


def test_copy_is_the_size_of_the_source_volume(costs: dict[str, ResourceCost]) -> None:
    copy = costs["aws_ebs_snapshot_copy.same_region"]
    (storage,) = copy.components
    assert (storage.name, storage.unit, storage.price_key, storage.monthly_quantity) == (
        "Snapshot storage",
        "GB-month",
        "ebs:snapshot:storage",
        VOLUME_GB,
    )
    assert storage.note and "aws_ebs_volume.data" in storage.note
    assert copy.monthly_cost_after == pytest.approx(VOLUME_GB * SNAPSHOT_US_EAST_1)  # 2.00


def test_copy_is_priced_in_its_own_region(costs: dict[str, ResourceCost]) -> None:
    copy = costs["aws_ebs_snapshot_copy.disaster_recovery"]
    assert copy.resource.region == "eu-west-1"
    assert not copy.components[0].approximate
    assert copy.monthly_cost_after == pytest.approx(VOLUME_GB * SNAPSHOT_EU_WEST_1)  # 2.00


def test_copy_of_a_snapshot_outside_the_plan_is_not_guessed(
    costs: dict[str, ResourceCost],
) -> None:
    copy = costs["aws_ebs_snapshot_copy.unmanaged_source"]
    assert copy.status != Status.PRICED
    assert copy.monthly_cost_after is None
