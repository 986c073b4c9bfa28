"""Data Firehose delivery stream: data ingested, format conversion, delivery into a VPC.

Data ingested is priced in monthly tiers.

Format conversion is priced when `extended_s3_configuration` has a
`data_format_conversion_configuration` that is not disabled; VPC delivery when the
OpenSearch / Elasticsearch destination has a `vpc_config` (one delivery per subnet's AZ;
subnets known only after apply count when the configuration names the `aws_subnet`s).

- Data ingested (first 500TB) (usage: `monthly_data_ingested_gb`): GB,
  `firehose:ingest:tier1`
- Data ingested (next 1.5PB): GB, `firehose:ingest:tier2`
- Data ingested (next 3PB): GB, `firehose:ingest:tier3` (also above 5 PB)
- Format conversion (the data ingested): GB, `firehose:format-conversion`
- VPC data (the data ingested): GB, `firehose:vpc:gb`
- VPC AZ delivery: AZ-hour, `firehose:vpc:az-hour`
"""

from __future__ import annotations

from finops_gate.cost.estimators._tiers import tier_buckets
from finops_gate.cost.model import HOURS_PER_MONTH, ComponentSpec
from finops_gate.cost.number_text import number_text
from finops_gate.cost.view import AttributeView
from finops_gate.pricing import keys

RESOURCE_TYPES = ("aws_kinesis_firehose_delivery_stream",)
USAGE_KEYS = ("monthly_data_ingested_gb",)
TIER_WIDTHS = (512_000, 1_536_000)
TIERS = (
    ("Data ingested (first 500TB)", keys.FIREHOSE_INGEST_TIER1),
    ("Data ingested (next 1.5PB)", keys.FIREHOSE_INGEST_TIER2),
    ("Data ingested (next 3PB)", keys.FIREHOSE_INGEST_TIER3),
)
VPC_DESTINATIONS = ("opensearch_configuration", "elasticsearch_configuration")


def converts_format(view: AttributeView) -> bool:
    for s3 in view.blocks("extended_s3_configuration"):
        for conversion in s3.blocks("data_format_conversion_configuration"):
            return conversion.boolean("enabled", True)
    return False


def vpc_config(view: AttributeView) -> AttributeView | None:
    """The destination's VPC delivery settings; None without VPC delivery."""
    for destination in VPC_DESTINATIONS:
        for config in view.blocks(destination):
            for vpc in config.blocks("vpc_config"):
                return vpc
    return None


def az_delivery(vpc: AttributeView) -> ComponentSpec:
    """One delivery per subnet (each in its own AZ), known only once the subnets are."""
    # subnets known only after apply still count when the configuration names them
    subnets = len(vpc.strings("subnet_ids")) or len(vpc.instances_named("subnet_ids", "aws_subnet"))
    unknown = None
    if not subnets and vpc.is_unknown("subnet_ids"):
        unknown = "subnet_ids is unknown until apply"
    return ComponentSpec(
        f"VPC AZ delivery ({subnets} AZs)" if unknown is None else "VPC AZ delivery",
        "AZ-hour",
        keys.FIREHOSE_VPC_AZ_HOUR,
        None if unknown else subnets * HOURS_PER_MONTH,
        unknown=unknown,
    )


def ingested_lines(gigabytes: float | None) -> list[ComponentSpec]:
    if gigabytes is None:
        name, key = TIERS[0]
        return [ComponentSpec(name, "GB", key, None, usage_based=True)]
    note = f"from the usage file: monthly_data_ingested_gb = {number_text(gigabytes)}"
    return [
        ComponentSpec(name, "GB", key, quantity, usage_based=True, note=note)
        for (name, key), quantity in zip(TIERS, tier_buckets(gigabytes, TIER_WIDTHS), strict=True)
        if quantity > 0
    ]


def estimate(view: AttributeView) -> list[ComponentSpec]:
    gigabytes = view.usage_number("monthly_data_ingested_gb")
    specs = ingested_lines(gigabytes)
    if converts_format(view):
        specs.append(
            ComponentSpec(
                "Format conversion", "GB", keys.FIREHOSE_FORMAT_CONVERSION, gigabytes, True
            )
        )
    vpc = vpc_config(view)
    if vpc is not None:
        specs.append(ComponentSpec("VPC data", "GB", keys.FIREHOSE_VPC_GB, gigabytes, True))
        specs.append(az_delivery(vpc))
    return specs
