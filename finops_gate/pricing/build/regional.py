"""How AWS varies a price from one region to another, per price key: the regional rules
and the table (`REGIONAL_RULES`) that assigns one to every key a region may lack.

A region without a published figure for a key gets one from the reference figure (the
published us-east-1 price, or the published us-east-2 price, see `ratio.RATIO_REFERENCES`)
by the key's rule:

* `flat-global`: AWS charges the same price in every region. The build checks it: every
  published figure of the key, in every region, must equal the reference.
* `flat-most-regions`: most regions charge the us-east-1 price, a few charge more (Lambda,
  S3 requests, SNS...). The build checks that the reference is the key's most common
  published figure.
* `regional-ratio`: the price follows the region's EC2 prices (reference x the region's
  EC2 price ratio, `ratio.ec2_ratios`).
* no rule (`None`): the key is left "price not found" where no source has it.

The table is data: one entry per key family, with the evidence for its rule. Which rule
fits was decided by measuring both on every region whose sources publish the key (see
`rule_errors` and the error table in pricing/README.md). A key the table does not cover
stops the build, so a new key cannot silently get a rule.
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from finops_gate.pricing.build.base import BuildError, RegionTable
from finops_gate.pricing.build.derive import significant
from finops_gate.pricing.layout import Figure
from finops_gate.records import record

FLAT_GLOBAL = "flat-global"
FLAT_MOST_REGIONS = "flat-most-regions"
REGIONAL_RATIO = "regional-ratio"
REGIONAL_RULE_IDS = (FLAT_GLOBAL, FLAT_MOST_REGIONS, REGIONAL_RATIO)


@record
class RegionalRule:
    keys: str  # a regular expression matched against the whole key
    rule: str | None
    evidence: str


REGIONAL_RULES: tuple[RegionalRule, ...] = (
    RegionalRule(
        r"lambda:(?:arm:)?provisioned-(?:concurrency|duration)",
        REGIONAL_RATIO,
        "published in 31 other regions (AWS pricing pages, 2025-11): they follow the region's "
        "prices, unlike Lambda's on-demand rates",
    ),
    # Published the same in every region whose sources have it.
    RegionalRule(
        r"kms:key|kms:requests|cloudwatch:metric|eip:idle:hour|ipv4:public:hour|tgw:gb"
        r"|vpce:interface:gb(?::over:[0-9]+)?|eks:cluster:hour|eks:cluster:extended:hour",
        FLAT_GLOBAL,
        "one figure in all 32 regions of the AWS pricing pages (2025-11)",
    ),
    RegionalRule(
        r"ec2:cpu-credits:[a-z0-9]+|ec2:[^:]+:ebs-optimized|elb:[a-z]+:lcu|elb:classic:gb"
        r"|aurora:backup",
        FLAT_GLOBAL,
        "us-east-1 (Infracost, README facts) and eu-west-1 (AWS offer file) agree, although "
        "their EC2 prices differ by 11.5%",
    ),
    RegionalRule(
        r"secretsmanager:secret|secretsmanager:api",
        FLAT_GLOBAL,
        "us-east-1 only in the sources; AWS's Secrets Manager page lists one price for all "
        "regions (eu-west-1 0.40 per secret-month, as us-east-1)",
    ),
    # The us-east-1 price in most regions, a few regions higher.
    RegionalRule(
        r"lambda:.+|s3:standard:(?:put|get)|sns:requests|cloudwatch:alarm:[a-z-]+"
        r"|cloudwatch:logs:storage|apigateway:rest:requests|vpn:connection:hour|rds:backup"
        r"|ebs:snapshot:storage",
        FLAT_MOST_REGIONS,
        "the us-east-1 figure is the most common one on the AWS pricing pages; the regional "
        "ratio overstates most regions",
    ),
    RegionalRule(
        r"apigateway:cache:[0-9.]+gb:hour",
        FLAT_MOST_REGIONS,
        "published in all 31 other regions (AWS pricing pages, 2025-11): the us-east-1 figure "
        "is the most common one; a few regions charge 5 to 54% more",
    ),
    RegionalRule(
        r"sqs:[a-z]+:requests|sfn:.+",
        FLAT_MOST_REGIONS,
        "us-east-1 only in the sources; request-priced like Lambda and SNS (eu-west-1 SQS "
        "0.40 per million requests, as us-east-1)",
    ),
    # Follow EC2.
    RegionalRule(
        r"elb:[a-z]+:hour|aurora:storage|aurora:io|aurora:serverless-v2:acu",
        REGIONAL_RATIO,
        "us-east-1 and eu-west-1 only: eu-west-1 follows its EC2 ratio within 0.4 to 4.4%",
    ),
    RegionalRule(
        r"opensearch:storage:[a-z0-9]+|opensearch:(?:gp3|io1):[a-z]+|redshift:managed-storage",
        REGIONAL_RATIO,
        "us-east-1 only in the sources; storage, priced like EBS volumes, which follow EC2",
    ),
    RegionalRule(
        r"ebs:.+|rds:(?:storage|iops):.+|efs:.+|fargate:.+|dynamodb:.+|kinesis:.+|natgw:.+"
        r"|msk:.+|redshift:.+|vpce:.+|tgw:attachment:hour|apigateway:.+"
        r"|cloudwatch:logs:ingest|s3:standard:storage(?::over:[0-9]+)?|sns:fifo:[a-z-]+",
        REGIONAL_RATIO,
        "published in 15 to 32 regions: the regional ratio's median error is mostly 1 to 5%, "
        "a flat copy's 8 to 24% (EFS IA and S3 Standard storage: a flat copy is a little "
        "closer, but us-east-1's figure is not the most common one)",
    ),
    RegionalRule(
        r"s3:intelligent-tiering:lifecycle|s3:intelligent-tiering:monitoring"
        r"|s3:object-tags|s3:one-zone-ia:get|s3:one-zone-ia:lifecycle|s3:one-zone-ia:put"
        r"|s3:one-zone-ia:retrieval|s3:one-zone-ia:select-returned|s3:standard-ia:get"
        r"|s3:standard-ia:lifecycle|s3:standard-ia:put|s3:standard-ia:retrieval"
        r"|s3:standard-ia:select-returned",
        FLAT_GLOBAL,
        "usage-file S3 classes and SNS deliveries: the rule their published figures in 20 to "
        "31 regions support (rule_errors.fitting_rule, AWS pricing pages 2025-11)",
    ),
    RegionalRule(
        r"s3:deep-archive:get|s3:glacier:get|s3:intelligent-tiering:get"
        r"|s3:intelligent-tiering:put|sns:notifications:email|sns:notifications:http"
        r"|sns:notifications:macos|sns:notifications:mobile-push",
        FLAT_MOST_REGIONS,
        "usage-file S3 classes and SNS deliveries: the rule their published figures in 20 to "
        "31 regions support (rule_errors.fitting_rule, AWS pricing pages 2025-11)",
    ),
    RegionalRule(
        r"s3:deep-archive:lifecycle|s3:deep-archive:retrieval-bulk"
        r"|s3:deep-archive:retrieval-standard|s3:glacier:lifecycle|s3:glacier:put"
        r"|s3:glacier:retrieval-expedited|s3:glacier:retrieval-requests-expedited"
        r"|s3:glacier:retrieval-requests-standard|s3:glacier:retrieval-standard"
        r"|s3:glacier:select-returned-bulk|s3:glacier:select-returned-expedited"
        r"|s3:glacier:select-returned-standard|s3:glacier:select-scanned-bulk"
        r"|s3:glacier:select-scanned-expedited|s3:glacier:select-scanned-standard"
        r"|s3:glacier:storage|s3:intelligent-tiering:select-returned"
        r"|s3:intelligent-tiering:select-scanned|s3:intelligent-tiering:storage-archive"
        r"|s3:intelligent-tiering:storage-deep-archive"
        r"|s3:intelligent-tiering:storage-frequent"
        r"|s3:intelligent-tiering:storage-infrequent|s3:one-zone-ia:select-scanned"
        r"|s3:one-zone-ia:storage|s3:standard-ia:select-scanned|s3:standard-ia:storage"
        r"|s3:standard:select-returned|s3:standard:select-scanned"
        r"|sns:notifications:kinesis",
        REGIONAL_RATIO,
        "usage-file S3 classes and SNS deliveries: the rule their published figures in 20 to "
        "31 regions support (rule_errors.fitting_rule, AWS pricing pages 2025-11)",
    ),
    RegionalRule(
        r"cloudtrail:(?:data|management)-events|config:(?:custom-)?items"
        r"|config:rule-evaluations:tier[123]|glue:catalog:(?:requests|storage)"
        r"|clientvpn:connection:hour|route53:resolver:(?:eni:hour|queries|queries:over-1b)"
        r"|tgw:dx:gb|waf:rule|waf:web-acl"
        r"|cloudformation:handler-(?:operations|seconds)|s3:analytics:objects",
        FLAT_GLOBAL,
        "one figure in the 29 to 31 other regions of the AWS pricing pages (2025-11)",
    ),
    RegionalRule(
        r"cloudtrail:insights-events|glue:(?:crawler|job|job:flex):dpu-hour|waf:requests",
        FLAT_MOST_REGIONS,
        "the us-east-1 figure is the most common one in the 20 to 31 other regions of the AWS "
        "pricing pages (2025-11)",
    ),
    RegionalRule(
        r"grafana:(?:editor|viewer)",
        FLAT_GLOBAL,
        "us-east-1 only in the sources; AWS's Managed Grafana page lists one price for every "
        "region (9 USD per editor, 5 USD per viewer, a month)",
    ),
    RegionalRule(
        r"clientvpn:association:hour|mq:storage:(?:ebs|efs)|neptune:(?:backup|io|storage"
        r"|storage:iopt1)|tgw:(?:dx-attachment|peering):hour"
        r"|cloudhsm:hsm:hour|s3:inventory:objects|vpc:traffic-mirror:hour",
        REGIONAL_RATIO,
        "published in 25 to 31 other regions (AWS pricing pages): they follow the region's prices",
    ),
    RegionalRule(
        r"dms:storage:multi-az|docdb:(?:backup|cpu-credits|io|storage|db\.[a-z0-9.-]+)|dx:data-out"
        r"|mq:storage:rabbitmq|networkfirewall:(?:endpoint:hour|gb)"
        r"|directoryservice:.+|fsx:.+|mwaa:.+"
        r"|acmpca:.+|ecr:storage|eventbridge:.+|ssm:.+|transfer:.+"
        r"|s3:deep-archive:(?:storage|put|retrieval-requests-(?:standard|bulk))"
        r"|rds:extended-support:years-1-2|rds:performance-insights:retention:[a-z0-9-]+",
        REGIONAL_RATIO,
        "us-east-1 only in the sources (Infracost's figures): no published figure elsewhere "
        "to choose a rule by; the EC2 ratio, marked approximate",
    ),
    RegionalRule(
        r"aurora:(?:backtrack|cpu-credits|serverless-v1:acu|snapshot-export)"
        r"|rds:(?:cpu-credits|io:standard|performance-insights:api)|elasticache:snapshot"
        r"|cloudwatch:logs:insights",
        None,
        "usage-file components with figures for few regions and no measured regional "
        'pattern: "price not found" where no source has them',
    ),
    RegionalRule(
        r"data-transfer:intra-region",
        FLAT_GLOBAL,
        "0.01 USD per GB in each of the 28 regions of Infracost's data_transfer_test output, "
        "GovCloud included",
    ),
    RegionalRule(
        r"data-transfer:(?:internet(?::over:[0-9]+)?|inter-region)",
        None,
        "published for 30 (internet) and 25 (inter-region) of the 32 regions; measured "
        "leave-one-out on them, a flat copy of us-east-1 errs by a median 9 to 18% (internet "
        "tiers) and 75% (inter-region), the regional ratio by 10 to 17% and 70%: no rule "
        "fits, so \"price not found\" where no source has them",
    ),
    RegionalRule(
        r"data-transfer:us-east",
        None,
        "the rate between us-east-1 and us-east-2 only; other regions use their "
        "inter-region rate",
    ),
    RegionalRule(
        r"ec2:cpu-credits:[a-z0-9]+:windows",
        None,
        "eu-west-1 only in the sources (AWS offer data), no reference figure in us-east-1: "
        "\"price not found\" elsewhere",
    ),
    RegionalRule(
        r"aurora:storage:iopt1",
        None,
        "AWS states no rule relating Aurora I/O-Optimized storage across regions",
    ),
)
_COMPILED = tuple((re.compile(entry.keys), entry) for entry in REGIONAL_RULES)


def regional_rule(key: str) -> RegionalRule:
    for pattern, entry in _COMPILED:
        if pattern.fullmatch(key):
            return entry
    raise BuildError(f"{key}: no regional rule says how AWS prices it across regions")


def check_regional_rules(tables: dict[str, RegionTable], reference: dict[str, Figure]) -> None:
    """A flat-global key has one published figure everywhere; a flat-most-regions key's
    reference is its most common published figure."""
    for key, figure in sorted(reference.items()):
        rule = regional_rule(key).rule
        if rule not in (FLAT_GLOBAL, FLAT_MOST_REGIONS):
            continue
        published = {
            region: table[key].price
            for region, table in sorted(tables.items())
            if key in table and table[key].rule_id is None
        }
        if rule == FLAT_GLOBAL:
            other = {r: p for r, p in published.items() if p != figure.price}
            if other:
                raise BuildError(
                    f"{key} is flat-global ({figure.price}) but published otherwise in {other}"
                )
            continue
        counts = Counter(published.values())
        if counts[figure.price] < max(counts.values()):
            raise BuildError(
                f"{key} is flat-most-regions but {figure.price} is not its most common "
                f"published figure: {dict(counts.most_common(3))}"
            )


def regional_figure(key: str, reference: Figure, ratio: Decimal) -> Figure | None:
    """The figure the key's regional rule gives a region without one."""
    rule = regional_rule(key).rule
    if rule is None:
        return None
    if rule == REGIONAL_RATIO:
        return Figure(significant(reference.price * ratio), reference.source_id, rule)
    return Figure(reference.price, reference.source_id, rule)
