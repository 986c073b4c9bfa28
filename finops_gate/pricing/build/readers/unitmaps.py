"""AWS's own pricing-page files of 68 services (aws-pricing-page-unitmaps-2025-11-04/): EKS,
Fargate, NAT gateway, VPC, Lambda, S3, EFS, DynamoDB, CloudWatch, KMS, SNS, Kinesis, API
Gateway, MSK, Redshift; Route 53 and CloudFront (global)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path

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
        "Compute per Hours": ("eks:cluster:hour", Decimal(1)),
        # the surcharge on top of the standard fee: see UNITMAP_SUMS
        "Compute ExtendedSupport per Hours": ("eks:extended-support-surcharge", Decimal(1)),
    },
    "ecs": {
        "perCPU per hour": ("fargate:vcpu:hour", Decimal(1)),
        "perGB per hour": ("fargate:gb:hour", Decimal(1)),
        "ARM perCPU per hour": ("fargate:arm:vcpu:hour", Decimal(1)),
        "ARM perGB per hour": ("fargate:arm:gb:hour", Decimal(1)),
        "Storage per GB-Hours": ("fargate:ephemeral-storage:gb:hour", Decimal(1)),
    },
    "natgateway": {
        "Hourly charge for NAT Gateways": ("natgw:hour", Decimal(1)),
        "Charge for per GB data processed by NatGateways": ("natgw:gb", Decimal(1)),
    },
    "vpc": {
        "Hourly charge for VPC Endpoints per Hrs": ("vpce:interface:hour", Decimal(1)),
        "Charge for per GB data processed by VPC Endpoints per GB from 0 to 1048576": (
            "vpce:interface:gb",
            Decimal(1),
        ),
        "Hourly charge for AWS Gateway Load Balancer VPC Endpoint per Hrs": (
            "vpce:gateway-load-balancer:hour",
            Decimal(1),
        ),
        "CreateVpnConnection per Hrs": ("vpn:connection:hour", Decimal(1)),
        "Hourly charge for Transit Gateway VPC Attachments per hour": (
            "tgw:attachment:hour",
            Decimal(1),
        ),
        "Charge for per GB data processed by AWS Transit Gateways for VPC attachments per "
        "GigaBytes": ("tgw:gb", Decimal(1)),
        "Hourly charge for In use Public IPv4 Addresses per Hrs": ("ipv4:public:hour", Decimal(1)),
        # an Elastic IP not attached to a running instance is an idle public IPv4 address
        "Hourly charge for Idle Public IPv4 Addresses per Hrs": ("eip:idle:hour", Decimal(1)),
    },
    "lambda": {
        "Lambda Requests": ("lambda:requests", MILLION),
        "Lambda Duration": ("lambda:gb-second", Decimal(1)),
        "Lambda Duration-ARM": ("lambda:arm:gb-second", Decimal(1)),
    },
    "s3": {
        "Standard Storage First 50 TB per GB Mo": ("s3:standard:storage", Decimal(1)),
        "PUT COPY/POST or LIST requests per Requests": ("s3:standard:put", PER_THOUSAND),
        "GET and all other requests per Requests": ("s3:standard:get", PER_THOUSAND),
    },
    "efs": {
        "General Purpose Storage GB Mo": ("efs:standard:storage", Decimal(1)),
        "Infrequent Access Storage GB Mo": ("efs:ia:storage", Decimal(1)),
        "One Zone General Purpose Storage GB Mo": ("efs:one-zone:storage", Decimal(1)),
        "Throughput Provisioned": ("efs:provisioned-throughput", Decimal(1)),
    },
    "dynamodb": {
        "Provisioned Write Units": ("dynamodb:provisioned:wcu", Decimal(1)),
        "Provisioned Read Units": ("dynamodb:provisioned:rcu", Decimal(1)),
        "Data Storage Indexed GB-Mo": ("dynamodb:storage", Decimal(1)),
        "PayPerRequest Write Request Units": ("dynamodb:ondemand:write", MILLION),
        "PayPerRequest Read Request Units": ("dynamodb:ondemand:read", MILLION),
    },
    "cloudwatch": {
        "Metric for the first 10000": ("cloudwatch:metric", Decimal(1)),
        "Alarm Standard": ("cloudwatch:alarm:standard", Decimal(1)),
        "Alarm High Resolution": ("cloudwatch:alarm:high-resolution", Decimal(1)),
        "Logs Collected Data Ingestion": ("cloudwatch:logs:ingest", Decimal(1)),
        "Stored Data": ("cloudwatch:logs:storage", Decimal(1)),
    },
    "kms": {
        "Encryption Key": ("kms:key", Decimal(1)),
        "API request - Non Free Tier": ("kms:requests", PER_TEN_THOUSAND),
    },
    "sns": {"Amazon SNS API Requests": ("sns:requests", MILLION)},
    "kinesis": {
        "Provisioned shard hour per ShardHour": ("kinesis:shard", Decimal(1)),
        "Payload Units per PutRequest": ("kinesis:put-units", MILLION),
        "OnDemandStreamHr per StreamHr": ("kinesis:ondemand:stream", Decimal(1)),
        "OnDemandDataIngested per GB": ("kinesis:ondemand:gb-in", Decimal(1)),
    },
    "apigateway": {
        "API Calls Number of up to 333 million": ("apigateway:rest:requests", MILLION),
        "ApiGatewayHttpApi First 300 million": ("apigateway:http:requests", MILLION),
        "WebSocket Messages Messages first 1 billion": (
            "apigateway:websocket:messages",
            MILLION,
        ),
        "WebSocket Connection Minutes": ("apigateway:websocket:minutes", MILLION),
    },
    "msk": {"RunVolume": ("msk:storage", Decimal(1))},
    # global services (GLOBAL_KEYS): kept in us-east-1 only; CloudFront's rows have no region
    "route53": {"Query first 1B": ("route53:queries", MILLION)},
    "cloudfront": {
        "Regional DT from United States to Internet First 10 TB": (
            "cloudfront:data-out",
            Decimal(1),
        ),
        "Request HTTPS Methods from United States": ("cloudfront:requests:https", PER_TEN_THOUSAND),
    },
}
# key = the sum of two published figures of the region (exact, no rule): AWS bills EKS
# extended support as the standard cluster fee plus an extended-support surcharge
# (us-east-1 0.10 + 0.50 = 0.60 per hour, the figure the estimators look up).
UNITMAP_SUMS: dict[str, tuple[str, str]] = {
    "eks:cluster:extended:hour": ("eks:cluster:hour", "eks:extended-support-surcharge"),
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


def _unitmap_rows(sources: Path, region: str) -> Iterable[dict[str, str]]:
    grouped = rows_by_region(sources / UNITMAPS_FILE, "region_code")
    yield from grouped.get(region, ())
    if region == REFERENCE_REGION:  # the global services' rows have no region
        yield from (r for r in grouped.get("", ()) if r["service"] in GLOBAL_UNITMAP_SERVICES)


def aws_page_unitmaps(sources: Path, region: str) -> Prices:
    """Service prices from AWS's pricing-page files (unitmaps folder): EKS, Fargate, NAT
    gateway, VPC endpoints, VPN, Transit Gateway, public IPv4, Lambda, S3, EFS, DynamoDB,
    CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift; Route 53 and CloudFront
    (global) in us-east-1."""
    found: Prices = {}
    for row in _unitmap_rows(sources, region):
        service, description = row["service"], row["description"]
        item = UNITMAP_ITEMS.get(service, {}).get(description)
        key = item[0] if item else None
        factor = item[1] if item else Decimal(1)
        if item is None and service in UNITMAP_PATTERNS:
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
