"""Which Infracost golden line items (infracost-golden-facts/) give which price key, and the
published list prices (`FACTS`) checked against them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from finops_gate.pricing.build.base import HOURS_PER_MONTH

GOLDEN_FILE = "infracost-golden-facts/infracost_aws_golden_line_items.csv"

# A quotient cost / quantity with more significant digits than this is the artefact of a
# monthly cost rounded to cents (16.43 / 730 = 0.0225068...), not a published unit price.
GOLDEN_MAX_DIGITS = 6
CENT = Decimal("0.01")
DIME = Decimal("0.1")


@dataclass(frozen=True)
class GoldenSpec:
    """Which golden line items give a price key."""

    key: str
    test: str  # regular expression matching the whole test name
    line_items: tuple[str, ...]
    resource: str = ""  # regular expression searched in the resource address; "" = any
    per_month: bool = False  # Infracost shows the unit price per unit-month (730 hours)
    # Infracost's unit price = our unit price x scale (exact unit conversion, e.g. 3600 for
    # per GB-hour vs our per GB-second, 1e-6 for per unit vs our per 1M units)
    scale: Decimal = Decimal(1)
    # The rows mix prices of several kinds (CloudFront: one line item per edge location
    # geography): a price must reproduce at least one row, not all; only used with FACTS.
    any_row: bool = False
    # Infracost shows a "$X per unit" price of 0.1 or more to two decimals (0.225 as
    # "$0.23"): such a row only proves the price to the cent.
    shown_to_cents: bool = False

    @property
    def shown(self) -> Decimal:
        """Infracost's unit price / ours."""
        return self.scale * (HOURS_PER_MONTH if self.per_month else Decimal(1))


RDS_SINGLE_AZ = r"^(?!.*(?:multi[-_]az|aurora))"  # resource names say multi-az / aurora
RDS_MULTI_AZ = r"^(?!.*aurora).*multi[-_]az"

GOLDEN_SPECS: tuple[GoldenSpec, ...] = (
    GoldenSpec("ebs:gp2:storage", "ebs_volume_test", ("Storage (general purpose SSD, gp2)",)),
    GoldenSpec("ebs:gp3:storage", "ebs_volume_test", ("Storage (general purpose SSD, gp3)",)),
    GoldenSpec("ebs:io1:storage", "ebs_volume_test", ("Storage (provisioned IOPS SSD, io1)",)),
    GoldenSpec("ebs:io2:storage", "ebs_volume_test", ("Storage (provisioned IOPS SSD, io2)",)),
    GoldenSpec("ebs:st1:storage", "ebs_volume_test", ("Storage (throughput optimized HDD, st1)",)),
    GoldenSpec("ebs:sc1:storage", "ebs_volume_test", ("Storage (cold HDD, sc1)",)),
    GoldenSpec("ebs:standard:storage", "ebs_volume_test", ("Storage (magnetic)",)),
    GoldenSpec("ebs:standard:io", "ebs_volume_test", ("I/O requests",)),
    GoldenSpec("ebs:gp3:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.gp3$"),
    GoldenSpec("ebs:gp3:throughput", "ebs_volume_test", ("Provisioned throughput",), r"\.gp3$"),
    GoldenSpec("ebs:io1:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.io1$"),
    GoldenSpec("ebs:io2:iops", "ebs_volume_test", ("Provisioned IOPS",), r"\.io2$"),
    GoldenSpec("natgw:hour", "nat_gateway_test", ("NAT gateway",)),
    GoldenSpec("natgw:gb", "nat_gateway_test", ("Data processed",)),
    GoldenSpec("elb:application:hour", "lb_test", ("Application load balancer",)),
    GoldenSpec(
        "elb:application:lcu",
        "lb_test",
        ("Load balancer capacity units",),
        r"\.(alb1|alb1_usage|lb1)$",
        per_month=True,
    ),
    GoldenSpec("elb:network:hour", "lb_test", ("Network load balancer",)),
    GoldenSpec(
        "elb:network:lcu",
        "lb_test",
        ("Load balancer capacity units",),
        r"\.nlb1(_usage)?$",
        per_month=True,
    ),
    GoldenSpec("elb:classic:hour", "elb_test", ("Classic load balancer",)),
    GoldenSpec("elb:classic:gb", "elb_test", ("Data processed",)),
    GoldenSpec("eip:idle:hour", "eip_test", ("IP address (if unused)",)),
    GoldenSpec("eks:cluster:hour", "eks_cluster_test", ("EKS cluster",)),
    GoldenSpec(
        "eks:cluster:extended:hour", "eks_cluster_test", ("EKS cluster (extended support)",)
    ),
    GoldenSpec("lambda:requests", "lambda_function_test", ("Requests",)),
    # x86 duration; Arm functions' first tier is "Duration (first 7.5B)"
    GoldenSpec("lambda:gb-second", "lambda_function_test", ("Duration (first 6B)",)),
    # bucket1 of s3_bucket_test has only Standard storage (first 50 TB tier); the eu-west-2
    # bucket of kinesis_firehose_delivery_stream_test too
    GoldenSpec(
        "s3:standard:storage",
        "s3_bucket_test|kinesis_firehose_delivery_stream_test",
        ("Storage",),
        r"aws_s3_bucket\.(bucket1|bucket)$",
    ),
    GoldenSpec(
        "rds:db.t3.large:mysql:multi-az",
        "db_instance_test",
        ("Database instance (on-demand, Multi-AZ, db.t3.large)",),
        r"\.mysql-multi-az$",
    ),
    GoldenSpec(
        "rds:storage:gp2:single-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp2:multi-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp3:single-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:storage:gp3:multi-az",
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        "rds:storage:io1:single-az",
        "db_instance_test",
        ("Storage (provisioned IOPS SSD, io1)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec("rds:iops:io1:single-az", "db_instance_test", ("Provisioned IOPS",), RDS_SINGLE_AZ),
    GoldenSpec(
        "rds:storage:standard:single-az", "db_instance_test", ("Storage (magnetic)",), RDS_SINGLE_AZ
    ),
    GoldenSpec(
        "rds:iops:gp3:single-az",
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        "rds:iops:gp3:multi-az",
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_MULTI_AZ,
    ),
    GoldenSpec("rds:backup", "db_instance_test", ("Additional backup storage",), r"^(?!.*aurora)"),
    GoldenSpec("ec2:cpu-credits:t2", "instance_test", ("CPU credits",), r"\.t2_unlimited"),
    GoldenSpec("ec2:cpu-credits:t3", "instance_test", ("CPU credits",), r"\.t3_unlimited"),
    GoldenSpec("cloudwatch:metric", "instance_test", ("EC2 detailed monitoring",)),
    GoldenSpec(
        "ec2:m3.medium:dedicated",
        "autoscaling_group_test",
        ("Instance usage (Linux/UNIX, on-demand, m3.medium)",),
        r"tenancy_dedicated$",
    ),
    GoldenSpec("ebs:snapshot:storage", "ebs_snapshot_test", ("EBS snapshot storage",)),
    GoldenSpec("fargate:vcpu:hour", "ecs_service_test", ("Per vCPU per hour",), per_month=True),
    GoldenSpec("fargate:gb:hour", "ecs_service_test", ("Per GB per hour",), per_month=True),
    GoldenSpec("lambda:arm:gb-second", "lambda_function_test", ("Duration (first 7.5B)",)),
    # the Standard-class bucket of cloudfront_distribution_test (s3_bucket_test mixes classes)
    GoldenSpec(
        "s3:standard:put",
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("PUT, COPY, POST, LIST requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec(
        "s3:standard:get",
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("GET, SELECT, and all other requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec("efs:standard:storage", "efs_file_system_test", ("Storage (standard)",)),
    GoldenSpec(
        "efs:ia:storage", "efs_file_system_test", ("Storage (standard, infrequent access)",)
    ),
    GoldenSpec("efs:one-zone:storage", "efs_file_system_test", ("Storage (one zone)",)),
    GoldenSpec("efs:provisioned-throughput", "efs_file_system_test", ("Provisioned throughput",)),
    # rds_cluster_test's my_sql_brazil is in sa-east-1; io_optimized is another storage config
    GoldenSpec("aurora:storage", "rds_cluster_test", ("Storage",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec(
        "aurora:storage:iopt1",
        "rds_cluster_test",
        ("Storage (I/O-optimized)",),
        r"io_optim",
        shown_to_cents=True,
    ),
    GoldenSpec("aurora:io", "rds_cluster_test", ("I/O requests",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec("aurora:backup", "rds_cluster_test", ("Backup storage",), r"^(?!.*brazil)"),
    GoldenSpec("aurora:serverless-v2:acu", "rds_cluster_instance_test", ("Aurora serverless v2",)),
    # DynamoDB: the golden outputs are us-east-2 only
    GoldenSpec(
        "dynamodb:provisioned:wcu", "dynamodb_table_test", ("Write capacity unit (WCU)",), "", True
    ),
    GoldenSpec(
        "dynamodb:provisioned:rcu", "dynamodb_table_test", ("Read capacity unit (RCU)",), "", True
    ),
    GoldenSpec("dynamodb:storage", "dynamodb_table_test", ("Data storage",)),
    GoldenSpec(
        "dynamodb:ondemand:write",
        "dynamodb_table_test",
        ("Write request unit (WRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec(
        "dynamodb:ondemand:read",
        "dynamodb_table_test",
        ("Read request unit (RRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec("opensearch:storage:gp2", "opensearch_domain_test", ("Storage (gp2)",)),
    GoldenSpec("opensearch:storage:gp3", "elasticsearch_domain_test", ("Storage (gp3)",)),
    GoldenSpec("opensearch:gp3:throughput", "elasticsearch_domain_test", ("Throughput (gp3)",)),
    *(
        GoldenSpec(
            f"redshift:{node}", "redshift_cluster_test", (f"Cluster usage (on-demand, {node})",)
        )
        for node in ("dc2.large", "ds2.8xlarge", "ra3.4xlarge", "ra3.16xlarge")
    ),
    GoldenSpec(
        "redshift:managed-storage",
        "redshift_cluster_test",
        ("Managed storage (ra3.4xlarge)", "Managed storage (ra3.16xlarge)"),
    ),
    *(
        GoldenSpec(f"msk:kafka.{node}", "msk_cluster_test", (f"Instance (kafka.{node})",))
        for node in ("m5.24xlarge", "t3.small")
    ),
    GoldenSpec("msk:storage", "msk_cluster_test", ("Storage",)),
    GoldenSpec("vpce:interface:hour", "vpc_endpoint_test", ("Endpoint (Interface)",)),
    GoldenSpec("vpce:interface:gb", "vpc_endpoint_test", ("Data processed (first 1PB)",)),
    GoldenSpec(
        "vpce:gateway-load-balancer:hour",
        "vpc_endpoint_test",
        ("Endpoint (GatewayLoadBalancer)",),
    ),
    GoldenSpec("vpn:connection:hour", "vpn_connection_test", ("VPN connection",)),
    GoldenSpec(
        "tgw:attachment:hour",
        "ec2_transit_gateway_vpc_attachment_test",
        ("Transit gateway attachment",),
    ),
    GoldenSpec("tgw:gb", "ec2_transit_gateway_vpc_attachment_test", ("Data processed",)),
    GoldenSpec(
        "cloudfront:data-out",
        "cloudfront_distribution_test",
        ("Data transfer out to internet (first 10TB)",),
        any_row=True,
    ),
    GoldenSpec(
        "cloudfront:requests:https",
        "cloudfront_distribution_test",
        ("HTTPS requests",),
        r"\.s3_distribution_3_with_ssl$",
    ),
    GoldenSpec("route53:zone", "route53_zone_test", ("Hosted zone",)),
    GoldenSpec("route53:queries", "route53_record_test", ("Standard queries (first 1B)",)),
    GoldenSpec("cloudwatch:logs:ingest", "cloudwatch_log_group_test", ("Data ingested",)),
    GoldenSpec("cloudwatch:logs:storage", "cloudwatch_log_group_test", ("Archival Storage",)),
    GoldenSpec(
        "cloudwatch:alarm:standard", "cloudwatch_metric_alarm_test", ("Standard resolution",)
    ),
    GoldenSpec(
        "cloudwatch:alarm:high-resolution", "cloudwatch_metric_alarm_test", ("High resolution",)
    ),
    GoldenSpec("kms:key", "kms_key_test", ("Customer master key",)),
    GoldenSpec("kms:requests", "kms_key_test", ("Requests",)),
    GoldenSpec("secretsmanager:secret", "secretsmanager_secret_test", ("Secret",)),
    GoldenSpec("secretsmanager:api", "secretsmanager_secret_test", ("API requests",)),
    GoldenSpec("sqs:standard:requests", "sqs_queue_test", ("Requests",), r"\.standard_"),
    GoldenSpec("sqs:fifo:requests", "sqs_queue_test", ("Requests",), r"\.fifo_"),
    GoldenSpec("sns:requests", "sns_topic_test", ("API requests (over 1M)",)),
    GoldenSpec("kinesis:shard", "kinesis_stream_test", ("PROVISIONED",)),
    GoldenSpec(
        "kinesis:put-units", "kinesis_stream_test", ("Put request unit",), scale=Decimal("1e-6")
    ),
    GoldenSpec("kinesis:ondemand:stream", "kinesis_stream_test", ("ON_DEMAND",)),
    GoldenSpec("kinesis:ondemand:gb-in", "kinesis_stream_test", ("Data ingested",), "on_demand"),
    GoldenSpec("sfn:standard:transitions", "sfn_state_machine_test", ("Transitions",)),
    GoldenSpec("sfn:express:requests", "sfn_state_machine_test", ("Requests",)),
    GoldenSpec(
        "sfn:express:gb-second",
        "sfn_state_machine_test",
        ("Duration (first 1K)",),
        scale=Decimal(3600),  # Infracost shows per GB-hour
    ),
    GoldenSpec("apigateway:rest:requests", "api_gateway_rest_api_test", ("Requests (first 333M)",)),
    GoldenSpec("apigateway:http:requests", "apigatewayv2_api_test", ("Requests (first 300M)",)),
    GoldenSpec("apigateway:websocket:messages", "apigatewayv2_api_test", ("Messages (first 1B)",)),
    GoldenSpec("apigateway:websocket:minutes", "apigatewayv2_api_test", ("Connection duration",)),
)
GOLDEN_BY_KEY = {spec.key: spec for spec in GOLDEN_SPECS}

# Published list prices (key -> price in the key's unit) for keys whose golden line items only
# show cents-rounded costs, or mix several prices (CloudFront geographies). Each must reproduce
# its golden rows; region: where those rows are.
FACTS: dict[str, dict[str, str]] = {
    "us-east-1": {
        "fargate:vcpu:hour": "0.04048",
        "fargate:gb:hour": "0.004445",
        "msk:kafka.t3.small": "0.0456",
        "cloudfront:data-out": "0.085",  # United States, Mexico & Canada, first 10 TB
        # Aurora I/O-Optimized storage (https://aws.amazon.com/rds/aurora/pricing/)
        "aurora:storage:iopt1": "0.225",
    },
    "us-east-2": {
        "dynamodb:provisioned:wcu": "0.00065",
        "dynamodb:provisioned:rcu": "0.00013",
        "dynamodb:ondemand:write": "0.625",
        "dynamodb:ondemand:read": "0.125",
    },
}
