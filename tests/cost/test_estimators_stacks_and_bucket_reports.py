"""CloudFormation stacks / stack sets and S3 Inventory / Storage Class Analysis on the
`stacks_and_bucket_reports` plan (made by terraform), against published us-east-1 prices.

- CloudFormation (https://aws.amazon.com/cloudformation/pricing/): 0.0009 USD per handler
  operation and 0.00008 USD per second above 30 s, for third-party resource types only
  (unitmaps "CloudFormation-ResourceProvider-Invocation per Operations" / "...-Duration per
  Second"; golden cloudformation_stack_test: 10,000 operations = $9.00).
- S3 (https://aws.amazon.com/s3/pricing/): Inventory 0.0025 USD per million objects
  listed, Storage Class Analysis 0.10 USD per million objects monitored (unitmaps "Per
  object fee for objects listed in an Inventory" / "... included in Analytics"; golden
  s3_bucket_analytics_configuration_test: 10M objects = $1.00).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.estimators._cloudformation import only_free_resource_types
from finops_gate.cost.model import ResourceCost, Status
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import load_usage_file
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

CASE = "stacks_and_bucket_reports"
HANDLER_OPERATION = 0.0009
HANDLER_SECOND = 0.00008
INVENTORY_1M = 0.0025
ANALYTICS_1M = 0.10


def estimate(prices: PriceTable, usage_path: str | None = None) -> dict[str, ResourceCost]:
    plan = load_plan(str(fixture_plan_path(CASE)))
    usage = load_usage_file(usage_path) if usage_path else None
    result = estimate_plan(plan, prices, usage)
    return {cost.resource.address: cost for cost in result.resources}


@pytest.fixture(scope="module")
def costs(prices: PriceTable) -> dict[str, ResourceCost]:
    return estimate(prices)


def test_a_stack_of_aws_and_custom_resources_is_free(costs: dict[str, ResourceCost]) -> None:
    stack = costs["aws_cloudformation_stack.aws_only"]
    assert stack.status == Status.FREE
    assert stack.components == ()


@pytest.mark.parametrize(
    "address",
    [
        "aws_cloudformation_stack.third_party",
        "aws_cloudformation_stack.from_url",  # the template is not in the plan
        "aws_cloudformation_stack_set.third_party",
    ],
)
def test_third_party_or_unknown_templates_are_usage_based(
    costs: dict[str, ResourceCost], address: str
) -> None:
    stack = costs[address]
    assert stack.status == Status.USAGE_BASED
    assert [(c.name, c.unit, c.price_key) for c in stack.components] == [
        ("Handler operations", "operations", "cloudformation:handler-operations"),
        ("Durations above 30s", "seconds", "cloudformation:handler-seconds"),
    ]
    assert [c.unit_price for c in stack.components] == pytest.approx(
        [HANDLER_OPERATION, HANDLER_SECOND]
    )


def test_bucket_reports_are_usage_based(costs: dict[str, ResourceCost]) -> None:
    inventory = costs["aws_s3_bucket_inventory.weekly"]
    assert [(c.name, c.unit, c.price_key) for c in inventory.components] == [
        ("Objects listed", "1M objects", "s3:inventory:objects")
    ]
    assert inventory.components[0].unit_price == pytest.approx(INVENTORY_1M)
    analytics = costs["aws_s3_bucket_analytics_configuration.entire_bucket"]
    assert [(c.name, c.unit, c.price_key) for c in analytics.components] == [
        ("Objects monitored", "1M objects", "s3:analytics:objects")
    ]
    assert analytics.components[0].unit_price == pytest.approx(ANALYTICS_1M)


def test_usage_file(tmp_path: Path, prices: PriceTable) -> None:
    path = tmp_path / "infracost-usage.yml"
    path.write_text(
        """\
version: 0.1
resource_usage:
  aws_cloudformation_stack.third_party:
    monthly_handler_operations: 10000
    monthly_duration_secs: 1000
  aws_s3_bucket_inventory.weekly:
    monthly_listed_objects: 10000000
  aws_s3_bucket_analytics_configuration.entire_bucket:
    monthly_monitored_objects: 10000000
""",
        encoding="utf-8",
    )
    costs = estimate(prices, str(path))
    stack = costs["aws_cloudformation_stack.third_party"]
    assert stack.monthly_cost_after == pytest.approx(
        10_000 * HANDLER_OPERATION + 1000 * HANDLER_SECOND  # 9.00 + 0.08
    )
    inventory = costs["aws_s3_bucket_inventory.weekly"]
    assert inventory.components[0].monthly_quantity == pytest.approx(10)
    assert inventory.monthly_cost_after == pytest.approx(10 * INVENTORY_1M)  # 0.025
    analytics = costs["aws_s3_bucket_analytics_configuration.entire_bucket"]
    assert analytics.monthly_cost_after == pytest.approx(10 * ANALYTICS_1M)  # 1.00


@pytest.mark.parametrize(
    ("body", "free"),
    [
        ('{"Resources":{"B":{"Type":"AWS::S3::Bucket"}}}', True),
        ("Resources:\n  S:\n    Type: Alexa::ASK::Skill\n", True),
        ("Resources:\n  M:\n    Type: MyOrg::Billing::Module::MODULE\n", False),
        (
            '{"Resources":{"B":{"Type":"AWS::S3::Bucket"},"M":{"Type":"Datadog::Monitors::Monitor"}}}',
            False,
        ),
        (None, False),
    ],
)
def test_free_namespaces(body: str | None, free: bool) -> None:
    assert only_free_resource_types(body) is free
