"""The explicit registry: Terraform resource type -> estimator module."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

from finops_gate.cost.estimators import (
    aws_db_instance,
    aws_ebs_volume,
    aws_eip,
    aws_eks_cluster,
    aws_eks_node_group,
    aws_elb,
    aws_instance,
    aws_lambda_function,
    aws_lb,
    aws_nat_gateway,
    aws_s3_bucket,
)
from finops_gate.cost.model import ComponentSpec
from finops_gate.cost.view import AttributeView

Estimator = Callable[[AttributeView], list[ComponentSpec]]

ESTIMATOR_MODULES: tuple[ModuleType, ...] = (
    aws_db_instance,
    aws_ebs_volume,
    aws_eip,
    aws_eks_cluster,
    aws_eks_node_group,
    aws_elb,
    aws_instance,
    aws_lambda_function,
    aws_lb,
    aws_nat_gateway,
    aws_s3_bucket,
)

ESTIMATORS: dict[str, Estimator] = {
    resource_type: module.estimate
    for module in ESTIMATOR_MODULES
    for resource_type in module.RESOURCE_TYPES
}
