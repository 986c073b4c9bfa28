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
    "aws_api_gateway_rest_api",
    "aws_apigatewayv2_api",
    "aws_autoscaling_group",
    "aws_cloudformation_stack",
    "aws_cloudformation_stack_set",
    "aws_cloudfront_distribution",
    "aws_cloudfront_function",
    "aws_cloudhsm_v2_hsm",
    "aws_cloudwatch_log_group",
    "aws_cloudwatch_metric_alarm",
    "aws_db_instance",
    "aws_directory_service_directory",
    "aws_dynamodb_table",
    "aws_ebs_snapshot",
    "aws_ebs_snapshot_copy",
    "aws_ebs_volume",
    "aws_ec2_capacity_reservation",
    "aws_ec2_host",
    "aws_ec2_traffic_mirror_session",
    "aws_ec2_transit_gateway_vpc_attachment",
    "aws_ecs_service",
    "aws_efs_file_system",
    "aws_eip",
    "aws_eks_cluster",
    "aws_eks_node_group",
    "aws_elasticache_cluster",
    "aws_elasticache_replication_group",
    "aws_elb",
    "aws_fsx_openzfs_file_system",
    "aws_fsx_windows_file_system",
    "aws_grafana_workspace",
    "aws_instance",
    "aws_kinesis_analytics_application",
    "aws_kinesis_stream",
    "aws_kinesisanalyticsv2_application",
    "aws_kinesisanalyticsv2_application_snapshot",
    "aws_kms_external_key",
    "aws_kms_key",
    "aws_lambda_function",
    "aws_lb",
    "aws_lightsail_instance",
    "aws_msk_cluster",
    "aws_mwaa_environment",
    "aws_nat_gateway",
    "aws_opensearch_domain",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_redshift_cluster",
    "aws_route53_record",
    "aws_route53_zone",
    "aws_s3_bucket",
    "aws_s3_bucket_analytics_configuration",
    "aws_s3_bucket_inventory",
    "aws_secretsmanager_secret",
    "aws_sfn_state_machine",
    "aws_sns_topic",
    "aws_spot_instance_request",
    "aws_sqs_queue",
    "aws_vpc_endpoint",
    "aws_vpn_connection",
)

ESTIMATOR_MODULES: tuple[ModuleType, ...] = tuple(
    import_module(f"finops_gate.cost.estimators.{name}") for name in ESTIMATOR_NAMES
)

ESTIMATORS: dict[str, Estimator] = {
    resource_type: module.estimate
    for module in ESTIMATOR_MODULES
    for resource_type in module.RESOURCE_TYPES
}
