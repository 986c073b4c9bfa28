from __future__ import annotations

import pytest

from finops_gate.plan.providers import config_address, provider_type


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("registry.terraform.io/hashicorp/aws", "aws"),
        ("registry.opentofu.org/hashicorp/aws", "aws"),
        ("hashicorp/aws", "aws"),
        ("aws", "aws"),
        ("aws.primary", "aws"),  # Terraform 0.12 wrote the alias into provider_name
        ("registry.terraform.io/hashicorp/google-beta", "google-beta"),
    ],
)
def test_provider_type(name: str, expected: str) -> None:
    assert provider_type(name) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("aws_instance.web[2]", "aws_instance.web"),
        ('module.a[0].module.b["x"].aws_instance.web', "module.a.module.b.aws_instance.web"),
        ('aws_instance.web["a]b"]', "aws_instance.web"),
        ('aws_instance.web["q\\"]"]', "aws_instance.web"),
    ],
)
def test_config_address_drops_instance_keys(address: str, expected: str) -> None:
    assert config_address(address) == expected
