"""Infracost usage keys, each family with a cost worked by hand from published prices."""

from __future__ import annotations

import pytest

from finops_gate.cost.engine import estimate_plan
from finops_gate.cost.model import ResourceCost
from finops_gate.cost.prices import PriceTable
from finops_gate.cost.usage import parse_usage
from finops_gate.plan import load_plan
from tests.conftest import fixture_plan_path

SQS_STANDARD_1M = 0.40  # us-east-1, AWS SQS pricing page (and Infracost's golden)
SNS_1M = 0.50  # us-east-1, AWS SNS pricing page: $0.50 per 1M requests


def costs(
    case: str, prices: PriceTable, resource_usage: dict[str, object]
) -> dict[str, ResourceCost]:
    usage = parse_usage({"version": 0.1, "resource_usage": resource_usage}, "u.yml")
    assert usage.warnings == ()
    plan = load_plan(str(fixture_plan_path(case)))
    return {c.resource.address: c for c in estimate_plan(plan, prices, usage).resources}


def test_request_size_kb_counts_64_kb_chunks(prices: PriceTable) -> None:
    # Infracost's sqs_queue_test: 1M requests of 128 KB are billed as 2M requests.
    result = costs(
        "services_us_east_1",
        prices,
        {"aws_sqs_queue.jobs": {"monthly_requests": 1_000_000, "request_size_kb": 128}},
    )
    queue = result["aws_sqs_queue.jobs"]
    assert queue.components[0].monthly_quantity == pytest.approx(2.0)
    assert queue.monthly_cost_after == pytest.approx(2 * SQS_STANDARD_1M)  # $0.80
    older = costs(
        "services_us_east_1",
        prices,
        {"aws_sqs_queue.jobs": {"monthly_requests": 1_000_000, "request_size": 129}},
    )
    assert older["aws_sqs_queue.jobs"].monthly_cost_after == pytest.approx(3 * SQS_STANDARD_1M)
