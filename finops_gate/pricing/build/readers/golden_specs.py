"""Which Infracost golden line items (infracost-golden-facts/) give which price key, and the
published list prices (`FACTS`) checked against them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from finops_gate.pricing import keys
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
    GoldenSpec(keys.EBS_GP2_STORAGE, "ebs_volume_test", ("Storage (general purpose SSD, gp2)",)),
    GoldenSpec(keys.EBS_GP3_STORAGE, "ebs_volume_test", ("Storage (general purpose SSD, gp3)",)),
    GoldenSpec(keys.EBS_IO1_STORAGE, "ebs_volume_test", ("Storage (provisioned IOPS SSD, io1)",)),
    GoldenSpec(keys.EBS_IO2_STORAGE, "ebs_volume_test", ("Storage (provisioned IOPS SSD, io2)",)),
    GoldenSpec(
        keys.EBS_ST1_STORAGE, "ebs_volume_test", ("Storage (throughput optimized HDD, st1)",)
    ),
    GoldenSpec(keys.EBS_SC1_STORAGE, "ebs_volume_test", ("Storage (cold HDD, sc1)",)),
    GoldenSpec(keys.EBS_STANDARD_STORAGE, "ebs_volume_test", ("Storage (magnetic)",)),
    GoldenSpec(keys.EBS_STANDARD_IO, "ebs_volume_test", ("I/O requests",)),
    GoldenSpec(keys.EBS_GP3_IOPS, "ebs_volume_test", ("Provisioned IOPS",), r"\.gp3$"),
    GoldenSpec(keys.EBS_GP3_THROUGHPUT, "ebs_volume_test", ("Provisioned throughput",), r"\.gp3$"),
    GoldenSpec(keys.EBS_IO1_IOPS, "ebs_volume_test", ("Provisioned IOPS",), r"\.io1$"),
    GoldenSpec(keys.EBS_IO2_IOPS, "ebs_volume_test", ("Provisioned IOPS",), r"\.io2$"),
    GoldenSpec(keys.NATGW_HOUR, "nat_gateway_test", ("NAT gateway",)),
    GoldenSpec(keys.NATGW_GB, "nat_gateway_test", ("Data processed",)),
    GoldenSpec(keys.ELB_APPLICATION_HOUR, "lb_test", ("Application load balancer",)),
    GoldenSpec(
        keys.ELB_APPLICATION_LCU,
        "lb_test",
        ("Load balancer capacity units",),
        r"\.(alb1|alb1_usage|lb1)$",
        per_month=True,
    ),
    GoldenSpec(keys.ELB_NETWORK_HOUR, "lb_test", ("Network load balancer",)),
    GoldenSpec(
        keys.ELB_NETWORK_LCU,
        "lb_test",
        ("Load balancer capacity units",),
        r"\.nlb1(_usage)?$",
        per_month=True,
    ),
    GoldenSpec(keys.ELB_CLASSIC_HOUR, "elb_test", ("Classic load balancer",)),
    GoldenSpec(keys.ELB_CLASSIC_GB, "elb_test", ("Data processed",)),
    GoldenSpec(keys.EIP_IDLE_HOUR, "eip_test", ("IP address (if unused)",)),
    GoldenSpec(keys.EKS_CLUSTER_HOUR, "eks_cluster_test", ("EKS cluster",)),
    GoldenSpec(
        keys.EKS_CLUSTER_EXTENDED_HOUR, "eks_cluster_test", ("EKS cluster (extended support)",)
    ),
    GoldenSpec(keys.LAMBDA_REQUESTS, "lambda_function_test", ("Requests",)),
    # x86 duration; Arm functions' first tier is "Duration (first 7.5B)"
    GoldenSpec(keys.LAMBDA_GB_SECOND, "lambda_function_test", ("Duration (first 6B)",)),
    # bucket1 of s3_bucket_test has only Standard storage (first 50 TB tier); the eu-west-2
    # bucket of kinesis_firehose_delivery_stream_test too
    GoldenSpec(
        keys.S3_STANDARD_STORAGE,
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
        keys.RDS_STORAGE_GP2_SINGLE_AZ,
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        keys.RDS_STORAGE_GP2_MULTI_AZ,
        "db_instance_test",
        ("Storage (general purpose SSD, gp2)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        keys.RDS_STORAGE_GP3_SINGLE_AZ,
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        keys.RDS_STORAGE_GP3_MULTI_AZ,
        "db_instance_test",
        ("Storage (general purpose SSD, gp3)",),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        keys.RDS_STORAGE_IO1_SINGLE_AZ,
        "db_instance_test",
        ("Storage (provisioned IOPS SSD, io1)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        keys.RDS_IOPS_IO1_SINGLE_AZ, "db_instance_test", ("Provisioned IOPS",), RDS_SINGLE_AZ
    ),
    GoldenSpec(
        keys.RDS_STORAGE_STANDARD_SINGLE_AZ,
        "db_instance_test",
        ("Storage (magnetic)",),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        keys.RDS_IOPS_GP3_SINGLE_AZ,
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_SINGLE_AZ,
    ),
    GoldenSpec(
        keys.RDS_IOPS_GP3_MULTI_AZ,
        "db_instance_test",
        ("Provisioned GP3 IOPS (above 3,000)", "Provisioned GP3 IOPS (above 12,000)"),
        RDS_MULTI_AZ,
    ),
    GoldenSpec(
        keys.RDS_BACKUP, "db_instance_test", ("Additional backup storage",), r"^(?!.*aurora)"
    ),
    GoldenSpec(keys.EC2_CPU_CREDITS_T2, "instance_test", ("CPU credits",), r"\.t2_unlimited"),
    GoldenSpec(keys.EC2_CPU_CREDITS_T3, "instance_test", ("CPU credits",), r"\.t3_unlimited"),
    GoldenSpec(keys.CLOUDWATCH_METRIC, "instance_test", ("EC2 detailed monitoring",)),
    GoldenSpec(
        "ec2:m3.medium:dedicated",
        "autoscaling_group_test",
        ("Instance usage (Linux/UNIX, on-demand, m3.medium)",),
        r"tenancy_dedicated$",
    ),
    GoldenSpec(keys.EBS_SNAPSHOT_STORAGE, "ebs_snapshot_test", ("EBS snapshot storage",)),
    GoldenSpec(keys.FARGATE_VCPU_HOUR, "ecs_service_test", ("Per vCPU per hour",), per_month=True),
    GoldenSpec(keys.FARGATE_GB_HOUR, "ecs_service_test", ("Per GB per hour",), per_month=True),
    GoldenSpec(keys.LAMBDA_ARM_GB_SECOND, "lambda_function_test", ("Duration (first 7.5B)",)),
    # the Standard-class bucket of cloudfront_distribution_test (s3_bucket_test mixes classes)
    GoldenSpec(
        keys.S3_STANDARD_PUT,
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("PUT, COPY, POST, LIST requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec(
        keys.S3_STANDARD_GET,
        "cloudfront_distribution_test|kinesis_firehose_delivery_stream_test",
        ("GET, SELECT, and all other requests",),
        r"aws_s3_bucket\.(b|bucket)$",
    ),
    GoldenSpec(keys.EFS_STANDARD_STORAGE, "efs_file_system_test", ("Storage (standard)",)),
    GoldenSpec(
        keys.EFS_IA_STORAGE, "efs_file_system_test", ("Storage (standard, infrequent access)",)
    ),
    GoldenSpec(keys.EFS_ONE_ZONE_STORAGE, "efs_file_system_test", ("Storage (one zone)",)),
    GoldenSpec(
        keys.EFS_PROVISIONED_THROUGHPUT, "efs_file_system_test", ("Provisioned throughput",)
    ),
    # rds_cluster_test's my_sql_brazil is in sa-east-1; io_optimized is another storage config
    GoldenSpec(keys.AURORA_STORAGE, "rds_cluster_test", ("Storage",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec(
        keys.AURORA_STORAGE_IOPT1,
        "rds_cluster_test",
        ("Storage (I/O-optimized)",),
        r"io_optim",
        shown_to_cents=True,
    ),
    GoldenSpec(keys.AURORA_IO, "rds_cluster_test", ("I/O requests",), r"^(?!.*(brazil|io_optim))"),
    GoldenSpec(keys.AURORA_BACKUP, "rds_cluster_test", ("Backup storage",), r"^(?!.*brazil)"),
    GoldenSpec(
        keys.AURORA_SERVERLESS_V2_ACU, "rds_cluster_instance_test", ("Aurora serverless v2",)
    ),
    # DynamoDB: the golden outputs are us-east-2 only
    GoldenSpec(
        keys.DYNAMODB_PROVISIONED_WCU,
        "dynamodb_table_test",
        ("Write capacity unit (WCU)",),
        "",
        True,
    ),
    GoldenSpec(
        keys.DYNAMODB_PROVISIONED_RCU,
        "dynamodb_table_test",
        ("Read capacity unit (RCU)",),
        "",
        True,
    ),
    GoldenSpec(keys.DYNAMODB_STORAGE, "dynamodb_table_test", ("Data storage",)),
    GoldenSpec(
        keys.DYNAMODB_ONDEMAND_WRITE,
        "dynamodb_table_test",
        ("Write request unit (WRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec(
        keys.DYNAMODB_ONDEMAND_READ,
        "dynamodb_table_test",
        ("Read request unit (RRU)",),
        scale=Decimal("1e-6"),
    ),
    GoldenSpec(keys.OPENSEARCH_STORAGE_GP2, "opensearch_domain_test", ("Storage (gp2)",)),
    GoldenSpec(keys.OPENSEARCH_STORAGE_GP3, "elasticsearch_domain_test", ("Storage (gp3)",)),
    GoldenSpec(keys.OPENSEARCH_GP3_THROUGHPUT, "elasticsearch_domain_test", ("Throughput (gp3)",)),
    *(
        GoldenSpec(
            keys.redshift_node(node),
            "redshift_cluster_test",
            (f"Cluster usage (on-demand, {node})",),
        )
        for node in ("dc2.large", "ds2.8xlarge", "ra3.4xlarge", "ra3.16xlarge")
    ),
    GoldenSpec(
        keys.REDSHIFT_MANAGED_STORAGE,
        "redshift_cluster_test",
        ("Managed storage (ra3.4xlarge)", "Managed storage (ra3.16xlarge)"),
    ),
    *(
        GoldenSpec(
            keys.msk_broker(f"kafka.{node}"), "msk_cluster_test", (f"Instance (kafka.{node})",)
        )
        for node in ("m5.24xlarge", "t3.small")
    ),
    GoldenSpec(keys.MSK_STORAGE, "msk_cluster_test", ("Storage",)),
    GoldenSpec(keys.VPCE_INTERFACE_HOUR, "vpc_endpoint_test", ("Endpoint (Interface)",)),
    GoldenSpec(keys.VPCE_INTERFACE_GB, "vpc_endpoint_test", ("Data processed (first 1PB)",)),
    GoldenSpec(
        keys.VPCE_GATEWAY_LOAD_BALANCER_HOUR,
        "vpc_endpoint_test",
        ("Endpoint (GatewayLoadBalancer)",),
    ),
    GoldenSpec(keys.VPN_CONNECTION_HOUR, "vpn_connection_test", ("VPN connection",)),
    GoldenSpec(
        keys.TGW_ATTACHMENT_HOUR,
        "ec2_transit_gateway_vpc_attachment_test",
        ("Transit gateway attachment",),
    ),
    GoldenSpec(keys.TGW_GB, "ec2_transit_gateway_vpc_attachment_test", ("Data processed",)),
    GoldenSpec(
        keys.CLOUDFRONT_DATA_OUT,
        "cloudfront_distribution_test",
        ("Data transfer out to internet (first 10TB)",),
        any_row=True,
    ),
    GoldenSpec(
        keys.CLOUDFRONT_REQUESTS_HTTPS,
        "cloudfront_distribution_test",
        ("HTTPS requests",),
        r"\.s3_distribution_3_with_ssl$",
    ),
    GoldenSpec(keys.ROUTE53_ZONE, "route53_zone_test", ("Hosted zone",)),
    GoldenSpec(keys.ROUTE53_QUERIES, "route53_record_test", ("Standard queries (first 1B)",)),
    GoldenSpec(keys.CLOUDWATCH_LOGS_INGEST, "cloudwatch_log_group_test", ("Data ingested",)),
    GoldenSpec(keys.CLOUDWATCH_LOGS_STORAGE, "cloudwatch_log_group_test", ("Archival Storage",)),
    GoldenSpec(
        keys.CLOUDWATCH_ALARM_STANDARD, "cloudwatch_metric_alarm_test", ("Standard resolution",)
    ),
    GoldenSpec(
        keys.CLOUDWATCH_ALARM_HIGH_RESOLUTION, "cloudwatch_metric_alarm_test", ("High resolution",)
    ),
    GoldenSpec(keys.KMS_KEY, "kms_key_test", ("Customer master key",)),
    GoldenSpec(keys.KMS_REQUESTS, "kms_key_test", ("Requests",)),
    GoldenSpec(keys.SECRETSMANAGER_SECRET, "secretsmanager_secret_test", ("Secret",)),
    GoldenSpec(keys.SECRETSMANAGER_API, "secretsmanager_secret_test", ("API requests",)),
    GoldenSpec(keys.SQS_STANDARD_REQUESTS, "sqs_queue_test", ("Requests",), r"\.standard_"),
    GoldenSpec(keys.SQS_FIFO_REQUESTS, "sqs_queue_test", ("Requests",), r"\.fifo_"),
    GoldenSpec(keys.SNS_REQUESTS, "sns_topic_test", ("API requests (over 1M)",)),
    GoldenSpec(keys.KINESIS_SHARD, "kinesis_stream_test", ("PROVISIONED",)),
    GoldenSpec(
        keys.KINESIS_PUT_UNITS, "kinesis_stream_test", ("Put request unit",), scale=Decimal("1e-6")
    ),
    GoldenSpec(keys.KINESIS_ONDEMAND_STREAM, "kinesis_stream_test", ("ON_DEMAND",)),
    GoldenSpec(keys.KINESIS_ONDEMAND_GB_IN, "kinesis_stream_test", ("Data ingested",), "on_demand"),
    GoldenSpec(keys.SFN_STANDARD_TRANSITIONS, "sfn_state_machine_test", ("Transitions",)),
    GoldenSpec(keys.SFN_EXPRESS_REQUESTS, "sfn_state_machine_test", ("Requests",)),
    GoldenSpec(
        keys.SFN_EXPRESS_GB_SECOND,
        "sfn_state_machine_test",
        ("Duration (first 1K)",),
        scale=Decimal(3600),  # Infracost shows per GB-hour
    ),
    GoldenSpec(
        keys.APIGATEWAY_REST_REQUESTS, "api_gateway_rest_api_test", ("Requests (first 333M)",)
    ),
    GoldenSpec(keys.APIGATEWAY_HTTP_REQUESTS, "apigatewayv2_api_test", ("Requests (first 300M)",)),
    GoldenSpec(
        keys.APIGATEWAY_WEBSOCKET_MESSAGES, "apigatewayv2_api_test", ("Messages (first 1B)",)
    ),
    GoldenSpec(
        keys.APIGATEWAY_WEBSOCKET_MINUTES, "apigatewayv2_api_test", ("Connection duration",)
    ),
    GoldenSpec(keys.CLOUDHSM_HSM_HOUR, "cloudhsm_v2_hsm_test", ("HSM usage",)),
    GoldenSpec(keys.TRAFFIC_MIRROR_HOUR, "ec2_traffic_mirror_session_test", ("Traffic mirror",)),
    GoldenSpec(
        keys.CLOUDFRONT_FUNCTION_INVOCATIONS,
        "cloudfront_function_test",
        ("Total number of invocations",),
    ),
    GoldenSpec(keys.GRAFANA_EDITOR, "grafana_workspace_test", ("Editor/administrator licenses",)),
    GoldenSpec(keys.GRAFANA_VIEWER, "grafana_workspace_test", ("Viewer licenses",)),
    *(
        GoldenSpec(
            keys.mwaa(component, size),
            "mwaa_environment_test",
            (f"{component.capitalize()} ({size.capitalize()})",),
        )
        for component in keys.MWAA_COMPONENTS
        for size in keys.MWAA_CLASSES
    ),
    GoldenSpec(keys.MWAA_META_DATABASE, "mwaa_environment_test", ("Meta database",)),
    # Infracost shows a controller-month (730 hours) per controller
    *(
        GoldenSpec(
            key,
            "directory_service_directory_test",
            (f"Directory service ({label})",),
            per_month=True,
        )
        for key, label in (
            (keys.DS_MICROSOFT_AD_STANDARD, "Microsoft AD, Standard"),
            (keys.DS_MICROSOFT_AD_ENTERPRISE, "Microsoft AD, Enterprise"),
            (keys.DS_SIMPLE_AD_SMALL, "Simple AD, Small"),
            (keys.DS_SIMPLE_AD_LARGE, "Simple AD, Large"),
            (keys.DS_AD_CONNECTOR_SMALL, "AD Connector, Small"),
        )
    ),
    # FSx: every Windows case is MULTI_AZ_1, every OpenZFS case SINGLE_AZ_1
    GoldenSpec(
        keys.fsx("windows", "multi-az", "throughput"),
        "fsx_windows_file_system_test",
        ("Throughput capacity",),
    ),
    GoldenSpec(
        keys.fsx("windows", "multi-az", "ssd"), "fsx_windows_file_system_test", ("SSD storage",)
    ),
    GoldenSpec(
        keys.fsx("windows", "multi-az", "hdd"), "fsx_windows_file_system_test", ("HDD storage",)
    ),
    GoldenSpec(keys.FSX_WINDOWS_BACKUP, "fsx_windows_file_system_test", ("Backup storage",)),
    GoldenSpec(
        keys.fsx("openzfs", "single-az-1", "throughput"),
        "fsx_openzfs_file_system_test",
        ("Throughput capacity",),
    ),
    GoldenSpec(
        keys.fsx("openzfs", "single-az-1", "iops"),
        "fsx_openzfs_file_system_test",
        ("Provisioned IOPS",),
    ),
    GoldenSpec(
        keys.fsx("openzfs", "single-az-1", "ssd"),
        "fsx_openzfs_file_system_test",
        (
            "SSD storage",
            "SSD storage (LZ4 compression, 40%)",
            "SSD storage (LZ4 compression, 50%)",
        ),
    ),
    GoldenSpec(keys.FSX_OPENZFS_BACKUP, "fsx_openzfs_file_system_test", ("Backup storage",)),
    # Kinesis Data Analytics: the golden outputs are eu-west-2 only; Infracost shows the KPU
    # price per KPU-month and the running storage price to the cent
    GoldenSpec(
        keys.KINESISANALYTICS_KPU,
        "kinesisanalytics_application_test|kinesisanalyticsv2_application(_snapshot)?_test",
        ("Processing (stream)", "Processing (orchestration)"),
        per_month=True,
    ),
    GoldenSpec(
        keys.KINESISANALYTICS_RUNNING_STORAGE,
        "kinesisanalyticsv2_application(_snapshot)?_test",
        ("Running storage",),
        shown_to_cents=True,
    ),
    GoldenSpec(
        keys.KINESISANALYTICS_BACKUP,
        "kinesisanalyticsv2_application(_snapshot)?_test",
        ("Backup",),
    ),
    GoldenSpec(
        keys.ec2_host("c5"),
        "ec2_host_test",
        ("EC2 Dedicated Host (on-demand, c5)",),
        r"\.ec2_host$",
    ),
    GoldenSpec(keys.ec2_host("mac1"), "ec2_host_test", ("EC2 Dedicated Host (on-demand, mac1)",)),
    GoldenSpec(
        keys.CLOUDFORMATION_HANDLER_OPERATIONS,
        "cloudformation_stack_test|cloudformation_stack_set_test",
        ("Handler operations",),
    ),
    GoldenSpec(
        keys.CLOUDFORMATION_HANDLER_SECONDS,
        "cloudformation_stack_test|cloudformation_stack_set_test",
        ("Durations above 30s",),
    ),
    GoldenSpec(
        keys.S3_ANALYTICS_OBJECTS,
        "s3_bucket_analytics_configuration_test",
        ("Objects monitored",),
    ),
    GoldenSpec(
        keys.lightsail_instance("16", "linux", False),
        "lightsail_instance_test",
        ("Virtual server (Linux/UNIX)",),
    ),
    GoldenSpec(
        keys.lightsail_instance("2", "windows", False),
        "lightsail_instance_test",
        ("Virtual server (Windows)",),
    ),
    GoldenSpec(
        keys.DS_SHARING_MICROSOFT_AD_STANDARD,
        "directory_service_directory_test",
        ("Directory sharing",),
        per_month=True,
    ),
)
GOLDEN_BY_KEY = {spec.key: spec for spec in GOLDEN_SPECS}

# Published list prices (key -> price in the key's unit) for keys whose golden line items only
# show cents-rounded costs, or mix several prices (CloudFront geographies). Each must reproduce
# its golden rows; region: where those rows are.
FACTS: dict[str, dict[str, str]] = {
    "us-east-1": {
        keys.FARGATE_VCPU_HOUR: "0.04048",
        keys.FARGATE_GB_HOUR: "0.004445",
        "msk:kafka.t3.small": "0.0456",
        keys.CLOUDFRONT_DATA_OUT: "0.085",  # United States, Mexico & Canada, first 10 TB
        # Aurora I/O-Optimized storage (https://aws.amazon.com/rds/aurora/pricing/)
        keys.AURORA_STORAGE_IOPT1: "0.225",
    },
    "eu-west-2": {
        # Running application storage, Europe (London): 500 GB = $58.00 in the golden
        # output, shown as "$0.12 per GB" (https://aws.amazon.com/managed-service-apache-flink/pricing/)
        keys.KINESISANALYTICS_RUNNING_STORAGE: "0.116",
    },
    "us-east-2": {
        keys.DYNAMODB_PROVISIONED_WCU: "0.00065",
        keys.DYNAMODB_PROVISIONED_RCU: "0.00013",
        keys.DYNAMODB_ONDEMAND_WRITE: "0.625",
        keys.DYNAMODB_ONDEMAND_READ: "0.125",
    },
}
