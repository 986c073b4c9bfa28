"""Defaults AWS applies to omitted arguments, and components known only after apply.

Every case is a resource of the terraform-made plan `tests/fixtures/terraform/defaults`.
Tests check components, price keys, quantities and notes; a price is checked only where
the bundled table has the key (a key it lacks must leave the resource price-not-found,
never $0).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.estimators._eks_versions import calendar, support_status
from finops_gate.cost.model import CostComponent, ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import Plan, load_plan
from finops_gate.plan.hcl import load_directory
from tests.conftest import fixture_plan_path

PRICED_ON = date(2026, 11, 29)


@pytest.fixture(scope="module")
def plan(load_case: object) -> Plan:
    return load_case("defaults")  # type: ignore[operator, no-any-return]


def costs(plan: Plan, prices: PriceTable, today: date = PRICED_ON) -> dict[str, ResourceCost]:
    return {c.resource.address: c for c in estimate_plan(plan, prices, today=today).resources}


@pytest.fixture(scope="module")
def defaults(plan: Plan, prices: PriceTable) -> dict[str, ResourceCost]:
    return costs(plan, prices)


def component(cost: ResourceCost, key: str) -> CostComponent:
    found = [c for c in cost.components if c.price_key == key]
    assert len(found) == 1, [c.price_key for c in cost.components]
    return found[0]


def keys(cost: ResourceCost) -> list[str]:
    return [c.price_key for c in cost.components]


def check_total(cost: ResourceCost, prices: PriceTable) -> None:
    """Priced when the table has every key it needs, price-not-found otherwise; the total
    is the sum of the components whose quantity is known."""
    missing = [
        c.price_key
        for c in cost.components
        if c.monthly_quantity is not None and prices.lookup("us-east-1", c.price_key) is None
    ]
    if missing:
        assert cost.status == Status.PRICE_NOT_FOUND
        assert cost.monthly_cost_after is None
        return
    assert cost.status == Status.PRICED
    known = [c.monthly_cost for c in cost.components if c.monthly_quantity is not None]
    assert cost.monthly_cost_after == pytest.approx(sum(c or 0.0 for c in known))


# RDS ------------------------------------------------------------------------------


def test_snapshot_restore_prices_the_instance_and_leaves_storage_unknown(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_db_instance.from_snapshot"]
    assert cost.status == Status.PRICED
    instance = component(cost, "rds:db.m5.large:postgres:single-az")
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity is None and storage.monthly_cost is None
    assert storage.unknown == "allocated_storage comes from the snapshot: known only after apply"
    assert cost.monthly_cost_after == pytest.approx(instance.monthly_cost)


def test_storage_type_defaults_to_gp3(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_db_instance.default_storage"]
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity == 100
    assert storage.note == "storage_type not set: gp3, the RDS default"
    assert "rds:db.t4g.large:mysql:single-az" in keys(cost)
    check_total(cost, prices)


def test_replica_takes_engine_and_size_from_its_source(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_db_instance.replica"]
    instance = component(cost, "rds:db.t4g.large:mysql:single-az")
    assert "engine of aws_db_instance.default_storage, the replica's source" in (
        instance.note or ""
    )
    storage = component(cost, "rds:storage:gp3:single-az")
    assert storage.monthly_quantity == 100
    assert "size of aws_db_instance.default_storage, the replica's source" in (storage.note or "")
    check_total(cost, prices)


@pytest.mark.parametrize(
    ("address", "extra_iops"),
    [
        # Oracle 250 GB: the baseline is 12,000 from 200 GB, so 12,000 IOPS cost nothing.
        ("aws_db_instance.oracle_gp3", None),
        # SQL Server never stripes: 3,000 baseline at 500 GB, 4,000 IOPS bill 1,000.
        ("aws_db_instance.sqlserver_gp3", 1000.0),
        # PostgreSQL 500 GB: 12,000 baseline from 400 GB, 15,000 IOPS bill 3,000.
        ("aws_db_instance.postgres_gp3", 3000.0),
    ],
)
def test_gp3_baseline_iops_per_engine(
    defaults: dict[str, ResourceCost], address: str, extra_iops: float | None
) -> None:
    cost = defaults[address]
    assert cost.status == Status.PRICED
    iops = [c for c in cost.components if c.price_key == "rds:iops:gp3:single-az"]
    assert [c.monthly_quantity for c in iops] == ([extra_iops] if extra_iops else [])


@pytest.mark.parametrize(
    ("address", "secrets"),
    [
        ("aws_db_instance.postgres_gp3", 1),
        ("aws_db_instance.oracle_gp3", 0),
        ("aws_rds_cluster.iopt", 1),
    ],
)
def test_managed_master_password_is_a_billed_secret(
    defaults: dict[str, ResourceCost], prices: PriceTable, address: str, secrets: int
) -> None:
    cost = defaults[address]
    found = [c for c in cost.components if c.price_key == "secretsmanager:secret"]
    assert [c.monthly_quantity for c in found] == [1] * secrets
    secret = prices.lookup("us-east-1", "secretsmanager:secret")
    assert secret is not None
    assert [c.monthly_cost for c in found] == [pytest.approx(secret.unit_price)] * secrets


# EKS clusters ---------------------------------------------------------------------


def test_old_version_costs_extended_support(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_eks_cluster.old"]
    assert keys(cost) == ["eks:cluster:extended:hour"]
    cluster = cost.components[0]
    assert cluster.monthly_quantity == 730
    assert cluster.note == (
        "Kubernetes 1.24: extended support ended 2025-01-31; AWS upgrades the control plane "
        "to the oldest version in extended support"
    )
    extended = prices.lookup("us-east-1", "eks:cluster:extended:hour")
    assert extended is not None
    assert cost.monthly_cost_after == pytest.approx(730 * extended.unit_price)


def test_version_in_extended_support_on_the_pricing_date(plan: Plan, prices: PriceTable) -> None:
    cost = costs(plan, prices, date(2024, 6, 1))["aws_eks_cluster.old"]
    assert keys(cost) == ["eks:cluster:extended:hour"]
    assert cost.components[0].note == (
        "Kubernetes 1.24: standard support ended 2024-01-31, extended support until 2025-01-31"
    )
    before = costs(plan, prices, date(2024, 1, 30))["aws_eks_cluster.old"]
    assert keys(before) == ["eks:cluster:hour"]


def test_recent_version_switches_on_the_day_standard_support_ends(
    plan: Plan, prices: PriceTable
) -> None:
    last_standard_day = costs(plan, prices, date(2026, 12, 1))["aws_eks_cluster.recent"]
    assert keys(last_standard_day) == ["eks:cluster:hour"]
    assert last_standard_day.components[0].note == (
        "Kubernetes 1.34: standard support until 2026-12-02"
    )
    first_extended_day = costs(plan, prices, date(2026, 12, 2))["aws_eks_cluster.recent"]
    assert keys(first_extended_day) == ["eks:cluster:extended:hour"]


def test_unset_version_is_standard_support(defaults: dict[str, ResourceCost]) -> None:
    cost = defaults["aws_eks_cluster.latest"]
    assert keys(cost) == ["eks:cluster:hour"]
    assert cost.components[0].note == (
        "version not set: AWS uses its default version, in standard support"
    )


def test_pricing_date_defaults_to_the_pinned_clock(
    plan: Plan, prices: PriceTable, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FINOPS_GATE_TODAY", "2024-01-01")
    pinned = {c.resource.address: c for c in estimate_plan(plan, prices).resources}
    assert keys(pinned["aws_eks_cluster.old"]) == ["eks:cluster:hour"]


# EKS node groups ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "nodes"),
    [("aws_eks_node_group.defaults", 2), ("aws_eks_node_group.empty_types", 1)],
)
def test_node_group_defaults_to_t3_medium_and_20_gb(
    defaults: dict[str, ResourceCost], prices: PriceTable, address: str, nodes: int
) -> None:
    cost = defaults[address]
    instances = component(cost, "ec2:t3.medium")
    assert instances.monthly_quantity == 730 * nodes
    assert instances.note == "instance_types not set: t3.medium, the EKS default"
    disks = component(cost, "ebs:gp2:storage")
    assert disks.monthly_quantity == 20 * nodes
    assert disks.note == "disk_size not set: 20 GB, the EKS default"
    check_total(cost, prices)


# MSK, VPC endpoints, EBS ----------------------------------------------------------


def test_msk_without_volume_size_prices_brokers_and_leaves_storage_unknown(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_msk_cluster.no_volume"]
    brokers = component(cost, "msk:kafka.m5.large")
    assert brokers.monthly_quantity == 3 * 730
    storage = component(cost, "msk:storage")
    assert storage.monthly_quantity is None
    assert storage.unknown == "broker volume size not set: chosen by AWS at creation"
    check_total(cost, prices)
    assert cost.monthly_cost_after == pytest.approx(brokers.monthly_cost)


def test_interface_endpoint_is_billed_per_subnet(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_vpc_endpoint.three_subnets"]
    assert component(cost, "vpce:interface:hour").monthly_quantity == 3 * 730
    check_total(cost, prices)


def test_interface_endpoint_without_subnets_is_unknown(defaults: dict[str, ResourceCost]) -> None:
    endpoint = component(defaults["aws_vpc_endpoint.no_subnets"], "vpce:interface:hour")
    assert endpoint.monthly_quantity is None and endpoint.monthly_cost is None
    assert endpoint.unknown == (
        "subnet_ids not set: the endpoint's Availability Zones are known only after apply"
    )


@pytest.mark.parametrize(
    "address",
    [
        "aws_vpc_endpoint.unknown_subnets",  # [aws_subnet.new.id]
        # Two literal ids and aws_subnet.new.id: terraform marks the whole set unknown,
        # and only the subnet the configuration names can be counted (a known limit).
        "aws_vpc_endpoint.partly_unknown",
    ],
)
def test_interface_endpoint_counts_the_subnets_the_configuration_names(
    defaults: dict[str, ResourceCost], address: str
) -> None:
    endpoint = component(defaults[address], "vpce:interface:hour")
    assert endpoint.unknown is None
    assert endpoint.monthly_quantity == 730
    assert endpoint.note is not None and "(aws_subnet.new)" in endpoint.note


def test_volume_of_unknown_size_is_not_priced(defaults: dict[str, ResourceCost]) -> None:
    """The size is the volume's whole price: unknown, the volume stays price-not-found."""
    cost = defaults["aws_ebs_volume.from_snapshot"]
    assert cost.status == Status.PRICE_NOT_FOUND
    assert cost.monthly_cost_after is None
    assert cost.notes == ("size comes from the snapshot: known only after apply",)


# Aurora I/O-Optimized -------------------------------------------------------------


def test_io_optimized_cluster_storage_and_no_io_charge(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_rds_cluster.iopt"]
    assert keys(cost) == ["aurora:storage:iopt1", "aurora:backup", "secretsmanager:secret"]


@pytest.mark.parametrize("index", [0, 1])
def test_io_optimized_cluster_instances(
    defaults: dict[str, ResourceCost], prices: PriceTable, index: int
) -> None:
    cost = defaults[f"aws_rds_cluster_instance.iopt[{index}]"]
    instance = component(cost, "rds:db.r6g.large:aurora-postgresql-iopt1:single-az")
    assert instance.monthly_quantity == 730
    assert instance.name == "Database instance (aurora-postgresql, I/O-Optimized, db.r6g.large)"
    check_total(cost, prices)


# Other arguments left out ---------------------------------------------------------


def test_opensearch_without_volume_size(defaults: dict[str, ResourceCost]) -> None:
    cost = defaults["aws_opensearch_domain.bare"]
    assert cost.status == Status.PRICED
    instances = component(cost, "opensearch:m4.large.search")
    assert instances.note == "instance type not set: m4.large.search, the provider default"
    storage = component(cost, "opensearch:storage:gp2")
    assert storage.unknown == "ebs_options.volume_size unknown until apply"
    assert cost.monthly_cost_after == pytest.approx(instances.monthly_cost)


def test_replication_group_without_counts_has_one_node(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_elasticache_replication_group.bare"]
    nodes = component(cost, "elasticache:cache.t4g.small:redis")
    assert nodes.monthly_quantity == 730
    assert nodes.note == "num_cache_clusters not set: one node, the ElastiCache default"


def test_single_node_redshift(defaults: dict[str, ResourceCost]) -> None:
    cost = defaults["aws_redshift_cluster.single"]
    assert component(cost, "redshift:ra3.xlplus").monthly_quantity == 730


def test_fargate_task_size_known_only_after_apply(
    plan: Plan, prices: PriceTable, tmp_path: Path
) -> None:
    """The task definition's cpu set from a value known only after apply (the plan as
    terraform writes it then: the attribute absent from `after`, marked unknown)."""
    data = json.loads(fixture_plan_path("defaults").read_text(encoding="utf-8"))
    for change in data["resource_changes"]:
        if change["address"] == "aws_ecs_task_definition.sized_later":
            del change["change"]["after"]["cpu"]
            change["change"]["after_unknown"]["cpu"] = True
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    cost = costs(load_plan(str(path)), prices)["aws_ecs_service.fargate"]
    assert cost.status == Status.PRICED
    vcpu = component(cost, "fargate:vcpu:hour")
    assert vcpu.monthly_quantity is None
    assert vcpu.unknown == "cpu of aws_ecs_task_definition.sized_later: unknown until apply"
    memory = component(cost, "fargate:gb:hour")
    assert memory.monthly_quantity == 2 * 0.5 * 730
    assert cost.monthly_cost_after == pytest.approx(memory.monthly_cost)


# Values set from other resources are real unknowns -------------------------------


def test_version_set_from_a_reference_is_unknown_not_defaulted(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_eks_cluster.follows"]
    assert keys(cost) == ["eks:cluster:hour"]
    assert cost.components[0].note == "version unknown until apply: standard support assumed"


def test_upgrade_policy_standard_keeps_the_standard_rate(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_eks_cluster.old_standard_only"]
    assert keys(cost) == ["eks:cluster:hour"]
    assert cost.components[0].note == (
        "Kubernetes 1.24: standard support ended 2024-01-31; upgrade_policy STANDARD: AWS "
        "upgrades the cluster instead of extending support"
    )


def test_windows_node_group_disk_defaults_to_50_gb(defaults: dict[str, ResourceCost]) -> None:
    disks = component(defaults["aws_eks_node_group.windows"], "ebs:gp2:storage")
    assert disks.monthly_quantity == 50
    assert disks.note == "disk_size not set: 50 GB, the EKS default"


def test_io1_iops_known_only_after_apply(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_db_instance.io1_iops_later"]
    iops = component(cost, "rds:iops:io1:single-az")
    assert iops.monthly_quantity is None
    assert iops.unknown == "iops unknown until apply (at least 1,000 for io1)"
    assert component(cost, "rds:storage:io1:single-az").monthly_quantity == 200
    check_total(cost, prices)


def test_provisioned_throughput_known_only_after_apply(
    defaults: dict[str, ResourceCost],
) -> None:
    cost = defaults["aws_efs_file_system.throughput_later"]
    throughput = component(cost, "efs:provisioned-throughput")
    assert throughput.monthly_quantity is None
    assert throughput.unknown == "provisioned_throughput_in_mibps unknown until apply"


def test_block_device_from_snapshot_leaves_only_its_storage_unknown(
    defaults: dict[str, ResourceCost], prices: PriceTable
) -> None:
    cost = defaults["aws_instance.disk_from_snapshot"]
    assert cost.status == Status.PRICED
    storage = [c for c in cost.components if c.name == "Block device /dev/sdf (gp3)"]
    assert [c.unknown for c in storage] == [
        "volume_size unknown until apply (e.g. from its snapshot)"
    ]
    instance = component(cost, "ec2:m5.large")
    root = next(c for c in cost.components if c.name == "Root volume (gp3)")
    assert cost.monthly_cost_after == pytest.approx(
        (instance.monthly_cost or 0) + (root.monthly_cost or 0)
    )


def test_dynamodb_capacity_from_a_reference_is_unknown_not_zero(
    tmp_path: Path, prices: PriceTable
) -> None:
    """The provider refuses an unknown provisioned capacity at plan time, so this case
    only reaches finops-gate through HCL mode (a directory of .tf files)."""
    (tmp_path / "main.tf").write_text(
        """
provider "aws" {
  region = "us-east-1"
}

resource "aws_kinesis_stream" "events" {
  name        = "events"
  shard_count = 1
}

resource "aws_dynamodb_table" "sessions" {
  name           = "sessions"
  billing_mode   = "PROVISIONED"
  hash_key       = "id"
  read_capacity  = 5
  write_capacity = length(aws_kinesis_stream.events.arn)

  attribute {
    name = "id"
    type = "S"
  }
}
""",
        encoding="utf-8",
    )
    cost = costs(load_directory(tmp_path), prices)["aws_dynamodb_table.sessions"]
    write = component(cost, "dynamodb:provisioned:wcu")
    assert write.monthly_quantity is None
    assert write.unknown == "write_capacity unknown until apply"
    read = component(cost, "dynamodb:provisioned:rcu")
    assert read.monthly_quantity == 5 * 730
    assert cost.monthly_cost_after == pytest.approx(read.monthly_cost)


@pytest.mark.parametrize(
    ("address", "key", "why"),
    [
        (
            "aws_elasticache_cluster.nodes_later",
            "elasticache:cache.t4g.small:memcached",
            "num_cache_nodes unknown until apply",
        ),
        (
            "aws_elasticache_replication_group.clusters_later",
            "elasticache:cache.t4g.small:redis",
            "num_cache_clusters unknown until apply",
        ),
    ],
)
def test_cache_node_count_known_only_after_apply(
    defaults: dict[str, ResourceCost], address: str, key: str, why: str
) -> None:
    """Not one node silently: the count is unknown, so is the component."""
    nodes = component(defaults[address], key)
    assert nodes.monthly_quantity is None
    assert nodes.unknown == why


def test_eks_calendar_is_dated_and_consistent() -> None:
    """AWS's rule: extended support ends 12 months after standard support does."""
    known = calendar()
    assert known.source.startswith("https://docs.aws.amazon.com/eks/")
    assert known.as_of <= date(2026, 11, 29)
    for window in known.windows.values():
        end = window.end_of_standard
        assert window.end_of_extended == end.replace(year=end.year + 1), window.version
    assert support_status("1.99", PRICED_ON).extended is False
    assert support_status("1.20", PRICED_ON).extended is True
