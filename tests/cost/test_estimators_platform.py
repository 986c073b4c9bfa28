"""Platform services once listed as free (Systems Manager, AWS Backup, EventBridge, SNS
subscriptions), component by component, against published prices.

Unit prices are written here from public price lists, not read from finops-gate's table:
"golden" = the Infracost golden test figures in ../shared/price-sources/infracost-golden-facts/
(infracost_aws_golden_line_items.csv: the test named, column implied_unit_price or
monthly_cost_usd / monthly_qty); "AWS" = AWS's pricing page of the service as flattened in
../shared/price-sources/aws-pricing-page-unitmaps-2025-11-04/ (service, description).
"""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import UsageFileError, parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

HOURS = 730
# Systems Manager, us-east-1
SSM_ADVANCED_PARAMETER_MONTH = 0.05  # AWS: $0.05 per advanced parameter per month
SSM_API_10K = 0.05  # golden ssm_parameter_test "API interactions (advanced)"
SSM_ADVANCED_INSTANCE_HOUR = 0.00695  # golden ssm_activation_test: 507.35 / 73,000
# AWS Backup, us-west-1 (golden backup_vault_test, 10,000 GB rows)
BACKUP_EFS_WARM_WEST = 0.06  # 600.00 / 10,000
BACKUP_DYNAMODB_WEST = 0.112  # 1,120.00 / 10,000
EBS_SNAPSHOT_WEST = 0.055  # 550.00 / 10,000 ("EBS snapshot")
# EventBridge, us-east-1 (golden cloudwatch_event_bus_test)
EVENTS_CUSTOM_1M = 1.00
EVENTS_PARTNER_1M = 1.00
ARCHIVE_PROCESSING_GB = 0.10
ARCHIVE_STORAGE_GB = 0.023
SCHEMA_DISCOVERY_1M = 0.10
# SNS deliveries, us-east-1 (AWS sns "HTTP Notifications" 0.0000006 each,
# "SNS Email and Email JSON Notifications" 0.00002 each)
SNS_HTTP_1M = 0.60
SNS_EMAIL_100K = 2.00
# AWS Private CA, us-east-1 (golden acmpca_certificate_authority_test, acm_certificate_test)
PRIVATE_CA_MONTH = 400.00
SHORT_LIVED_CA_MONTH = 50.00
CERT_FIRST_1K = 0.75
CERT_NEXT_9K = 0.35
CERT_OVER_10K = 0.001  # AWS Private CA pricing page; golden 10,001 -> 10.00
CERT_SHORT_LIVED = 0.058
ROUTE53_ZONE = 0.50  # golden route53_zone_test "Hosted zone"
RDS_BACKUP_WEST = 0.095  # golden backup_vault_test "RDS snapshot", us-west-1
KINESIS_SHARD_HOUR = 0.015  # AWS kinesis "Provisioned shard hour per ShardHour"
# CloudTrail, us-east-1 (AWS cloudtrail: per event 0.00002 / 0.000001 / 0.0000035)
TRAIL_MANAGEMENT_100K = 2.00
TRAIL_DATA_100K = 0.10
TRAIL_INSIGHTS_100K = 0.35
# AWS Config, us-east-1 (AWS config "Config Rules first 100000" 0.001, "next 400000" 0.0008,
# "500001 and more" 0.0005, "Config" 0.003, "Config Custom" 0.003)
RULE_EVAL_FIRST_100K = 0.001
RULE_EVAL_NEXT_400K = 0.0008
RULE_EVAL_OVER_500K = 0.0005
CONFIG_ITEM = 0.003
CONFIG_CUSTOM_ITEM = 0.003

USAGE = {
    "version": 0.1,
    "resource_usage": {
        "aws_ssm_parameter.advanced": {
            "parameter_storage_hrs": 600,
            "monthly_api_interactions": 100_000,
        },
        "aws_ssm_activation.advanced": {"instances": 100},
        # Infracost's word-valued usage key: the tier a registration_limit of 5 would not say
        "aws_ssm_activation.standard": {"instance_tier": "advanced", "instances": 10},
        "aws_backup_vault.west": {
            "monthly_efs_warm_backup_gb": 1_000,
            "monthly_dynamodb_backup_gb": 500,
            "monthly_ebs_snapshot_gb": 200,
        },
        "aws_cloudwatch_event_bus.orders": {
            "monthly_custom_events": 3_000_000,
            "monthly_third_party_events": 2_000_000,
            "monthly_archive_processing_gb": 100,
            "archive_storage_gb": 200,
            "monthly_schema_discovery_events": 1_000_000,
        },
        "aws_sns_topic_subscription.webhook": {
            "monthly_requests": 2_000_000,
            "request_size_kb": 100,
        },
        "aws_sns_topic_subscription.mail": {"monthly_requests": 50_000},
        "aws_sns_topic_subscription.text": {"monthly_requests": 1_000},
        "aws_acmpca_certificate_authority.general": {"monthly_requests": 12_000},
        "aws_acmpca_certificate_authority.short_lived": {"monthly_requests": 20_000},
        "aws_service_discovery_service.api": {"registered_instances": 4},
        "aws_db_instance_automated_backups_replication.west": {"backup_storage_gb": 300},
        "aws_rds_cluster_activity_stream.audit": {"kinesis_shards": 2},
        "aws_cloudtrail.main": {
            "monthly_additional_management_events": 100_000,
            "monthly_data_events": 200_000,
            "monthly_insight_events": 300_000,
        },
        "aws_config_config_rule.s3_encryption": {"monthly_rule_evaluations": 1_000_000},
        "aws_config_organization_managed_rule.mfa": {"monthly_rule_evaluations": 50_000},
        "aws_config_organization_custom_rule.tags": {"monthly_rule_evaluations": 20_000},
        "aws_config_organization_custom_policy_rule.guard": {"monthly_rule_evaluations": 10},
        "aws_config_configuration_recorder.main": {
            "monthly_config_items": 1_000,
            "monthly_custom_config_items": 2_000,
        },
    },
}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("platform_services")))
    usage = parse_usage(USAGE, "usage.yml")
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


@pytest.fixture(scope="module")
def bare(prices: PriceTable) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path("platform_services")))
    return {c.resource.address: c for c in estimate_plan(plan, prices).resources}


def lines(cost: ResourceCost) -> dict[str, tuple[float | None, float | None]]:
    return {c.price_key: (c.monthly_quantity, c.unit_price) for c in cost.components}


def test_usage_file_instance_tier_makes_an_activation_advanced(
    costs: dict[str, ResourceCost],
) -> None:
    activation = costs["aws_ssm_activation.standard"]
    assert activation.monthly_cost_after == pytest.approx(10 * HOURS * SSM_ADVANCED_INSTANCE_HOUR)


def test_word_valued_usage_keys_must_be_words() -> None:
    usage = {"version": 0.1, "resource_usage": {"aws_ssm_activation.a": {"instance_tier": 5}}}
    with pytest.raises(UsageFileError, match=r"instance_tier: expected one of standard, advanced"):
        parse_usage(usage, "usage.yml")
    usage["resource_usage"] = {"aws_ssm_activation.a": {"instances": "many"}}
    with pytest.raises(UsageFileError, match=r"instances: expected a non-negative number"):
        parse_usage(usage, "usage.yml")


def test_standard_parameters_and_activations_stay_free(bare: dict[str, ResourceCost]) -> None:
    # no `tier` in the configuration: unknown in the plan, the account default (Standard)
    assert bare["aws_ssm_parameter.standard"].status == Status.FREE
    assert bare["aws_ssm_activation.standard"].status == Status.FREE  # registration_limit 5
    assert bare["aws_sns_topic_subscription.queue"].status == Status.FREE  # SQS deliveries


def test_advanced_parameter_is_a_parameter_month_without_usage(
    bare: dict[str, ResourceCost],
) -> None:
    advanced = bare["aws_ssm_parameter.advanced"]
    assert advanced.status == Status.PRICED
    assert lines(advanced)["ssm:parameter:advanced"] == pytest.approx(
        (1, SSM_ADVANCED_PARAMETER_MONTH)
    )
    assert advanced.monthly_cost_after == pytest.approx(SSM_ADVANCED_PARAMETER_MONTH)
    intelligent = bare["aws_ssm_parameter.intelligent"]
    assert intelligent.monthly_cost_after == pytest.approx(SSM_ADVANCED_PARAMETER_MONTH)
    assert "priced as advanced" in (intelligent.components[0].note or "")


def test_advanced_parameter_with_usage(costs: dict[str, ResourceCost]) -> None:
    advanced = costs["aws_ssm_parameter.advanced"]
    expected = 600 / HOURS * SSM_ADVANCED_PARAMETER_MONTH + 10 * SSM_API_10K
    assert advanced.monthly_cost_after == pytest.approx(expected)
    assert [c.name for c in advanced.components] == [
        "Parameter storage (advanced)",
        "API interactions (advanced)",
    ]


def test_activation_above_the_standard_limit_bills_advanced_instances(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    assert bare["aws_ssm_activation.advanced"].status == Status.USAGE_BASED
    advanced = costs["aws_ssm_activation.advanced"]
    assert lines(advanced) == {
        "ssm:managed-instance:advanced:hour": pytest.approx((100 * HOURS, 0.00695))
    }
    assert advanced.monthly_cost_after == pytest.approx(100 * HOURS * SSM_ADVANCED_INSTANCE_HOUR)


def test_backup_vault_bills_backups_at_each_services_rate(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    assert bare["aws_backup_vault.west"].status == Status.USAGE_BASED
    assert len(bare["aws_backup_vault.west"].components) == 12
    west = costs["aws_backup_vault.west"]
    expected = 1_000 * BACKUP_EFS_WARM_WEST + 500 * BACKUP_DYNAMODB_WEST + 200 * EBS_SNAPSHOT_WEST
    assert west.monthly_cost_after == pytest.approx(expected)
    assert lines(west)["ebs:snapshot:storage"] == pytest.approx((200, EBS_SNAPSHOT_WEST))


def test_backup_rates_missing_from_a_region_are_price_not_found(
    bare: dict[str, ResourceCost],
) -> None:
    east = {c.price_key: c for c in bare["aws_backup_vault.east"].components}
    # AWS Backup's own EFS rate has no us-east-1 source: not found, never $0
    assert east["backup:efs:warm"].unit_price is None
    assert east["ebs:snapshot:storage"].unit_price == pytest.approx(0.05)  # golden ebs_snapshot


def test_event_bus_components(costs: dict[str, ResourceCost]) -> None:
    bus = costs["aws_cloudwatch_event_bus.orders"]
    expected = (
        3 * EVENTS_CUSTOM_1M
        + 2 * EVENTS_PARTNER_1M
        + 100 * ARCHIVE_PROCESSING_GB
        + 200 * ARCHIVE_STORAGE_GB
        + 1 * SCHEMA_DISCOVERY_1M
    )
    assert bus.monthly_cost_after == pytest.approx(expected)
    assert all(c.usage_based for c in bus.components)


def test_subscriptions_by_protocol(costs: dict[str, ResourceCost]) -> None:
    webhook = costs["aws_sns_topic_subscription.webhook"]  # 100 KB = two 64 KB chunks
    assert lines(webhook) == {"sns:notifications:http": pytest.approx((4, SNS_HTTP_1M))}
    assert webhook.monthly_cost_after == pytest.approx(4 * SNS_HTTP_1M)
    mail = costs["aws_sns_topic_subscription.mail"]
    assert mail.monthly_cost_after == pytest.approx(0.5 * SNS_EMAIL_100K)
    text = costs["aws_sns_topic_subscription.text"]
    assert text.components[0].unit_price is None  # SMS: per country, no source
    assert text.status == Status.PRICE_NOT_FOUND
    assert text.monthly_cost_after is None


def test_private_ca_and_its_certificate_tiers(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    general = costs["aws_acmpca_certificate_authority.general"]  # 12,000 certificates
    assert [(c.name, c.monthly_quantity) for c in general.components] == [
        ("Private certificate authority", 1),
        ("Certificates (first 1K)", 1_000),
        ("Certificates (next 9K)", 9_000),
        ("Certificates (over 10K)", 2_000),
    ]
    expected = (
        PRIVATE_CA_MONTH + 1_000 * CERT_FIRST_1K + 9_000 * CERT_NEXT_9K + 2_000 * CERT_OVER_10K
    )
    assert general.monthly_cost_after == pytest.approx(expected)
    short = costs["aws_acmpca_certificate_authority.short_lived"]
    assert short.monthly_cost_after == pytest.approx(
        SHORT_LIVED_CA_MONTH + 20_000 * CERT_SHORT_LIVED
    )
    without_usage = bare["aws_acmpca_certificate_authority.general"]
    assert without_usage.monthly_cost_after == pytest.approx(PRIVATE_CA_MONTH)
    assert [c.name for c in without_usage.components][1:] == ["Certificates (first 1K)"]


def test_public_certificates_are_free_and_private_ones_billed(
    bare: dict[str, ResourceCost],
) -> None:
    assert bare["aws_acm_certificate.public"].status == Status.FREE
    private = bare["aws_acm_certificate.private"]  # certificate_authority_arn: known at apply
    assert private.status == Status.PRICED
    assert private.monthly_cost_after == pytest.approx(CERT_FIRST_1K)


def test_cloud_map(costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]) -> None:
    assert bare["aws_service_discovery_http_namespace.apps"].status == Status.FREE
    for address in (
        "aws_service_discovery_private_dns_namespace.internal",
        "aws_service_discovery_public_dns_namespace.public",
    ):
        assert bare[address].monthly_cost_after == pytest.approx(ROUTE53_ZONE), address
    # no Cloud Map price in any source: "price not found", never $0
    instance = bare["aws_service_discovery_instance.api_1"]
    assert instance.status == Status.PRICE_NOT_FOUND
    service = costs["aws_service_discovery_service.api"]
    registered = service.components[0]
    assert (registered.monthly_quantity, registered.unit_price) == (4, None)
    assert bare["aws_service_discovery_service.api"].status == Status.USAGE_BASED


def test_backup_replication_and_activity_stream(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    replication = costs["aws_db_instance_automated_backups_replication.west"]
    assert replication.resource.region == "us-west-1"
    storage, transfer = replication.components
    assert (storage.monthly_quantity, storage.unit_price) == pytest.approx((300, RDS_BACKUP_WEST))
    assert transfer.unit_price is None and transfer.monthly_quantity is None
    assert replication.monthly_cost_after == pytest.approx(300 * RDS_BACKUP_WEST)
    stream = costs["aws_rds_cluster_activity_stream.audit"]
    assert stream.monthly_cost_after == pytest.approx(2 * HOURS * KINESIS_SHARD_HOUR)
    assert bare["aws_rds_cluster_activity_stream.audit"].status == Status.USAGE_BASED


def test_cloudtrail_lines_follow_the_trail_settings(
    costs: dict[str, ResourceCost], bare: dict[str, ResourceCost]
) -> None:
    main = costs["aws_cloudtrail.main"]
    assert [c.name for c in main.components] == [
        "Management events (additional copies)",
        "Data events",
        "Insight events",
    ]
    assert [c.monthly_quantity for c in main.components] == pytest.approx([1, 2, 3])
    expected = TRAIL_MANAGEMENT_100K + 2 * TRAIL_DATA_100K + 3 * TRAIL_INSIGHTS_100K
    assert main.monthly_cost_after == pytest.approx(expected)
    data_only = bare["aws_cloudtrail.data_only"]  # no global events, no insight selector
    assert [c.name for c in data_only.components] == ["Data events"]
    assert data_only.status == Status.USAGE_BASED


def test_config_rule_evaluations_are_tiered(costs: dict[str, ResourceCost]) -> None:
    rule = costs["aws_config_config_rule.s3_encryption"]  # 1,000,000 evaluations
    assert [c.monthly_quantity for c in rule.components] == [100_000, 400_000, 500_000]
    expected = (
        100_000 * RULE_EVAL_FIRST_100K
        + 400_000 * RULE_EVAL_NEXT_400K
        + 500_000 * RULE_EVAL_OVER_500K
    )
    assert rule.monthly_cost_after == pytest.approx(expected)
    org = costs["aws_config_organization_managed_rule.mfa"]
    assert org.monthly_cost_after == pytest.approx(50_000 * RULE_EVAL_FIRST_100K)
    # organization custom rules (Lambda or Guard policy) are evaluations like the others
    custom = costs["aws_config_organization_custom_rule.tags"]
    assert custom.monthly_cost_after == pytest.approx(20_000 * RULE_EVAL_FIRST_100K)
    guard = costs["aws_config_organization_custom_policy_rule.guard"]
    assert guard.monthly_cost_after == pytest.approx(10 * RULE_EVAL_FIRST_100K)
    recorder = costs["aws_config_configuration_recorder.main"]
    assert recorder.monthly_cost_after == pytest.approx(
        1_000 * CONFIG_ITEM + 2_000 * CONFIG_CUSTOM_ITEM
    )
