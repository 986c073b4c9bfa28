"""Which strings name a region (finops_gate.plan.region_evidence)."""

from __future__ import annotations

import pytest

from finops_gate.plan.region_evidence import (
    Tally,
    data_source_region,
    region_named_by,
    regions_in,
)


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("availability_zone", "eu-west-1a", "eu-west-1"),
        ("availability_zones", "us-gov-west-1b", "us-gov-west-1"),
        ("preferred_availability_zones", "cn-northwest-1c", "cn-northwest-1"),
        ("availability_zone", "us-east-1-bos-1a", "us-east-1"),  # a Local Zone
        ("availability_zone", "eusc-de-east-1a", "eusc-de-east-1"),
        ("availability_zone", "xx-east-9a", None),  # not a region
        ("availability_zone", "use1-az1", None),  # a zone id, not a name
        ("subnet", "eu-west-1a", None),  # a zone name only counts under a zone attribute
        ("arn", "arn:aws:rds:ap-south-1:123456789012:db:main", "ap-south-1"),
        ("kms_key_id", "arn:aws-us-gov:kms:us-gov-east-1:123456789012:key/x", "us-gov-east-1"),
        ("role", "arn:aws-cn:iam::123456789012:role/x", None),  # global: no region
        ("bucket_arn", "arn:aws:s3:::bucket", None),
        ("target", "arn:aws:lambda:moon-east-1:1:function:f", None),
        ("service_name", "com.amazonaws.eu-central-1.s3", "eu-central-1"),
        ("service_name", "com.amazonaws.vpce.sa-east-1.vpce-svc-0123", "sa-east-1"),
        ("region", "ap-northeast-3", "ap-northeast-3"),  # provider 6.x resources
        ("region", "somewhere", None),
        ("Name", "eu-west-1", None),  # a tag value that happens to be a region code
    ],
)
def test_region_named_by(key: str, value: str, expected: str | None) -> None:
    assert region_named_by(key, value) == expected


def test_regions_in_nested_values_keeps_the_first_example() -> None:
    values = {
        "availability_zones": ["eu-west-1a", "eu-west-1b"],
        "tags": {"Name": "us-east-1a"},
        "target": [{"arn": "arn:aws:sqs:eu-west-1:1:q"}, {"arn": "arn:aws:sqs:us-west-2:1:q"}],
    }
    assert regions_in(values) == {
        "eu-west-1": "availability_zones = eu-west-1a",
        "us-west-2": "arn = arn:aws:sqs:us-west-2:1:q",
    }
    assert regions_in(None) == {}


def test_a_tally_takes_the_most_votes_and_refuses_a_tie() -> None:
    tally = Tally()
    for region in ("eu-west-1", "eu-west-1", "us-east-2"):
        tally.add(region, f"x in {region}")
    decision = tally.decide("resource")
    assert (decision.region, decision.votes, decision.example) == ("eu-west-1", 2, "x in eu-west-1")
    assert decision.disagreement == "eu-west-1 (2 resources), us-east-2 (1 resource)"
    tally.add("us-east-2", "y")
    tied = tally.decide("resource")
    assert tied.region is None and tied.tied
    assert Tally().decide("resource").region is None


@pytest.mark.parametrize(
    ("data_type", "values", "expected"),
    [
        ("aws_region", {"name": "eu-west-1", "id": "eu-west-1"}, "eu-west-1"),
        ("aws_region", {"region": "eu-south-2", "name": "eu-south-2"}, "eu-south-2"),  # 6.x
        ("aws_region", {"description": ""}, None),
        ("aws_availability_zones", {"names": ["us-east-1a", "us-east-1b"]}, "us-east-1"),
        ("aws_availability_zones", {"names": ["us-east-1a", "us-west-2a"]}, None),
        ("aws_caller_identity", {"account_id": "1"}, None),
    ],
)
def test_data_source_region(
    data_type: str, values: dict[str, object], expected: str | None
) -> None:
    assert data_source_region(data_type, values) == expected
