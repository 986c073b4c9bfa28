"""The explicit registry: Terraform resource type -> estimator module.

Adding a resource type means adding its module's name to `ESTIMATOR_NAMES`; a test checks
that every module in `finops_gate/cost/estimators/` is listed here.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from types import ModuleType

from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

Estimator = Callable[[AttributeView], list[ComponentSpec]]

ESTIMATOR_NAMES: tuple[str, ...] = (
    "aws_acm_certificate",
    "aws_acmpca_certificate_authority",
    "aws_api_gateway_rest_api",
    "aws_api_gateway_stage",
    "aws_apigatewayv2_api",
    "aws_autoscaling_group",
    "aws_backup_vault",
    "aws_cloudformation_stack",
    "aws_cloudformation_stack_set",
    "aws_cloudfront_distribution",
    "aws_cloudfront_function",
    "aws_cloudhsm_v2_hsm",
    "aws_cloudtrail",
    "aws_cloudwatch_dashboard",
    "aws_cloudwatch_event_bus",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_metric_alarm",
    "aws_codebuild_project",
    "aws_config_config_rule",
    "aws_config_configuration_recorder",
    "aws_db_instance",
    "aws_db_instance_automated_backups_replication",
    "aws_directory_service_directory",
    "aws_dms_replication_instance",
    "aws_docdb_cluster",
    "aws_docdb_cluster_instance",
    "aws_docdb_cluster_snapshot",
    "aws_dx_connection",
    "aws_dx_gateway_association",
    "aws_dynamodb_table",
    "aws_ebs_snapshot",
    "aws_ebs_snapshot_copy",
    "aws_ebs_volume",
    "aws_ec2_capacity_reservation",
    "aws_ec2_client_vpn_endpoint",
    "aws_ec2_client_vpn_network_association",
    "aws_ec2_host",
    "aws_ec2_traffic_mirror_session",
    "aws_ec2_transit_gateway_peering_attachment",
    "aws_ec2_transit_gateway_vpc_attachment",
    "aws_ecr_repository",
    "aws_ecs_service",
    "aws_efs_file_system",
    "aws_eip",
    "aws_eks_cluster",
    "aws_eks_fargate_profile",
    "aws_eks_node_group",
    "aws_elastic_beanstalk_environment",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_elb",
    "aws_fsx_openzfs_file_system",
    "aws_fsx_windows_file_system",
    "aws_globalaccelerator_accelerator",
    "aws_globalaccelerator_endpoint_group",
    "aws_glue_catalog_database",
    "aws_glue_crawler",
    "aws_glue_job",
    "aws_grafana_workspace",
    "aws_instance",
    "aws_kinesis_analytics_application",
    "aws_kinesis_firehose_delivery_stream",
    "aws_kinesis_stream",
    "aws_kinesisanalyticsv2_application",
    "aws_kinesisanalyticsv2_application_snapshot",
    "aws_kms_external_key",
    "aws_kms_key",
    "aws_lambda_function",
    "aws_lambda_provisioned_concurrency_config",
    "aws_lb",
    "aws_lightsail_instance",
    "aws_mq_broker",
    "aws_msk_cluster",
    "aws_mwaa_environment",
    "aws_nat_gateway",
    "aws_neptune_cluster",
    "aws_neptune_cluster_instance",
    "aws_neptune_cluster_snapshot",
    "aws_networkfirewall_firewall",
    "aws_opensearch_domain",
    "aws_rds_cluster",
    "aws_rds_cluster_activity_stream",
    "aws_rds_cluster_instance",
    "aws_redshift_cluster",
    "aws_route53_health_check",
    "aws_route53_record",
    "aws_route53_resolver_endpoint",
    "aws_route53_zone",
    "aws_s3_bucket",
    "aws_s3_bucket_analytics_configuration",
    "aws_s3_bucket_inventory",
    "aws_secretsmanager_secret",
    "aws_service_discovery_instance",
    "aws_service_discovery_private_dns_namespace",
    "aws_service_discovery_service",
    "aws_sfn_state_machine",
    "aws_sns_topic",
    "aws_sns_topic_subscription",
    "aws_spot_instance_request",
    "aws_sqs_queue",
    "aws_ssm_activation",
    "aws_ssm_parameter",
    "aws_transfer_server",
    "aws_vpc_endpoint",
    "aws_vpn_connection",
    "aws_waf_web_acl",
    "aws_wafv2_web_acl",
)

ESTIMATOR_MODULES: tuple[ModuleType, ...] = tuple(
    import_module(f"finops_gate.cost.estimators.{name}") for name in ESTIMATOR_NAMES
)

ESTIMATORS: dict[str, Estimator] = {
    resource_type: module.estimate
    for module in ESTIMATOR_MODULES
    for resource_type in module.RESOURCE_TYPES
}
