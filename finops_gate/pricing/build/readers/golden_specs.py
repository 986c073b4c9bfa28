"""Which Infracost golden line items (infracost-golden-facts/) give which price key, and the
published list prices (`FACTS`) checked against them."""

from __future__ import annotations

from decimal import Decimal

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import HOURS_PER_MONTH
from finops_gate.records import record

GOLDEN_FILE = "infracost-golden-facts/infracost_aws_golden_line_items.csv"

# A quotient cost / quantity with more significant digits than this is the artefact of a
# monthly cost rounded to cents (16.43 / 730 = 0.0225068...), not a published unit price.
GOLDEN_MAX_DIGITS = 6
CENT = Decimal("0.01")
DIME = Decimal("0.1")


@record
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
    # the golden file's line number, where rows of one resource and line item differ only by
    # a sub-resource the facts file does not name (Global Accelerator's geographies)
    line: str = ""

    @property
    def shown(self) -> Decimal:
        """Infracost's unit price / ours."""
        return self.scale * (HOURS_PER_MONTH if self.per_month else Decimal(1))


RDS_SINGLE_AZ = r"^(?!.*(?:multi[-_]az|aurora))"  # resource names say multi-az / aurora
RDS_MULTI_AZ = r"^(?!.*aurora).*multi[-_]az"

# Systems Manager, AWS Backup (the golden outputs are us-west-1), EventBridge, SNS deliveries
PLATFORM_SERVICE_SPECS: tuple[GoldenSpec, ...] = (
    # Infracost shows the advanced parameter per hour: $0.05 per parameter-month / 730
    GoldenSpec(
        keys.SSM_PARAMETER_ADVANCED,
        "ssm_parameter_test",
        ("Parameter storage (advanced)",),
        scale=1 / Decimal(HOURS_PER_MONTH),
    ),
    GoldenSpec(keys.SSM_PARAMETER_API, "ssm_parameter_test", ("API interactions (advanced)",)),
    GoldenSpec(
        keys.SSM_ADVANCED_INSTANCE_HOUR,
        "ssm_activation_test",
        ("On-prem managed instances (advanced)",),
    ),
    GoldenSpec(keys.BACKUP_EFS_WARM, "backup_vault_test", ("EFS backup (warm)",)),
    GoldenSpec(keys.BACKUP_EFS_COLD, "backup_vault_test", ("EFS backup (cold)",)),
    GoldenSpec(keys.BACKUP_EFS_RESTORE_WARM, "backup_vault_test", ("EFS restore (warm)",)),
    GoldenSpec(keys.BACKUP_EFS_RESTORE_COLD, "backup_vault_test", ("EFS restore (cold)",)),
    GoldenSpec(keys.BACKUP_EFS_RESTORE_ITEM, "backup_vault_test", ("EFS restore (item-level)",)),
    GoldenSpec(
        keys.BACKUP_DYNAMODB, "backup_vault_test", ("DynamoDB backup",), shown_to_cents=True
    ),
    GoldenSpec(
        keys.BACKUP_DYNAMODB_RESTORE,
        "backup_vault_test",
        ("DynamoDB restore",),
        shown_to_cents=True,
    ),
    # Infracost's FSx for Windows line item reads the Lustre backup price (its filter names
    # Lustre for both): the Windows key holds that figure until a source has its own
    GoldenSpec(keys.BACKUP_FSX_WINDOWS, "backup_vault_test", ("FSx for Windows backup",)),
    GoldenSpec(keys.BACKUP_FSX_LUSTRE, "backup_vault_test", ("FSx for Lustre backup",)),
    GoldenSpec(
        keys.EVENTBRIDGE_CUSTOM_EVENTS, "cloudwatch_event_bus_test", ("Custom events published",)
    ),
    GoldenSpec(
        keys.EVENTBRIDGE_PARTNER_EVENTS,
        "cloudwatch_event_bus_test",
        ("Third-party events published",),
    ),
    GoldenSpec(
        keys.EVENTBRIDGE_ARCHIVE_PROCESSING, "cloudwatch_event_bus_test", ("Archive processing",)
    ),
    GoldenSpec(keys.EVENTBRIDGE_ARCHIVE_STORAGE, "cloudwatch_event_bus_test", ("Archive storage",)),
    GoldenSpec(
        keys.EVENTBRIDGE_SCHEMA_DISCOVERY, "cloudwatch_event_bus_test", ("Schema discovery",)
    ),
    GoldenSpec(keys.SNS_HTTP_NOTIFICATIONS, "sns_topic_subscription_test", ("HTTP notifications",)),
    GoldenSpec(
        keys.ACMPCA_CA_GENERAL_PURPOSE,
        "acmpca_certificate_authority_test",
        ("Private certificate authority",),
    ),
    GoldenSpec(
        keys.ACMPCA_CA_SHORT_LIVED,
        "acmpca_certificate_authority_test",
        ("Private certificate authority (short-lived certificate mode)",),
    ),
    GoldenSpec(
        keys.ACMPCA_CERTIFICATE_TIER1,
        "acmpca_certificate_authority_test|acm_certificate_test",
        ("Certificates (first 1K)", "Certificate"),
    ),
    GoldenSpec(
        keys.ACMPCA_CERTIFICATE_TIER2,
        "acmpca_certificate_authority_test",
        ("Certificates (next 9K)",),
    ),
    GoldenSpec(
        keys.ACMPCA_CERTIFICATE_TIER3,
        "acmpca_certificate_authority_test",
        ("Certificates (over 10K)",),
    ),
    GoldenSpec(
        keys.ACMPCA_CERTIFICATE_SHORT_LIVED,
        "acmpca_certificate_authority_test",
        ("Certificates (short-lived)",),
    ),
    GoldenSpec(keys.ECR_STORAGE, "ecr_repository_test", ("Storage",)),
    GoldenSpec(keys.GLUE_CRAWLER_DPU_HOUR, "glue_crawler_test", ("Duration",)),
    GoldenSpec(keys.GLUE_CATALOG_STORAGE, "glue_catalog_database_test", ("Storage",)),
    GoldenSpec(keys.GLUE_CATALOG_REQUESTS, "glue_catalog_database_test", ("Requests",)),
    # the with_usage function of lambda_provisioned_concurrency_config_test is arm64
    GoldenSpec(
        keys.LAMBDA_ARM_PROVISIONED_CONCURRENCY,
        "lambda_provisioned_concurrency_config_test",
        ("Provisioned Concurrency",),
    ),
    GoldenSpec(
        keys.LAMBDA_ARM_PROVISIONED_DURATION,
        "lambda_provisioned_concurrency_config_test",
        ("Duration",),
    ),
    GoldenSpec(
        keys.TRANSFER_PROTOCOL_HOUR,
        "transfer_server_test",
        ("FTP protocol enabled", "FTPS protocol enabled", "SFTP protocol enabled"),
    ),
    GoldenSpec(keys.TRANSFER_DOWNLOAD_GB, "transfer_server_test", ("Data downloaded",)),
    GoldenSpec(keys.TRANSFER_UPLOAD_GB, "transfer_server_test", ("Data uploaded",)),
    *(
        GoldenSpec(
            keys.codebuild_minute(environment, compute),
            "codebuild_project_test",
            (f"{label} ({compute})",),
        )
        for environment, label, compute in (
            ("linux", "Linux", "general1.small"),
            ("linux", "Linux", "general1.medium"),
            ("linux", "Linux", "general1.large"),
            ("windows", "Windows", "general1.large"),
        )
    ),
    # eu-west-2, the region of kinesis_firehose_delivery_stream_test
    GoldenSpec(
        keys.FIREHOSE_INGEST_TIER1,
        "kinesis_firehose_delivery_stream_test",
        ("Data ingested (first 500TB)",),
    ),
    GoldenSpec(
        keys.FIREHOSE_INGEST_TIER2,
        "kinesis_firehose_delivery_stream_test",
        ("Data ingested (next 1.5PB)",),
    ),
    GoldenSpec(
        keys.FIREHOSE_INGEST_TIER3,
        "kinesis_firehose_delivery_stream_test",
        ("Data ingested (next 3PB)",),
    ),
    GoldenSpec(
        keys.FIREHOSE_FORMAT_CONVERSION,
        "kinesis_firehose_delivery_stream_test",
        ("Format conversion",),
    ),
    GoldenSpec(keys.FIREHOSE_VPC_GB, "kinesis_firehose_delivery_stream_test", ("VPC data",)),
    GoldenSpec(
        keys.FIREHOSE_VPC_AZ_HOUR, "kinesis_firehose_delivery_stream_test", ("VPC AZ delivery",)
    ),
)

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
    # Glacier Deep Archive, whose line items share their names with the other classes' (by
    # golden line: its storage, PUT and restore-request lines of bucket_withUsage)
    *(
        GoldenSpec(
            keys.s3_key("glacier_deep_archive", item),
            "s3_bucket_test",
            (line_item,),
            r"aws_s3_bucket\.bucket_withUsage$",
            line=line,
        )
        for item, line_item, line in (
            ("storage", "Storage", "56"),
            ("put", "PUT, COPY, POST, LIST requests", "57"),
            ("retrieval-requests-standard", "Retrieval requests (standard)", "60"),
            ("retrieval-requests-bulk", "Retrieval requests (bulk)", "62"),
        )
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
    # per vCPU-month: the quantity is the class's vCPUs (db.r4.8xlarge's row, 165.89 / 32,
    # is a cents-rounding artefact)
    *(
        GoldenSpec(
            keys.rds_performance_insights_retention(family),
            "db_instance_test|rds_cluster_instance_test",
            (f"Performance Insights Long Term Retention ({instance_class})",),
        )
        for family, instance_class in (
            ("m5", "db.m5.large"),
            ("t3", "db.t3.large"),
        )
    ),
    # RDS and Aurora alike: $0.100 per vCPU-hour on both tests' instances
    GoldenSpec(
        keys.RDS_EXTENDED_SUPPORT_YEARS_1_2,
        "db_instance_test|rds_cluster_instance_test",
        ("Extended support (year 1)",),
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
    GoldenSpec(keys.OPENSEARCH_STORAGE_STANDARD, "opensearch_domain_test", ("Storage (standard)",)),
    GoldenSpec(keys.OPENSEARCH_STORAGE_IO1, "opensearch_domain_test", ("Storage (io1)",)),
    GoldenSpec(keys.OPENSEARCH_IO1_IOPS, "opensearch_domain_test", ("Storage IOPS (io1)",)),
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
        keys.SFN_EXPRESS_GB_SECOND_OVER_1K_GB_HOURS,
        "sfn_state_machine_test",
        ("Duration (next 4K)",),
        scale=Decimal(3600),
    ),
    GoldenSpec(
        keys.SFN_EXPRESS_GB_SECOND_OVER_5K_GB_HOURS,
        "sfn_state_machine_test",
        ("Duration (over 5K)",),
        scale=Decimal(3600),
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
    # Infracost usage-file items: Redshift backup tiers and Spectrum, Aurora Serverless v1,
    # Route 53 latency and geolocation queries
    GoldenSpec(keys.REDSHIFT_BACKUP, "redshift_cluster_test", ("Backup storage (first 50 TB)",)),
    GoldenSpec(
        keys.REDSHIFT_BACKUP_TIER2, "redshift_cluster_test", ("Backup storage (next 450 TB)",)
    ),
    GoldenSpec(
        keys.REDSHIFT_BACKUP_TIER3, "redshift_cluster_test", ("Backup storage (over 500 TB)",)
    ),
    GoldenSpec(keys.REDSHIFT_SPECTRUM, "redshift_cluster_test", ("Spectrum",)),
    GoldenSpec(
        keys.AURORA_SERVERLESS_V1_ACU,
        "rds_cluster_test",
        ("Aurora serverless",),
        r"^(?!.*(brazil|io_optim))",
    ),
    GoldenSpec(
        keys.ROUTE53_LATENCY_QUERIES,
        "route53_record_test",
        ("Latency based routing queries (first 1B)",),
    ),
    GoldenSpec(keys.ROUTE53_GEO_QUERIES, "route53_record_test", ("Geo DNS queries (first 1B)",)),
    GoldenSpec(keys.AURORA_BACKTRACK, "rds_cluster_test", ("Backtrack",), r"^(?!.*brazil)"),
    GoldenSpec(
        keys.AURORA_SNAPSHOT_EXPORT, "rds_cluster_test", ("Snapshot export",), r"^(?!.*brazil)"
    ),
    GoldenSpec(keys.AURORA_CPU_CREDITS, "rds_cluster_instance_test", ("CPU credits",)),
    GoldenSpec(keys.RDS_CPU_CREDITS, "db_instance_test", ("CPU credits",)),
    GoldenSpec(keys.RDS_IO_STANDARD, "db_instance_test", ("I/O requests",), r"magnetic"),
    GoldenSpec(
        keys.RDS_PERFORMANCE_INSIGHTS_API, "db_instance_test", ("Performance Insights API",)
    ),
    GoldenSpec(keys.ELASTICACHE_SNAPSHOT, "elasticache_cluster_test", ("Backup storage",)),
    GoldenSpec(
        keys.CLOUDFRONT_REALTIME_LOGS, "cloudfront_distribution_test", ("Real-time log requests",)
    ),
    *PLATFORM_SERVICE_SPECS,
)
GOLDEN_SPECS += (
    # WAF (classic and v2)
    GoldenSpec(keys.WAF_WEB_ACL, "wafv2?_web_acl_test", ("Web ACL usage",)),
    GoldenSpec(
        keys.WAF_RULE, "wafv2?_web_acl_test", ("Rules", "Rule groups", "Managed rule groups")
    ),
    GoldenSpec(keys.WAF_REQUESTS, "wafv2?_web_acl_test", ("Requests",)),
    # Amazon MQ: the pricing page has no RabbitMQ storage row; brokers are checked
    GoldenSpec(keys.MQ_STORAGE_RABBITMQ, "mq_broker_test", ("Storage (RabbitMQ, EBS)",)),
    GoldenSpec(keys.MQ_STORAGE_EFS, "mq_broker_test", ("Storage (ActiveMQ, EFS)",)),
    GoldenSpec(keys.MQ_STORAGE_EBS, "mq_broker_test", ("Storage (ActiveMQ, EBS)",)),
    GoldenSpec(
        keys.mq_broker("mq.m5.xlarge", "rabbitmq", "multi-az"),
        "mq_broker_test",
        ("Instance usage (RabbitMQ, mq.m5.xlarge, cluster_multi_az)",),
    ),
    GoldenSpec(
        keys.mq_broker("mq.m5.large", "activemq", "multi-az"),
        "mq_broker_test",
        ("Instance usage (ActiveMQ, mq.m5.large, active_standby_multi_az)",),
    ),
    GoldenSpec(
        keys.mq_broker("mq.t2.micro", "activemq", "single-instance"),
        "mq_broker_test",
        ("Instance usage (ActiveMQ, mq.t2.micro, single_instance)",),
    ),
    # EC2 Windows (licence included) in us-east-1: no other source has it
    GoldenSpec(
        keys.ec2_platform("t3.medium", "windows"),
        "autoscaling_group_test|eks_node_group_test",
        ("Instance usage (Windows, on-demand, t3.medium)",),
    ),
    # DocumentDB: no other source has it
    *(
        GoldenSpec(
            keys.docdb_instance(node),
            "docdb_cluster_instance_test",
            (f"Database instance (on-demand, {node})",),
        )
        for node in ("db.r5.4xlarge", "db.t3.medium")
    ),
    GoldenSpec(keys.DOCDB_STORAGE, "docdb_cluster_instance_test", ("Storage",)),
    GoldenSpec(keys.DOCDB_IO, "docdb_cluster_instance_test", ("I/O requests",)),
    GoldenSpec(keys.DOCDB_CPU_CREDITS, "docdb_cluster_instance_test", ("CPU credits",)),
    GoldenSpec(
        keys.DOCDB_BACKUP, "docdb_cluster_test|docdb_cluster_snapshot_test", ("Backup storage",)
    ),
    # Neptune (eu-west-2): the pricing page has no CPU-credit row; the rest is checked
    GoldenSpec(keys.NEPTUNE_CPU_CREDITS, "neptune_cluster_instance_test", ("CPU credits",)),
    GoldenSpec(keys.NEPTUNE_STORAGE, "neptune_cluster_test", ("Storage",), r"\.(five|one)Day"),
    GoldenSpec(keys.NEPTUNE_IO, "neptune_cluster_test", ("I/O requests",), r"\.(five|one)Day"),
    GoldenSpec(
        keys.NEPTUNE_BACKUP,
        "neptune_cluster_test|neptune_cluster_snapshot_test",
        ("Backup storage",),
    ),
    *(
        GoldenSpec(
            keys.neptune_instance(node, False),
            "neptune_cluster_instance_test",
            (f"Database instance (on-demand, {node})",),
            r"\.db(T3Medium|R4LargeCount2\[\d\])$",
        )
        for node in ("db.t3.medium", "db.r4.large")
    ),
    GoldenSpec(
        keys.neptune_instance("db.t3.medium", True),
        "neptune_cluster_instance_test",
        ("Database instance (on-demand, db.t3.medium)",),
        r"-iooptimized$",
    ),
    # Route 53 health checks and Resolver endpoints (checks of the pricing-page figures)
    GoldenSpec(
        keys.ROUTE53_HEALTH_CHECK_AWS,
        "route53_health_check_test",
        ("Health check",),
        r"(?<!_withUsage)$",
    ),
    GoldenSpec(
        keys.ROUTE53_HEALTH_CHECK_NON_AWS,
        "route53_health_check_test",
        ("Health check",),
        r"_withUsage$",
    ),
    GoldenSpec(
        keys.ROUTE53_HEALTH_CHECK_OPTION_AWS,
        "route53_health_check_test",
        ("Optional features",),
        r"(?<!_withUsage)$",
    ),
    GoldenSpec(
        keys.ROUTE53_HEALTH_CHECK_OPTION_NON_AWS,
        "route53_health_check_test",
        ("Optional features",),
        r"_withUsage$",
    ),
    GoldenSpec(
        keys.ROUTE53_RESOLVER_ENI_HOUR, "route53_resolver_endpoint_test", ("Resolver endpoints",)
    ),
    GoldenSpec(
        keys.ROUTE53_RESOLVER_QUERIES, "route53_resolver_endpoint_test", ("DNS queries (first 1B)",)
    ),
    GoldenSpec(
        keys.ROUTE53_RESOLVER_QUERIES_OVER_1B,
        "route53_resolver_endpoint_test",
        ("DNS queries (over 1B)",),
    ),
    # Network Firewall (no other source); Client VPN, peering and DX attachments (checks)
    GoldenSpec(
        keys.NETWORK_FIREWALL_ENDPOINT_HOUR,
        "networkfirewall_firewall_test",
        ("Network Firewall Endpoint",),
    ),
    GoldenSpec(keys.NETWORK_FIREWALL_GB, "networkfirewall_firewall_test", ("Data Processed",)),
    GoldenSpec(
        keys.CLIENT_VPN_ASSOCIATION_HOUR,
        "ec2_client_vpn_network_association_test",
        ("Endpoint association",),
    ),
    GoldenSpec(keys.CLIENT_VPN_CONNECTION_HOUR, "ec2_client_vpn_endpoint_test", ("Connection",)),
    GoldenSpec(
        keys.TGW_PEERING_HOUR,
        "ec2_transit_gateway_peering_attachment_test",
        ("Transit gateway attachment",),
    ),
    GoldenSpec(
        keys.TGW_DX_ATTACHMENT_HOUR,
        "dx_gateway_association_test",
        ("Transit gateway attachment",),
    ),
    GoldenSpec(keys.TGW_DX_GB, "dx_gateway_association_test", ("Data processed",)),
    # DMS: the golden suite prices dms.t2.micro only
    GoldenSpec(
        keys.dms_instance("dms.t2.micro", "single-az"),
        "dms_test",
        ("Instance (t2.micro)",),
        r"_single_",
    ),
    GoldenSpec(
        keys.dms_instance("dms.t2.micro", "multi-az"),
        "dms_test",
        ("Instance (t2.micro)",),
        r"_multi_",
    ),
    GoldenSpec(
        keys.DMS_STORAGE_MULTI_AZ, "dms_test", ("Storage (general purpose SSD, gp2)",), r"_multi_"
    ),
    # Direct Connect: a dedicated 1 Gbps port at EqDC2 (Ashburn); data out from us-east-1
    GoldenSpec(keys.dx_port("dedicated", "1Gbps"), "dx_connection_test", ("DX connection",)),
    GoldenSpec(
        keys.DX_DATA_OUT,
        "dx_connection_test",
        ("Outbound data transfer (from us-east-1, to EqDC2)",),
    ),
    GoldenSpec(keys.GLOBAL_ACCELERATOR_HOUR, "global_accelerator_test", ("Fixed fee",)),
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
# Reservations' recurring hourly rates (docs/reservations.md), us-east-1: resources named
# after their term and payment. All Upfront rows (0.00) need no key: the rate is a published
# zero the estimators apply.
RESERVED_EC2_GOLDEN = {
    # resource name in instance_test -> (offering class, term)
    "std_1yr": ("standard", "1y"),
    "std_3yr": ("standard", "3y"),
    "cnvr_1yr": ("convertible", "1y"),
    "cnvr_3yr": ("convertible", "3y"),
}
RESERVED_TERM_NAMES = {"1yr": "1y", "3yr": "3y"}
GOLDEN_SPECS += (
    *(
        GoldenSpec(
            keys.ec2_reserved("t3.medium", offering, term, "partial-upfront"),
            "instance_test",
            ("Instance usage (Linux/UNIX, reserved, t3.medium)",),
            rf"\.{name}_partial_upfront$",
        )
        for name, (offering, term) in RESERVED_EC2_GOLDEN.items()
    ),
    *(
        GoldenSpec(
            keys.db_reserved(keys.rds_instance("db.t3.large", engine, deployment), term, payment),
            "db_instance_test",
            (f"Database instance (reserved, {label}, db.t3.large)",),
            rf"\.{name}-{term_name}-{payment}-{deployment}$",
        )
        for name, engine, term_name, payment in (
            ("mysql", "mysql", "1yr", "no-upfront"),
            ("mysql", "mysql", "1yr", "partial-upfront"),
            ("postgres", "postgres", "3yr", "partial-upfront"),
        )
        for term in (RESERVED_TERM_NAMES[term_name],)
        for deployment, label in (("single-az", "Single-AZ"), ("multi-az", "Multi-AZ"))
    ),
    *(
        GoldenSpec(
            keys.db_reserved(
                keys.rds_instance("db.r4.large", "aurora-mysql", "single-az"), term, payment
            ),
            "rds_cluster_instance_test",
            ("Database instance (reserved, db.r4.large)",),
            rf"\.cluster_instance_{term_name}_{payment.replace('-', '_')}$",
        )
        for term_name, payment in (
            ("1yr", "no-upfront"),
            ("1yr", "partial-upfront"),
            ("3yr", "partial-upfront"),
        )
        for term in (RESERVED_TERM_NAMES[term_name],)
    ),
    *(
        GoldenSpec(
            keys.db_reserved(keys.ec2_host(family), RESERVED_TERM_NAMES[term_name], payment),
            "ec2_host_test",
            (f"EC2 Dedicated Host (reserved, {family})",),
            rf"\.host-{term_name}-{payment}$",
        )
        for family, term_name, payment in (
            ("m5", "1yr", "no-upfront"),
            ("m5", "3yr", "no-upfront"),
            ("c5", "1yr", "partial-upfront"),
            ("c5", "3yr", "partial-upfront"),
        )
    ),
    *(
        GoldenSpec(
            keys.db_reserved(keys.elasticache_node("cache.m6g.12xlarge", "redis"), "1y", payment),
            "elasticache_cluster_test",
            ("ElastiCache (reserved, cache.m6g.12xlarge)",),
            rf"\.redis_reserved_1yr_{payment.replace('-', '_')}$",
        )
        for payment in ("no-upfront", "partial-upfront")
    ),
)
# Global Accelerator's data-transfer premium: one sub-resource per geography; the golden
# file's line of each (endpoint group eu_west_1 inbound, us_east_1 outbound)
GLOBAL_ACCELERATOR_GOLDEN_LINES = {
    ("eu", "na", "in"): 6,
    ("eu", "eu", "in"): 8,
    ("eu", "za", "in"): 10,
    ("eu", "sa", "in"): 12,
    ("eu", "kr", "in"): 14,
    ("eu", "me", "in"): 16,
    ("eu", "au", "in"): 18,
    ("eu", "ap", "in"): 20,
    ("eu", "in", "in"): 22,
    ("na", "eu", "out"): 26,
    ("na", "ap", "out"): 28,
}
GOLDEN_SPECS += tuple(
    GoldenSpec(
        keys.globalaccelerator_dt_premium(source, geo, direction),
        "global_accelerator_endpoint_group_test",
        (f"{direction.title()}bound DT-premium fee",),
        line=str(line),
    )
    for (source, geo, direction), line in GLOBAL_ACCELERATOR_GOLDEN_LINES.items()
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
        # Step Functions Express duration, 1,000 to 5,000 GB-hours, per GB-second
        # (https://aws.amazon.com/step-functions/pricing/); Infracost's rows show cents
        keys.SFN_EXPRESS_GB_SECOND_OVER_1K_GB_HOURS: "0.00000833",
        # OpenSearch magnetic storage per GB-month (https://aws.amazon.com/opensearch-service/
        # pricing/); Infracost's row (123 GB, $8.24) shows cents
        keys.OPENSEARCH_STORAGE_STANDARD: "0.067",
        # Aurora I/O-Optimized storage (https://aws.amazon.com/rds/aurora/pricing/)
        keys.AURORA_STORAGE_IOPT1: "0.225",
        # CloudFront real-time logs, $0.01 per 1M log lines
        # (https://aws.amazon.com/cloudfront/pricing/)
        keys.CLOUDFRONT_REALTIME_LOGS: "0.01",
        # RDS Performance Insights API beyond the free tier, $0.01 per 1,000 requests
        # (https://aws.amazon.com/rds/performance-insights/pricing/)
        keys.RDS_PERFORMANCE_INSIGHTS_API: "0.01",
        # Parameter Store advanced tier: $0.05 per parameter-month
        # (https://aws.amazon.com/systems-manager/pricing/)
        keys.SSM_PARAMETER_ADVANCED: "0.05",
        # Private CA certificates above 10,000 a month: $0.001 each (10,001 -> 10.00)
        # (https://aws.amazon.com/private-ca/pricing/)
        keys.ACMPCA_CERTIFICATE_TIER3: "0.001",
    },
    "us-west-1": {
        # AWS Backup of DynamoDB: Infracost shows the unit price to the cent (0.11, 0.17);
        # its 10,000 GB rows (1,120.00, 1,680.00) give the published figures
        keys.BACKUP_DYNAMODB: "0.112",
        keys.BACKUP_DYNAMODB_RESTORE: "0.168",
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

# Recurring hourly rates of reservations (key -> USD per hour), us-east-1, recovered from
# Infracost's rows, which show 730 hours x rate rounded to cents: AWS quotes these rates to
# at most four decimals, and 730 x 0.0001 exceeds a cent, so exactly one four-decimal rate
# reproduces each row. The build checks each rate against its rows.
RESERVED_FACTS: dict[str, dict[str, str]] = {
    "us-east-1": {
        keys.ec2_reserved("t3.medium", "standard", "1y", "partial-upfront"): "0.0124",
        keys.ec2_reserved("t3.medium", "standard", "3y", "partial-upfront"): "0.0083",
        keys.ec2_reserved("t3.medium", "convertible", "1y", "partial-upfront"): "0.0143",
        keys.ec2_reserved("t3.medium", "convertible", "3y", "partial-upfront"): "0.0096",
        **{
            keys.db_reserved(
                keys.rds_instance("db.t3.large", engine, deployment), term, payment
            ): rate
            for engine, deployment, term, payment, rate in (
                ("mysql", "single-az", "1y", "no-upfront", "0.0957"),
                ("mysql", "multi-az", "1y", "no-upfront", "0.1914"),
                ("mysql", "single-az", "1y", "partial-upfront", "0.0456"),
                ("mysql", "multi-az", "1y", "partial-upfront", "0.0911"),
                ("postgres", "single-az", "3y", "partial-upfront", "0.0348"),
                ("postgres", "multi-az", "3y", "partial-upfront", "0.0695"),
            )
        },
    },
}
