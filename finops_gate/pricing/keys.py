"""The price-key vocabulary: every key the price table holds and the estimators look up.

A price key names one unit price, `<service>:<item>[:<qualifier>...]`, in the unit the
estimators multiply it by (documented in pricing/README.md, "Price keys"). The same key
strings are written by the bundled-table builder (`finops_gate.pricing.build`), by the AWS
Price List ingester (`finops_gate.pricing.offer`, through `finops_gate.pricing.usage_types`)
and read by the estimators, so they are declared once, here:

* `SERVICE_KEYS`: the fixed keys (one constant each, e.g. `NATGW_HOUR`);
* key builders for the keys that carry a type name (`ec2_instance("m5.large")`,
  `rds_instance("db.t3.micro", "postgres", "single-az")`, ...), matched by
  `INSTANCE_KEY`;
* `UNPRICED_KEYS` / `UNPRICED_FORMS`: keys an estimator asks for that no price source has,
  with the reason (the estimate then says "price not found", never $0).

`is_declared(key)` tells whether a key belongs to the vocabulary.
"""

from __future__ import annotations

import re

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
)

# Priced in us-east-1 only: the estimators look them up there whatever the resource's region
# (CloudFront and Route 53 are global services).
GLOBAL_REGION = "us-east-1"
GLOBAL_KEYS = frozenset(
    {
        CLOUDFRONT_DATA_OUT,
        CLOUDFRONT_REQUESTS_HTTPS,
        CLOUDFRONT_FUNCTION_INVOCATIONS,
        ROUTE53_ZONE,
        ROUTE53_QUERIES,
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
ELASTICACHE_ENGINES = ("redis", "memcached", "valkey")

# Keys besides SERVICE_KEYS that the table holds: EC2 instance types (on-demand, spot,
# dedicated, the EBS-optimized fee of the previous-generation types that charge one), RDS
# instance class x engine x deployment, ElastiCache node x engine, OpenSearch, Redshift and
# MSK nodes.
INSTANCE_KEY = re.compile(
    r"ec2:[a-z0-9][a-z0-9.-]*(?::spot|:dedicated|:ebs-optimized)?"
    rf"|rds:db\.[a-z0-9.-]+:(?:{'|'.join(RDS_ENGINES)}):(?:{'|'.join(RDS_DEPLOYMENTS)})"
    rf"|elasticache:cache\.[a-z0-9.-]+:(?:{'|'.join(ELASTICACHE_ENGINES)})"
    r"|opensearch:[a-z0-9.-]+\.search"
    r"|redshift:(?:dc2|ds2|ra3)\.[a-z0-9.-]+"
    r"|msk:kafka\.[a-z0-9.-]+"
    r"|lightsail:[0-9.]+gb:(?:linux|windows)(?::ipv6)?"
    r"|ec2-host:[a-z0-9-]+"
)

# Keys an estimator asks for that no price source publishes, and why. Looking one up gives
# "price not found" (never $0) until a table (e.g. `pricing build --from-aws-offer`) has it.
AURORA_SERVERLESS_V2_ACU_IOPT1 = "aurora:serverless-v2:acu:iopt1"
UNPRICED_KEYS: dict[str, str] = {
    OPENSEARCH_GP3_IOPS: "OpenSearch gp3 provisioned IOPS above the baseline: the sources "
    "have OpenSearch gp3 storage and throughput but no gp3 IOPS rate (the unitmaps files lack "
    "OpenSearch; the Infracost golden outputs show no gp3 IOPS line)",
    AURORA_SERVERLESS_V2_ACU_IOPT1: "Aurora Serverless v2 capacity under the I/O-Optimized "
    "configuration: no source in shared/price-sources has the I/O-Optimized ACU rate, and no "
    "documented rule relates it to the Standard rate",
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
# RDS engines an `aws_db_instance` may name that no price source covers, and why.
RDS_ENGINES_WITHOUT_SOURCE: dict[str, str] = {
    "db2-se": "RDS for Db2 Standard Edition: not in any source in shared/price-sources",
    "db2-ae": "RDS for Db2 Advanced Edition: not in any source in shared/price-sources",
    **{
        f"custom-{engine}": "RDS Custom: not in any source in shared/price-sources"
        for engine in ("oracle-ee", "oracle-se2", "sqlserver-ee", "sqlserver-se", "sqlserver-web")
    },
}
# Key forms an estimator builds that no price source publishes (name -> (form, reason)).
UNPRICED_FORMS: dict[str, tuple[re.Pattern[str], str]] = {
    "lightsail-bundle": (
        re.compile(r"lightsail:bundle:[a-z0-9_.-]+"),
        "Lightsail bundles whose id does not name a general-purpose size (nano ... 4xlarge), "
        "e.g. memory- or compute-optimized bundles: the sources price the general-purpose "
        "Linux and Windows bundles only",
    ),
    "ec2-platform": (
        re.compile(
            r"ec2:(?!cpu-credits:)[a-z0-9][a-z0-9.-]*:(?!spot$|dedicated$|ebs-optimized$)"
            r"[a-z0-9-]+"
            r"(?::dedicated)?"
        ),
        "EC2 capacity reservations for a platform other than Linux/UNIX (Windows, RHEL, "
        "SUSE...): the sources hold Linux on-demand prices only",
    ),
    "rds-engine-without-source": (
        re.compile(
            rf"rds:db\.[a-z0-9.-]+:(?:{'|'.join(RDS_ENGINES_WITHOUT_SOURCE)})"
            rf":(?:{'|'.join(RDS_DEPLOYMENTS)})"
        ),
        "RDS engines of RDS_ENGINES_WITHOUT_SOURCE (Db2, RDS Custom)",
    ),
}


def is_declared(key: str) -> bool:
    """Whether `key` belongs to the vocabulary (priced somewhere or on a no-source list)."""
    return (
        key in SERVICE_KEYS_SET
        or key in UNPRICED_KEYS
        or INSTANCE_KEY.fullmatch(key) is not None
        or any(form.fullmatch(key) for form, _ in UNPRICED_FORMS.values())
    )


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
    """On-demand price of a platform: `platform_slug` "" for Linux, else e.g. `windows`,
    `red-hat-enterprise-linux` (no source has those: UNPRICED_FORMS)."""
    key = f"ec2:{instance_type}:{platform_slug}" if platform_slug else f"ec2:{instance_type}"
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


def msk_broker(instance_type: str) -> str:
    """MSK broker (`kafka.m5.large`), USD per hour."""
    return f"msk:{instance_type}"
