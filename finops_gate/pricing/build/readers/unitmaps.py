"""AWS's own pricing-page files of 68 services (aws-pricing-page-unitmaps-2025-11-04/): EKS,
Fargate, NAT gateway, VPC, Lambda, S3, EFS, DynamoDB, CloudWatch, KMS, SNS, Kinesis, API
Gateway, MSK, Redshift, CloudHSM, VPC Traffic Mirroring, Lightsail, CloudFormation; Route 53
and CloudFront (global)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

from finops_gate.pricing import keys
from finops_gate.pricing.build.base import REFERENCE_REGION, Prices, dec, put, rows_by_region
from finops_gate.pricing.keys import GLOBAL_KEYS, INSTANCE_KEY, SERVICE_KEYS_SET

UNITMAPS_DIR = "aws-pricing-page-unitmaps-2025-11-04"
UNITMAPS_FILE = f"{UNITMAPS_DIR}/aws_unitmaps_2025-11-04.csv"
UNITMAPS_MANIFEST = f"{UNITMAPS_DIR}/manifest.json"


MILLION = Decimal(1_000_000)
PER_THOUSAND = Decimal(1000)
PER_TEN_THOUSAND = Decimal(10_000)

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
    },
    "s3": {
        "Standard Storage First 50 TB per GB Mo": (keys.S3_STANDARD_STORAGE, Decimal(1)),
        "PUT COPY/POST or LIST requests per Requests": (keys.S3_STANDARD_PUT, PER_THOUSAND),
        "GET and all other requests per Requests": (keys.S3_STANDARD_GET, PER_THOUSAND),
        "Per object fee for objects listed in an Inventory": (keys.S3_INVENTORY_OBJECTS, MILLION),
        "Per object fee for objects included in Analytics": (keys.S3_ANALYTICS_OBJECTS, MILLION),
    },
    "efs": {
        "General Purpose Storage GB Mo": (keys.EFS_STANDARD_STORAGE, Decimal(1)),
        "Infrequent Access Storage GB Mo": (keys.EFS_IA_STORAGE, Decimal(1)),
        "One Zone General Purpose Storage GB Mo": (keys.EFS_ONE_ZONE_STORAGE, Decimal(1)),
        "Throughput Provisioned": (keys.EFS_PROVISIONED_THROUGHPUT, Decimal(1)),
    },
    "dynamodb": {
        "Provisioned Write Units": (keys.DYNAMODB_PROVISIONED_WCU, Decimal(1)),
        "Provisioned Read Units": (keys.DYNAMODB_PROVISIONED_RCU, Decimal(1)),
        "Data Storage Indexed GB-Mo": (keys.DYNAMODB_STORAGE, Decimal(1)),
        "PayPerRequest Write Request Units": (keys.DYNAMODB_ONDEMAND_WRITE, MILLION),
        "PayPerRequest Read Request Units": (keys.DYNAMODB_ONDEMAND_READ, MILLION),
    },
    "cloudwatch": {
        "Metric for the first 10000": (keys.CLOUDWATCH_METRIC, Decimal(1)),
        "Alarm Standard": (keys.CLOUDWATCH_ALARM_STANDARD, Decimal(1)),
        "Alarm High Resolution": (keys.CLOUDWATCH_ALARM_HIGH_RESOLUTION, Decimal(1)),
        "Logs Collected Data Ingestion": (keys.CLOUDWATCH_LOGS_INGEST, Decimal(1)),
        "Stored Data": (keys.CLOUDWATCH_LOGS_STORAGE, Decimal(1)),
    },
    "kms": {
        "Encryption Key": (keys.KMS_KEY, Decimal(1)),
        "API request - Non Free Tier": (keys.KMS_REQUESTS, PER_TEN_THOUSAND),
    },
    "sns": {"Amazon SNS API Requests": (keys.SNS_REQUESTS, MILLION)},
    "kinesis": {
        "Provisioned shard hour per ShardHour": (keys.KINESIS_SHARD, Decimal(1)),
        "Payload Units per PutRequest": (keys.KINESIS_PUT_UNITS, MILLION),
        "OnDemandStreamHr per StreamHr": (keys.KINESIS_ONDEMAND_STREAM, Decimal(1)),
        "OnDemandDataIngested per GB": (keys.KINESIS_ONDEMAND_GB_IN, Decimal(1)),
    },
    "apigateway": {
        "API Calls Number of up to 333 million": (keys.APIGATEWAY_REST_REQUESTS, MILLION),
        "ApiGatewayHttpApi First 300 million": (keys.APIGATEWAY_HTTP_REQUESTS, MILLION),
        "WebSocket Messages Messages first 1 billion": (
            keys.APIGATEWAY_WEBSOCKET_MESSAGES,
            MILLION,
        ),
        "WebSocket Connection Minutes": (keys.APIGATEWAY_WEBSOCKET_MINUTES, MILLION),
    },
    "msk": {"RunVolume": (keys.MSK_STORAGE, Decimal(1))},
    # global services (GLOBAL_KEYS): kept in us-east-1 only; CloudFront's rows have no region
    "route53": {"Query first 1B": (keys.ROUTE53_QUERIES, MILLION)},
    "cloudfront": {
        "Regional DT from United States to Internet First 10 TB": (
            keys.CLOUDFRONT_DATA_OUT,
            Decimal(1),
        ),
        "Request HTTPS Methods from United States": (
            keys.CLOUDFRONT_REQUESTS_HTTPS,
            PER_TEN_THOUSAND,
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
UNITMAP_PATTERNS: dict[str, tuple[re.Pattern[str], str]] = {
    "msk": (re.compile(r"RunBroker (?P<type>[a-z0-9]+\.[a-z0-9]+)"), "msk:kafka.{type}"),
    "redshift": (
        re.compile(
            r"(?P<family>[a-z0-9]+) (?P<size>[a-z0-9]+) OnDemand Compute Instance "
            r"Current Generation"
        ),
        "redshift:{family}.{size}",
    ),
}
GLOBAL_UNITMAP_SERVICES = {"route53", "cloudfront"}

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
    CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift, CloudHSM, Traffic Mirroring,
    Lightsail instances, CloudFormation handlers; Route 53 and CloudFront (global) in
    us-east-1."""
    found: Prices = {}
    for row in _unitmap_rows(sources, region):
        service, description = row["service"], row["description"]
        item = UNITMAP_ITEMS.get(service, {}).get(description)
        key = item[0] if item else None
        factor = item[1] if item else Decimal(1)
        if item is None and service == "lightsail":
            key = _lightsail_key(description)
        elif item is None and service in UNITMAP_PATTERNS:
            pattern, template = UNITMAP_PATTERNS[service]
            match = pattern.fullmatch(description)
            key = template.format(**match.groupdict()) if match else None
        if key is None:
            continue
        price = (dec(row["price_usd"]) * factor).normalize()
        if price > 0:
            put(found, key, price, f"{UNITMAPS_FILE} {service} {description!r}")
    for key, parts in UNITMAP_SUMS.items():
        if all(part in found for part in parts):
            found[key] = sum((found[part] for part in parts), Decimal(0)).normalize()
    return {
        key: price
        for key, price in found.items()
        if (key in SERVICE_KEYS_SET or INSTANCE_KEY.fullmatch(key))
        and (region == REFERENCE_REGION or key not in GLOBAL_KEYS)
    }
