"""FSx for Windows File Server and FSx for OpenZFS on the `fsx_file_systems` plan (made by
terraform), against published prices.

Unit prices (us-east-1) are written here from Infracost's golden outputs
(../shared/price-sources/infracost-golden-facts/infracost_aws_golden_line_items.csv, tests
fsx_windows_file_system_test, all MULTI_AZ_1, and fsx_openzfs_file_system_test, all
SINGLE_AZ_1), which are AWS's list prices (https://aws.amazon.com/fsx/windows/pricing/,
https://aws.amazon.com/fsx/openzfs/pricing/), never read from finops-gate's table.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

CASE = "fsx_file_systems"

# Windows, Multi-AZ (golden: 1,024 MBps = $4,608.00; 300 GB SSD = $69.00; HDD 300 GB = $7.50)
WINDOWS_MULTI_AZ_THROUGHPUT = 4.50  # per MBps-month
WINDOWS_MULTI_AZ_SSD = 0.23  # per GB-month
WINDOWS_MULTI_AZ_HDD = 0.025
WINDOWS_BACKUP = 0.05  # golden: 10,000 GB = $500.00
# OpenZFS, SINGLE_AZ_1 (golden: 1,024 MBps = $266.24; 100 IOPS = $0.60; 300 GB = $27.00)
OPENZFS_THROUGHPUT = 0.26
OPENZFS_IOPS = 0.006  # per IOPS-month above 3 IOPS per GB
OPENZFS_SSD = 0.09
OPENZFS_BACKUP = 0.05


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(CASE)))
    usage = load_usage_file(usage_path) if usage_path else None
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


def lines(cost: ResourceCost) -> list[tuple[str, str, str, float | None]]:
    return [(c.name, c.unit, c.price_key, c.monthly_quantity) for c in cost.components]


def test_windows_multi_az_ssd(costs: dict[str, ResourceCost]) -> None:
    ssd = costs["aws_fsx_windows_file_system.multi_az_ssd"]
    assert lines(ssd) == [
        ("Throughput capacity", "MBps-month", "fsx:windows:multi-az:throughput", 1024),
        ("SSD storage", "GB-month", "fsx:windows:multi-az:ssd", 300),
        ("Backup storage", "GB-month", "fsx:windows:backup", None),
    ]
    assert ssd.monthly_cost_after == pytest.approx(
        1024 * WINDOWS_MULTI_AZ_THROUGHPUT + 300 * WINDOWS_MULTI_AZ_SSD  # 4,677.00
    )


def test_windows_multi_az_hdd(costs: dict[str, ResourceCost]) -> None:
    hdd = costs["aws_fsx_windows_file_system.multi_az_hdd"]
    assert hdd.components[1].price_key == "fsx:windows:multi-az:hdd"
    assert hdd.monthly_cost_after == pytest.approx(
        32 * WINDOWS_MULTI_AZ_THROUGHPUT + 2000 * WINDOWS_MULTI_AZ_HDD  # 194.00
    )


def test_windows_single_az_has_no_source(costs: dict[str, ResourceCost]) -> None:
    """The default deployment (SINGLE_AZ_1) is priced by no source: never $0."""
    single = costs["aws_fsx_windows_file_system.single_az_default"]
    assert [c.price_key for c in single.components[:2]] == [
        "fsx:windows:single-az:throughput",
        "fsx:windows:single-az:ssd",
    ]
    assert single.status == Status.PRICE_NOT_FOUND
    assert single.monthly_cost_after is None


def test_openzfs_single_az_1(costs: dict[str, ResourceCost]) -> None:
    simple = costs["aws_fsx_openzfs_file_system.simple"]
    assert lines(simple) == [
        ("Throughput capacity", "MBps-month", "fsx:openzfs:single-az-1:throughput", 1024),
        ("SSD storage", "GB-month", "fsx:openzfs:single-az-1:ssd", 300),
        ("Backup storage", "GB-month", "fsx:openzfs:backup", None),
    ]
    assert simple.monthly_cost_after == pytest.approx(
        1024 * OPENZFS_THROUGHPUT + 300 * OPENZFS_SSD  # 293.24
    )


def test_openzfs_provisioned_iops_above_the_included_three_per_gb(
    costs: dict[str, ResourceCost],
) -> None:
    iops = costs["aws_fsx_openzfs_file_system.provisioned_iops"]
    # 1,000 provisioned - 3 x 300 GB included = 100
    assert ("Provisioned IOPS", "IOPS-month", "fsx:openzfs:single-az-1:iops", 100) in lines(iops)
    assert iops.monthly_cost_after == pytest.approx(
        1024 * OPENZFS_THROUGHPUT + 100 * OPENZFS_IOPS + 300 * OPENZFS_SSD  # 293.84
    )


def test_openzfs_compression_assumes_half_unless_the_usage_file_says(
    costs: dict[str, ResourceCost], tmp_path: Path, prices: PriceTable
) -> None:
    storage = costs["aws_fsx_openzfs_file_system.compressed"].components[1]
    assert (storage.name, storage.monthly_quantity) == ("SSD storage (LZ4 compression, 50%)", 150)
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_fsx_openzfs_file_system.compressed:
    compression_savings_percent: 40
    backup_storage_gb: 1000
""",
        encoding="utf-8",
    )
    compressed = estimate(prices, str(path))["aws_fsx_openzfs_file_system.compressed"]
    assert [c.monthly_quantity for c in compressed.components] == [1024, 180, 1000]
    assert compressed.monthly_cost_after == pytest.approx(
        1024 * OPENZFS_THROUGHPUT + 180 * OPENZFS_SSD + 1000 * OPENZFS_BACKUP  # 332.44
    )


def test_openzfs_other_deployments_have_no_source(costs: dict[str, ResourceCost]) -> None:
    multi = costs["aws_fsx_openzfs_file_system.multi_az"]
    assert multi.components[0].price_key == "fsx:openzfs:multi-az-1:throughput"
    assert multi.status == Status.PRICE_NOT_FOUND


def test_openzfs_outside_us_east_1_is_approximate(costs: dict[str, ResourceCost]) -> None:
    ireland = costs["aws_fsx_openzfs_file_system.ireland"]
    assert all(c.approximate for c in ireland.components if c.unit_price is not None)
    assert ireland.status == Status.PRICED
