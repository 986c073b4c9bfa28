"""The price-key vocabulary: every key the price table holds and the estimators look up.

A price key names one unit price, `<service>:<item>[:<qualifier>...]`, in the unit the
estimators multiply it by (documented in pricing/README.md, "Price keys"). The same key
strings are written by the bundled-table builder (`finops_gate.pricing.build`), by the AWS
Price List ingester (`finops_gate.pricing.offer`, through `finops_gate.pricing.usage_types`)
and read by the estimators, so they are declared once, here:

* `SERVICE_KEYS`: the fixed keys (one constant each, e.g. `NATGW_HOUR`);
* key builders for the keys that carry a type name (`ec2_instance("m5.large")`,
  `rds_instance("db.t3.micro", "postgres", "single-az")`, ...), matched by
  `key_forms.INSTANCE_KEY`;
* `UNPRICED_KEYS` (here) and `key_forms.UNPRICED_FORMS`: keys an estimator asks for that
  no price source has, with the reason (the estimate then says "price not found", never $0).

`key_forms.is_declared(key)` tells whether a key belongs to the vocabulary.
"""

from __future__ import annotations

EBS_GP2_STORAGE = "ebs:gp2:storage"
EBS_GP3_STORAGE = "ebs:gp3:storage"
EBS_IO1_STORAGE = "ebs:io1:storage"
EBS_IO2_STORAGE = "ebs:io2:storage"
EBS_ST1_STORAGE = "ebs:st1:storage"
EBS_SC1_STORAGE = "ebs:sc1:storage"
EBS_STANDARD_STORAGE = "ebs:standard:storage"
EBS_GP3_IOPS = "ebs:gp3:iops"
EBS_GP3_THROUGHPUT = "ebs:gp3:throughput"
EBS_IO1_IOPS = "ebs:io1:iops"
EBS_IO2_IOPS = "ebs:io2:iops"
EBS_IO2_IOPS_TIER2 = "ebs:io2:iops:tier2"
EBS_IO2_IOPS_TIER3 = "ebs:io2:iops:tier3"
EBS_STANDARD_IO = "ebs:standard:io"
RDS_STORAGE_GP2_SINGLE_AZ = "rds:storage:gp2:single-az"
RDS_STORAGE_GP2_MULTI_AZ = "rds:storage:gp2:multi-az"
RDS_STORAGE_GP3_SINGLE_AZ = "rds:storage:gp3:single-az"
RDS_STORAGE_GP3_MULTI_AZ = "rds:storage:gp3:multi-az"
RDS_STORAGE_IO1_SINGLE_AZ = "rds:storage:io1:single-az"
RDS_STORAGE_IO1_MULTI_AZ = "rds:storage:io1:multi-az"
RDS_STORAGE_IO2_SINGLE_AZ = "rds:storage:io2:single-az"
RDS_STORAGE_IO2_MULTI_AZ = "rds:storage:io2:multi-az"
RDS_STORAGE_STANDARD_SINGLE_AZ = "rds:storage:standard:single-az"
RDS_STORAGE_STANDARD_MULTI_AZ = "rds:storage:standard:multi-az"
RDS_IOPS_IO1_SINGLE_AZ = "rds:iops:io1:single-az"
RDS_IOPS_IO1_MULTI_AZ = "rds:iops:io1:multi-az"
RDS_IOPS_IO2_SINGLE_AZ = "rds:iops:io2:single-az"
RDS_IOPS_IO2_MULTI_AZ = "rds:iops:io2:multi-az"
RDS_IOPS_GP3_SINGLE_AZ = "rds:iops:gp3:single-az"
RDS_IOPS_GP3_MULTI_AZ = "rds:iops:gp3:multi-az"
RDS_BACKUP = "rds:backup"

# RDS Extended Support (RDS and Aurora MySQL/PostgreSQL major versions past standard
# support), per vCPU-hour: years 1-2 and year 3 of extended support
RDS_EXTENDED_SUPPORT_YEARS_1_2 = "rds:extended-support:years-1-2"
RDS_EXTENDED_SUPPORT_YEAR_3 = "rds:extended-support:year-3"
# RDS Performance Insights retention beyond the free 7 days, per vCPU-month, by instance
# family (`m5`, `t3`: the families a source prices exactly)
RDS_PI_RETENTION_PRICED_FAMILIES = ("m5", "t3")


def rds_performance_insights_retention(family: str) -> str:
    """Performance Insights long-term retention of an RDS or Aurora instance family."""
    return f"rds:performance-insights:retention:{family}"


NATGW_HOUR = "natgw:hour"
NATGW_GB = "natgw:gb"
ELB_APPLICATION_HOUR = "elb:application:hour"
ELB_APPLICATION_LCU = "elb:application:lcu"
ELB_NETWORK_HOUR = "elb:network:hour"
ELB_NETWORK_LCU = "elb:network:lcu"
ELB_GATEWAY_HOUR = "elb:gateway:hour"
ELB_GATEWAY_LCU = "elb:gateway:lcu"
ELB_CLASSIC_HOUR = "elb:classic:hour"
ELB_CLASSIC_GB = "elb:classic:gb"
EIP_IDLE_HOUR = "eip:idle:hour"
IPV4_PUBLIC_HOUR = "ipv4:public:hour"
EKS_CLUSTER_HOUR = "eks:cluster:hour"
EKS_CLUSTER_EXTENDED_HOUR = "eks:cluster:extended:hour"
LAMBDA_REQUESTS = "lambda:requests"
LAMBDA_GB_SECOND = "lambda:gb-second"
S3_STANDARD_STORAGE = "s3:standard:storage"
EC2_CPU_CREDITS_T2 = "ec2:cpu-credits:t2"
EC2_CPU_CREDITS_T3 = "ec2:cpu-credits:t3"
EC2_CPU_CREDITS_T3A = "ec2:cpu-credits:t3a"
EC2_CPU_CREDITS_T4G = "ec2:cpu-credits:t4g"
CLOUDWATCH_METRIC = "cloudwatch:metric"
EBS_SNAPSHOT_STORAGE = "ebs:snapshot:storage"
FARGATE_VCPU_HOUR = "fargate:vcpu:hour"
FARGATE_GB_HOUR = "fargate:gb:hour"
FARGATE_ARM_VCPU_HOUR = "fargate:arm:vcpu:hour"
FARGATE_ARM_GB_HOUR = "fargate:arm:gb:hour"
FARGATE_EPHEMERAL_STORAGE_GB_HOUR = "fargate:ephemeral-storage:gb:hour"
LAMBDA_ARM_GB_SECOND = "lambda:arm:gb-second"
S3_STANDARD_PUT = "s3:standard:put"
S3_STANDARD_GET = "s3:standard:get"
EFS_STANDARD_STORAGE = "efs:standard:storage"
EFS_IA_STORAGE = "efs:ia:storage"
EFS_ONE_ZONE_STORAGE = "efs:one-zone:storage"
EFS_PROVISIONED_THROUGHPUT = "efs:provisioned-throughput"
AURORA_STORAGE = "aurora:storage"
AURORA_STORAGE_IOPT1 = "aurora:storage:iopt1"
AURORA_IO = "aurora:io"
AURORA_SERVERLESS_V2_ACU = "aurora:serverless-v2:acu"
AURORA_BACKUP = "aurora:backup"
DYNAMODB_PROVISIONED_WCU = "dynamodb:provisioned:wcu"
DYNAMODB_PROVISIONED_RCU = "dynamodb:provisioned:rcu"
DYNAMODB_STORAGE = "dynamodb:storage"
DYNAMODB_ONDEMAND_WRITE = "dynamodb:ondemand:write"
DYNAMODB_ONDEMAND_READ = "dynamodb:ondemand:read"
OPENSEARCH_STORAGE_GP2 = "opensearch:storage:gp2"
OPENSEARCH_STORAGE_GP3 = "opensearch:storage:gp3"
OPENSEARCH_GP3_IOPS = "opensearch:gp3:iops"
OPENSEARCH_GP3_THROUGHPUT = "opensearch:gp3:throughput"
# DynamoDB global tables: replicated writes, billed in each replica's region
DYNAMODB_REPLICATED_WCU = "dynamodb:replicated:wcu"
DYNAMODB_REPLICATED_WRITE = "dynamodb:ondemand:replicated-write"
# SNS FIFO topics: publish requests (per 1M, not in 64 KB chunks) and publish payload (GB)
SNS_FIFO_REQUESTS = "sns:fifo:requests"
SNS_FIFO_PAYLOAD_GB = "sns:fifo:payload-gb"
# SNS FIFO topics: deliveries to subscribed queues (per 1M) and their payload (GB)
SNS_FIFO_NOTIFICATIONS = "sns:fifo:notifications"
SNS_FIFO_NOTIFICATION_PAYLOAD_GB = "sns:fifo:notification-payload-gb"
# OpenSearch magnetic (standard) and io1 EBS storage, and io1 provisioned IOPS
OPENSEARCH_STORAGE_STANDARD = "opensearch:storage:standard"
OPENSEARCH_STORAGE_IO1 = "opensearch:storage:io1"
OPENSEARCH_IO1_IOPS = "opensearch:io1:iops"
REDSHIFT_MANAGED_STORAGE = "redshift:managed-storage"
MSK_STORAGE = "msk:storage"
VPCE_INTERFACE_HOUR = "vpce:interface:hour"
VPCE_INTERFACE_GB = "vpce:interface:gb"
VPCE_GATEWAY_LOAD_BALANCER_HOUR = "vpce:gateway-load-balancer:hour"
VPN_CONNECTION_HOUR = "vpn:connection:hour"
TGW_ATTACHMENT_HOUR = "tgw:attachment:hour"
TGW_GB = "tgw:gb"
CLOUDFRONT_DATA_OUT = "cloudfront:data-out"
CLOUDFRONT_REQUESTS_HTTPS = "cloudfront:requests:https"
ROUTE53_ZONE = "route53:zone"
ROUTE53_QUERIES = "route53:queries"
CLOUDWATCH_LOGS_INGEST = "cloudwatch:logs:ingest"
CLOUDWATCH_LOGS_STORAGE = "cloudwatch:logs:storage"
CLOUDWATCH_ALARM_STANDARD = "cloudwatch:alarm:standard"
CLOUDWATCH_ALARM_HIGH_RESOLUTION = "cloudwatch:alarm:high-resolution"
KMS_KEY = "kms:key"
KMS_REQUESTS = "kms:requests"
SECRETSMANAGER_SECRET = "secretsmanager:secret"
SECRETSMANAGER_API = "secretsmanager:api"
SQS_STANDARD_REQUESTS = "sqs:standard:requests"
SQS_FIFO_REQUESTS = "sqs:fifo:requests"
SNS_REQUESTS = "sns:requests"
KINESIS_SHARD = "kinesis:shard"
KINESIS_PUT_UNITS = "kinesis:put-units"
KINESIS_ONDEMAND_STREAM = "kinesis:ondemand:stream"
KINESIS_ONDEMAND_GB_IN = "kinesis:ondemand:gb-in"
SFN_STANDARD_TRANSITIONS = "sfn:standard:transitions"
SFN_EXPRESS_REQUESTS = "sfn:express:requests"
SFN_EXPRESS_GB_SECOND = "sfn:express:gb-second"
APIGATEWAY_REST_REQUESTS = "apigateway:rest:requests"
APIGATEWAY_HTTP_REQUESTS = "apigateway:http:requests"
APIGATEWAY_WEBSOCKET_MESSAGES = "apigateway:websocket:messages"
APIGATEWAY_WEBSOCKET_MINUTES = "apigateway:websocket:minutes"
# CloudHSM, VPC Traffic Mirroring, CloudFront Functions, Managed Grafana
CLOUDHSM_HSM_HOUR = "cloudhsm:hsm:hour"
TRAFFIC_MIRROR_HOUR = "vpc:traffic-mirror:hour"  # per mirror source interface
CLOUDFRONT_FUNCTION_INVOCATIONS = "cloudfront:function:invocations"  # per 1M
GRAFANA_EDITOR = "grafana:editor"  # per active editor/administrator, month
GRAFANA_VIEWER = "grafana:viewer"  # per active viewer, month
# Amazon MWAA (Managed Workflows for Apache Airflow), per environment class
MWAA_CLASSES = ("small", "medium", "large")  # the classes a source prices
MWAA_COMPONENTS = ("environment", "worker", "scheduler")  # per hour
MWAA_META_DATABASE = "mwaa:meta-database"  # per GB-month
# AWS Directory Service, per domain controller-hour (two per directory)
DS_MICROSOFT_AD_STANDARD = "directoryservice:microsoft-ad:standard"  # see directory_service()
DS_MICROSOFT_AD_ENTERPRISE = "directoryservice:microsoft-ad:enterprise"
DS_SIMPLE_AD_SMALL = "directoryservice:simple-ad:small"
DS_SIMPLE_AD_LARGE = "directoryservice:simple-ad:large"
DS_AD_CONNECTOR_SMALL = "directoryservice:ad-connector:small"
DS_AD_CONNECTOR_LARGE = "directoryservice:ad-connector:large"
# per shared account-hour
DS_SHARING_MICROSOFT_AD_STANDARD = "directoryservice:sharing:microsoft-ad:standard"
DS_SHARING_MICROSOFT_AD_ENTERPRISE = "directoryservice:sharing:microsoft-ad:enterprise"
# Amazon FSx, see fsx(): throughput per MBps-month, storage per GB-month, IOPS per
# IOPS-month; deployments as the key writes them
FSX_WINDOWS_DEPLOYMENTS = ("single-az", "multi-az")
FSX_OPENZFS_DEPLOYMENTS = (
    "single-az-1",
    "single-az-2",
    "single-az-ha-1",
    "single-az-ha-2",
    "multi-az-1",
)
# CloudFormation third-party resource handlers; S3 inventory and storage class analysis
CLOUDFORMATION_HANDLER_OPERATIONS = "cloudformation:handler-operations"  # per operation
CLOUDFORMATION_HANDLER_SECONDS = "cloudformation:handler-seconds"  # per second above 30 s
S3_INVENTORY_OBJECTS = "s3:inventory:objects"  # per 1M objects listed
S3_ANALYTICS_OBJECTS = "s3:analytics:objects"  # per 1M objects monitored
# Amazon Kinesis Data Analytics (Managed Service for Apache Flink)
KINESISANALYTICS_KPU = "kinesisanalytics:kpu"  # per KPU-hour
KINESISANALYTICS_RUNNING_STORAGE = "kinesisanalytics:running-storage"  # per GB-month
KINESISANALYTICS_BACKUP = "kinesisanalytics:backup"  # per GB-month
FSX_WINDOWS_BACKUP = "fsx:windows:backup"  # per GB-month
FSX_OPENZFS_BACKUP = "fsx:openzfs:backup"  # per GB-month
FSX_PRICED = (  # the deployments a source prices
    "fsx:windows:multi-az:throughput",
    "fsx:windows:multi-az:ssd",
    "fsx:windows:multi-az:hdd",
    "fsx:openzfs:single-az-1:throughput",
    "fsx:openzfs:single-az-1:ssd",
    "fsx:openzfs:single-az-1:iops",
)

# Tiered prices (S3, Lambda, API Gateway, CloudFront, VPC endpoints, Step Functions Express,
# Route 53): a base key is the first tier's rate and `tier_key(base, start)` the rate of the
# quantity above `start` (in the base key's unit) up to the next tier's start. The engine
# reads a tiered component's tiers from the table (`tiers_of`), so the boundaries are data;
# they appear here only to name the keys the builder writes.
TIER_MARK = ":over:"


def tier_key(base: str, start: int) -> str:
    """The rate of `base`'s quantity above `start`, e.g. `s3:standard:storage:over:51200`."""
    return f"{base}{TIER_MARK}{start}"


S3_STANDARD_STORAGE_OVER_50TB = tier_key("s3:standard:storage", 51_200)
S3_STANDARD_STORAGE_OVER_500TB = tier_key("s3:standard:storage", 512_000)
LAMBDA_GB_SECOND_OVER_6B = tier_key("lambda:gb-second", 6_000_000_000)
LAMBDA_GB_SECOND_OVER_15B = tier_key("lambda:gb-second", 15_000_000_000)
LAMBDA_ARM_GB_SECOND_OVER_7_5B = tier_key("lambda:arm:gb-second", 7_500_000_000)
LAMBDA_ARM_GB_SECOND_OVER_18_75B = tier_key("lambda:arm:gb-second", 18_750_000_000)
# API Gateway REST requests, in millions: 333M, 1B (333M + 667M), 20B
APIGATEWAY_REST_REQUESTS_OVER_333M = tier_key("apigateway:rest:requests", 333)
APIGATEWAY_REST_REQUESTS_OVER_1B = tier_key("apigateway:rest:requests", 1_000)
APIGATEWAY_REST_REQUESTS_OVER_20B = tier_key("apigateway:rest:requests", 20_000)
# CloudFront to the internet from the United States, Mexico and Canada, in GB: 10 TB, 50 TB,
# 150 TB, 500 TB, 1 PB, 5 PB
CLOUDFRONT_TIER_STARTS = (10_240, 51_200, 153_600, 512_000, 1_048_576, 5_242_880)
CLOUDFRONT_DATA_OUT_TIERS = tuple(
    tier_key("cloudfront:data-out", start) for start in CLOUDFRONT_TIER_STARTS
)
# VPC interface endpoint data processed, in GB: 1 PB, 5 PB
VPCE_INTERFACE_GB_OVER_1PB = tier_key("vpce:interface:gb", 1_048_576)
VPCE_INTERFACE_GB_OVER_5PB = tier_key("vpce:interface:gb", 5_242_880)
# Step Functions Express duration, in GB-seconds: 1,000 and 5,000 GB-hours
SFN_EXPRESS_GB_SECOND_OVER_1K_GB_HOURS = tier_key("sfn:express:gb-second", 3_600_000)
SFN_EXPRESS_GB_SECOND_OVER_5K_GB_HOURS = tier_key("sfn:express:gb-second", 18_000_000)
# Route 53 standard queries, in millions: 1B
ROUTE53_QUERIES_OVER_1B = tier_key("route53:queries", 1_000)
TIER_KEYS: tuple[str, ...] = (
    S3_STANDARD_STORAGE_OVER_50TB,
    S3_STANDARD_STORAGE_OVER_500TB,
    LAMBDA_GB_SECOND_OVER_6B,
    LAMBDA_GB_SECOND_OVER_15B,
    LAMBDA_ARM_GB_SECOND_OVER_7_5B,
    LAMBDA_ARM_GB_SECOND_OVER_18_75B,
    APIGATEWAY_REST_REQUESTS_OVER_333M,
    APIGATEWAY_REST_REQUESTS_OVER_1B,
    APIGATEWAY_REST_REQUESTS_OVER_20B,
    *CLOUDFRONT_DATA_OUT_TIERS,
    VPCE_INTERFACE_GB_OVER_1PB,
    VPCE_INTERFACE_GB_OVER_5PB,
    SFN_EXPRESS_GB_SECOND_OVER_1K_GB_HOURS,
    SFN_EXPRESS_GB_SECOND_OVER_5K_GB_HOURS,
    ROUTE53_QUERIES_OVER_1B,
)


def tier_start(key: str) -> tuple[str, float] | None:
    """(base key, start) of a tier key; None for any other key."""
    base, mark, start = key.rpartition(TIER_MARK)
    if not mark:
        return None
    try:
        return base, float(start)
    except ValueError:
        return None


# Systems Manager: Parameter Store advanced tier (per parameter-month; API interactions per
# 10,000) and on-premises managed instances of the advanced tier (per instance-hour).
SSM_PARAMETER_ADVANCED = "ssm:parameter:advanced"
SSM_PARAMETER_API = "ssm:parameter:api"
SSM_ADVANCED_INSTANCE_HOUR = "ssm:managed-instance:advanced:hour"
# AWS Backup: storage per GB-month, restores per GB (EFS item-level restores per request);
# EBS, RDS and Aurora snapshots are billed at those services' own snapshot prices.
BACKUP_EFS_WARM = "backup:efs:warm"
BACKUP_EFS_COLD = "backup:efs:cold"
BACKUP_EFS_RESTORE_WARM = "backup:efs:restore:warm"
BACKUP_EFS_RESTORE_COLD = "backup:efs:restore:cold"
BACKUP_EFS_RESTORE_ITEM = "backup:efs:restore:item"
BACKUP_DYNAMODB = "backup:dynamodb"
BACKUP_DYNAMODB_RESTORE = "backup:dynamodb:restore"
BACKUP_FSX_WINDOWS = "backup:fsx-windows"
BACKUP_FSX_LUSTRE = "backup:fsx-lustre"
# EventBridge event buses: events per 1M, archive processing per GB, archive per GB-month.
EVENTBRIDGE_CUSTOM_EVENTS = "eventbridge:events:custom"
EVENTBRIDGE_PARTNER_EVENTS = "eventbridge:events:partner"
EVENTBRIDGE_ARCHIVE_PROCESSING = "eventbridge:archive:processing"
EVENTBRIDGE_ARCHIVE_STORAGE = "eventbridge:archive:storage"
EVENTBRIDGE_SCHEMA_DISCOVERY = "eventbridge:schema-discovery"
# SNS deliveries by subscription protocol, per 1M notifications: the keys of
# SNS_NOTIFICATIONS below (a topic's usage-file deliveries and a subscription's share them).
SNS_HTTP_NOTIFICATIONS = "sns:notifications:http"
SNS_EMAIL_NOTIFICATIONS = "sns:notifications:email"
SNS_FIREHOSE_NOTIFICATIONS = "sns:notifications:kinesis"
SNS_MOBILE_PUSH_NOTIFICATIONS = "sns:notifications:mobile-push"
SNS_SMS_NOTIFICATIONS = "sns:notifications:sms"
# AWS Private CA: a CA per month by mode; certificates per certificate, in monthly tiers
# (general-purpose: first 1,000, next 9,000, above 10,000; short-lived: one rate). A private
# ACM certificate is a general-purpose certificate of the first tier.
ACMPCA_CA_GENERAL_PURPOSE = "acmpca:ca:general-purpose"
ACMPCA_CA_SHORT_LIVED = "acmpca:ca:short-lived"
ACMPCA_CERTIFICATE_TIER1 = "acmpca:certificate:tier1"
ACMPCA_CERTIFICATE_TIER2 = "acmpca:certificate:tier2"
ACMPCA_CERTIFICATE_TIER3 = "acmpca:certificate:tier3"
ACMPCA_CERTIFICATE_SHORT_LIVED = "acmpca:certificate:short-lived"
# AWS Cloud Map: registered instances per instance-month, discovery API calls per 1M; RDS
# cross-region automated backups: data transfer out of the source region per GB.
CLOUDMAP_INSTANCE = "cloudmap:instance"
CLOUDMAP_DISCOVERY_API = "cloudmap:discovery-api"
RDS_BACKUP_REPLICATION_TRANSFER = "rds:backup:replication-transfer"
# CloudTrail: events per 100,000 (management events: the additional copies beyond the
# first trail's free one). AWS Config: rule evaluations per evaluation in monthly tiers
# (first 100,000, next 400,000, above 500,000); configuration items per item recorded.
CLOUDTRAIL_MANAGEMENT_EVENTS = "cloudtrail:management-events"
CLOUDTRAIL_DATA_EVENTS = "cloudtrail:data-events"
CLOUDTRAIL_INSIGHTS_EVENTS = "cloudtrail:insights-events"
CONFIG_RULE_EVALUATIONS_TIER1 = "config:rule-evaluations:tier1"
CONFIG_RULE_EVALUATIONS_TIER2 = "config:rule-evaluations:tier2"
CONFIG_RULE_EVALUATIONS_TIER3 = "config:rule-evaluations:tier3"
CONFIG_ITEMS = "config:items"
CONFIG_CUSTOM_ITEMS = "config:custom-items"
# ECR storage per GB-month. Glue: jobs and crawlers per DPU-hour, the Data Catalog per
# 100,000 objects stored and per 1M requests. Lambda provisioned concurrency and the
# duration of requests it serves, per GB-second (x86, Arm).
ECR_STORAGE = "ecr:storage"
GLUE_JOB_DPU_HOUR = "glue:job:dpu-hour"
GLUE_JOB_FLEX_DPU_HOUR = "glue:job:flex:dpu-hour"
GLUE_CRAWLER_DPU_HOUR = "glue:crawler:dpu-hour"
GLUE_CATALOG_STORAGE = "glue:catalog:storage"
GLUE_CATALOG_REQUESTS = "glue:catalog:requests"
LAMBDA_PROVISIONED_CONCURRENCY = "lambda:provisioned-concurrency"
LAMBDA_ARM_PROVISIONED_CONCURRENCY = "lambda:arm:provisioned-concurrency"
LAMBDA_PROVISIONED_DURATION = "lambda:provisioned-duration"
LAMBDA_ARM_PROVISIONED_DURATION = "lambda:arm:provisioned-duration"
# Transfer Family: each enabled protocol per hour; data up- and downloaded per GB.
TRANSFER_PROTOCOL_HOUR = "transfer:protocol:hour"
TRANSFER_DOWNLOAD_GB = "transfer:download:gb"
TRANSFER_UPLOAD_GB = "transfer:upload:gb"
# Data Firehose: data ingested per GB in monthly tiers (first 500 TB, next 1.5 PB, next
# 3 PB), format conversion and VPC delivery per GB, VPC delivery per AZ-hour.
FIREHOSE_INGEST_TIER1 = "firehose:ingest:tier1"
FIREHOSE_INGEST_TIER2 = "firehose:ingest:tier2"
FIREHOSE_INGEST_TIER3 = "firehose:ingest:tier3"
FIREHOSE_FORMAT_CONVERSION = "firehose:format-conversion"
FIREHOSE_VPC_GB = "firehose:vpc:gb"
FIREHOSE_VPC_AZ_HOUR = "firehose:vpc:az-hour"
PLATFORM_SERVICE_KEYS: tuple[str, ...] = (
    SSM_PARAMETER_ADVANCED,
    SSM_PARAMETER_API,
    SSM_ADVANCED_INSTANCE_HOUR,
    BACKUP_EFS_WARM,
    BACKUP_EFS_COLD,
    BACKUP_EFS_RESTORE_WARM,
    BACKUP_EFS_RESTORE_COLD,
    BACKUP_EFS_RESTORE_ITEM,
    BACKUP_DYNAMODB,
    BACKUP_DYNAMODB_RESTORE,
    BACKUP_FSX_WINDOWS,
    BACKUP_FSX_LUSTRE,
    EVENTBRIDGE_CUSTOM_EVENTS,
    EVENTBRIDGE_PARTNER_EVENTS,
    EVENTBRIDGE_ARCHIVE_PROCESSING,
    EVENTBRIDGE_ARCHIVE_STORAGE,
    EVENTBRIDGE_SCHEMA_DISCOVERY,
    ACMPCA_CA_GENERAL_PURPOSE,
    ACMPCA_CA_SHORT_LIVED,
    ACMPCA_CERTIFICATE_TIER1,
    ACMPCA_CERTIFICATE_TIER2,
    ACMPCA_CERTIFICATE_TIER3,
    ACMPCA_CERTIFICATE_SHORT_LIVED,
    CLOUDTRAIL_MANAGEMENT_EVENTS,
    CLOUDTRAIL_DATA_EVENTS,
    CLOUDTRAIL_INSIGHTS_EVENTS,
    CONFIG_RULE_EVALUATIONS_TIER1,
    CONFIG_RULE_EVALUATIONS_TIER2,
    CONFIG_RULE_EVALUATIONS_TIER3,
    CONFIG_ITEMS,
    CONFIG_CUSTOM_ITEMS,
    ECR_STORAGE,
    GLUE_JOB_DPU_HOUR,
    GLUE_JOB_FLEX_DPU_HOUR,
    GLUE_CRAWLER_DPU_HOUR,
    GLUE_CATALOG_STORAGE,
    GLUE_CATALOG_REQUESTS,
    LAMBDA_PROVISIONED_CONCURRENCY,
    LAMBDA_ARM_PROVISIONED_CONCURRENCY,
    LAMBDA_PROVISIONED_DURATION,
    LAMBDA_ARM_PROVISIONED_DURATION,
    TRANSFER_PROTOCOL_HOUR,
    TRANSFER_DOWNLOAD_GB,
    TRANSFER_UPLOAD_GB,
    FIREHOSE_INGEST_TIER1,
    FIREHOSE_INGEST_TIER2,
    FIREHOSE_INGEST_TIER3,
    FIREHOSE_FORMAT_CONVERSION,
    FIREHOSE_VPC_GB,
    FIREHOSE_VPC_AZ_HOUR,
)
# WAF (classic and v2: one price list): web ACL-month, rule-month, USD per 1M requests
WAF_WEB_ACL = "waf:web-acl"
WAF_RULE = "waf:rule"
WAF_REQUESTS = "waf:requests"
# Amazon MQ broker storage, USD per GB-month (brokers: key builder `mq_broker`)
MQ_STORAGE_EFS = "mq:storage:efs"
MQ_STORAGE_EBS = "mq:storage:ebs"
MQ_STORAGE_RABBITMQ = "mq:storage:rabbitmq"
# Amazon DocumentDB: storage and backup per GB-month, I/O per 1M requests, CPU credits per
# vCPU-hour (instances: key builder `docdb_instance`)
DOCDB_STORAGE = "docdb:storage"
DOCDB_IO = "docdb:io"
DOCDB_BACKUP = "docdb:backup"
DOCDB_CPU_CREDITS = "docdb:cpu-credits"
# Amazon Neptune: storage (standard / I/O-Optimized) and backup per GB-month, I/O per 1M
# requests, CPU credits per vCPU-hour (instances: key builder `neptune_instance`)
NEPTUNE_STORAGE = "neptune:storage"
NEPTUNE_STORAGE_IOPT1 = "neptune:storage:iopt1"
NEPTUNE_IO = "neptune:io"
NEPTUNE_BACKUP = "neptune:backup"
NEPTUNE_CPU_CREDITS = "neptune:cpu-credits"
# Route 53 health checks (global), per health check-month / optional feature-month, for an
# AWS endpoint or one outside AWS
ROUTE53_HEALTH_CHECK_AWS = "route53:health-check:aws"
ROUTE53_HEALTH_CHECK_NON_AWS = "route53:health-check:non-aws"
ROUTE53_HEALTH_CHECK_OPTION_AWS = "route53:health-check:option:aws"
ROUTE53_HEALTH_CHECK_OPTION_NON_AWS = "route53:health-check:option:non-aws"
# Route 53 Resolver endpoints (regional): per ENI-hour; queries per 1M, first 1B / above
ROUTE53_RESOLVER_ENI_HOUR = "route53:resolver:eni:hour"
ROUTE53_RESOLVER_QUERIES = "route53:resolver:queries"
ROUTE53_RESOLVER_QUERIES_OVER_1B = "route53:resolver:queries:over-1b"
# AWS Network Firewall: per endpoint-hour; per GB processed
NETWORK_FIREWALL_ENDPOINT_HOUR = "networkfirewall:endpoint:hour"
NETWORK_FIREWALL_GB = "networkfirewall:gb"
# Client VPN: per endpoint (subnet association)-hour; per connection-hour
CLIENT_VPN_ASSOCIATION_HOUR = "clientvpn:association:hour"
CLIENT_VPN_CONNECTION_HOUR = "clientvpn:connection:hour"
# Transit gateway peering and Direct Connect gateway attachments: per hour; DX data per GB
TGW_PEERING_HOUR = "tgw:peering:hour"
TGW_DX_ATTACHMENT_HOUR = "tgw:dx-attachment:hour"
TGW_DX_GB = "tgw:dx:gb"
# AWS DMS replication instance storage (gp2) beyond the included allowance, per GB-month
# (instances: key builder `dms_instance`)
DMS_STORAGE_SINGLE_AZ = "dms:storage:single-az"
DMS_STORAGE_MULTI_AZ = "dms:storage:multi-az"
# Direct Connect: data out from the region to a DX location, per GB (ports: key builder
# `dx_port`); Global Accelerator (global): fixed fee per accelerator-hour
DX_DATA_OUT = "dx:data-out"
GLOBAL_ACCELERATOR_HOUR = "globalaccelerator:hour"

# The fixed keys, in the order the builder reports the ones a region lacks.
SERVICE_KEYS: tuple[str, ...] = (
    EBS_GP2_STORAGE,
    EBS_GP3_STORAGE,
    EBS_IO1_STORAGE,
    EBS_IO2_STORAGE,
    EBS_ST1_STORAGE,
    EBS_SC1_STORAGE,
    EBS_STANDARD_STORAGE,
    EBS_GP3_IOPS,
    EBS_GP3_THROUGHPUT,
    EBS_IO1_IOPS,
    EBS_IO2_IOPS,
    EBS_IO2_IOPS_TIER2,
    EBS_IO2_IOPS_TIER3,
    EBS_STANDARD_IO,
    RDS_STORAGE_GP2_SINGLE_AZ,
    RDS_STORAGE_GP2_MULTI_AZ,
    RDS_STORAGE_GP3_SINGLE_AZ,
    RDS_STORAGE_GP3_MULTI_AZ,
    RDS_STORAGE_IO1_SINGLE_AZ,
    RDS_STORAGE_IO1_MULTI_AZ,
    RDS_STORAGE_IO2_SINGLE_AZ,
    RDS_STORAGE_IO2_MULTI_AZ,
    RDS_STORAGE_STANDARD_SINGLE_AZ,
    RDS_STORAGE_STANDARD_MULTI_AZ,
    RDS_IOPS_IO1_SINGLE_AZ,
    RDS_IOPS_IO1_MULTI_AZ,
    RDS_IOPS_IO2_SINGLE_AZ,
    RDS_IOPS_IO2_MULTI_AZ,
    RDS_IOPS_GP3_SINGLE_AZ,
    RDS_IOPS_GP3_MULTI_AZ,
    RDS_BACKUP,
    NATGW_HOUR,
    NATGW_GB,
    ELB_APPLICATION_HOUR,
    ELB_APPLICATION_LCU,
    ELB_NETWORK_HOUR,
    ELB_NETWORK_LCU,
    ELB_GATEWAY_HOUR,
    ELB_GATEWAY_LCU,
    ELB_CLASSIC_HOUR,
    ELB_CLASSIC_GB,
    EIP_IDLE_HOUR,
    IPV4_PUBLIC_HOUR,
    EKS_CLUSTER_HOUR,
    EKS_CLUSTER_EXTENDED_HOUR,
    LAMBDA_REQUESTS,
    LAMBDA_GB_SECOND,
    S3_STANDARD_STORAGE,
    EC2_CPU_CREDITS_T2,
    EC2_CPU_CREDITS_T3,
    EC2_CPU_CREDITS_T3A,
    EC2_CPU_CREDITS_T4G,
    CLOUDWATCH_METRIC,
    EBS_SNAPSHOT_STORAGE,
    FARGATE_VCPU_HOUR,
    FARGATE_GB_HOUR,
    FARGATE_ARM_VCPU_HOUR,
    FARGATE_ARM_GB_HOUR,
    FARGATE_EPHEMERAL_STORAGE_GB_HOUR,
    LAMBDA_ARM_GB_SECOND,
    S3_STANDARD_PUT,
    S3_STANDARD_GET,
    EFS_STANDARD_STORAGE,
    EFS_IA_STORAGE,
    EFS_ONE_ZONE_STORAGE,
    EFS_PROVISIONED_THROUGHPUT,
    AURORA_STORAGE,
    AURORA_STORAGE_IOPT1,
    AURORA_IO,
    AURORA_SERVERLESS_V2_ACU,
    AURORA_BACKUP,
    DYNAMODB_PROVISIONED_WCU,
    DYNAMODB_PROVISIONED_RCU,
    DYNAMODB_STORAGE,
    DYNAMODB_ONDEMAND_WRITE,
    DYNAMODB_ONDEMAND_READ,
    OPENSEARCH_STORAGE_GP2,
    OPENSEARCH_STORAGE_GP3,
    OPENSEARCH_GP3_IOPS,
    OPENSEARCH_GP3_THROUGHPUT,
    OPENSEARCH_STORAGE_STANDARD,
    DYNAMODB_REPLICATED_WCU,
    SNS_FIFO_REQUESTS,
    SNS_FIFO_PAYLOAD_GB,
    SNS_FIFO_NOTIFICATIONS,
    SNS_FIFO_NOTIFICATION_PAYLOAD_GB,
    DYNAMODB_REPLICATED_WRITE,
    OPENSEARCH_STORAGE_IO1,
    OPENSEARCH_IO1_IOPS,
    REDSHIFT_MANAGED_STORAGE,
    MSK_STORAGE,
    VPCE_INTERFACE_HOUR,
    VPCE_INTERFACE_GB,
    VPCE_GATEWAY_LOAD_BALANCER_HOUR,
    VPN_CONNECTION_HOUR,
    TGW_ATTACHMENT_HOUR,
    TGW_GB,
    CLOUDFRONT_DATA_OUT,
    CLOUDFRONT_REQUESTS_HTTPS,
    ROUTE53_ZONE,
    ROUTE53_QUERIES,
    CLOUDWATCH_LOGS_INGEST,
    CLOUDWATCH_LOGS_STORAGE,
    CLOUDWATCH_ALARM_STANDARD,
    CLOUDWATCH_ALARM_HIGH_RESOLUTION,
    KMS_KEY,
    KMS_REQUESTS,
    SECRETSMANAGER_SECRET,
    SECRETSMANAGER_API,
    SQS_STANDARD_REQUESTS,
    SQS_FIFO_REQUESTS,
    SNS_REQUESTS,
    KINESIS_SHARD,
    KINESIS_PUT_UNITS,
    KINESIS_ONDEMAND_STREAM,
    KINESIS_ONDEMAND_GB_IN,
    SFN_STANDARD_TRANSITIONS,
    SFN_EXPRESS_REQUESTS,
    SFN_EXPRESS_GB_SECOND,
    APIGATEWAY_REST_REQUESTS,
    APIGATEWAY_HTTP_REQUESTS,
    APIGATEWAY_WEBSOCKET_MESSAGES,
    APIGATEWAY_WEBSOCKET_MINUTES,
    *TIER_KEYS,
    *PLATFORM_SERVICE_KEYS,
    # WAF
    WAF_WEB_ACL,
    WAF_RULE,
    WAF_REQUESTS,
    # Amazon MQ
    MQ_STORAGE_EFS,
    MQ_STORAGE_EBS,
    MQ_STORAGE_RABBITMQ,
    # DocumentDB
    DOCDB_STORAGE,
    DOCDB_IO,
    DOCDB_BACKUP,
    DOCDB_CPU_CREDITS,
    # Neptune
    NEPTUNE_STORAGE,
    NEPTUNE_STORAGE_IOPT1,
    NEPTUNE_IO,
    NEPTUNE_BACKUP,
    NEPTUNE_CPU_CREDITS,
    # Route 53 health checks and Resolver
    ROUTE53_HEALTH_CHECK_AWS,
    ROUTE53_HEALTH_CHECK_NON_AWS,
    ROUTE53_HEALTH_CHECK_OPTION_AWS,
    ROUTE53_HEALTH_CHECK_OPTION_NON_AWS,
    ROUTE53_RESOLVER_ENI_HOUR,
    ROUTE53_RESOLVER_QUERIES,
    ROUTE53_RESOLVER_QUERIES_OVER_1B,
    # Network Firewall, Client VPN, transit gateway peering / Direct Connect
    NETWORK_FIREWALL_ENDPOINT_HOUR,
    NETWORK_FIREWALL_GB,
    CLIENT_VPN_ASSOCIATION_HOUR,
    CLIENT_VPN_CONNECTION_HOUR,
    TGW_PEERING_HOUR,
    TGW_DX_ATTACHMENT_HOUR,
    TGW_DX_GB,
    # DMS
    DMS_STORAGE_SINGLE_AZ,
    DMS_STORAGE_MULTI_AZ,
    # Direct Connect, Global Accelerator
    DX_DATA_OUT,
    GLOBAL_ACCELERATOR_HOUR,
    # CloudHSM, VPC Traffic Mirroring, CloudFront Functions, Managed Grafana
    CLOUDHSM_HSM_HOUR,
    TRAFFIC_MIRROR_HOUR,
    CLOUDFRONT_FUNCTION_INVOCATIONS,
    GRAFANA_EDITOR,
    GRAFANA_VIEWER,
    # MWAA, Directory Service
    *(f"mwaa:{component}:{size}" for component in MWAA_COMPONENTS for size in MWAA_CLASSES),
    MWAA_META_DATABASE,
    DS_MICROSOFT_AD_STANDARD,
    DS_MICROSOFT_AD_ENTERPRISE,
    DS_SIMPLE_AD_SMALL,
    DS_SIMPLE_AD_LARGE,
    DS_AD_CONNECTOR_SMALL,
    DS_SHARING_MICROSOFT_AD_STANDARD,
    # Kinesis Data Analytics
    KINESISANALYTICS_KPU,
    KINESISANALYTICS_RUNNING_STORAGE,
    KINESISANALYTICS_BACKUP,
    # CloudFormation, S3 inventory and analytics
    CLOUDFORMATION_HANDLER_OPERATIONS,
    CLOUDFORMATION_HANDLER_SECONDS,
    S3_INVENTORY_OBJECTS,
    S3_ANALYTICS_OBJECTS,
    # FSx
    *FSX_PRICED,
    FSX_WINDOWS_BACKUP,
    FSX_OPENZFS_BACKUP,
    # RDS Extended Support
    RDS_EXTENDED_SUPPORT_YEARS_1_2,
    # RDS Performance Insights long-term retention
    *(rds_performance_insights_retention(family) for family in RDS_PI_RETENTION_PRICED_FAMILIES),
)

# --------------------------------------------------------------------------------------------
# Keys of Infracost usage-file items (S3 storage classes, CloudFront regions, Route 53
# routing policies, Redshift backup and Spectrum, Aurora Serverless v1)
# --------------------------------------------------------------------------------------------
ROUTE53_LATENCY_QUERIES = "route53:queries:latency"
ROUTE53_GEO_QUERIES = "route53:queries:geo"
REDSHIFT_BACKUP = "redshift:backup"  # first 50 TB
REDSHIFT_BACKUP_TIER2 = "redshift:backup:tier2"  # next 450 TB
REDSHIFT_BACKUP_TIER3 = "redshift:backup:tier3"  # over 500 TB
REDSHIFT_SPECTRUM = "redshift:spectrum"
AURORA_SERVERLESS_V1_ACU = "aurora:serverless-v1:acu"
# CloudFront edge geographies, by the name Infracost's usage file gives them.
CLOUDFRONT_GEOS = (
    "us",
    "europe",
    "south_africa",
    "south_america",
    "japan",
    "australia",
    "asia_pacific",
    "india",
)


def cloudfront_data_out(geo: str) -> str:
    """CloudFront data transfer out to the internet from a geography, first 10 TB, per GB;
    the US and Europe share `cloudfront:data-out`."""
    if geo in ("us", "europe"):
        return CLOUDFRONT_DATA_OUT
    return f"cloudfront:data-out:{geo.replace('_', '-')}"


def cloudfront_requests(geo: str, protocol: str) -> str:
    """CloudFront requests from a geography, per 10,000; protocol: http or https."""
    if geo == "us" and protocol == "https":
        return CLOUDFRONT_REQUESTS_HTTPS
    return f"cloudfront:requests:{protocol}:{geo.replace('_', '-')}"


CLOUDFRONT_GEO_KEYS: tuple[str, ...] = tuple(
    dict.fromkeys(
        key
        for geo in CLOUDFRONT_GEOS
        for key in (
            cloudfront_data_out(geo),
            cloudfront_requests(geo, "http"),
            cloudfront_requests(geo, "https"),
        )
        if key not in (CLOUDFRONT_DATA_OUT, CLOUDFRONT_REQUESTS_HTTPS)
    )
)


def cloudfront_data_to_origin(geo: str) -> str:
    """CloudFront data transfer from a geography's edge to the origin, per GB."""
    return f"cloudfront:data-to-origin:{geo.replace('_', '-')}"


CLOUDFRONT_INVALIDATION = "cloudfront:invalidation"  # per path beyond the free 1,000
CLOUDFRONT_FIELD_LEVEL_ENCRYPTION = "cloudfront:field-level-encryption"  # per 10,000
CLOUDFRONT_REALTIME_LOGS = "cloudfront:realtime-logs"  # per 1M log lines
CLOUDFRONT_DEDICATED_IP_SSL = "cloudfront:dedicated-ip-ssl"  # per certificate-month
CLOUDFRONT_SHIELD_GEOS = (
    "us",
    "europe",
    "south_america",
    "japan",
    "australia",
    "singapore",
    "south_korea",
    "india",
)


def cloudfront_origin_shield(geo: str) -> str:
    """CloudFront Origin Shield requests in a geography, per 10,000 (AWS publishes the rate
    by the AWS region the Origin Shield sits in: CLOUDFRONT_SHIELD_REGIONS)."""
    return f"cloudfront:origin-shield:{geo.replace('_', '-')}"


# CloudFront: the AWS region whose Origin Shield rate a usage-file geography takes
# (Infracost's geographies; AWS's Origin Shield regions of that geography share one rate)
CLOUDFRONT_SHIELD_REGIONS = {
    "us": "us-east-1",
    "europe": "eu-west-1",
    "south_america": "sa-east-1",
    "japan": "ap-northeast-1",
    "australia": "ap-southeast-2",
    "singapore": "ap-southeast-1",
    "south_korea": "ap-northeast-2",
    "india": "ap-south-1",
}
# CloudFront to the internet from the geographies beyond the US and Europe, in their own
# volume tiers (the US boundaries: 10 TB, 50 TB, 150 TB, 500 TB, 1 PB, 5 PB)
CLOUDFRONT_GEO_DATA_OUT_TIERS: tuple[str, ...] = tuple(
    tier_key(cloudfront_data_out(geo), start)
    for geo in CLOUDFRONT_GEOS
    if geo not in ("us", "europe")
    for start in CLOUDFRONT_TIER_STARTS
)
CLOUDFRONT_EXTRA_KEYS: tuple[str, ...] = (
    *(cloudfront_data_to_origin(geo) for geo in CLOUDFRONT_GEOS),
    CLOUDFRONT_INVALIDATION,
    CLOUDFRONT_FIELD_LEVEL_ENCRYPTION,
    CLOUDFRONT_REALTIME_LOGS,
    CLOUDFRONT_DEDICATED_IP_SSL,
    *(cloudfront_origin_shield(geo) for geo in CLOUDFRONT_SHIELD_GEOS),
    *CLOUDFRONT_GEO_DATA_OUT_TIERS,
)
CLOUDFRONT_UNPRICED_KEYS: dict[str, str] = {}
# S3 storage classes (Infracost's usage-file names) -> key slug
S3_CLASSES = {
    "standard": "standard",
    "intelligent_tiering": "intelligent-tiering",
    "standard_infrequent_access": "standard-ia",
    "one_zone_infrequent_access": "one-zone-ia",
    "glacier_flexible_retrieval": "glacier",
    "glacier_deep_archive": "deep-archive",
}


def s3_key(storage_class: str, item: str) -> str:
    """An S3 price of a storage class (a key of S3_CLASSES): `storage` per GB-month, `put`
    / `get` / `lifecycle` / `retrieval-requests-<tier>` per 1,000 requests, `retrieval`
    / `retrieval-<tier>` / `select-scanned[-<tier>]` / `select-returned[-<tier>]` per
    GB, `monitoring` per 1,000 objects-month; Intelligent-Tiering storage by access
    tier (`storage-frequent`, `storage-infrequent`, `storage-archive`,
    `storage-deep-archive`)."""
    return f"s3:{S3_CLASSES[storage_class]}:{item}"


# (storage class, item) pairs priced per region from AWS's S3 pricing page
S3_PAGE_ITEMS: tuple[tuple[str, str], ...] = (
    ("standard", "select-scanned"),
    ("standard", "select-returned"),
    ("intelligent_tiering", "storage-frequent"),
    ("intelligent_tiering", "storage-infrequent"),
    ("intelligent_tiering", "storage-archive"),
    ("intelligent_tiering", "storage-deep-archive"),
    ("intelligent_tiering", "monitoring"),
    ("intelligent_tiering", "put"),
    ("intelligent_tiering", "get"),
    ("intelligent_tiering", "lifecycle"),
    ("intelligent_tiering", "select-scanned"),
    ("intelligent_tiering", "select-returned"),
    ("standard_infrequent_access", "storage"),
    ("standard_infrequent_access", "put"),
    ("standard_infrequent_access", "get"),
    ("standard_infrequent_access", "lifecycle"),
    ("standard_infrequent_access", "retrieval"),
    ("standard_infrequent_access", "select-scanned"),
    ("standard_infrequent_access", "select-returned"),
    ("one_zone_infrequent_access", "storage"),
    ("one_zone_infrequent_access", "put"),
    ("one_zone_infrequent_access", "get"),
    ("one_zone_infrequent_access", "lifecycle"),
    ("one_zone_infrequent_access", "retrieval"),
    ("one_zone_infrequent_access", "select-scanned"),
    ("one_zone_infrequent_access", "select-returned"),
    ("glacier_flexible_retrieval", "storage"),
    ("glacier_flexible_retrieval", "put"),
    ("glacier_flexible_retrieval", "get"),
    ("glacier_flexible_retrieval", "lifecycle"),
    ("glacier_flexible_retrieval", "retrieval-standard"),
    ("glacier_flexible_retrieval", "retrieval-expedited"),
    ("glacier_flexible_retrieval", "retrieval-requests-standard"),
    ("glacier_flexible_retrieval", "retrieval-requests-expedited"),
    *(
        ("glacier_flexible_retrieval", f"select-{what}-{tier}")
        for what in ("scanned", "returned")
        for tier in ("standard", "expedited", "bulk")
    ),
    ("glacier_deep_archive", "get"),
    ("glacier_deep_archive", "lifecycle"),
    ("glacier_deep_archive", "retrieval-standard"),
    ("glacier_deep_archive", "retrieval-bulk"),
)
S3_OBJECT_TAGS = "s3:object-tags"  # per 10,000 tags-month
S3_PAGE_KEYS = (
    *(s3_key(storage_class, item) for storage_class, item in S3_PAGE_ITEMS),
    S3_OBJECT_TAGS,
)
# S3 Glacier Deep Archive storage, PUT and restore requests: AWS's S3 pricing-page file in
# shared/price-sources lacks these rows, Infracost's golden output has them (us-east-1)
S3_DEEP_ARCHIVE_GOLDEN_KEYS: tuple[str, ...] = tuple(
    s3_key("glacier_deep_archive", item)
    for item in ("storage", "put", "retrieval-requests-standard", "retrieval-requests-bulk")
)
S3_PAGE_KEYS = (*S3_PAGE_KEYS, *S3_DEEP_ARCHIVE_GOLDEN_KEYS)
S3_UNPRICED_KEYS: dict[str, str] = {}
CLOUDWATCH_LOGS_INSIGHTS = "cloudwatch:logs:insights"  # per GB scanned
DYNAMODB_PITR_BACKUP = "dynamodb:pitr-backup"  # per GB-month
DYNAMODB_BACKUP = "dynamodb:backup"  # on-demand backups, per GB-month
DYNAMODB_RESTORE = "dynamodb:restore"  # per GB restored
DYNAMODB_STREAMS_READ = "dynamodb:streams-read"  # per 1M stream read request units
EFS_IA_READ = "efs:ia:read"  # Infrequent Access reads, per GB
EFS_IA_WRITE = "efs:ia:write"  # Infrequent Access writes, per GB
KINESIS_ONDEMAND_GB_OUT = "kinesis:ondemand:gb-out"
KINESIS_ONDEMAND_EFO_GB_OUT = "kinesis:ondemand:efo-gb-out"
KINESIS_ONDEMAND_EXTENDED_RETENTION = "kinesis:ondemand:extended-retention"  # per GB-month
KINESIS_ONDEMAND_LONG_TERM_RETENTION = "kinesis:ondemand:long-term-retention"
# provisioned streams retaining data over 24 hours, per shard-hour
KINESIS_EXTENDED_RETENTION = "kinesis:extended-retention"
KINESIS_LONG_TERM_RETENTION = "kinesis:long-term-retention"
KINESIS_LONG_TERM_RETRIEVAL = "kinesis:long-term-retrieval"  # per GB
KINESIS_EFO_GB_OUT = "kinesis:efo-gb-out"
KINESIS_EFO_CONSUMER_SHARD_HOUR = "kinesis:efo-consumer-shard-hour"
EBS_SNAPSHOT_API_LIST = "ebs:snapshot:api-list"  # per 1,000 requests
EBS_SNAPSHOT_API_GET = "ebs:snapshot:api-get"  # per 1,000 SnapshotAPIUnits
EBS_SNAPSHOT_API_PUT = "ebs:snapshot:api-put"  # per 1,000 SnapshotAPIUnits
EBS_SNAPSHOT_FAST_RESTORE = "ebs:snapshot:fast-restore"  # per DSU-hour
AURORA_BACKTRACK = "aurora:backtrack"  # per 1M change records
AURORA_SNAPSHOT_EXPORT = "aurora:snapshot-export"  # per GB exported
AURORA_CPU_CREDITS = "aurora:cpu-credits"  # per vCPU-hour
RDS_CPU_CREDITS = "rds:cpu-credits"  # per vCPU-hour
RDS_IO_STANDARD = "rds:io:standard"  # magnetic storage I/O, per 1M requests
RDS_PERFORMANCE_INSIGHTS_API = "rds:performance-insights:api"  # per 1,000 requests
ELASTICACHE_SNAPSHOT = "elasticache:snapshot"  # per GB-month
DB_RESERVED_TERMS = {"1_year": "1y", "3_year": "3y"}
DB_RESERVED_PAYMENTS = {
    "no_upfront": "no-upfront",
    "partial_upfront": "partial-upfront",
    "all_upfront": "all-upfront",
}


# Reservations: the payment whose recurring hourly rate AWS publishes as 0.00 (every All
# Upfront offer); estimators price it at that zero, the table holds no figure for it.
RESERVED_ALL_UPFRONT = "all-upfront"
# The payments whose recurring hourly rate needs data (INSTANCE_KEY forms)
RESERVED_RECURRING_PAYMENTS = ("no-upfront", "partial-upfront")


def db_reserved(on_demand_key: str, term: str, payment: str) -> str:
    """The recurring hourly rate of a reserved RDS / Aurora instance, ElastiCache node or
    EC2 Dedicated Host: the on-demand key with `:reserved:<1y|3y>:<payment>` (payment from
    DB_RESERVED_PAYMENTS; priced where a source has the rate, the all-upfront form never:
    UNPRICED_FORMS)."""
    return f"{on_demand_key}:reserved:{term}:{payment}"


# SNS deliveries per 1M notifications, by subscription protocol
SNS_NOTIFICATIONS = {
    "http": "sns:notifications:http",
    "email": "sns:notifications:email",
    "kinesis": "sns:notifications:kinesis",
    "mobile_push": "sns:notifications:mobile-push",
    "macos": "sns:notifications:macos",
    "sms": "sns:notifications:sms",
}
USAGE_FILE_UNPRICED: dict[str, str] = {
    SNS_NOTIFICATIONS["sms"]: "SNS SMS deliveries: the rate depends on the destination "
    "country; no source in shared/price-sources has it",
}
USAGE_FILE_KEYS: tuple[str, ...] = (
    CLOUDWATCH_LOGS_INSIGHTS,
    DYNAMODB_PITR_BACKUP,
    DYNAMODB_BACKUP,
    DYNAMODB_RESTORE,
    DYNAMODB_STREAMS_READ,
    EFS_IA_READ,
    EFS_IA_WRITE,
    KINESIS_ONDEMAND_GB_OUT,
    KINESIS_ONDEMAND_EFO_GB_OUT,
    KINESIS_ONDEMAND_EXTENDED_RETENTION,
    KINESIS_ONDEMAND_LONG_TERM_RETENTION,
    KINESIS_EXTENDED_RETENTION,
    KINESIS_LONG_TERM_RETENTION,
    KINESIS_LONG_TERM_RETRIEVAL,
    KINESIS_EFO_GB_OUT,
    KINESIS_EFO_CONSUMER_SHARD_HOUR,
    *(key for key in SNS_NOTIFICATIONS.values() if key not in USAGE_FILE_UNPRICED),
    EBS_SNAPSHOT_API_LIST,
    EBS_SNAPSHOT_API_GET,
    EBS_SNAPSHOT_API_PUT,
    EBS_SNAPSHOT_FAST_RESTORE,
    AURORA_BACKTRACK,
    AURORA_SNAPSHOT_EXPORT,
    AURORA_CPU_CREDITS,
    RDS_CPU_CREDITS,
    RDS_IO_STANDARD,
    RDS_PERFORMANCE_INSIGHTS_API,
    ELASTICACHE_SNAPSHOT,
    ROUTE53_LATENCY_QUERIES,
    ROUTE53_GEO_QUERIES,
    REDSHIFT_BACKUP,
    REDSHIFT_BACKUP_TIER2,
    REDSHIFT_BACKUP_TIER3,
    REDSHIFT_SPECTRUM,
    AURORA_SERVERLESS_V1_ACU,
    *CLOUDFRONT_GEO_KEYS,
    *CLOUDFRONT_EXTRA_KEYS,
    *S3_PAGE_KEYS,
)
SERVICE_KEYS = (*SERVICE_KEYS, *USAGE_FILE_KEYS)

# CloudWatch dashboards (global: one price in every region), per dashboard-month
CLOUDWATCH_DASHBOARD = "cloudwatch:dashboard"
# API Gateway REST stage caches, per cache-hour, by cache size in GB (the sizes AWS offers)
APIGATEWAY_CACHE_SIZES_GB = ("0.5", "1.6", "6.1", "13.5", "28.4", "58.2", "118", "237")


def apigateway_cache_hour(size_gb: str) -> str:
    """An API Gateway stage cache of `size_gb` GB (one of APIGATEWAY_CACHE_SIZES_GB)."""
    return f"apigateway:cache:{size_gb}gb:hour"


# Global Accelerator data-transfer premium (global), per GB, by the endpoint group's region
# group, the users' geography and the dominant direction ("in" or "out"). AWS's region
# groups: na, eu, ap, me, sa, za (Africa), us (GovCloud); geographies add kr (South Korea),
# au (Australia, New Zealand) and in (India, Indonesia, Philippines, Thailand).
def globalaccelerator_dt_premium(source: str, destination: str, direction: str) -> str:
    return f"globalaccelerator:dt-premium:{source}:{destination}:{direction}"


# the pairs a source publishes (Infracost's golden outputs, us-east-1): Europe to every
# geography inbound, North America to Europe and Asia Pacific outbound
GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED = (
    *(
        globalaccelerator_dt_premium("eu", geo, "in")
        for geo in ("na", "eu", "za", "sa", "kr", "me", "au", "ap", "in")
    ),
    globalaccelerator_dt_premium("na", "eu", "out"),
    globalaccelerator_dt_premium("na", "ap", "out"),
)

# EFS One Zone: Infrequent Access storage of a One Zone file system, per GB-month (its own
# rate, below the Regional IA rate)
EFS_ONE_ZONE_IA_STORAGE = "efs:one-zone:ia:storage"

SERVICE_KEYS = (
    *SERVICE_KEYS,
    EFS_ONE_ZONE_IA_STORAGE,
    CLOUDWATCH_DASHBOARD,
    *(apigateway_cache_hour(size) for size in APIGATEWAY_CACHE_SIZES_GB),
    *GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED,
)

# EC2 data transfer (the usage file's `aws_data_transfer` entries), USD per GB: within a
# region (billed in each direction), out to the internet in AWS's monthly volume tiers (the
# base key up to 10 TB, then tiers from 10 TB, 50 TB and 150 TB, counted in GB of 1,024 per
# TB), out to another region, and between us-east-1 and us-east-2 (their own lower rate).
DATA_TRANSFER_INTRA_REGION = "data-transfer:intra-region"
DATA_TRANSFER_INTERNET = "data-transfer:internet"
DATA_TRANSFER_INTERNET_TIER_STARTS = (10_240, 51_200, 153_600)
DATA_TRANSFER_INTERNET_TIERS = tuple(
    tier_key(DATA_TRANSFER_INTERNET, start) for start in DATA_TRANSFER_INTERNET_TIER_STARTS
)
DATA_TRANSFER_INTER_REGION = "data-transfer:inter-region"
DATA_TRANSFER_US_EAST = "data-transfer:us-east"
SERVICE_KEYS = (
    *SERVICE_KEYS,
    DATA_TRANSFER_INTRA_REGION,
    DATA_TRANSFER_INTERNET,
    *DATA_TRANSFER_INTERNET_TIERS,
    DATA_TRANSFER_INTER_REGION,
    DATA_TRANSFER_US_EAST,
)

# Volume tiers of API Gateway HTTP requests and WebSocket messages (in millions: above 300M,
# above 1B) and of Route 53 latency-based and geolocation queries (above 1B)
APIGATEWAY_HTTP_REQUESTS_OVER_300M = tier_key(APIGATEWAY_HTTP_REQUESTS, 300)
APIGATEWAY_WEBSOCKET_MESSAGES_OVER_1B = tier_key(APIGATEWAY_WEBSOCKET_MESSAGES, 1_000)
ROUTE53_LATENCY_QUERIES_OVER_1B = tier_key(ROUTE53_LATENCY_QUERIES, 1_000)
ROUTE53_GEO_QUERIES_OVER_1B = tier_key(ROUTE53_GEO_QUERIES, 1_000)
SERVICE_KEYS = (
    *SERVICE_KEYS,
    APIGATEWAY_HTTP_REQUESTS_OVER_300M,
    APIGATEWAY_WEBSOCKET_MESSAGES_OVER_1B,
    ROUTE53_LATENCY_QUERIES_OVER_1B,
    ROUTE53_GEO_QUERIES_OVER_1B,
)

# EC2: unlimited-mode CPU credits of Windows instances, per vCPU-hour (AWS charges Windows
# more than Linux, RHEL and SLES; Graviton t4g runs no Windows)
EC2_CPU_CREDITS_WINDOWS = {
    family: f"ec2:cpu-credits:{family}:windows" for family in ("t2", "t3", "t3a")
}
SERVICE_KEYS = (*SERVICE_KEYS, *EC2_CPU_CREDITS_WINDOWS.values())

# Priced in us-east-1 only: the estimators look them up there whatever the resource's region
# (CloudFront and Route 53 are global services).
GLOBAL_REGION = "us-east-1"
GLOBAL_KEYS = frozenset(
    {
        CLOUDFRONT_DATA_OUT,
        CLOUDFRONT_REQUESTS_HTTPS,
        ROUTE53_ZONE,
        ROUTE53_QUERIES,
        *CLOUDFRONT_DATA_OUT_TIERS,
        ROUTE53_QUERIES_OVER_1B,
        ROUTE53_LATENCY_QUERIES,
        ROUTE53_GEO_QUERIES,
        ROUTE53_LATENCY_QUERIES_OVER_1B,
        ROUTE53_GEO_QUERIES_OVER_1B,
        *CLOUDFRONT_GEO_KEYS,
        *CLOUDFRONT_EXTRA_KEYS,
        *CLOUDFRONT_UNPRICED_KEYS,
        ROUTE53_HEALTH_CHECK_AWS,
        ROUTE53_HEALTH_CHECK_NON_AWS,
        ROUTE53_HEALTH_CHECK_OPTION_AWS,
        ROUTE53_HEALTH_CHECK_OPTION_NON_AWS,
        GLOBAL_ACCELERATOR_HOUR,
        CLOUDFRONT_FUNCTION_INVOCATIONS,
        ROUTE53_ZONE,
        ROUTE53_QUERIES,
        CLOUDWATCH_DASHBOARD,
        *GLOBAL_ACCELERATOR_DT_PREMIUM_PRICED,
    }
)

RDS_ENGINES = (
    "mysql",
    "postgres",
    "mariadb",
    "oracle-se2",
    "oracle-se2-li",
    "oracle-ee",
    "sqlserver-ex",
    "sqlserver-web",
    "sqlserver-se",
    "sqlserver-ee",
    "aurora-mysql",
    "aurora-postgresql",
    "aurora-mysql-iopt1",  # Aurora I/O-Optimized cluster configuration
    "aurora-postgresql-iopt1",
)
RDS_DEPLOYMENTS = ("single-az", "multi-az")
EC2_RESERVED_CLASSES = ("standard", "convertible")
ELASTICACHE_ENGINES = ("redis", "memcached", "valkey")
MQ_ENGINES = ("activemq", "rabbitmq")
MQ_DEPLOYMENTS = ("single-instance", "multi-az")

# Keys an estimator asks for that no price source publishes, and why. Looking one up gives
# "price not found" (never $0) until a table (e.g. `pricing build --from-aws-offer`) has it.
AURORA_SERVERLESS_V2_ACU_IOPT1 = "aurora:serverless-v2:acu:iopt1"
UNPRICED_KEYS: dict[str, str] = {
    RDS_EXTENDED_SUPPORT_YEAR_3: "RDS Extended Support in its third year: no source in "
    "shared/price-sources has the rate (the Infracost golden outputs show year 1 only)",
    OPENSEARCH_GP3_IOPS: "OpenSearch gp3 provisioned IOPS above the baseline: the sources "
    "have OpenSearch gp3 storage and throughput but no gp3 IOPS rate (the unitmaps files lack "
    "OpenSearch; the Infracost golden outputs show no gp3 IOPS line)",
    DMS_STORAGE_SINGLE_AZ: "DMS Single-AZ storage beyond the included allowance: no source in "
    "shared/price-sources has it (the Infracost golden outputs price Multi-AZ storage only)",
    AURORA_SERVERLESS_V2_ACU_IOPT1: "Aurora Serverless v2 capacity under the I/O-Optimized "
    "configuration: no source in shared/price-sources has the I/O-Optimized ACU rate, and no "
    "documented rule relates it to the Standard rate",
    SNS_SMS_NOTIFICATIONS: "SNS SMS messages: AWS prices them per destination country and "
    "message type; no source in shared/price-sources has those rates",
    CLOUDMAP_INSTANCE: "AWS Cloud Map registered instances: no source in shared/price-sources "
    "has Cloud Map prices (not in the unitmaps files nor the Infracost golden outputs)",
    CLOUDMAP_DISCOVERY_API: "AWS Cloud Map DiscoverInstances API calls: no source in "
    "shared/price-sources has Cloud Map prices",
    RDS_BACKUP_REPLICATION_TRANSFER: "RDS cross-region automated backup replication: the "
    "inter-region data transfer rate of RDS is in no source in shared/price-sources",
    DS_AD_CONNECTOR_LARGE: "Directory Service AD Connector, Large: the only source with "
    "Directory Service prices (Infracost's golden outputs) has no Large AD Connector",
    DS_SHARING_MICROSOFT_AD_ENTERPRISE: "Directory Service sharing of an Enterprise Microsoft "
    "AD: the only source with Directory Service prices (Infracost's golden outputs) shares "
    "a Standard directory only",
    **{
        key: "FSx for Windows File Server Single-AZ and FSx for OpenZFS other than "
        "SINGLE_AZ_1: the only source with FSx Windows / OpenZFS prices (Infracost's golden "
        "outputs) has Multi-AZ Windows and SINGLE_AZ_1 OpenZFS file systems only"
        for key in (
            *(f"fsx:windows:single-az:{item}" for item in ("throughput", "ssd", "hdd")),
            *(
                f"fsx:openzfs:{deployment}:{item}"
                for deployment in FSX_OPENZFS_DEPLOYMENTS[1:]
                for item in ("throughput", "ssd", "iops")
            ),
        )
    },
    **{
        f"mwaa:{component}:{size}": f"MWAA {component} of class mw1.{size}: launched in "
        "2024, after the only source with MWAA prices (Infracost's golden outputs, classes "
        "small, medium and large)"
        for component in MWAA_COMPONENTS
        for size in ("micro", "xlarge", "2xlarge")
    },
}
UNPRICED_KEYS.update(S3_UNPRICED_KEYS)
UNPRICED_KEYS.update(CLOUDFRONT_UNPRICED_KEYS)
UNPRICED_KEYS.update(USAGE_FILE_UNPRICED)
# RDS engines an `aws_db_instance` may name that no price source covers, and why.
RDS_ENGINES_WITHOUT_SOURCE: dict[str, str] = {
    "db2-se": "RDS for Db2 Standard Edition: not in any source in shared/price-sources",
    "db2-ae": "RDS for Db2 Advanced Edition: not in any source in shared/price-sources",
    **{
        f"custom-{engine}": "RDS Custom: not in any source in shared/price-sources"
        for engine in ("oracle-ee", "oracle-se2", "sqlserver-ee", "sqlserver-se", "sqlserver-web")
    },
}
SERVICE_KEYS_SET = frozenset(SERVICE_KEYS)


# --------------------------------------------------------------------------------------------
# Key builders: keys that carry a type, engine or tier name
# --------------------------------------------------------------------------------------------


def ec2_instance(instance_type: str) -> str:
    """Linux on-demand, shared tenancy, USD per hour."""
    return f"ec2:{instance_type}"


def ec2_spot(instance_type: str) -> str:
    """Average Linux spot price, USD per hour (approximate by nature)."""
    return f"ec2:{instance_type}:spot"


def ec2_dedicated(instance_type: str) -> str:
    """Linux on-demand, dedicated tenancy, USD per hour."""
    return f"ec2:{instance_type}:dedicated"


def ec2_ebs_optimized(instance_type: str) -> str:
    """The hourly EBS-optimized fee of a type that charges one."""
    return f"ec2:{instance_type}:ebs-optimized"


def ec2_platform(instance_type: str, platform_slug: str, dedicated: bool = False) -> str:
    """On-demand price of a platform: `platform_slug` "" for Linux, else e.g. `windows`
    (licence included; INSTANCE_KEY), `red-hat-enterprise-linux` (no source: UNPRICED_FORMS)."""
    key = f"ec2:{instance_type}:{platform_slug}" if platform_slug else f"ec2:{instance_type}"
    return f"{key}:dedicated" if dedicated else key


def ec2_reserved(
    instance_type: str,
    offering_class: str,
    term: str,
    payment: str,
    platform_slug: str = "",
    dedicated: bool = False,
) -> str:
    """Reserved Instance recurring hourly rate: offering class from EC2_RESERVED_CLASSES,
    term `1y` / `3y`, payment `no-upfront` / `partial-upfront` / `all-upfront`. Only Linux,
    shared-tenancy No and Partial Upfront rates have a source; the others are UNPRICED_FORMS
    (All Upfront's rate is a published zero, applied by the estimators)."""
    platform = f":{platform_slug}" if platform_slug else ""
    key = f"ec2:{instance_type}{platform}:reserved:{offering_class}:{term}:{payment}"
    return f"{key}:dedicated" if dedicated else key


def ec2_host(family: str) -> str:
    """An EC2 Dedicated Host of an instance family (`c5`, `mac1`), Linux on-demand, USD per
    hour."""
    return f"ec2-host:{family}"


def ec2_cpu_credits(family: str) -> str:
    """Unlimited-mode CPU credits of a burstable family (t2, t3, t3a, t4g), per vCPU-hour."""
    return f"ec2:cpu-credits:{family}"


def ebs_storage(volume_type: str) -> str:
    """EBS volume storage, USD per GB-month."""
    return f"ebs:{volume_type}:storage"


def rds_instance(instance_class: str, engine: str, deployment: str) -> str:
    """RDS / Aurora instance, USD per hour; engine from RDS_ENGINES, deployment
    from RDS_DEPLOYMENTS."""
    return f"rds:{instance_class}:{engine}:{deployment}"


def fsx(file_system: str, deployment: str, item: str) -> str:
    """An FSx file system's (`windows`, `openzfs`) throughput (per MBps-month), storage
    (`ssd`, `hdd`: per GB-month) or provisioned IOPS (per IOPS-month), by deployment
    (FSX_WINDOWS_DEPLOYMENTS, FSX_OPENZFS_DEPLOYMENTS)."""
    return f"fsx:{file_system}:{deployment}:{item}"


def lightsail_instance(memory_gb: str, operating_system: str, ipv6_only: bool) -> str:
    """A Lightsail general-purpose instance bundle by memory (`0.5`, `2`, `16`...),
    `linux` or `windows`, IPv6-only or with a public IPv4 address, per hour."""
    return f"lightsail:{memory_gb}gb:{operating_system}" + (":ipv6" if ipv6_only else "")


def lightsail_bundle(bundle_id: str) -> str:
    """A Lightsail bundle no source prices (UNPRICED_FORMS)."""
    return f"lightsail:bundle:{bundle_id}"


def mwaa(component: str, environment_class: str) -> str:
    """An MWAA environment, worker or scheduler (MWAA_COMPONENTS) of a class (`mw1.small`),
    USD per hour."""
    return f"mwaa:{component}:{environment_class.removeprefix('mw1.')}"


def directory_service(directory_type: str, tier: str) -> str:
    """A Directory Service directory (`microsoft-ad`, `simple-ad`, `ad-connector`) of an
    edition or size (`standard`, `enterprise`, `small`, `large`), per controller-hour."""
    return f"directoryservice:{directory_type}:{tier}"


def directory_sharing(directory_type: str, tier: str) -> str:
    """Sharing a directory with another account, per shared account-hour."""
    return f"directoryservice:sharing:{directory_type}:{tier}"


def rds_storage(storage_type: str, deployment: str) -> str:
    """RDS storage, USD per GB-month."""
    return f"rds:storage:{storage_type}:{deployment}"


def rds_iops(storage_type: str, deployment: str) -> str:
    """RDS provisioned IOPS, USD per IOPS-month."""
    return f"rds:iops:{storage_type}:{deployment}"


def elb_hour(kind: str) -> str:
    """Load balancer hour; kind: application, network, gateway or classic."""
    return f"elb:{kind}:hour"


def elb_lcu(kind: str) -> str:
    """Load balancer capacity unit hour; kind: application, network or gateway."""
    return f"elb:{kind}:lcu"


def fargate_vcpu_hour(arm: bool) -> str:
    return FARGATE_ARM_VCPU_HOUR if arm else FARGATE_VCPU_HOUR


def fargate_gb_hour(arm: bool) -> str:
    return FARGATE_ARM_GB_HOUR if arm else FARGATE_GB_HOUR


def cloudwatch_alarm(kind: str) -> str:
    """kind: standard or high-resolution."""
    return f"cloudwatch:alarm:{kind}"


def sqs_requests(queue_kind: str) -> str:
    """queue_kind: standard or fifo; USD per 1M requests."""
    return f"sqs:{queue_kind}:requests"


def elasticache_node(node_type: str, engine: str) -> str:
    """ElastiCache node, USD per hour; engine from ELASTICACHE_ENGINES."""
    return f"elasticache:{node_type}:{engine}"


def opensearch_instance(instance_type: str) -> str:
    """OpenSearch instance (`m5.large.search`), USD per hour."""
    return f"opensearch:{instance_type}"


def opensearch_storage(volume_type: str) -> str:
    """OpenSearch EBS storage (gp2, gp3), USD per GB-month."""
    return f"opensearch:storage:{volume_type}"


def redshift_node(node_type: str) -> str:
    """Redshift node (`ra3.4xlarge`), USD per hour."""
    return f"redshift:{node_type}"


def redshift_concurrency_scaling(node_type: str) -> str:
    """Redshift concurrency scaling beyond the free credits, USD per node-second."""
    return f"redshift:{node_type}:concurrency-scaling"


def msk_broker(instance_type: str) -> str:
    """MSK broker (`kafka.m5.large`), USD per hour."""
    return f"msk:{instance_type}"


def codebuild_minute(environment: str, compute_type: str) -> str:
    """CodeBuild on-demand build minute of an environment (`linux`, `linux-gpu`, `arm`,
    `windows`, ...) and compute type (`general1.small`...), USD per minute."""
    return f"codebuild:{environment}:{compute_type}"


def mq_broker(instance_type: str, engine: str, deployment: str) -> str:
    """Amazon MQ broker (`mq.m5.large`), USD per hour; engine from MQ_ENGINES, deployment
    from MQ_DEPLOYMENTS (a Multi-AZ price covers the whole active/standby pair or the
    3-node RabbitMQ cluster)."""
    return f"mq:{instance_type}:{engine}:{deployment}"


def docdb_instance(instance_class: str) -> str:
    """DocumentDB instance (`db.r5.large`), USD per hour."""
    return f"docdb:{instance_class}"


def neptune_instance(instance_class: str, io_optimized: bool) -> str:
    """Neptune instance (`db.r5.large`), USD per hour; `:iopt1` in an I/O-Optimized
    cluster."""
    key = f"neptune:{instance_class}"
    return f"{key}:iopt1" if io_optimized else key


def dms_instance(instance_class: str, deployment: str) -> str:
    """DMS replication instance (`dms.t3.medium`), USD per hour; deployment from
    RDS_DEPLOYMENTS."""
    return f"dms:{instance_class}:{deployment}"


def dx_port(connection_type: str, bandwidth: str) -> str:
    """Direct Connect port (`dedicated` or `hosted`, bandwidth as `1gbps`, `500mbps`), USD
    per port-hour."""
    return f"dx:{connection_type}:{bandwidth.lower()}:hour"
