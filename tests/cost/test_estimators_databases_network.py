"""WAF, Amazon MQ and DocumentDB (fixture `databases_network`, made by terraform), component
by component, against published prices.

Unit prices are written here from public price lists, never read from finops-gate's table:
"AWS MQ page" = AWS's Amazon MQ pricing-page data (../shared/price-sources/
aws-pricing-page-ec2shop-2025-04-05/ebs_mq_msk_redshift_by_region.csv, rows `mq`);
"AWS WAF page" = AWS's WAF pricing-page data (aws-pricing-page-unitmaps-2025-11-04, rows
`waf`); "AWS VPC page" = the same folder, rows `vpc`; "AWS Route 53 page" = the same folder, rows `route53`; "AWS Neptune page" = the same folder, rows `neptune`, eu-west-2; "golden" = Infracost's golden test figures (infracost-golden-facts/, column
implied_unit_price), the only source here for DocumentDB.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import UsageFile, load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
CASE = "databases_network"
# WAF (AWS WAF page, us-east-1; the same in every region but a few)
WAF_WEB_ACL = 5.00  # per web ACL-month
WAF_RULE = 1.00  # per rule-month
WAF_REQUESTS_1M = 0.60
# Amazon MQ (AWS MQ page)
MQ_T3_MICRO_ACTIVEMQ_SINGLE = 0.02704  # us-east-1, "Single Instance mq t3.micro"
MQ_M5_LARGE_ACTIVEMQ_STANDBY = 0.576  # us-east-1, "Active Standby mq m5.large"
MQ_M5_XLARGE_RABBITMQ_CLUSTER = 1.728  # us-east-1, "RabbitMQ Active Standby mq m5.xlarge"
MQ_M5_LARGE_RABBITMQ_SINGLE_LONDON = 0.333  # eu-west-2, "RabbitMQ Single Instance mq m5.large"
MQ_EFS_STORAGE = 0.30  # us-east-1, "Broker Storage GB Mo"
MQ_EBS_STORAGE = 0.10  # us-east-1, "Broker Storage Single AZ GB-Mo"
MQ_RABBITMQ_STORAGE = 0.10  # golden: "Storage (RabbitMQ, EBS)", us-east-1
# DocumentDB (golden, us-east-1)
DOCDB_R5_4XLARGE = 2.216  # 1,617.68 / 730
DOCDB_T3_MEDIUM = 0.078  # 56.94 / 730
DOCDB_STORAGE = 0.10
DOCDB_IO_1M = 0.20
DOCDB_CPU_CREDIT = 0.09
DOCDB_BACKUP = 0.021
# Route 53 (AWS Route 53 page)
HEALTH_CHECK_AWS = 0.50  # "Basic Health checks AWS per Mo"
HEALTH_CHECK_NON_AWS = 0.75  # "Basic Health checks External Non AWS per Mo"
HEALTH_CHECK_OPTION_AWS = 1.00  # "Optional Health Check Features AWS per Mo"
HEALTH_CHECK_OPTION_NON_AWS = 2.00  # "... External Non AWS per Mo"
RESOLVER_ENI_HOUR = 0.125  # "Query ENI", us-east-1
RESOLVER_QUERIES_1M = 0.40  # "Query first 1B", 0.0000004 per query
RESOLVER_QUERIES_OVER_1B_1M = 0.20  # "Query over 1B"
# Networking (AWS VPC page, us-east-1, unless noted)
FIREWALL_ENDPOINT_HOUR = 0.395  # golden: "Network Firewall Endpoint" (no pricing-page row)
FIREWALL_GB = 0.065  # golden: "Data Processed"
CLIENT_VPN_ASSOCIATION = 0.10  # "Hourly charge for Client VPN Endpoints per Hourly"
CLIENT_VPN_CONNECTION = 0.05  # "Hourly charge for Client VPN connections per Hourly"
TGW_PEERING = 0.05  # "Hourly charge for Transit Gateway Peering Attachments per hour"
TGW_DX_ATTACHMENT = 0.05  # "... Direct Connect Gateway attachments per hour"
TGW_DX_GB = 0.02  # "... AWS Direct Connect Gateway attachments per GigaBytes"
# Direct Connect and Global Accelerator (golden, us-east-1)
DX_1GBPS_DEDICATED = 0.30  # "DX connection", 219.00 / 730, at EqDC2
DX_DATA_OUT_US_EAST_1 = 0.02  # "Outbound data transfer (from us-east-1, to EqDC2)"
GLOBAL_ACCELERATOR = 0.025  # "Fixed fee", 18.25 / 730
# DMS (golden, us-east-1: the only DMS figures in the sources)
DMS_T2_MICRO_MULTI_AZ = 0.036  # 26.28 / 730
DMS_STORAGE_MULTI_AZ = 0.23  # 4.60 / 20 GB
# Neptune (AWS Neptune page, eu-west-2)
NEPTUNE_T3_MEDIUM = 0.112  # "Neptune General purpose Current Generation db t3.medium"
NEPTUNE_R5_LARGE_IOPT1 = 0.55  # "Neptune IO optimized Memory Optimized ... db r5.large ..."
NEPTUNE_STORAGE = 0.116  # "Storage Rate"
NEPTUNE_STORAGE_IOPT1 = 0.261  # "IO optimized Storage Rate General Purpose-Aurora"
NEPTUNE_IO_1M = 0.232  # "IO Rate", 0.000000232 per request
NEPTUNE_BACKUP = 0.022  # "Storage Snapshot Rate"
NEPTUNE_CPU_CREDIT = 0.15  # golden, eu-west-2 (no pricing-page row)


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    usage = load_usage_file(usage_path) if usage_path else None
    plan = load_plan(str(fixture_plan_path(CASE)))
    result = estimate_plan(plan, prices, usage) if usage else estimate_plan(plan, prices)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


def lines(cost: ResourceCost) -> list[tuple[str, str, float | None]]:
    return [(c.name, c.price_key, c.monthly_quantity) for c in cost.components]


def unit_prices(cost: ResourceCost) -> dict[str, float | None]:
    return {c.name: c.unit_price for c in cost.components}


# WAF -------------------------------------------------------------------------------------


def test_wafv2_counts_rules_rule_groups_and_managed_groups(
    costs: dict[str, ResourceCost],
) -> None:
    acl = costs["aws_wafv2_web_acl.regional"]  # 2 own rules, 1 rule group, 1 managed group
    assert lines(acl) == [
        ("Web ACL usage", "waf:web-acl", 1),
        ("Rules", "waf:rule", 2),
        ("Rule groups", "waf:rule", 1),
        ("Managed rule groups", "waf:rule", 1),
        ("Requests", "waf:requests", None),
    ]
    assert unit_prices(acl) == pytest.approx(
        {
            "Web ACL usage": WAF_WEB_ACL,
            "Rules": WAF_RULE,
            "Rule groups": WAF_RULE,
            "Managed rule groups": WAF_RULE,
            "Requests": WAF_REQUESTS_1M,
        }
    )
    assert acl.monthly_cost_after == pytest.approx(WAF_WEB_ACL + 4 * WAF_RULE)


def test_wafv2_cloudfront_scope_is_priced_in_us_east_1(costs: dict[str, ResourceCost]) -> None:
    acl = costs["aws_wafv2_web_acl.cloudfront"]  # provider eu-west-2, no rules
    assert acl.resource.region == "eu-west-2"
    assert lines(acl) == [
        ("Web ACL usage", "waf:web-acl", 1),
        ("Requests", "waf:requests", None),
    ]
    assert acl.monthly_cost_after == pytest.approx(WAF_WEB_ACL)
    assert not any(c.approximate for c in acl.components)


def test_waf_classic_counts_regular_rules_and_groups(costs: dict[str, ResourceCost]) -> None:
    acl = costs["aws_waf_web_acl.classic"]  # one REGULAR rule, one GROUP
    assert lines(acl) == [
        ("Web ACL usage", "waf:web-acl", 1),
        ("Rules", "waf:rule", 1),
        ("Rule groups", "waf:rule", 1),
        ("Requests", "waf:requests", None),
    ]
    assert acl.monthly_cost_after == pytest.approx(WAF_WEB_ACL + 2 * WAF_RULE)


# Amazon MQ -------------------------------------------------------------------------------


def test_mq_brokers_by_engine_and_deployment(costs: dict[str, ResourceCost]) -> None:
    single = costs["aws_mq_broker.activemq_single"]
    assert lines(single) == [
        (
            "Instance usage (ActiveMQ, mq.t3.micro, single_instance)",
            "mq:mq.t3.micro:activemq:single-instance",
            HOURS,
        ),
        ("Storage (ActiveMQ, EFS)", "mq:storage:efs", None),
    ]
    assert single.monthly_cost_after == pytest.approx(HOURS * MQ_T3_MICRO_ACTIVEMQ_SINGLE)
    standby = costs["aws_mq_broker.activemq_standby_ebs"]
    assert [c.price_key for c in standby.components] == [
        "mq:mq.m5.large:activemq:multi-az",
        "mq:storage:ebs",
    ]
    assert standby.monthly_cost_after == pytest.approx(HOURS * MQ_M5_LARGE_ACTIVEMQ_STANDBY)
    cluster = costs["aws_mq_broker.rabbitmq_cluster"]
    assert cluster.components[0].name == (
        "Instance usage (RabbitMQ, mq.m5.xlarge, cluster_multi_az)"
    )
    assert cluster.monthly_cost_after == pytest.approx(HOURS * MQ_M5_XLARGE_RABBITMQ_CLUSTER)
    assert unit_prices(cluster)["Storage (RabbitMQ, EBS)"] == pytest.approx(MQ_RABBITMQ_STORAGE)


def test_mq_broker_in_another_region_uses_its_published_price(
    costs: dict[str, ResourceCost],
) -> None:
    london = costs["aws_mq_broker.rabbitmq_london"]
    assert london.components[0].price_key == "mq:mq.m5.large:rabbitmq:single-instance"
    assert london.components[0].unit_price == pytest.approx(MQ_M5_LARGE_RABBITMQ_SINGLE_LONDON)
    assert not london.components[0].approximate
    # no source publishes RabbitMQ storage outside us-east-1: derived, so marked approximate
    assert london.components[1].approximate


# DocumentDB ------------------------------------------------------------------------------


def test_docdb_instances(costs: dict[str, ResourceCost]) -> None:
    for address in ("aws_docdb_cluster_instance.docs[0]", "aws_docdb_cluster_instance.docs[1]"):
        instance = costs[address]
        assert lines(instance) == [
            ("Database instance (on-demand, db.r5.4xlarge)", "docdb:db.r5.4xlarge", HOURS),
            ("Storage", "docdb:storage", None),
            ("I/O requests", "docdb:io", None),
        ]
        assert instance.monthly_cost_after == pytest.approx(HOURS * DOCDB_R5_4XLARGE)
    burst = costs["aws_docdb_cluster_instance.burst"]
    assert [c.name for c in burst.components][-1] == "CPU credits"
    assert unit_prices(burst) == pytest.approx(
        {
            "Database instance (on-demand, db.t3.medium)": DOCDB_T3_MEDIUM,
            "Storage": DOCDB_STORAGE,
            "I/O requests": DOCDB_IO_1M,
            "CPU credits": DOCDB_CPU_CREDIT,
        }
    )


def test_docdb_class_without_a_price_is_not_zero(costs: dict[str, ResourceCost]) -> None:
    unpriced = costs["aws_docdb_cluster_instance.unpriced"]
    assert unpriced.components[0].price_key == "docdb:db.r6g.large"
    assert unpriced.status == Status.PRICE_NOT_FOUND
    assert unpriced.monthly_cost_after is None


def test_docdb_cluster_and_snapshot_are_usage_based(costs: dict[str, ResourceCost]) -> None:
    for address in ("aws_docdb_cluster.docs", "aws_docdb_cluster_snapshot.docs"):
        assert lines(costs[address]) == [("Backup storage", "docdb:backup", None)]
        assert costs[address].components[0].unit_price == pytest.approx(DOCDB_BACKUP)


# Neptune ---------------------------------------------------------------------------------


def test_neptune_cluster_standard_and_io_optimized(costs: dict[str, ResourceCost]) -> None:
    graph = costs["aws_neptune_cluster.graph"]  # backup_retention_period 5
    assert lines(graph) == [
        ("Storage", "neptune:storage", None),
        ("I/O requests", "neptune:io", None),
        ("Backup storage", "neptune:backup", None),
    ]
    assert unit_prices(graph) == pytest.approx(
        {
            "Storage": NEPTUNE_STORAGE,
            "I/O requests": NEPTUNE_IO_1M,
            "Backup storage": NEPTUNE_BACKUP,
        }
    )
    optimized = costs["aws_neptune_cluster.optimized"]  # iopt1, default 1-day retention
    assert lines(optimized) == [("Storage (I/O-optimized)", "neptune:storage:iopt1", None)]
    assert optimized.components[0].unit_price == pytest.approx(NEPTUNE_STORAGE_IOPT1)


def test_neptune_instances_follow_their_cluster(costs: dict[str, ResourceCost]) -> None:
    graph = costs["aws_neptune_cluster_instance.graph"]
    assert lines(graph) == [
        ("Database instance (on-demand, db.t3.medium)", "neptune:db.t3.medium", HOURS),
        ("CPU credits", "neptune:cpu-credits", None),
    ]
    assert graph.monthly_cost_after == pytest.approx(HOURS * NEPTUNE_T3_MEDIUM)
    assert graph.components[1].unit_price == pytest.approx(NEPTUNE_CPU_CREDIT)
    optimized = costs["aws_neptune_cluster_instance.optimized"]
    assert lines(optimized) == [
        (
            "Database instance (on-demand, db.r5.large, I/O-optimized)",
            "neptune:db.r5.large:iopt1",
            HOURS,
        )
    ]
    assert optimized.monthly_cost_after == pytest.approx(HOURS * NEPTUNE_R5_LARGE_IOPT1)
    snapshot = costs["aws_neptune_cluster_snapshot.graph"]
    assert lines(snapshot) == [("Backup storage", "neptune:backup", None)]


# Route 53 --------------------------------------------------------------------------------


def test_route53_health_checks_count_optional_features(costs: dict[str, ResourceCost]) -> None:
    simple = costs["aws_route53_health_check.simple"]
    assert lines(simple) == [("Health check", "route53:health-check:aws", 1)]
    assert simple.monthly_cost_after == pytest.approx(HEALTH_CHECK_AWS)
    featured = costs["aws_route53_health_check.featured"]  # HTTPS, STR_MATCH, 10 s, latency
    assert lines(featured) == [
        ("Health check", "route53:health-check:aws", 1),
        ("Optional features", "route53:health-check:option:aws", 4),
    ]
    assert featured.monthly_cost_after == pytest.approx(
        HEALTH_CHECK_AWS + 4 * HEALTH_CHECK_OPTION_AWS
    )


def test_route53_resolver_endpoint_one_eni_per_ip_address(
    costs: dict[str, ResourceCost],
) -> None:
    inbound = costs["aws_route53_resolver_endpoint.inbound"]  # two ip_address blocks
    assert lines(inbound) == [
        ("Resolver endpoints", "route53:resolver:eni:hour", 2 * HOURS),
        ("DNS queries (first 1B)", "route53:resolver:queries", None),
    ]
    assert inbound.monthly_cost_after == pytest.approx(2 * HOURS * RESOLVER_ENI_HOUR)
    assert inbound.components[1].unit_price == pytest.approx(RESOLVER_QUERIES_1M)


# Network Firewall, Client VPN, transit gateway peering, Direct Connect ------------------


def test_network_firewall_one_endpoint_per_subnet_mapping(
    costs: dict[str, ResourceCost],
) -> None:
    edge = costs["aws_networkfirewall_firewall.edge"]  # two subnet mappings
    assert lines(edge) == [
        ("Network Firewall Endpoint", "networkfirewall:endpoint:hour", 2 * HOURS),
        ("Data Processed", "networkfirewall:gb", None),
    ]
    assert edge.monthly_cost_after == pytest.approx(2 * HOURS * FIREWALL_ENDPOINT_HOUR)
    assert edge.components[1].unit_price == pytest.approx(FIREWALL_GB)
    assert costs["aws_networkfirewall_firewall_policy.policy"].status == Status.FREE


def test_client_vpn_endpoint_and_associations(costs: dict[str, ResourceCost]) -> None:
    endpoint = costs["aws_ec2_client_vpn_endpoint.vpn"]
    assert lines(endpoint) == [("Connection", "clientvpn:connection:hour", HOURS)]
    assert endpoint.monthly_cost_after == pytest.approx(HOURS * CLIENT_VPN_CONNECTION)
    for index in (0, 1):
        association = costs[f"aws_ec2_client_vpn_network_association.vpn[{index}]"]
        assert lines(association) == [("Endpoint association", "clientvpn:association:hour", HOURS)]
        assert association.monthly_cost_after == pytest.approx(HOURS * CLIENT_VPN_ASSOCIATION)


def test_transit_gateway_peering_and_direct_connect(costs: dict[str, ResourceCost]) -> None:
    peering = costs["aws_ec2_transit_gateway_peering_attachment.hub_london"]
    assert lines(peering) == [("Transit gateway attachment", "tgw:peering:hour", HOURS)]
    assert peering.monthly_cost_after == pytest.approx(HOURS * TGW_PEERING)
    hub = costs["aws_dx_gateway_association.hub"]  # with a transit gateway
    assert lines(hub) == [
        ("Transit gateway attachment", "tgw:dx-attachment:hour", HOURS),
        ("Data processed", "tgw:dx:gb", None),
    ]
    assert hub.monthly_cost_after == pytest.approx(HOURS * TGW_DX_ATTACHMENT)
    # with a virtual private gateway: nothing of its own
    assert costs["aws_dx_gateway_association.legacy"].components == ()
    assert costs["aws_dx_gateway_association.legacy"].monthly_cost_after == 0
    assert costs["aws_dx_gateway.dx"].status == Status.FREE


def test_dx_connection_port_by_bandwidth(costs: dict[str, ResourceCost]) -> None:
    ashburn = costs["aws_dx_connection.ashburn"]
    assert lines(ashburn) == [
        ("DX connection", "dx:dedicated:1gbps:hour", HOURS),
        ("Outbound data transfer (from us-east-1, to EqDC2)", "dx:data-out", None),
    ]
    assert ashburn.monthly_cost_after == pytest.approx(HOURS * DX_1GBPS_DEDICATED)
    assert ashburn.components[1].unit_price == pytest.approx(DX_DATA_OUT_US_EAST_1)
    fast = costs["aws_dx_connection.fast"]  # 10 Gbps: no source has it
    assert fast.components[0].price_key == "dx:dedicated:10gbps:hour"
    assert fast.status == Status.PRICE_NOT_FOUND


def test_dx_connection_data_out_by_region(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_dx_connection.ashburn:
    monthly_outbound_region_to_dx_location_gb: 100  # ignored: the map below wins
    monthly_outbound_from_region_to_dx_connection_location:
      us_east_1: 300
      eu_west_2: 50
""",
        encoding="utf-8",
    )
    ashburn = estimate(prices, str(path))["aws_dx_connection.ashburn"]
    assert [(c.name, c.monthly_quantity) for c in ashburn.components] == [
        ("DX connection", HOURS),
        ("Outbound data transfer (from eu-west-2, to EqDC2)", 50),
        ("Outbound data transfer (from us-east-1, to EqDC2)", 300),
    ]
    eu, us = ashburn.components[1], ashburn.components[2]
    assert us.unit_price == pytest.approx(DX_DATA_OUT_US_EAST_1)
    assert not us.approximate
    # no source has eu-west-2's rate: derived by rule, so marked approximate
    assert eu.unit_price is not None and eu.approximate


def test_global_accelerator_is_priced_in_us_east_1(costs: dict[str, ResourceCost]) -> None:
    edge = costs["aws_globalaccelerator_accelerator.edge"]  # provider eu-west-2
    assert edge.resource.region == "eu-west-2"
    assert lines(edge) == [("Fixed fee", "globalaccelerator:hour", HOURS)]
    assert edge.monthly_cost_after == pytest.approx(HOURS * GLOBAL_ACCELERATOR)
    assert not edge.components[0].approximate


# DMS ------------------------------------------------------------------------------------


def test_dms_storage_beyond_the_included_allowance(costs: dict[str, ResourceCost]) -> None:
    multi = costs["aws_dms_replication_instance.multi"]  # t2.micro, 70 GB, Multi-AZ
    assert lines(multi) == [
        ("Instance (t2.micro)", "dms:dms.t2.micro:multi-az", HOURS),
        ("Storage (general purpose SSD, gp2)", "dms:storage:multi-az", 70 - 50),
    ]
    assert multi.monthly_cost_after == pytest.approx(
        HOURS * DMS_T2_MICRO_MULTI_AZ + 20 * DMS_STORAGE_MULTI_AZ
    )
    single = costs["aws_dms_replication_instance.single"]  # default 50 GB: all included
    assert lines(single) == [("Instance (t3.medium)", "dms:dms.t3.medium:single-az", HOURS)]
    assert single.status == Status.PRICE_NOT_FOUND
    assert single.monthly_cost_after is None


# Usage file (Infracost's keys) ------------------------------------------------------------


def test_usage_file_quantities(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_wafv2_web_acl.regional:
    rule_group_rules: 10
    managed_rule_group_rules: 5
    monthly_requests: 25000000
  aws_waf_web_acl.classic:
    rule_group_rules: 3
    monthly_requests: 1000000
  aws_mq_broker.rabbitmq_cluster:
    storage_size_gb: 20
  aws_mq_broker.activemq_single:
    storage_size_gb: 5
  aws_mq_broker.activemq_standby_ebs:
    storage_size_gb: 50
  aws_docdb_cluster_instance.burst:
    data_storage_gb: 1000
    monthly_io_requests: 10000000
    monthly_cpu_credit_hrs: 10
  aws_docdb_cluster.docs:
    backup_storage_gb: 10000
  aws_neptune_cluster.graph:
    storage_gb: 100
    monthly_io_requests: 10000000
    backup_storage_gb: 1000
  aws_neptune_cluster.optimized:
    storage_gb: 100
    monthly_io_requests: 10000000
  aws_neptune_cluster_instance.graph:
    monthly_cpu_credit_hrs: 7300
  aws_route53_resolver_endpoint.inbound:
    monthly_queries: 2000000000
  aws_networkfirewall_firewall.edge:
    monthly_data_processed_gb: 100
  aws_dx_gateway_association.hub:
    monthly_data_processed_gb: 100
  aws_dx_connection.ashburn:
    monthly_outbound_region_to_dx_location_gb: 200
""",
        encoding="utf-8",
    )
    costs = estimate(prices, str(path))
    regional = costs["aws_wafv2_web_acl.regional"]
    assert dict((n, q) for n, _, q in lines(regional)) == {
        "Web ACL usage": 1,
        "Rules": 2 + 10 + 5,
        "Rule groups": 1,
        "Managed rule groups": 1,
        "Requests": 25,
    }
    assert regional.monthly_cost_after == pytest.approx(
        WAF_WEB_ACL + 19 * WAF_RULE + 25 * WAF_REQUESTS_1M
    )
    classic = costs["aws_waf_web_acl.classic"]
    assert classic.monthly_cost_after == pytest.approx(
        WAF_WEB_ACL + (1 + 3) * WAF_RULE + WAF_RULE + WAF_REQUESTS_1M
    )
    # a RabbitMQ cluster keeps the data on each of its 3 nodes
    cluster = costs["aws_mq_broker.rabbitmq_cluster"]
    assert cluster.components[1].monthly_quantity == 60
    assert cluster.monthly_cost_after == pytest.approx(
        HOURS * MQ_M5_XLARGE_RABBITMQ_CLUSTER + 60 * MQ_RABBITMQ_STORAGE
    )
    assert costs["aws_mq_broker.activemq_single"].monthly_cost_after == pytest.approx(
        HOURS * MQ_T3_MICRO_ACTIVEMQ_SINGLE + 5 * MQ_EFS_STORAGE
    )
    assert costs["aws_mq_broker.activemq_standby_ebs"].monthly_cost_after == pytest.approx(
        HOURS * MQ_M5_LARGE_ACTIVEMQ_STANDBY + 50 * MQ_EBS_STORAGE
    )
    burst = costs["aws_docdb_cluster_instance.burst"]
    assert burst.monthly_cost_after == pytest.approx(
        HOURS * DOCDB_T3_MEDIUM + 1000 * DOCDB_STORAGE + 10 * DOCDB_IO_1M + 10 * DOCDB_CPU_CREDIT
    )
    assert costs["aws_docdb_cluster.docs"].monthly_cost_after == pytest.approx(10000 * DOCDB_BACKUP)
    assert costs["aws_neptune_cluster.graph"].monthly_cost_after == pytest.approx(
        100 * NEPTUNE_STORAGE + 10 * NEPTUNE_IO_1M + 1000 * NEPTUNE_BACKUP
    )
    # I/O-Optimized storage: no I/O charge, whatever the usage file says
    assert costs["aws_neptune_cluster.optimized"].monthly_cost_after == pytest.approx(
        100 * NEPTUNE_STORAGE_IOPT1
    )
    assert costs["aws_neptune_cluster_instance.graph"].monthly_cost_after == pytest.approx(
        HOURS * NEPTUNE_T3_MEDIUM + 7300 * NEPTUNE_CPU_CREDIT
    )
    inbound = costs["aws_route53_resolver_endpoint.inbound"]  # 2B queries: two tiers
    assert [(n, q) for n, _, q in lines(inbound)][1:] == [
        ("DNS queries (first 1B)", 1000),
        ("DNS queries (over 1B)", 1000),
    ]
    assert inbound.monthly_cost_after == pytest.approx(
        2 * HOURS * RESOLVER_ENI_HOUR
        + 1000 * RESOLVER_QUERIES_1M
        + 1000 * RESOLVER_QUERIES_OVER_1B_1M
    )

    assert costs["aws_networkfirewall_firewall.edge"].monthly_cost_after == pytest.approx(
        2 * HOURS * FIREWALL_ENDPOINT_HOUR + 100 * FIREWALL_GB
    )
    assert costs["aws_dx_gateway_association.hub"].monthly_cost_after == pytest.approx(
        HOURS * TGW_DX_ATTACHMENT + 100 * TGW_DX_GB
    )

    assert costs["aws_dx_connection.ashburn"].monthly_cost_after == pytest.approx(
        HOURS * DX_1GBPS_DEDICATED + 200 * DX_DATA_OUT_US_EAST_1
    )


def test_route53_health_check_outside_aws(prices: PriceTable) -> None:
    # A text usage value (Infracost's `endpoint_type: non_aws`); the usage-file reader
    # accepts numbers only today, so the parsed form is built here.
    usage = UsageFile(
        "infracost-usage.yml",
        {},
        {"aws_route53_health_check.featured": {"endpoint_type": "non_aws"}},
        (),
    )
    result = estimate_plan(load_plan(str(fixture_plan_path(CASE))), prices, usage)
    costs = {cost.resource.address: cost for cost in result.resources}
    featured = costs["aws_route53_health_check.featured"]
    assert [c.price_key for c in featured.components] == [
        "route53:health-check:non-aws",
        "route53:health-check:option:non-aws",
    ]
    assert featured.monthly_cost_after == pytest.approx(
        HEALTH_CHECK_NON_AWS + 4 * HEALTH_CHECK_OPTION_NON_AWS
    )
