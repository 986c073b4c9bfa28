"""AWS's own pricing-page files of 68 services (aws-pricing-page-unitmaps-2025-11-04/): EKS,
Fargate, NAT gateway, VPC, Lambda, S3, EFS, DynamoDB, CloudWatch, KMS, SNS, Kinesis, API
Gateway, MSK, Redshift, CloudTrail, Config, Glue, WAF, CloudHSM, VPC Traffic Mirroring,
Lightsail, CloudFormation; Route 53 and CloudFront (global)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import REFERENCE_REGION, Prices, dec, put, rows_by_region
from finops_gate.pricing.key_forms import INSTANCE_KEY
from finops_gate.pricing.keys import GLOBAL_KEYS, SERVICE_KEYS_SET

UNITMAPS_DIR = "aws-pricing-page-unitmaps-2025-11-04"
UNITMAPS_FILE = f"{UNITMAPS_DIR}/aws_unitmaps_2025-11-04.csv"
UNITMAPS_MANIFEST = f"{UNITMAPS_DIR}/manifest.json"


MILLION = Decimal(1_000_000)
PER_THOUSAND = Decimal(1000)
PER_TEN_THOUSAND = Decimal(10_000)
HUNDRED_THOUSAND = Decimal(100_000)


def _s3(storage_class: str, item: str, factor: Decimal = Decimal(1)) -> tuple[str, Decimal]:
    return keys.s3_key(storage_class, item), factor


# S3's pricing-page descriptions of the classes besides Standard (and Standard's S3 Select)
_S3_CLASS_NAMES = {
    "intelligent_tiering": "Intelligent Tiering",
    "standard_infrequent_access": "Standard Infrequent Access",
    "one_zone_infrequent_access": "One Zone Infrequent Access",
}
S3_CLASS_ITEMS: dict[str, tuple[str, Decimal]] = {
    "Tags Storage per Tag Mo": (keys.S3_OBJECT_TAGS, PER_TEN_THOUSAND),
    "Data Scanned by S3 Select in Standard per GB": _s3("standard", "select-scanned"),
    "Data Returned by S3 Select in Standard per GB": _s3("standard", "select-returned"),
    **{
        description: item
        for storage_class, name in _S3_CLASS_NAMES.items()
        for description, item in {
            f"PUT COPY/POST or LIST requests to {name} per Requests": _s3(
                storage_class, "put", PER_THOUSAND
            ),
            f"GET and all other requests to {name} per Requests": _s3(
                storage_class, "get", PER_THOUSAND
            ),
            f"Lifecycle Transition Requests into {name} per Requests": _s3(
                storage_class, "lifecycle", PER_THOUSAND
            ),
            f"Data Scanned by S3 Select in {name} per GB": _s3(storage_class, "select-scanned"),
            f"Data Returned by S3 Select in {name} per GB": _s3(storage_class, "select-returned"),
        }.items()
    },
    "Object Retrieval in Standard Infrequent Access per GB": _s3(
        "standard_infrequent_access", "retrieval"
    ),
    "Object Retrieval in One Zone Infrequent Access per GB": _s3(
        "one_zone_infrequent_access", "retrieval"
    ),
    "Standard Infrequent Access Storage per GB-Mo": _s3("standard_infrequent_access", "storage"),
    "One Zone Infrequent Access Storage Inf per GB-Mo": _s3(
        "one_zone_infrequent_access", "storage"
    ),
    "Intelligent Tiering Frequent Access First 50 TB per GB Mo": _s3(
        "intelligent_tiering", "storage-frequent"
    ),
    "Intelligent Tiering Infrequent Access per GB Mo": _s3(
        "intelligent_tiering", "storage-infrequent"
    ),
    "IntelligentTieringArchiveAccess": _s3("intelligent_tiering", "storage-archive"),
    "IntelligentTieringDeepArchiveAccess": _s3("intelligent_tiering", "storage-deep-archive"),
    "Per object per month monitoring and automation fee for objects in Intelligent Tiering": (
        _s3("intelligent_tiering", "monitoring", PER_THOUSAND)
    ),
    "Glacier Storage per GB Mo": _s3("glacier_flexible_retrieval", "storage"),
    "PUT requests to Glacier per Requests": _s3("glacier_flexible_retrieval", "put", PER_THOUSAND),
    "GET and all other requests to GLACIER per Requests": _s3(
        "glacier_flexible_retrieval", "get", PER_THOUSAND
    ),
    "Lifecycle Transition Requests into Glacier per Requests": _s3(
        "glacier_flexible_retrieval", "lifecycle", PER_THOUSAND
    ),
    "GET and all other requests to GDA per Requests": _s3(
        "glacier_deep_archive", "get", PER_THOUSAND
    ),
    "Lifecycle Transition Requests into Glacier Deep Archive per Requests": _s3(
        "glacier_deep_archive", "lifecycle", PER_THOUSAND
    ),
    "Fee for Standard Retrieval of data stored from Glacier Deep Archive": _s3(
        "glacier_deep_archive", "retrieval-standard"
    ),
    "Fee for Bulk Retrieval of data stored from Glacier Deep Archive": _s3(
        "glacier_deep_archive", "retrieval-bulk"
    ),
}
# CloudFront's pricing-page names of the edge geographies (keys.CLOUDFRONT_GEOS)
_CLOUDFRONT_GEO_NAMES = {
    "us": "United States",
    "europe": "EU",
    "south_africa": "South Africa",
    "south_america": "South America",
    "japan": "Japan",
    "australia": "Australia",
    "asia_pacific": "Asia Pacific",
    "india": "India",
}
CLOUDFRONT_GEO_ITEMS: dict[str, tuple[str, Decimal]] = {
    description: item
    for geo, name in _CLOUDFRONT_GEO_NAMES.items()
    for description, item in {
        f"Regional DT from {name} to Internet First 10 TB": (
            keys.cloudfront_data_out(geo),
            Decimal(1),
        ),
        f"Request HTTP Methods from {name}": (
            keys.cloudfront_requests(geo, "http"),
            PER_TEN_THOUSAND,
        ),
        f"Request HTTPS Methods from {name}": (
            keys.cloudfront_requests(geo, "https"),
            PER_TEN_THOUSAND,
        ),
        f"Regional DT to Origin from {name}": (keys.cloudfront_data_to_origin(geo), Decimal(1)),
    }.items()
    if item[0] not in (keys.CLOUDFRONT_DATA_OUT, keys.CLOUDFRONT_REQUESTS_HTTPS)
}
# the pricing page's names of the volume tiers above the first 10 TB, in order
CLOUDFRONT_TIER_NAMES = (
    "Next 40 TB",
    "next 100 TB",
    "Next 350 TB",
    "next 524 TB",
    "Next 4 PB",
    "Over 5 PB",
)
CLOUDFRONT_GEO_ITEMS.update(
    {
        f"Regional DT from {_CLOUDFRONT_GEO_NAMES[geo]} to Internet {tier}": (
            keys.tier_key(keys.cloudfront_data_out(geo), start),
            Decimal(1),
        )
        for geo in keys.CLOUDFRONT_GEOS
        if geo not in ("us", "europe")
        for tier, start in zip(CLOUDFRONT_TIER_NAMES, keys.CLOUDFRONT_TIER_STARTS, strict=True)
    }
)
# Origin Shield requests: one row per AWS region that hosts an Origin Shield
ORIGIN_SHIELD_ROW = "CloudFront Request-Origin-Shield Origin Shield Requests"
# unitmaps service -> {exact description: (key, exact factor to the key's unit)}. Only
# on-demand, first-tier, Linux / x86 figures unless the key says otherwise.
UNITMAP_ITEMS: dict[str, dict[str, tuple[str, Decimal]]] = {
    "eks": {
        "Compute per Hours": (keys.EKS_CLUSTER_HOUR, Decimal(1)),
        # the surcharge on top of the standard fee: see UNITMAP_SUMS
        "Compute ExtendedSupport per Hours": ("eks:extended-support-surcharge", Decimal(1)),
    },
    "ecs": {
        "perCPU per hour": (keys.FARGATE_VCPU_HOUR, Decimal(1)),
        "perGB per hour": (keys.FARGATE_GB_HOUR, Decimal(1)),
        "ARM perCPU per hour": (keys.FARGATE_ARM_VCPU_HOUR, Decimal(1)),
        "ARM perGB per hour": (keys.FARGATE_ARM_GB_HOUR, Decimal(1)),
        "Storage per GB-Hours": (keys.FARGATE_EPHEMERAL_STORAGE_GB_HOUR, Decimal(1)),
    },
    "natgateway": {
        "Hourly charge for NAT Gateways": (keys.NATGW_HOUR, Decimal(1)),
        "Charge for per GB data processed by NatGateways": (keys.NATGW_GB, Decimal(1)),
    },
    "vpc": {
        "Hourly charge for VPC Endpoints per Hrs": (keys.VPCE_INTERFACE_HOUR, Decimal(1)),
        "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576": (
            keys.VPCE_INTERFACE_GB,
            Decimal(1),
        ),
        "Charge for per GB data processed by VPC Endpoints per GB from 1048576 to 5242880": (
            keys.VPCE_INTERFACE_GB_OVER_1PB,
            Decimal(1),
        ),
        "Charge for per GB data processed by VPC Endpoints per GB from 5242880 to Inf": (
            keys.VPCE_INTERFACE_GB_OVER_5PB,
            Decimal(1),
        ),
        "Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs": (
            keys.VPCE_GATEWAY_LOAD_BALANCER_HOUR,
            Decimal(1),
        ),
        "CreateVpnConnection per Hrs": (keys.VPN_CONNECTION_HOUR, Decimal(1)),
        "Hourly charge for Transit Gateway VPC Attachments per hour": (
            keys.TGW_ATTACHMENT_HOUR,
            Decimal(1),
        ),
        "Charge for per GB data processed by AWS Transit Gateways for VPC attachments per "
        "GigaBytes": (keys.TGW_GB, Decimal(1)),
        "Hourly charge for In use Public IPv4 Addresses per Hrs": (
            keys.IPV4_PUBLIC_HOUR,
            Decimal(1),
        ),
        # an Elastic IP not attached to a running instance is an idle public IPv4 address
        "Hourly charge for Idle Public IPv4 Addresses per Hrs": (keys.EIP_IDLE_HOUR, Decimal(1)),
        "Hourly charge for Client VPN Endpoints per Hourly": (
            keys.CLIENT_VPN_ASSOCIATION_HOUR,
            Decimal(1),
        ),
        "Hourly charge for Client VPN connections per Hourly": (
            keys.CLIENT_VPN_CONNECTION_HOUR,
            Decimal(1),
        ),
        "Hourly charge for Transit Gateway Peering Attachments per hour": (
            keys.TGW_PEERING_HOUR,
            Decimal(1),
        ),
        "Hourly charge for Transit Gateway AWS Direct Connect Gateway attachments per hour": (
            keys.TGW_DX_ATTACHMENT_HOUR,
            Decimal(1),
        ),
        "Charge for per GB data processed by AWS Transit Gateways for AWS Direct Connect "
        "Gateway attachments per GigaBytes": (keys.TGW_DX_GB, Decimal(1)),
        "Hourly charge for Traffic Mirroring Source per hour": (
            keys.TRAFFIC_MIRROR_HOUR,
            Decimal(1),
        ),
    },
    "cloudformation": {
        "CloudFormation-ResourceProvider-Invocation per Operations": (
            keys.CLOUDFORMATION_HANDLER_OPERATIONS,
            Decimal(1),
        ),
        "CloudFormation-ResourceProvider-Duration per Second": (
            keys.CLOUDFORMATION_HANDLER_SECONDS,
            Decimal(1),
        ),
    },
    # "CloudHSM v Classic Hourly" is the retired first-generation service
    "cloudhsm": {"CloudHSM Hourly": (keys.CLOUDHSM_HSM_HOUR, Decimal(1))},
    "lambda": {
        "Lambda Requests": (keys.LAMBDA_REQUESTS, MILLION),
        "Lambda Duration": (keys.LAMBDA_GB_SECOND, Decimal(1)),
        "Lambda Duration-ARM": (keys.LAMBDA_ARM_GB_SECOND, Decimal(1)),
        # x86 tiers start at 6B and 15B GB-seconds, Arm tiers at 7.5B and 18.75B
        "Lambda Duration Tier2": (keys.LAMBDA_GB_SECOND_OVER_6B, Decimal(1)),
        "Lambda Duration Tier3": (keys.LAMBDA_GB_SECOND_OVER_15B, Decimal(1)),
        "Lambda Duration-ARM Tier2": (keys.LAMBDA_ARM_GB_SECOND_OVER_7_5B, Decimal(1)),
        "Lambda Duration-ARM Tier3": (keys.LAMBDA_ARM_GB_SECOND_OVER_18_75B, Decimal(1)),
        "Lambda Provisioned-Concurrency": (keys.LAMBDA_PROVISIONED_CONCURRENCY, Decimal(1)),
        "Lambda Provisioned-Concurrency-ARM": (
            keys.LAMBDA_ARM_PROVISIONED_CONCURRENCY,
            Decimal(1),
        ),
        "Lambda Duration-Provisioned": (keys.LAMBDA_PROVISIONED_DURATION, Decimal(1)),
        "Lambda Duration-Provisioned-ARM": (keys.LAMBDA_ARM_PROVISIONED_DURATION, Decimal(1)),
    },
    "s3": {
        "Standard Storage First 50 TB per GB Mo": (keys.S3_STANDARD_STORAGE, Decimal(1)),
        "Standard Storage Next 450 TB per GB Mo": (
            keys.S3_STANDARD_STORAGE_OVER_50TB,
            Decimal(1),
        ),
        "Standard Storage Over 500 TB per GB Mo": (
            keys.S3_STANDARD_STORAGE_OVER_500TB,
            Decimal(1),
        ),
        "PUT COPY/POST or LIST requests per Requests": (keys.S3_STANDARD_PUT, PER_THOUSAND),
        "GET and all other requests per Requests": (keys.S3_STANDARD_GET, PER_THOUSAND),
        **S3_CLASS_ITEMS,
        "Per object fee for objects listed in an Inventory": (keys.S3_INVENTORY_OBJECTS, MILLION),
        "Per object fee for objects included in Analytics": (keys.S3_ANALYTICS_OBJECTS, MILLION),
    },
    "efs": {
        "General Purpose Storage GB Mo": (keys.EFS_STANDARD_STORAGE, Decimal(1)),
        "Infrequent Access Storage GB Mo": (keys.EFS_IA_STORAGE, Decimal(1)),
        "One Zone General Purpose Storage GB Mo": (keys.EFS_ONE_ZONE_STORAGE, Decimal(1)),
        "One Zone Infrequent Access Storage GB Mo": (keys.EFS_ONE_ZONE_IA_STORAGE, Decimal(1)),
        "Throughput Provisioned": (keys.EFS_PROVISIONED_THROUGHPUT, Decimal(1)),
        "Infrequent Access Requests Read per GB": (keys.EFS_IA_READ, Decimal(1)),
        "Infrequent Access Requests Write per GB": (keys.EFS_IA_WRITE, Decimal(1)),
    },
    "dynamodb": {
        "Provisioned Write Units": (keys.DYNAMODB_PROVISIONED_WCU, Decimal(1)),
        "Provisioned Read Units": (keys.DYNAMODB_PROVISIONED_RCU, Decimal(1)),
        "Data Storage Indexed GB-Mo": (keys.DYNAMODB_STORAGE, Decimal(1)),
        "PayPerRequest Write Request Units": (keys.DYNAMODB_ONDEMAND_WRITE, MILLION),
        "PayPerRequest Read Request Units": (keys.DYNAMODB_ONDEMAND_READ, MILLION),
        "Provisioned Replicated Write Units": (keys.DYNAMODB_REPLICATED_WCU, Decimal(1)),
        "PayPerRequest Replicated Write Request Units": (
            keys.DYNAMODB_REPLICATED_WRITE,
            MILLION,
        ),
        "PITR Backup Storage GB-Mo": (keys.DYNAMODB_PITR_BACKUP, Decimal(1)),
        "On-Demand Backup Storage GB-Month": (keys.DYNAMODB_BACKUP, Decimal(1)),
        "Restore Data Size": (keys.DYNAMODB_RESTORE, Decimal(1)),
        "Streams Read Requests": (keys.DYNAMODB_STREAMS_READ, MILLION),
    },
    "cloudwatch": {
        # dashboards: one row without a region (GLOBAL_UNITMAP_SERVICES), every region's price
        "Dashboard Basic Dashboard": (keys.CLOUDWATCH_DASHBOARD, Decimal(1)),
        "Metric for the first 10000": (keys.CLOUDWATCH_METRIC, Decimal(1)),
        "Alarm Standard": (keys.CLOUDWATCH_ALARM_STANDARD, Decimal(1)),
        "Alarm High Resolution": (keys.CLOUDWATCH_ALARM_HIGH_RESOLUTION, Decimal(1)),
        "Logs Collected Data Ingestion": (keys.CLOUDWATCH_LOGS_INGEST, Decimal(1)),
        "Stored Data": (keys.CLOUDWATCH_LOGS_STORAGE, Decimal(1)),
        "Queried Logs Insights": (keys.CLOUDWATCH_LOGS_INSIGHTS, Decimal(1)),
    },
    "kms": {
        "Encryption Key": (keys.KMS_KEY, Decimal(1)),
        "API request - Non Free Tier": (keys.KMS_REQUESTS, PER_TEN_THOUSAND),
    },
    "sns": {
        "Amazon SNS API Requests": (keys.SNS_REQUESTS, MILLION),
        "Amazon SNS FIFO API Requests per Requests": (keys.SNS_FIFO_REQUESTS, MILLION),
        "SNS FIFO Publish Payload per GB": (keys.SNS_FIFO_PAYLOAD_GB, Decimal(1)),
        "Amazon SNS FIFO Subscription Messages per Messages": (
            keys.SNS_FIFO_NOTIFICATIONS,
            MILLION,
        ),
        "Amazon SNS FIFO Subscription Messages Payload per GB": (
            keys.SNS_FIFO_NOTIFICATION_PAYLOAD_GB,
            Decimal(1),
        ),
        "HTTP Notifications": (keys.SNS_NOTIFICATIONS["http"], MILLION),
        "SNS Email and Email JSON Notifications": (keys.SNS_NOTIFICATIONS["email"], MILLION),
        "Amazon Kinesis Data Firehose Messages": (keys.SNS_NOTIFICATIONS["kinesis"], MILLION),
        "Apple Push Notification Service APNS iOS Notifications": (
            keys.SNS_NOTIFICATIONS["mobile_push"],
            MILLION,
        ),
        "Apple Push Notification Service APNS Mac OS Notifications": (
            keys.SNS_NOTIFICATIONS["macos"],
            MILLION,
        ),
    },
    "kinesis": {
        "Provisioned shard hour per ShardHour": (keys.KINESIS_SHARD, Decimal(1)),
        "Addon shard hour per ShardHour": (keys.KINESIS_EXTENDED_RETENTION, Decimal(1)),
        "Payload Units per PutRequest": (keys.KINESIS_PUT_UNITS, MILLION),
        "OnDemandStreamHr per StreamHr": (keys.KINESIS_ONDEMAND_STREAM, Decimal(1)),
        "OnDemandDataIngested per GB": (keys.KINESIS_ONDEMAND_GB_IN, Decimal(1)),
        "OnDemandDataRetrieval per GB": (keys.KINESIS_ONDEMAND_GB_OUT, Decimal(1)),
        "OnDemandEFODataRetrieval per GB": (keys.KINESIS_ONDEMAND_EFO_GB_OUT, Decimal(1)),
        "OnDemandExtendedRetentionByteHrs per GB month": (
            keys.KINESIS_ONDEMAND_EXTENDED_RETENTION,
            Decimal(1),
        ),
        "OnDemandLongTermRetentionByteHrs per GB month": (
            keys.KINESIS_ONDEMAND_LONG_TERM_RETENTION,
            Decimal(1),
        ),
        "Long term Data Retention GB-month per GB-month": (
            keys.KINESIS_LONG_TERM_RETENTION,
            Decimal(1),
        ),
        "Long term Data Retrieval GB per GB": (keys.KINESIS_LONG_TERM_RETRIEVAL, Decimal(1)),
        "Enhanced fan out GB of data retrieved per GB": (keys.KINESIS_EFO_GB_OUT, Decimal(1)),
        "Enhanced fan out per ConsumerShardHour": (
            keys.KINESIS_EFO_CONSUMER_SHARD_HOUR,
            Decimal(1),
        ),
    },
    "apigateway": {
        "API Calls Number of up to 333 million": (keys.APIGATEWAY_REST_REQUESTS, MILLION),
        "API Calls Number of Request Next 667 million": (
            keys.APIGATEWAY_REST_REQUESTS_OVER_333M,
            MILLION,
        ),
        "API Calls Number of Request Next 19 billion": (
            keys.APIGATEWAY_REST_REQUESTS_OVER_1B,
            MILLION,
        ),
        "API Calls Number of Request Over 20 billion": (
            keys.APIGATEWAY_REST_REQUESTS_OVER_20B,
            MILLION,
        ),
        "ApiGatewayHttpApi First 300 million": (keys.APIGATEWAY_HTTP_REQUESTS, MILLION),
        "ApiGatewayHttpApi more than 300 million": (
            keys.APIGATEWAY_HTTP_REQUESTS_OVER_300M,
            MILLION,
        ),
        "WebSocket Messages Messages over 1 billion": (
            keys.APIGATEWAY_WEBSOCKET_MESSAGES_OVER_1B,
            MILLION,
        ),
        "WebSocket Messages Messages first 1 billion": (
            keys.APIGATEWAY_WEBSOCKET_MESSAGES,
            MILLION,
        ),
        "WebSocket Connection Minutes": (keys.APIGATEWAY_WEBSOCKET_MINUTES, MILLION),
        # stage caches: the page writes 0.5 GB as "0 5"
        **{
            f"Caching Memory Size {size.replace('.', ' ')}": (
                keys.apigateway_cache_hour(size),
                Decimal(1),
            )
            for size in keys.APIGATEWAY_CACHE_SIZES_GB
        },
    },
    "msk": {"RunVolume": (keys.MSK_STORAGE, Decimal(1))},
    # S3 storage classes besides Standard, and S3 Glacier Flexible Retrieval restores and
    # selects (the `glacier` service's rows)
    "glacier": {
        "Standard-Retrieval per GB": (_s3("glacier_flexible_retrieval", "retrieval-standard")),
        "Expedited-Retrieval per GB": (_s3("glacier_flexible_retrieval", "retrieval-expedited")),
        "API Request Standard": (
            keys.s3_key("glacier_flexible_retrieval", "retrieval-requests-standard"),
            PER_THOUSAND,
        ),
        "API Request Expedited": (
            keys.s3_key("glacier_flexible_retrieval", "retrieval-requests-expedited"),
            PER_THOUSAND,
        ),
        **{
            f"{tier.title()}-Select-{what.title()} per GB": _s3(
                "glacier_flexible_retrieval", f"select-{what}-{tier}"
            )
            for tier in ("standard", "expedited", "bulk")
            for what in ("scanned", "returned")
        },
    },
    "cloudtrail": {
        "Management Paid Events Recorded": (keys.CLOUDTRAIL_MANAGEMENT_EVENTS, HUNDRED_THOUSAND),
        "Data Events Recorded": (keys.CLOUDTRAIL_DATA_EVENTS, HUNDRED_THOUSAND),
        "Insights Events": (keys.CLOUDTRAIL_INSIGHTS_EVENTS, HUNDRED_THOUSAND),
    },
    "glue": {
        "ETL Job run": (keys.GLUE_JOB_DPU_HOUR, Decimal(1)),
        "ETL Job run Flex": (keys.GLUE_JOB_FLEX_DPU_HOUR, Decimal(1)),
        "Data catalog crawler run": (keys.GLUE_CRAWLER_DPU_HOUR, Decimal(1)),
        "Data catalog storage": (keys.GLUE_CATALOG_STORAGE, HUNDRED_THOUSAND),
        "Data catalog requests": (keys.GLUE_CATALOG_REQUESTS, MILLION),
    },
    "config": {
        "Config Rules first 100000": (keys.CONFIG_RULE_EVALUATIONS_TIER1, Decimal(1)),
        "Config Rules next 400000": (keys.CONFIG_RULE_EVALUATIONS_TIER2, Decimal(1)),
        "Config Rules 500001 and more": (keys.CONFIG_RULE_EVALUATIONS_TIER3, Decimal(1)),
        "Config": (keys.CONFIG_ITEMS, Decimal(1)),
        "Config Custom": (keys.CONFIG_CUSTOM_ITEMS, Decimal(1)),
    },
    # Neptune (instances: neptune_instances below)
    "neptune": {
        "Storage Rate": (keys.NEPTUNE_STORAGE, Decimal(1)),
        "IO optimized Storage Rate General Purpose-Aurora": (
            keys.NEPTUNE_STORAGE_IOPT1,
            Decimal(1),
        ),
        "IO Rate": (keys.NEPTUNE_IO, MILLION),
        "Storage Snapshot Rate": (keys.NEPTUNE_BACKUP, Decimal(1)),
    },
    # WAF: the classic and v2 rows of a region carry the same figures (`put` checks it)
    "waf": {
        "Web ACL Activated per Month": (keys.WAF_WEB_ACL, Decimal(1)),
        "WebACL per month": (keys.WAF_WEB_ACL, Decimal(1)),
        "Rule Activated per Month": (keys.WAF_RULE, Decimal(1)),
        "Rules added per WebACL per month": (keys.WAF_RULE, Decimal(1)),
        "Web Requests received per Request": (keys.WAF_REQUESTS, MILLION),
        "Request Processed Tier1 per Request": (keys.WAF_REQUESTS, MILLION),
    },
    # global services (GLOBAL_KEYS): kept in us-east-1 only; CloudFront's rows have no region
    "route53": {
        "Query first 1B": (keys.ROUTE53_QUERIES, MILLION),
        "Query over 1B": (keys.ROUTE53_QUERIES_OVER_1B, MILLION),
        "Query Latency Based Routing External first 1B": (keys.ROUTE53_LATENCY_QUERIES, MILLION),
        "Query Geo DNS External first 1B": (keys.ROUTE53_GEO_QUERIES, MILLION),
        "Query Latency Based Routing External over 1B": (
            keys.ROUTE53_LATENCY_QUERIES_OVER_1B,
            MILLION,
        ),
        "Query Geo DNS External over 1B": (keys.ROUTE53_GEO_QUERIES_OVER_1B, MILLION),
        "Basic Health checks AWS per Mo": (keys.ROUTE53_HEALTH_CHECK_AWS, Decimal(1)),
        "Basic Health checks External Non AWS per Mo": (
            keys.ROUTE53_HEALTH_CHECK_NON_AWS,
            Decimal(1),
        ),
        "Optional Health Check Features AWS per Mo": (
            keys.ROUTE53_HEALTH_CHECK_OPTION_AWS,
            Decimal(1),
        ),
        "Optional Health Check Features External Non AWS per Mo": (
            keys.ROUTE53_HEALTH_CHECK_OPTION_NON_AWS,
            Decimal(1),
        ),
    },
    "cloudfront": {
        "Regional DT from United States to Internet First 10 TB": (
            keys.CLOUDFRONT_DATA_OUT,
            Decimal(1),
        ),
        **{
            f"Regional DT from United States to Internet {tier}": (key, Decimal(1))
            for tier, key in zip(CLOUDFRONT_TIER_NAMES, keys.CLOUDFRONT_DATA_OUT_TIERS, strict=True)
        },
        "Request HTTPS Methods from United States": (
            keys.CLOUDFRONT_REQUESTS_HTTPS,
            PER_TEN_THOUSAND,
        ),
        **CLOUDFRONT_GEO_ITEMS,
        "Charge for invalidating objects removing the objects from CloudFront edge locations": (
            keys.CLOUDFRONT_INVALIDATION,
            Decimal(1),
        ),
        "HTTPS Proxy requests with Field Level Encryption": (
            keys.CLOUDFRONT_FIELD_LEVEL_ENCRYPTION,
            PER_TEN_THOUSAND,
        ),
        "Charge for using an SSL certificate with a CloudFront alternate domain name": (
            keys.CLOUDFRONT_DEDICATED_IP_SSL,
            Decimal(1),
        ),
    },
}
# key = the sum of two published figures of the region (exact, no rule): AWS bills EKS
# extended support as the standard cluster fee plus an extended-support surcharge
# (us-east-1 0.10 + 0.50 = 0.60 per hour, the figure the estimators look up).
UNITMAP_SUMS: dict[str, tuple[str, str]] = {
    keys.EKS_CLUSTER_EXTENDED_HOUR: (keys.EKS_CLUSTER_HOUR, "eks:extended-support-surcharge"),
}
# MSK brokers ("RunBroker m5.large") and Redshift nodes ("ra3 4xlarge OnDemand Compute
# Instance Current Generation") are read by pattern.
UNITMAP_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "msk": ((re.compile(r"RunBroker (?P<type>[a-z0-9]+\.[a-z0-9]+)"), "msk:kafka.{type}"),),
    "redshift": (
        (
            re.compile(
                r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) OnDemand Compute Instance "
                r"Current Generation"
            ),
            "redshift:{family}.{size}",
        ),
        # per node-second of concurrency scaling beyond the free credits
        (
            re.compile(
                r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) Redshift Concurrency Scaling "
                r"Current Generation .+"
            ),
            "redshift:{family}.{size}:concurrency-scaling",
        ),
    ),
}
# services with rows that have no region (read in us-east-1 only); of CloudWatch's, only the
# dashboard row is a key (the others are free tiers and canaries)
GLOBAL_UNITMAP_SERVICES = {"route53", "cloudfront", "cloudwatch"}

# Lightsail general-purpose instance bundles: "Lightsail Instance Bundle 0 5GB IPv6 Linux
# 20GB Storage 2 vCPU 0.5GB Memory 1TB Quota" (the page writes 0.5 GB as "0 5GB")
LIGHTSAIL_BUNDLE = re.compile(
    r"Lightsail Instance Bundle (?P<memory>[0-9]+(?: 5)?)GB (?P<ipv6>IPv6 )?"
    r"(?P<os>Linux|Windows) .*"
)


def _lightsail_key(description: str) -> str | None:
    match = LIGHTSAIL_BUNDLE.fullmatch(description)
    if match is None:
        return None
    memory = match["memory"].replace(" ", ".")
    return keys.lightsail_instance(memory, match["os"].lower(), match["ipv6"] is not None)


def _unitmap_rows(sources: Path, region: str) -> Iterable[dict[str, str]]:
    grouped = rows_by_region(sources / UNITMAPS_FILE, "region_code")
    yield from grouped.get(region, ())
    if region == REFERENCE_REGION:  # the global services' rows have no region
        yield from (r for r in grouped.get("", ()) if r["service"] in GLOBAL_UNITMAP_SERVICES)


def aws_page_unitmaps(sources: Path, region: str) -> Prices:
    """Service prices from AWS's pricing-page files (unitmaps folder): EKS, Fargate, NAT
    gateway, VPC endpoints, VPN, Transit Gateway, public IPv4, Lambda, S3, EFS, DynamoDB,
    CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift, WAF, CloudHSM, Traffic
    Mirroring, Lightsail instances, CloudFormation handlers; Route 53 and CloudFront
    (global) in us-east-1."""
    found: Prices = {}
    for row in _unitmap_rows(sources, region):
        service, description = row["service"], row["description"]
        item = UNITMAP_ITEMS.get(service, {}).get(description)
        key = item[0] if item else None
        factor = item[1] if item else Decimal(1)
        if item is None and service == "lightsail":
            key = _lightsail_key(description)
        for pattern, template in UNITMAP_PATTERNS.get(service, ()) if item is None else ():
            match = pattern.fullmatch(description)
            if match:
                key = template.format(**match.groupdict())
                break
        if key is None:
            continue
        price = (dec(row["price_usd"]) * factor).normalize()
        if price > 0:
            put(found, key, price, f"{UNITMAPS_FILE} {service} {description!r}")
    if region == REFERENCE_REGION:
        found.update(_origin_shield(sources))
    for key, parts in UNITMAP_SUMS.items():
        if all(part in found for part in parts):
            found[key] = sum((found[part] for part in parts), Decimal(0)).normalize()
    return {
        key: price
        for key, price in found.items()
        if (key in SERVICE_KEYS_SET or INSTANCE_KEY.fullmatch(key))
        and (region == REFERENCE_REGION or key not in GLOBAL_KEYS)
    }


def _origin_shield(sources: Path) -> Prices:
    """CloudFront Origin Shield requests by usage-file geography (global: kept in us-east-1),
    from the row of the AWS region that geography's Origin Shield sits in."""
    grouped = rows_by_region(sources / UNITMAPS_FILE, "region_code")
    found: Prices = {}
    for geo, shield_region in keys.CLOUDFRONT_SHIELD_REGIONS.items():
        for row in grouped.get(shield_region, ()):
            if row["service"] == "cloudfront" and row["description"] == ORIGIN_SHIELD_ROW:
                price = (dec(row["price_usd"]) * PER_TEN_THOUSAND).normalize()
                where = f"{UNITMAPS_FILE} cloudfront {shield_region} {ORIGIN_SHIELD_ROW!r}"
                put(found, keys.cloudfront_origin_shield(geo), price, where)
    return found


# Neptune instances: "Neptune Memory Optimized Current Generation db r5.large" (standard)
# and "Neptune IO optimized ... db r5.large General Purpose-Aurora" (I/O-Optimized). The
# rows named by rate code only repeat them.
NEPTUNE_INSTANCE = re.compile(
    r"Neptune (?P<iopt>IO optimized )?[A-Za-z ]+ Generation "
    r"db (?P<type>[a-z0-9]+\.[a-z0-9]+)(?P<suffix> General Purpose-Aurora)?"
)


def neptune_instances(sources: Path, region: str) -> Prices:
    """Neptune instances, standard and I/O-Optimized, USD per hour."""
    found: Prices = {}
    for row in _unitmap_rows(sources, region):
        if row["service"] != "neptune":
            continue
        match = NEPTUNE_INSTANCE.fullmatch(row["description"])
        if match is None or bool(match["iopt"]) != bool(match["suffix"]):
            continue
        key = keys.neptune_instance(f"db.{match['type']}", bool(match["iopt"]))
        price = dec(row["price_usd"]).normalize()
        if price > 0:
            put(found, key, price, f"{UNITMAPS_FILE} neptune {row['description']!r}")
    return found


# Route 53 Resolver: the regional route53 rows ("Query first 1B" is also read above as the
# global standard-query key, in us-east-1 only, where both prices are the same).
ROUTE53_RESOLVER_ITEMS: dict[str, tuple[str, Decimal]] = {
    "Query ENI": (keys.ROUTE53_RESOLVER_ENI_HOUR, Decimal(1)),
    "Query first 1B": (keys.ROUTE53_RESOLVER_QUERIES, MILLION),
    "Query over 1B": (keys.ROUTE53_RESOLVER_QUERIES_OVER_1B, MILLION),
}


def route53_resolver(sources: Path, region: str) -> Prices:
    """Route 53 Resolver endpoint ENI-hours and queries of a region."""
    found: Prices = {}
    grouped = rows_by_region(sources / UNITMAPS_FILE, "region_code")
    for row in grouped.get(region, ()):
        item = (
            ROUTE53_RESOLVER_ITEMS.get(row["description"]) if row["service"] == "route53" else None
        )
        if item is None:
            continue
        price = (dec(row["price_usd"]) * item[1]).normalize()
        if price > 0:
            put(found, item[0], price, f"{UNITMAPS_FILE} route53 {row['description']!r}")
    return found
