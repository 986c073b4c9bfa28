"""Elastic Beanstalk environments on the `beanstalk_environments` plan (made by terraform,
eu-west-1). Unit prices are AWS's published eu-west-1 prices, as Infracost's golden output
elastic_beanstalk_environment_test shows them (../shared/price-sources/
infracost-golden-facts/, column implied_unit_price): c4.large 0.113/h, t3.small 0.0228/h,
t3a.xlarge 0.1632/h (EC2 Linux on-demand); io1 0.138/GB-month and 0.072/IOPS-month, gp2
0.11/GB-month (EBS); classic load balancer 0.028/h and 0.008/GB, network load balancer
0.0252/h and 4.38/LCU-month = 0.006/LCU-hour (ELB); RDS PostgreSQL Multi-AZ db.m6g.xlarge
0.704/h, Multi-AZ gp2 0.253/GB-month, backup 0.095/GB-month; CloudWatch Logs ingestion
0.57/GB, storage 0.03/GB-month, Insights 0.0057/GB scanned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from finops_gate.plan.hcl import load_directory
from tests.conftest import fixture_plan_path

CASE = "beanstalk_environments"
HOURS = 730
C4_LARGE = 0.113
T3_SMALL = 0.0228
T3A_XLARGE = 0.1632
IO1_GB = 0.138
IO1_IOPS = 0.072
GP2_GB = 0.11
CLB_HOUR = 0.028
CLB_GB = 0.008
NLB_HOUR = 0.0252
NLB_LCU_HOUR = 0.006
RDS_PG_M6G_XLARGE_MULTI_AZ = 0.704
RDS_GP2_MULTI_AZ = 0.253
RDS_BACKUP = 0.095
LOGS_INGEST = 0.57
LOGS_STORAGE = 0.03
LOGS_INSIGHTS = 0.0057


def _costs(prices: PriceTable, usage_path: Path | None = None) -> dict[str, ResourceCost]:
    usage = load_usage_file(str(usage_path)) if usage_path else None
    result = estimate_plan(load_plan(str(fixture_plan_path(CASE))), prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return _costs(prices)


def names(cost: ResourceCost) -> list[tuple[str, str, float | None]]:
    return [(c.name, c.price_key, c.monthly_quantity) for c in cost.components]


def test_instances_root_volumes_classic_lb_and_logs(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_elastic_beanstalk_environment.classic_io1"]
    assert names(cost) == [
        ("Instance usage (Linux/UNIX, on-demand, 4 x c4.large)", "ec2:c4.large", 4 * HOURS),
        ("Root volumes (io1)", "ebs:io1:storage", 32),  # 4 x 8 GB
        ("Root volumes provisioned IOPS", "ebs:io1:iops", 1200),  # 4 x 300
        ("Classic load balancer", "elb:classic:hour", HOURS),
        ("Data processed", "elb:classic:gb", None),
        ("Logs data ingested", "cloudwatch:logs:ingest", None),
        ("Logs storage", "cloudwatch:logs:storage", None),
    ]
    assert cost.monthly_cost_after == pytest.approx(
        4 * HOURS * C4_LARGE + 32 * IO1_GB + 1200 * IO1_IOPS + HOURS * CLB_HOUR
    )


def test_network_lb_and_multi_az_database(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_elastic_beanstalk_environment.network_rds"]
    assert names(cost) == [
        ("Instance usage (Linux/UNIX, on-demand, 2 x t3.small)", "ec2:t3.small", 2 * HOURS),
        ("Root volumes (gp2)", "ebs:gp2:storage", 16),
        ("Network load balancer", "elb:network:hour", HOURS),
        ("Network load balancer capacity units", "elb:network:lcu", None),
        (
            "Database instance (postgres, Multi-AZ, db.m6g.xlarge)",
            "rds:db.m6g.xlarge:postgres:multi-az",
            HOURS,
        ),
        ("Database storage (gp2)", "rds:storage:gp2:multi-az", 100),
        ("Database backup storage", "rds:backup", None),
    ]
    assert cost.monthly_cost_after == pytest.approx(
        2 * HOURS * T3_SMALL
        + 16 * GP2_GB
        + HOURS * NLB_HOUR
        + HOURS * RDS_PG_M6G_XLARGE_MULTI_AZ
        + 100 * RDS_GP2_MULTI_AZ
    )


def test_instance_types_wins_and_the_default_lb_is_classic(
    costs: dict[str, ResourceCost],
) -> None:
    cost = costs["aws_elastic_beanstalk_environment.defaults"]
    assert [c.price_key for c in cost.components] == [
        "ec2:t3a.xlarge",
        "ebs:gp2:storage",
        "elb:classic:hour",
        "elb:classic:gb",
    ]
    assert cost.monthly_cost_after == pytest.approx(
        HOURS * T3A_XLARGE + 8 * GP2_GB + HOURS * CLB_HOUR
    )


def test_single_instance_has_no_load_balancer(costs: dict[str, ResourceCost]) -> None:
    cost = costs["aws_elastic_beanstalk_environment.single"]
    # the first of "t3.small,t3.medium"
    assert [c.price_key for c in cost.components] == ["ec2:t3.small", "ebs:gp2:storage"]
    assert cost.monthly_cost_after == pytest.approx(HOURS * T3_SMALL + 8 * GP2_GB)
    assert costs["aws_elastic_beanstalk_application.app"].status == Status.FREE


def test_infracost_usage_keys(prices: PriceTable, tmp_path: Path) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_elastic_beanstalk_environment.classic_io1:
    cloudwatch:
      storage_gb: 1000
      monthly_data_ingested_gb: 1000
      monthly_data_scanned_gb: 200
    elb:
      monthly_data_processed_gb: 10000
  aws_elastic_beanstalk_environment.network_rds:
    lb:
      new_connections: 500000
      active_connections: 100000
      processed_bytes_gb: 25000
    db:
      additional_backup_storage_gb: 1000
""",
        encoding="utf-8",
    )
    costs = _costs(prices, path)
    classic = costs["aws_elastic_beanstalk_environment.classic_io1"]
    assert classic.monthly_cost_after == pytest.approx(
        4 * HOURS * C4_LARGE
        + 32 * IO1_GB
        + 1200 * IO1_IOPS
        + HOURS * CLB_HOUR
        + 10000 * CLB_GB
        + 1000 * LOGS_INGEST
        + 1000 * LOGS_STORAGE
        + 200 * LOGS_INSIGHTS
    )
    network = costs["aws_elastic_beanstalk_environment.network_rds"]
    # LCU-hours: the largest of 500,000 / 100, 100,000 / 3,000 and 25,000 GB / 1
    assert network.monthly_cost_after == pytest.approx(
        2 * HOURS * T3_SMALL
        + 16 * GP2_GB
        + HOURS * NLB_HOUR
        + 25000 * NLB_LCU_HOUR
        + HOURS * RDS_PG_M6G_XLARGE_MULTI_AZ
        + 100 * RDS_GP2_MULTI_AZ
        + 1000 * RDS_BACKUP
    )


def test_hcl_mode_reads_numbers_and_booleans_written_unquoted(
    prices: PriceTable, tmp_path: Path
) -> None:
    # The provider stores every setting value as a string; in a .tf file they are often
    # written as numbers and booleans (as in Infracost's case), which HCL mode keeps.
    (tmp_path / "main.tf").write_text(
        """
provider "aws" {
  region = "eu-west-1"
}

resource "aws_elastic_beanstalk_environment" "env" {
  name        = "env"
  application = "app"

  setting {
    namespace = "aws:ec2:instances"
    name      = "InstanceTypes"
    value     = "c4.large"
  }
  setting {
    namespace = "aws:autoscaling:asg"
    name      = "MinSize"
    value     = 3
  }
  setting {
    namespace = "aws:elasticbeanstalk:cloudwatch:logs"
    name      = "StreamLogs"
    value     = true
  }
}
""",
        encoding="utf-8",
    )
    result = estimate_plan(load_directory(tmp_path), prices)
    (cost,) = result.resources
    assert [c.monthly_quantity for c in cost.components[:2]] == [3 * HOURS, 3 * 8]
    assert "cloudwatch:logs:ingest" in [c.price_key for c in cost.components]
