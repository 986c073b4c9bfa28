"""Guards: every estimator is registered, named after its type, documented and in docs/costs.md."""

from __future__ import annotations

import importlib
import pkgutil

import finops_gate.cost.estimators as estimators_package
from finops_gate.cost.coverage import components_of, coverage_markdown
from finops_gate.cost.free import FREE_AWS_TYPES
from finops_gate.cost.registry import ESTIMATOR_MODULES, ESTIMATORS
from tests.conftest import ROOT


def estimator_module_names() -> list[str]:
    return [
        info.name
        for info in pkgutil.iter_modules(estimators_package.__path__)
        if not info.name.startswith("_")
    ]


def test_every_estimator_module_is_registered() -> None:
    registered = {module.__name__.rsplit(".", 1)[1] for module in ESTIMATOR_MODULES}
    assert set(estimator_module_names()) == registered


def test_modules_are_named_after_their_first_type_and_documented() -> None:
    for name in estimator_module_names():
        module = importlib.import_module(f"finops_gate.cost.estimators.{name}")
        assert module.RESOURCE_TYPES[0] == name
        assert components_of(module), f"{name}: docstring lists no components"
        for resource_type in module.RESOURCE_TYPES:
            assert ESTIMATORS[resource_type] is module.estimate


def test_no_type_is_both_priced_and_free() -> None:
    assert not set(ESTIMATORS) & FREE_AWS_TYPES


def test_free_list_is_broad_but_leaves_out_types_with_charges_of_their_own() -> None:
    assert len(FREE_AWS_TYPES) >= 400
    charged = {
        "aws_cloudwatch_dashboard",
        "aws_cloudwatch_composite_alarm",
        "aws_route53_health_check",
        "aws_route53_resolver_endpoint",
        "aws_lambda_provisioned_concurrency_config",
        "aws_db_proxy",
        "aws_db_snapshot",
        "aws_acm_certificate",
        "aws_cognito_user_pool",
        "aws_api_gateway_stage",
        "aws_s3_bucket_inventory",
        "aws_s3_bucket_metric",
        "aws_vpc_endpoint_subnet_association",
        "aws_ec2_transit_gateway_peering_attachment",
        "aws_ecr_repository",
        "aws_cloudfront_function",
        "aws_fms_policy",
        "aws_wafv2_web_acl",
    }
    assert not charged & FREE_AWS_TYPES
    assert all(name.startswith("aws_") for name in FREE_AWS_TYPES)


def test_readme_coverage_table_is_current() -> None:
    costs = (ROOT / "docs" / "costs.md").read_text(encoding="utf-8")
    assert coverage_markdown() in costs, "run: python scripts/coverage_table.py"
