from __future__ import annotations

import msgspec
import pytest

from finops_gate.plan.plan_json import Configuration
from finops_gate.plan.providers import ProviderResolver, config_address, provider_type


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


def _config_address_one_character_at_a_time(address: str) -> str:
    """The definition config_address must keep: instance keys dropped, where a `]` inside
    a quoted string (with backslash escapes) does not close a key."""
    parts: list[str] = []
    in_index = in_string = escaped = False
    for char in address:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif in_index:
            if char == '"':
                in_string = True
            elif char == "]":
                in_index = False
        elif char == "[":
            in_index = True
        else:
            parts.append(char)
    return "".join(parts)


def test_config_address_agrees_with_its_definition_on_every_short_address() -> None:
    alphabet = 'a.[]"\\'
    addresses = [""]
    for _ in range(6):
        addresses = [a + c for a in addresses for c in alphabet]
        for address in addresses:
            assert config_address(address) == _config_address_one_character_at_a_time(address), (
                address
            )


@pytest.mark.parametrize(
    "address",
    [
        'module.a["x].y"].aws_instance.web',  # unclosed key
        'aws_instance.web["a\\',  # backslash at the very end
        'module.a["k\\"]x"].b[1].aws_instance.c["d"]',
    ],
)
def test_config_address_edge_cases(address: str) -> None:
    assert config_address(address) == _config_address_one_character_at_a_time(address)


def test_config_address_returns_an_address_without_keys_as_it_is() -> None:
    address = "module.network.aws_nat_gateway.main"
    assert config_address(address) is address


def test_of_resource_answers_config_key_and_expressions_of_an_instance() -> None:
    configuration = msgspec.convert(
        {
            "provider_config": {"module.app:aws": {"name": "aws"}},
            "root_module": {
                "module_calls": {
                    "app": {
                        "module": {
                            "resources": [
                                {
                                    "address": "aws_instance.web",
                                    "provider_config_key": "module.app:aws",
                                    "expressions": {"ami": {"constant_value": "ami-1"}},
                                }
                            ]
                        }
                    }
                }
            },
        },
        Configuration,
    )
    resolver = ProviderResolver(configuration, {})
    address = 'module.app["x"].aws_instance.web[3]'
    key, expressions = resolver.of_resource(address, "aws")
    assert key == "module.app:aws" == resolver.config_key(address, "aws")
    assert expressions == {"ami": {"constant_value": "ami-1"}} == resolver.expressions(address)
    assert resolver.of_resource("aws_s3_bucket.logs", "aws") == ("aws", {})


def test_resources_of_every_module_level_are_found() -> None:
    def resource(address: str, key: str | None) -> dict[str, object]:
        return {"address": address, "provider_config_key": key, "expressions": {"n": address}}

    configuration = msgspec.convert(
        {
            "root_module": {
                "resources": [resource("aws_vpc.main", "aws")],
                "module_calls": {
                    "a": {
                        "module": {
                            "resources": [resource("aws_instance.web", None)],
                            "module_calls": {
                                "b": {"module": {"resources": [resource("aws_eip.ip", "b:aws")]}}
                            },
                        }
                    }
                },
            },
        },
        Configuration,
    )
    resolver = ProviderResolver(configuration, {})
    assert resolver.of_resource("aws_vpc.main", "aws") == ("aws", {"n": "aws_vpc.main"})
    assert resolver.of_resource('module.a["k"].aws_instance.web[0]', "aws") == (
        "aws",
        {"n": "aws_instance.web"},
    )
    assert resolver.of_resource("module.a[1].module.b.aws_eip.ip", "aws") == (
        "b:aws",
        {"n": "aws_eip.ip"},
    )
