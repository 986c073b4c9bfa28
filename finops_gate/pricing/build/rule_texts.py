"""The documented derivation rules (id -> text), copied into aws.json: a figure derived by
a rule carries its id, which marks it approximate. The code of each rule is in `rules` and
`ratio`."""

from __future__ import annotations

RULES: dict[str, str] = {
    "rds-multi-az-2x": "Multi-AZ instance price = 2 x the Single-AZ price of the same class "
    "and engine (AWS bills the standby; published Multi-AZ prices are 2x for most classes "
    "and within 6% for the smallest, e.g. eu-west-1 db.t3.micro PostgreSQL 0.039 vs "
    "2 x 0.020), not used for SQL Server Express and Web (no Multi-AZ) nor Enterprise "
    "(published Multi-AZ is 1.3 to 2 x Single-AZ).",
    "rds-multi-az-storage-2x": "Multi-AZ storage or provisioned-IOPS price = 2 x the "
    "Single-AZ price (published Multi-AZ rates are 2x or within 1%, e.g. eu-west-1 gp2 "
    "0.253 vs 2 x 0.127).",
    "ebs-io2-iops-tiers": "io2 IOPS tier 2 (32,001-64,000) = 0.7 x and tier 3 (over 64,000) "
    "= 0.49 x the tier-1 price (each tier 30% below the previous), the exact ratios of the "
    "published eu-west-1 prices 0.072, 0.0504 and 0.03528; a region's published figure may "
    "be rounded.",
    "spot-average": "Average EC2 spot price of the instance type in the region over "
    "ec2instances.info's sampling window (its spot_avg). Spot prices move with demand: a "
    "planning estimate, never a quote.",
    "regional-ratio": "Price = the reference price x the region's EC2 price ratio, rounded to "
    "6 significant digits. Reference price: the published us-east-1 price (or, where "
    "us-east-1 has none, the published us-east-2 price; both regions have the same EC2 "
    "prices). Ratio: the median, over every instance type priced in both the region and "
    "us-east-1, of the region's Linux on-demand price / the us-east-1 price, from one data "
    "set on both sides: ec2instances.info, or, for the regions it does not cover, AWS's EC2 "
    "pricing page of 2025-04-04. Used for service prices (storage, requests, hourly fees) "
    "and Redshift / MSK node prices no source publishes for the region, and the hourly "
    "EBS-optimized fee of an EC2 type the region offers; never for EC2 instance, RDS class, "
    "ElastiCache or OpenSearch prices (a type missing there may not be offered). Measured "
    "against the per-region figures AWS publishes: see pricing/README.md for the error.",
    "fargate-arm-discount": "Fargate Arm (Graviton) vCPU and GB prices = 0.8 x the x86 "
    "prices of the same region (AWS prices Fargate on Graviton 20% below x86; us-east-1 "
    "0.03238 vs 0.04048 per vCPU-hour, 0.00356 vs 0.004445 per GB-hour, published figures "
    "rounded to 4 significant digits).",
    "dedicated-ratio": "Dedicated-tenancy Linux price = the region's shared-tenancy price of "
    "the type x that type's dedicated / shared price ratio in eu-west-1 (the AWS offer file, "
    "2023-02-23; ratios 1.0 to 1.1, most 1.1), rounded to 6 significant digits. Excludes the "
    "per-region dedicated fee, which is not per instance.",
    "regional-ratio+node-size-linear": "Outside the regions whose sources publish a Redshift "
    "RA3 or MSK M5 size: the largest size the region has by regional-ratio, scaled to the "
    "other sizes by vCPUs as node-size-linear (both documented rules, applied in turn).",
    "node-size-linear": "A broker or node size's price = the published price of another "
    "size of the same family in the same region x the ratio of their vCPUs (6 significant "
    "digits). Used only for families AWS prices in proportion to size: Redshift RA3 (the "
    "published ra3.4xlarge 3.26 and ra3.16xlarge 13.04 are exactly in their vCPU ratio; the "
    "build checks it) and MSK M5 brokers (only kafka.m5.24xlarge is in the data; AWS's "
    "price list has kafka.m5.large at 0.21 = 10.08 / 48). Not for DC2 (dc2.8xlarge is not "
    "16 x dc2.large).",
    "cpu-credits-family": "Unlimited-mode CPU credits: t3a = the t3 price and t4g = 0.8 x "
    "the t3 price of the same region, as in the published eu-west-1 offer file (t2, t3 and "
    "t3a 0.05, t4g 0.04 USD per vCPU-hour).",
    "eks-flat-global": "EKS cluster fee copied from us-east-1, because AWS charges the same "
    "hourly cluster fee (standard and extended support) in every commercial region.",
    "aurora-iopt1-instance": "Aurora I/O-Optimized instance price = 1.3 x the Aurora "
    "Standard price of the same class and engine in the same region: AWS prices "
    "I/O-Optimized instances 30% above Aurora Standard "
    "(https://aws.amazon.com/rds/aurora/pricing/). AWS rounds its published figures, so "
    "the result may differ from them in the last digit.",
    "ipv4-flat-global": "Public IPv4 address charge copied from us-east-1, because AWS "
    "charges the same 0.005 USD/hour per in-use public IPv4 address in every commercial "
    "region since 2024-02-01.",
    "grafana-flat-global": "Amazon Managed Grafana user licences copied from us-east-1, "
    "because AWS publishes one price for every region where the service runs (9 USD per "
    "active editor/administrator and 5 USD per active viewer, per workspace and month: "
    "https://aws.amazon.com/grafana/pricing/). A region without the service still gets the "
    "figure, marked approximate.",
}
# A rule applied to a regional-ratio figure (see `rules.derive`) is named after both rules.
RULES.update(
    {
        f"regional-ratio+{rule}": f"First regional-ratio, then {rule}: the region's "
        f"regional-ratio figure is the input of {rule} (both rules above, applied in turn; "
        "never a longer chain)."
        for rule in (
            "rds-multi-az-2x",
            "rds-multi-az-storage-2x",
            "ebs-io2-iops-tiers",
            "fargate-arm-discount",
            "cpu-credits-family",
        )
    }
)
