"""Issue 3 resource types, component by component, against published us-east-1 prices.

Unit prices are written here from public price lists, not read from finops-gate's table:
"AWS" = the AWS pricing page of the service (us-east-1, on-demand); "golden" = the
Infracost golden test figures in ../shared/price-sources/infracost-golden-facts/
(infracost_aws_golden_line_items.csv, column implied_unit_price); "ec2instances.info" =
../shared/price-sources/aws-ec2instancesinfo-derived/rds_instances_2021-08-03.json.
A price the bundled table does not have yet must give `price_not_found`, never $0.
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730

# EC2 (AWS)
M5_LARGE = 0.096
M5_XLARGE = 0.192
C5_LARGE = 0.085
T3_MEDIUM = 0.0416
GP2 = 0.10
GP3 = 0.08
DETAILED_MONITORING_METRIC = 0.30  # golden: "EC2 detailed monitoring", per metric-month
T3_CPU_CREDIT = 0.05  # golden: "CPU credits", per vCPU-hour
# Fargate (AWS)
FARGATE_VCPU = 0.04048
FARGATE_GB = 0.004445
FARGATE_ARM_VCPU = 0.03238
FARGATE_ARM_GB = 0.00356
FARGATE_EPHEMERAL_GB = 0.000111
# Lambda (golden)
LAMBDA_REQUESTS = 0.20
LAMBDA_GB_SECOND = 0.0000166667
LAMBDA_ARM_GB_SECOND = 0.0000133334
# Storage (golden)
SNAPSHOT = 0.05
S3_STANDARD = 0.023
S3_PUT = 0.005
S3_GET = 0.0004
EFS_STANDARD = 0.30
EFS_IA = 0.025
EFS_THROUGHPUT = 6.00
# Databases
AURORA_PG_R6G_LARGE = 0.26  # ec2instances.info, Aurora PostgreSQL
AURORA_STORAGE = 0.10  # golden
AURORA_IO = 0.20  # golden
AURORA_BACKUP = 0.021  # golden
AURORA_ACU = 0.12  # golden: "Aurora serverless v2"
RDS_M5_LARGE_SQLSERVER_SE = 0.977  # ec2instances.info, SQL Server SE (licence included)
RDS_M5_LARGE_ORACLE_SE2_LI = 0.438  # ec2instances.info, Oracle SE2 licence included
RDS_M5_LARGE_MYSQL = 0.171  # ec2instances.info
RDS_GP2 = 0.115  # golden
RDS_IO1 = 0.125  # golden
RDS_IO1_IOPS = 0.10  # golden
DYNAMODB_WCU = 0.00065  # AWS, per WCU-hour
DYNAMODB_RCU = 0.00013  # AWS, per RCU-hour
CACHE_M5_LARGE = 0.156  # AWS (golden: cache.m4.large is also 0.156)
CACHE_R6G_LARGE = 0.206  # AWS
OPENSEARCH_M5_LARGE = 0.142  # AWS
OPENSEARCH_T3_SMALL = 0.036  # AWS
OPENSEARCH_GP3 = 0.122  # golden
OPENSEARCH_GP2 = 0.135  # golden
MSK_M5_LARGE = 0.21  # AWS
MSK_STORAGE = 0.10  # golden
REDSHIFT_RA3_XLPLUS = 1.086  # AWS
# Networking (golden unless noted)
VPCE_INTERFACE = 0.01
VPN_CONNECTION = 0.05
TGW_ATTACHMENT = 0.05
TGW_GB = 0.02
CLOUDFRONT_GB = 0.085
CLOUDFRONT_HTTPS_10K = 0.01  # AWS
ROUTE53_ZONE = 0.50
ROUTE53_QUERIES = 0.40  # AWS, per 1M standard queries
PUBLIC_IPV4 = 0.005  # AWS
NAT_HOUR = 0.045
NAT_GB = 0.045
# Other (golden unless noted)
LOGS_INGEST = 0.50
LOGS_STORAGE = 0.03
ALARM_STANDARD = 0.10
ALARM_HIGH_RESOLUTION = 0.30
KMS_KEY = 1.00
KMS_REQUESTS_10K = 0.03
SECRET = 0.40
SECRETS_API_10K = 0.05
SQS_STANDARD = 0.40
SQS_FIFO = 0.50  # AWS
SNS_REQUESTS = 0.50
KINESIS_SHARD = 0.015
KINESIS_ON_DEMAND_STREAM = 0.04
SFN_TRANSITIONS_1K = 0.025
SFN_EXPRESS_REQUESTS = 1.00
REST_REQUESTS = 3.50
HTTP_REQUESTS = 1.00
WS_MESSAGES = 1.00
WS_MINUTES = 0.25


def estimate(case: str, prices: PriceTable) -> dict[str, ResourceCost]:
    result = estimate_plan(load_plan(str(fixture_plan_path(case))), prices)
    return {cost.resource.address: cost for cost in result.resources}


def keyed(cost: ResourceCost) -> list[tuple[str, float | None]]:
    return [(c.price_key, c.monthly_quantity) for c in cost.components]


def check_prices(cost: ResourceCost, expected: dict[str, float], rel: float = 1e-3) -> None:
    """Each key's unit price is the published one; a key the table lacks -> price_not_found."""
    by_key = {c.price_key: c for c in cost.components}
    missing = [key for key in expected if by_key[key].unit_price is None]
    for key, price in expected.items():
        if key not in missing:
            assert by_key[key].unit_price == pytest.approx(price, rel=rel), key
    if missing and any(not by_key[key].usage_based for key in missing):
        assert cost.status == Status.PRICE_NOT_FOUND
        assert cost.monthly_cost_after is None
        return
    total = sum(
        c.monthly_quantity * expected[c.price_key]
        for c in cost.components
        if c.monthly_quantity is not None and c.price_key in expected
    )
    assert cost.monthly_cost_after == pytest.approx(total, rel=rel)


@pytest.fixture(scope="module")
def compute(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate("compute_us_east_1", prices)


@pytest.fixture(scope="module")
def services(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate("services_us_east_1", prices)


# Compute -----------------------------------------------------------------------------


def test_spot_and_dedicated_instances_are_marked_approximate(
    compute: dict[str, ResourceCost],
) -> None:
    spot = compute["aws_instance.spot"]
    assert keyed(spot)[0] == ("ec2:m5.large:spot", HOURS)
    assert spot.components[0].approximate  # average spot price, never a list price
    assert spot.components[0].unit_price is not None
    assert spot.components[0].unit_price < M5_LARGE
    dedicated = compute["aws_instance.dedicated"]
    assert keyed(dedicated)[0] == ("ec2:m5.large:dedicated", HOURS)
    assert dedicated.status == Status.PRICED


def test_detailed_monitoring_and_cpu_credits(compute: dict[str, ResourceCost]) -> None:
    monitored = compute["aws_instance.monitored"]
    assert keyed(monitored) == [
        ("ec2:m5.large", HOURS),
        ("ebs:gp3:storage", 20),
        ("cloudwatch:metric", 7),
    ]
    check_prices(
        monitored,
        {"ec2:m5.large": M5_LARGE, "ebs:gp3:storage": GP3, "cloudwatch:metric": 0.30},
    )
    burst = compute["aws_instance.burst"]
    credits = burst.components[-1]
    assert (credits.price_key, credits.usage_based, credits.monthly_quantity) == (
        "ec2:cpu-credits:t3",
        True,
        None,
    )
    assert credits.unit_price == pytest.approx(T3_CPU_CREDIT)
    assert burst.monthly_cost_after == pytest.approx(T3_MEDIUM * HOURS + 20 * GP3)
    standard = compute["aws_instance.burst_standard"]
    assert "ec2:cpu-credits:t3" not in [key for key, _ in keyed(standard)]


def test_asg_through_launch_template(compute: dict[str, ResourceCost]) -> None:
    web = compute["aws_autoscaling_group.web"]  # desired_capacity 3
    assert keyed(web) == [("ec2:m5.large", 3 * HOURS), ("ebs:gp3:storage", 3 * 30)]
    check_prices(web, {"ec2:m5.large": M5_LARGE, "ebs:gp3:storage": GP3})
    min_only = compute["aws_autoscaling_group.min_only"]  # no desired_capacity: min_size 2
    assert keyed(min_only) == [("ec2:m5.large", 2 * HOURS), ("ebs:gp3:storage", 2 * 30)]
    assert compute["aws_launch_template.web"].status == Status.FREE


def test_asg_through_launch_configuration(compute: dict[str, ResourceCost]) -> None:
    legacy = compute["aws_autoscaling_group.legacy"]  # 2 x c5.large, 10 GB gp2, monitoring
    assert keyed(legacy) == [
        ("ec2:c5.large", 2 * HOURS),
        ("ebs:gp2:storage", 2 * 10),
        ("cloudwatch:metric", 2 * 7),  # launch configurations enable monitoring by default
    ]
    check_prices(
        legacy,
        {
            "ec2:c5.large": C5_LARGE,
            "ebs:gp2:storage": GP2,
            "cloudwatch:metric": DETAILED_MONITORING_METRIC,
        },
    )
    assert compute["aws_launch_configuration.legacy"].status == Status.FREE


def test_asg_mixed_instances(compute: dict[str, ResourceCost]) -> None:
    mixed = compute["aws_autoscaling_group.mixed"]
    # 6 instances: base 2 on-demand + 50 % of the 4 above the base = 4 on-demand, 2 spot,
    # of the first override's type (m5.xlarge)
    assert keyed(mixed) == [
        ("ec2:m5.xlarge", 4 * HOURS),
        ("ec2:m5.xlarge:spot", 2 * HOURS),
        ("ebs:gp3:storage", 6 * 30),
    ]
    assert mixed.components[0].unit_price == pytest.approx(M5_XLARGE)
    assert mixed.components[1].approximate
    assert mixed.approximate


def test_launch_template_change_prices_the_unchanged_group(prices: PriceTable) -> None:
    costs = estimate("template_change", prices)
    template = costs["aws_launch_template.app"]
    assert template.resource.action.value == "update" and template.status == Status.FREE
    group = costs["aws_autoscaling_group.app"]  # no-op itself, 2 instances
    assert group.resource.action.value == "no-op"
    assert [c.price_key for c in group.components_before][:1] == ["ec2:m5.large"]
    assert [c.price_key for c in group.components][:1] == ["ec2:m5.xlarge"]
    assert group.monthly_cost_delta == pytest.approx(2 * HOURS * (M5_XLARGE - 0.096))
    root = group.components[1]
    assert root.note and "8 GB gp2" in root.note


def test_instance_type_from_launch_template_and_fargate_spot(
    compute: dict[str, ResourceCost],
) -> None:
    instance = compute["aws_instance.from_template"]
    assert keyed(instance)[0] == ("ec2:m5.large", HOURS)
    assert instance.components[0].note == "instance type from aws_launch_template.web"
    spot = compute["aws_ecs_service.spot"]  # FARGATE_SPOT: on-demand rate, an upper bound
    assert keyed(spot) == [("fargate:vcpu:hour", 0.5 * HOURS), ("fargate:gb:hour", HOURS)]
    check_prices(spot, {"fargate:vcpu:hour": FARGATE_VCPU, "fargate:gb:hour": FARGATE_GB})
    assert spot.components[0].note and "FARGATE_SPOT" in spot.components[0].note


def test_unresolvable_template_is_price_not_found(compute: dict[str, ResourceCost]) -> None:
    external = compute["aws_autoscaling_group.external_template"]  # literal template id
    assert external.status == Status.PRICE_NOT_FOUND
    assert external.monthly_cost_after is None  # never $0
    assert external.notes == (
        "launch template not found in the plan: its instance type is unknown",
    )
    on_ec2 = compute["aws_ecs_service.on_ec2"]  # runs on the cluster's instances
    assert on_ec2.status == Status.FREE and on_ec2.monthly_cost_after == 0


def test_ecs_fargate_from_task_definition(compute: dict[str, ResourceCost]) -> None:
    api = compute["aws_ecs_service.api"]  # 3 tasks x 0.5 vCPU / 1 GB
    assert keyed(api) == [("fargate:vcpu:hour", 3 * 0.5 * HOURS), ("fargate:gb:hour", 3 * HOURS)]
    check_prices(api, {"fargate:vcpu:hour": FARGATE_VCPU, "fargate:gb:hour": FARGATE_GB})
    arm = compute["aws_ecs_service.worker_arm"]  # 2 tasks x 1 vCPU / 2 GB, ARM, 50 GB disk
    assert keyed(arm) == [
        ("fargate:arm:vcpu:hour", 2 * HOURS),
        ("fargate:arm:gb:hour", 2 * 2 * HOURS),
        ("fargate:ephemeral-storage:gb:hour", 2 * 30 * HOURS),
    ]
    check_prices(
        arm,
        {
            "fargate:arm:vcpu:hour": FARGATE_ARM_VCPU,
            "fargate:arm:gb:hour": FARGATE_ARM_GB,
            "fargate:ephemeral-storage:gb:hour": FARGATE_EPHEMERAL_GB,
        },
        rel=2e-3,
    )
    assert compute["aws_ecs_task_definition.api"].status == Status.FREE


def test_lambda_architectures(compute: dict[str, ResourceCost]) -> None:
    x86 = compute["aws_lambda_function.x86"]
    assert keyed(x86) == [("lambda:requests", None), ("lambda:gb-second", None)]
    assert x86.status == Status.USAGE_BASED and x86.monthly_cost_after == 0
    assert x86.components[1].unit_price == pytest.approx(LAMBDA_GB_SECOND)
    arm = compute["aws_lambda_function.arm"]
    assert keyed(arm)[1] == ("lambda:arm:gb-second", None)
    assert arm.components[1].unit_price == pytest.approx(LAMBDA_ARM_GB_SECOND)


def test_eks_node_group_through_launch_template(compute: dict[str, ResourceCost]) -> None:
    nodes = compute["aws_eks_node_group.templated"]
    assert keyed(nodes) == [("ec2:m5.xlarge", 2 * HOURS), ("ebs:gp3:storage", 2 * 100)]
    check_prices(nodes, {"ec2:m5.xlarge": M5_XLARGE, "ebs:gp3:storage": GP3})


# Storage -----------------------------------------------------------------------------


def test_storage(services: dict[str, ResourceCost]) -> None:
    snapshot = services["aws_ebs_snapshot.data"]  # of the 100 GB volume it references
    assert keyed(snapshot) == [("ebs:snapshot:storage", 100)]
    check_prices(snapshot, {"ebs:snapshot:storage": SNAPSHOT})
    bucket = services["aws_s3_bucket.data"]
    assert [c.price_key for c in bucket.components] == [
        "s3:standard:storage",
        "s3:standard:put",
        "s3:standard:get",
    ]
    assert [c.unit_price for c in bucket.components] == pytest.approx([S3_STANDARD, S3_PUT, S3_GET])
    assert bucket.status == Status.USAGE_BASED
    provisioned = services["aws_efs_file_system.provisioned"]
    assert keyed(provisioned)[-1] == ("efs:provisioned-throughput", 10)
    check_prices(
        provisioned,
        {
            "efs:standard:storage": EFS_STANDARD,
            "efs:ia:storage": EFS_IA,
            "efs:provisioned-throughput": EFS_THROUGHPUT,
        },
    )
    assert services["aws_efs_file_system.shared"].status == Status.USAGE_BASED


# Databases ---------------------------------------------------------------------------


def test_aurora(services: dict[str, ResourceCost]) -> None:
    for index in (0, 1):
        instance = services[f"aws_rds_cluster_instance.aurora[{index}]"]
        assert keyed(instance) == [("rds:db.r6g.large:aurora-postgresql:single-az", HOURS)]
        check_prices(
            instance, {"rds:db.r6g.large:aurora-postgresql:single-az": AURORA_PG_R6G_LARGE}
        )
    cluster = services["aws_rds_cluster.aurora"]
    assert [c.unit_price for c in cluster.components] == pytest.approx(
        [AURORA_STORAGE, AURORA_IO, AURORA_BACKUP]
    )
    assert cluster.status == Status.USAGE_BASED
    serverless = services["aws_rds_cluster_instance.serverless"]
    assert keyed(serverless) == [("aurora:serverless-v2:acu", None)]
    assert serverless.components[0].unit_price == pytest.approx(AURORA_ACU)


def test_rds_licence_included_and_io1_minimum(services: dict[str, ResourceCost]) -> None:
    sqlserver = services["aws_db_instance.sqlserver"]
    check_prices(
        sqlserver,
        {
            "rds:db.m5.large:sqlserver-se:single-az": RDS_M5_LARGE_SQLSERVER_SE,
            "rds:storage:gp2:single-az": RDS_GP2,
        },
    )
    oracle = services["aws_db_instance.oracle"]
    assert keyed(oracle)[0] == ("rds:db.m5.large:oracle-se2-li:single-az", HOURS)
    check_prices(
        oracle,
        {
            "rds:db.m5.large:oracle-se2-li:single-az": RDS_M5_LARGE_ORACLE_SE2_LI,
            "rds:storage:gp2:single-az": RDS_GP2,
        },
    )
    small = services["aws_db_instance.small_io1"]  # 50 GB allocated, billed as 100
    assert keyed(small)[1:3] == [
        ("rds:storage:io1:single-az", 100),
        ("rds:iops:io1:single-az", 1000),
    ]
    assert small.components[1].note and "at least 100 GB" in small.components[1].note
    check_prices(
        small,
        {
            "rds:db.m5.large:mysql:single-az": RDS_M5_LARGE_MYSQL,
            "rds:storage:io1:single-az": RDS_IO1,
            "rds:iops:io1:single-az": RDS_IO1_IOPS,
        },
    )


def test_dynamodb(services: dict[str, ResourceCost]) -> None:
    provisioned = services["aws_dynamodb_table.provisioned"]  # 10 WCU, 20 RCU
    assert keyed(provisioned)[:2] == [
        ("dynamodb:provisioned:wcu", 10 * HOURS),
        ("dynamodb:provisioned:rcu", 20 * HOURS),
    ]
    check_prices(
        provisioned,
        {"dynamodb:provisioned:wcu": DYNAMODB_WCU, "dynamodb:provisioned:rcu": DYNAMODB_RCU},
    )
    on_demand = services["aws_dynamodb_table.on_demand"]
    assert [key for key, _ in keyed(on_demand)] == [
        "dynamodb:ondemand:write",
        "dynamodb:ondemand:read",
        "dynamodb:storage",
    ]
    assert on_demand.status == Status.USAGE_BASED


def test_elasticache_opensearch_redshift_msk(services: dict[str, ResourceCost]) -> None:
    memcached = services["aws_elasticache_cluster.memcached"]
    assert keyed(memcached) == [("elasticache:cache.m5.large:memcached", 2 * HOURS)]
    check_prices(memcached, {"elasticache:cache.m5.large:memcached": CACHE_M5_LARGE})
    redis = services["aws_elasticache_replication_group.redis"]
    assert keyed(redis) == [("elasticache:cache.r6g.large:redis", 2 * HOURS)]
    check_prices(redis, {"elasticache:cache.r6g.large:redis": CACHE_R6G_LARGE})
    search = services["aws_opensearch_domain.search"]
    assert keyed(search) == [
        ("opensearch:m5.large.search", 2 * HOURS),
        ("opensearch:m5.large.search", 3 * HOURS),  # dedicated masters
        ("opensearch:storage:gp3", 2 * 100),
    ]
    check_prices(
        search,
        {
            "opensearch:m5.large.search": OPENSEARCH_M5_LARGE,
            "opensearch:storage:gp3": OPENSEARCH_GP3,
        },
    )
    legacy = services["aws_elasticsearch_domain.legacy"]  # t3.small.elasticsearch
    assert keyed(legacy) == [("opensearch:t3.small.search", HOURS), ("opensearch:storage:gp2", 10)]
    check_prices(
        legacy,
        {
            "opensearch:t3.small.search": OPENSEARCH_T3_SMALL,
            "opensearch:storage:gp2": OPENSEARCH_GP2,
        },
    )
    warehouse = services["aws_redshift_cluster.warehouse"]
    assert keyed(warehouse) == [
        ("redshift:ra3.xlplus", 2 * HOURS),
        ("redshift:managed-storage", None),
    ]
    check_prices(
        warehouse, {"redshift:ra3.xlplus": REDSHIFT_RA3_XLPLUS, "redshift:managed-storage": 0.024}
    )
    kafka = services["aws_msk_cluster.kafka"]
    assert keyed(kafka) == [("msk:kafka.m5.large", 3 * HOURS), ("msk:storage", 3 * 1000)]
    check_prices(kafka, {"msk:kafka.m5.large": MSK_M5_LARGE, "msk:storage": MSK_STORAGE})


# Networking --------------------------------------------------------------------------


def test_networking(services: dict[str, ResourceCost]) -> None:
    ecr = services["aws_vpc_endpoint.ecr"]  # interface endpoint in two subnets
    assert keyed(ecr) == [("vpce:interface:hour", 2 * HOURS), ("vpce:interface:gb", None)]
    check_prices(ecr, {"vpce:interface:hour": VPCE_INTERFACE, "vpce:interface:gb": 0.01})
    gateway = services["aws_vpc_endpoint.s3"]
    assert gateway.status == Status.FREE and gateway.monthly_cost_after == 0
    vpn = services["aws_vpn_connection.office"]
    check_prices(vpn, {"vpn:connection:hour": VPN_CONNECTION})
    assert vpn.monthly_cost_after == pytest.approx(VPN_CONNECTION * HOURS)
    attachment = services["aws_ec2_transit_gateway_vpc_attachment.main"]
    check_prices(attachment, {"tgw:attachment:hour": TGW_ATTACHMENT, "tgw:gb": TGW_GB})
    eip = services["aws_eip.nat"]
    assert eip.components[0].name == "Public IPv4 address (used by aws_nat_gateway.main)"
    assert eip.monthly_cost_after == pytest.approx(PUBLIC_IPV4 * HOURS)


def test_global_services_are_priced_in_us_east_1(prices: PriceTable) -> None:
    costs = estimate("three_regions", prices)
    zone = costs["aws_route53_zone.main"]
    assert zone.resource.region == "ap-southeast-1"
    assert keyed(zone) == [("route53:zone", 1)]
    check_prices(zone, {"route53:zone": ROUTE53_ZONE})
    assert not zone.approximate  # the published us-east-1 price, not a derived one
    record = costs["aws_route53_record.www"]
    assert keyed(record) == [("route53:queries", None)]
    assert record.components[0].unit_price == pytest.approx(ROUTE53_QUERIES)
    assert record.status == Status.USAGE_BASED
    cdn = costs["aws_cloudfront_distribution.cdn"]
    assert [c.unit_price for c in cdn.components] == pytest.approx(
        [CLOUDFRONT_GB, CLOUDFRONT_HTTPS_10K]
    )
    assert not cdn.approximate


# Other -------------------------------------------------------------------------------


def test_other_services(services: dict[str, ResourceCost]) -> None:
    check_prices(
        services["aws_cloudwatch_metric_alarm.cpu"], {"cloudwatch:alarm:standard": ALARM_STANDARD}
    )
    fast = services["aws_cloudwatch_metric_alarm.fast"]  # period 10 s
    check_prices(fast, {"cloudwatch:alarm:high-resolution": ALARM_HIGH_RESOLUTION})
    logs = services["aws_cloudwatch_log_group.app"]
    assert [c.unit_price for c in logs.components] == pytest.approx([LOGS_INGEST, LOGS_STORAGE])
    check_prices(
        services["aws_kms_key.main"], {"kms:key": KMS_KEY, "kms:requests": KMS_REQUESTS_10K}
    )
    check_prices(
        services["aws_secretsmanager_secret.db"],
        {"secretsmanager:secret": SECRET, "secretsmanager:api": SECRETS_API_10K},
    )
    assert services["aws_sqs_queue.jobs"].components[0].unit_price == pytest.approx(SQS_STANDARD)
    assert services["aws_sqs_queue.ordered"].components[0].unit_price == pytest.approx(SQS_FIFO)
    assert services["aws_sns_topic.alerts"].components[0].unit_price == pytest.approx(SNS_REQUESTS)
    events = services["aws_kinesis_stream.events"]  # 2 shards
    assert keyed(events)[0] == ("kinesis:shard", 2 * HOURS)
    check_prices(events, {"kinesis:shard": KINESIS_SHARD})
    on_demand = services["aws_kinesis_stream.on_demand"]
    check_prices(on_demand, {"kinesis:ondemand:stream": KINESIS_ON_DEMAND_STREAM})
    flow = services["aws_sfn_state_machine.flow"]
    assert flow.components[0].unit_price == pytest.approx(SFN_TRANSITIONS_1K)
    express = services["aws_sfn_state_machine.express"]
    assert express.components[0].unit_price == pytest.approx(SFN_EXPRESS_REQUESTS)
    rest = services["aws_api_gateway_rest_api.rest"]
    assert rest.components[0].unit_price == pytest.approx(REST_REQUESTS)
    http = services["aws_apigatewayv2_api.http"]
    assert keyed(http) == [("apigateway:http:requests", None)]
    assert http.components[0].unit_price == pytest.approx(HTTP_REQUESTS)
    ws = services["aws_apigatewayv2_api.ws"]
    assert [c.unit_price for c in ws.components] == pytest.approx([WS_MESSAGES, WS_MINUTES])
    for address in ("aws_sqs_queue.jobs", "aws_sns_topic.alerts", "aws_api_gateway_rest_api.rest"):
        assert services[address].status == Status.USAGE_BASED


def test_route53_records(services: dict[str, ResourceCost]) -> None:
    assert services["aws_route53_record.www"].components[0].price_key == "route53:queries"
    alias = services["aws_route53_record.apex"]  # alias queries to AWS resources are free
    assert alias.status == Status.FREE and alias.components == ()


def test_three_regions_prices_every_resource(prices: PriceTable) -> None:
    costs = estimate("three_regions", prices)
    regions = {cost.resource.region for cost in costs.values()}
    assert regions == {"us-east-1", "eu-west-1", "ap-southeast-1"}
    for address, cost in costs.items():
        assert cost.status in (Status.PRICED, Status.FREE, Status.USAGE_BASED), address
    kinds = {cost.resource.type for cost in costs.values()}
    assert len(kinds) >= 40
    # ap-southeast-1 figures the sources do not publish are derived and marked approximate
    assert any(cost.approximate for cost in costs.values())
    for module, region in (("us", "us-east-1"), ("eu", "eu-west-1"), ("ap", "ap-southeast-1")):
        group = costs[f"module.{module}.aws_autoscaling_group.app"]
        assert group.resource.region == region
        assert keyed(group) == [("ec2:m5.large", 2 * HOURS), ("ebs:gp3:storage", 2 * 20)]
        assert costs[f"module.{module}.aws_launch_template.app"].status == Status.FREE
    assert costs["module.us.aws_autoscaling_group.app"].components[0].unit_price == M5_LARGE
    assert costs["module.eu.aws_autoscaling_group.app"].components[0].unit_price == 0.107  # AWS
    assert costs["module.ap.aws_autoscaling_group.app"].components[0].unit_price == 0.12  # AWS
