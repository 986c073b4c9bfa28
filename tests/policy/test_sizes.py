"""instance_size: size ordering, families, previous generations, every resource type that
names an instance type, unknown types, and the environment chain."""

from __future__ import annotations

from typing import Any

import pytest

from finops_gate.cost.prices import PriceTable
from finops_gate.errors import PolicyError
from finops_gate.plan import load_plan
from finops_gate.policy.loader import parse_policy
from finops_gate.policy.sizes import (
    InstanceType,
    asks_for_instance_type,
    family_of,
    instance_types,
    is_previous_generation,
    size_of,
    size_rank,
)
from tests.conftest import ROOT
from tests.policy.helpers import by_address, result_for


def test_size_order() -> None:
    sizes = [
        "nano",
        "micro",
        "small",
        "medium",
        "large",
        "xlarge",
        "xlplus",
        "2xlarge",
        "3xlarge",
        "12xlarge",
        "48xlarge",
        "metal",
        "metal-24xl",
    ]
    ranks = [size_rank(s) for s in sizes]
    assert all(r is not None for r in ranks)
    assert ranks == sorted(ranks)  # type: ignore[type-var]
    assert size_rank("metal") == size_rank("metal-48xl")
    assert size_rank("bogus") is None


@pytest.mark.parametrize(
    ("value", "family", "size"),
    [
        ("m5.large", "m5", "large"),
        ("db.r5.4xlarge", "r5", "4xlarge"),
        ("cache.t4g.micro", "t4g", "micro"),
        ("r6g.4xlarge.search", "r6g", "4xlarge"),
        ("m5.large.elasticsearch", "m5", "large"),
        ("kafka.m5.2xlarge", "m5", "2xlarge"),
        ("m7i-flex.large", "m7i-flex", "large"),
        ("m7i.metal-24xl", "m7i", "metal-24xl"),
    ],
)
def test_family_and_size(value: str, family: str, size: str) -> None:
    assert (family_of(value), size_of(value)) == (family, size)


def test_previous_generation_data() -> None:
    assert is_previous_generation("m3.large", "ec2")
    assert is_previous_generation("t1.micro", "ec2")
    assert not is_previous_generation("m5.large", "ec2")
    assert is_previous_generation("db.t2.small", "rds")  # RDS lists t2 as previous
    assert not is_previous_generation("t2.small", "ec2")  # EC2 does not
    assert is_previous_generation("cache.m3.medium", "elasticache")


ALL_TYPES = """
policies:
  - id: sizes
    kind: instance_size
    environments:
      dev: {max_size: xlarge, no_previous_generation: true}
"""


def test_every_resource_type_in_dev(prices: PriceTable) -> None:
    # asg_and_sizes: everything tagged Environment = "dev" (ASG through its tag blocks).
    found = by_address(result_for(ALL_TYPES, "asg_and_sizes", prices).findings)
    assert found == {
        "aws_autoscaling_group.workers": [
            (
                "error",
                'mixed_instances_policy.launch_template.override.instance_type "m5.2xlarge" is larger than xlarge in dev',
            )
        ],
        "aws_eks_node_group.dev": [
            ("error", 'instance_types "m5.metal" is larger than xlarge in dev')
        ],
        "aws_elasticache_cluster.cache": [
            ("error", 'node_type "cache.m3.medium" is a previous-generation family ("m3") in dev')
        ],
        "aws_launch_template.volume_only": [
            ("error", 'instance_type "m3.large" is a previous-generation family ("m3") in dev')
        ],
        # instance_type = <launch template id> == "" ? "m5.24xlarge" : "t3.micro"
        "aws_instance.unknown_size": [("warning", "instance_type is unknown until apply in dev")],
        "aws_msk_cluster.events": [
            (
                "error",
                'broker_node_group_info.instance_type "kafka.m5.4xlarge" is larger than xlarge in dev',
            )
        ],
        "aws_opensearch_domain.search": [
            (
                "error",
                'cluster_config.instance_type "r6g.4xlarge.search" is larger than xlarge in dev',
            )
        ],
        "aws_rds_cluster_instance.reader": [
            ("error", 'instance_class "db.r4.large" is a previous-generation family ("r4") in dev')
        ],
        "aws_redshift_cluster.warehouse": [
            ("error", 'node_type "ra3.xlplus" is larger than xlarge in dev')
        ],
    }
    # aws_launch_configuration.legacy (c4.8xlarge) has no tags, so no environment, and
    # the policy has no `default` entry: not checked.


def test_families_allow_and_default_entry(prices: PriceTable) -> None:
    policy = """
policies:
  - id: sizes
    kind: instance_size
    environments:
      dev: {families: [m5, t3]}
      default: {allow: ["c5.*"]}
"""
    found = by_address(result_for(policy, "asg_and_sizes", prices).findings)
    assert found["aws_launch_template.volume_only"] == [
        ("error", 'instance_type "m3.large" is not in an allowed family (m5, t3) in dev')
    ]
    assert found["aws_launch_configuration.legacy"] == [
        (
            "error",
            'instance_type "c4.8xlarge" is not allowed (allowed: "c5.*") in an unknown environment',
        )
    ]


def test_environment_from_module_address_variable_and_option(prices: PriceTable) -> None:
    policy = r"""
environment:
  variable: environment
  module_patterns: ['^module\.(dev|prod)$']
policies:
  - id: sizes
    kind: instance_size
    environments:
      dev: {max_size: xlarge}
      staging: {max_size: medium}
      prod: {deny: ["*.4xlarge"]}
"""
    # environments: module.dev (m5.2xlarge), module.prod (m5.4xlarge), aws_instance.shared
    # (t3.medium, no Environment tag, var.environment = "staging"), aws_instance.legacy
    # (m5.large, Environment = "Development", an alias of dev).
    found = by_address(result_for(policy, "environments", prices).findings)
    assert found == {
        "module.dev.aws_instance.this": [
            ("error", 'instance_type "m5.2xlarge" is larger than xlarge in dev')
        ],
        "module.prod.aws_instance.this": [
            ("error", 'instance_type "m5.4xlarge" is denied (matches "*.4xlarge") in prod')
        ],
    }
    # --environment replaces the plan variable: shared (t3.medium) is now in "test" with
    # no rule and no default entry.
    as_option = result_for(
        policy.replace("medium}", "micro}"), "environments", prices, environment="staging"
    )
    assert by_address(as_option.findings)["aws_instance.shared"] == [
        ("error", 'instance_type "t3.medium" is larger than micro in staging')
    ]
    # The order is configurable: variable first names everything staging.
    variable_first = policy.replace(
        "variable: environment", "variable: environment\n  order: [variable, tag]"
    )
    found = by_address(result_for(variable_first, "environments", prices).findings)
    assert set(found) == {
        "module.dev.aws_instance.this",
        "module.prod.aws_instance.this",
        "aws_instance.legacy",
    }
    assert found["aws_instance.legacy"] == [
        ("error", 'instance_type "m5.large" is larger than medium in staging')
    ]


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        ("skip", {}),
        ("use-default", {"aws_launch_configuration.legacy": "error"}),
        (
            "warn",
            {
                "aws_launch_configuration.legacy": "error",
                "aws_autoscaling_group.untagged": "warning",
            },
        ),
        (
            "fail",
            {"aws_launch_configuration.legacy": "error", "aws_autoscaling_group.untagged": "error"},
        ),
    ],
)
def test_unknown_environment_handling(
    prices: PriceTable, action: str, expected: dict[str, str]
) -> None:
    policy = f"""
environment:
  unknown: {{action: {action}}}
policies:
  - id: sizes
    kind: instance_size
    environments:
      default: {{deny: ["c4.*"]}}
"""
    result = result_for(policy, "asg_and_sizes", prices)
    found = {f.address: f.severity for f in result.findings}
    # aws_instance.unknown_size is in dev, which has no entry: the default entry applies,
    # and its instance type is unknown until apply (a warning).
    assert found == {**expected, "aws_instance.unknown_size": "warning"}
    unknown = [f for f in result.findings if f.policy_id == "environment-unknown"]
    for finding in unknown:
        assert finding.message.startswith("no environment found")


def test_unknown_environment_assume(prices: PriceTable) -> None:
    policy = """
environment:
  unknown: {assume: development}
policies:
  - id: sizes
    kind: instance_size
    environments:
      dev: {deny: ["c4.*"]}
"""
    found = by_address(result_for(policy, "asg_and_sizes", prices).findings)
    assert found["aws_launch_configuration.legacy"] == [
        ("error", 'instance_type "c4.8xlarge" is denied (matches "c4.*") in an unknown environment')
    ]


def test_max_size_validation() -> None:
    text = "policies:\n  - {id: s, kind: instance_size, environments: {dev: {max_size: huge}}}\n"
    with pytest.raises(PolicyError, match=r"environments.dev.max_size: unknown size 'huge'"):
        parse_policy(text, "p.yml")
    ok = text.replace("huge", "8xlarge")
    assert parse_policy(ok, "p.yml").policies


def test_unknown_instance_type_follows_on_unknown(prices: PriceTable) -> None:
    failing = ALL_TYPES.replace("kind: instance_size", "kind: instance_size\n    on_unknown: fail")
    found = by_address(result_for(failing, "asg_and_sizes", prices).findings)
    assert found["aws_instance.unknown_size"] == [
        ("error", "instance_type is unknown until apply in dev")
    ]
    passing = ALL_TYPES.replace("kind: instance_size", "kind: instance_size\n    on_unknown: pass")
    assert "aws_instance.unknown_size" not in by_address(
        result_for(passing, "asg_and_sizes", prices).findings
    )
    # The unset, provider-computed mixed_instances_policy of aws_autoscaling_group.untagged
    # is not an unknown instance type.
    assert "aws_autoscaling_group.untagged" not in by_address(
        result_for(failing, "asg_and_sizes", prices).findings
    )


def test_asking_for_an_instance_type_agrees_with_listing_them() -> None:
    """The quick answer is the listing's, on every resource of the terraform fixtures and
    on values a plan may hold: unknown, empty, in a list, nested, computed and unset."""
    resources = [
        resource
        for path in sorted((ROOT / "tests" / "fixtures" / "terraform").glob("*/plan.json"))
        for resource in load_plan(str(path)).resources
    ]
    asked = [
        r
        for r in resources
        if asks_for_instance_type(r.type, r.current, r.after_unknown, r.config_expressions)
    ]
    listed = [
        r
        for r in resources
        if instance_types(r.type, r.current, r.after_unknown, r.config_expressions)
    ]
    assert asked == listed
    assert any(r.type == "aws_instance" for r in asked)
    cases: list[tuple[str, dict[str, Any], dict[str, Any], dict[str, Any] | None]] = [
        ("aws_instance", {"instance_type": "m5.large"}, {}, None),
        ("aws_instance", {"instance_type": ""}, {}, None),
        ("aws_instance", {}, {}, None),
        ("aws_instance", {"instance_type": None}, {"instance_type": True}, None),
        ("aws_instance", {"instance_type": None}, {"instance_type": True}, {"ami": {}}),
        ("aws_instance", {"instance_type": None}, {"instance_type": True}, {"instance_type": {}}),
        ("aws_eks_node_group", {"instance_types": ["t3.large"]}, {}, None),
        ("aws_eks_node_group", {"instance_types": []}, {}, None),
        (
            "aws_opensearch_domain",
            {"cluster_config": [{"warm_type": "ultrawarm1.medium"}]},
            {},
            None,
        ),
        ("aws_opensearch_domain", {"cluster_config": [{}]}, {}, None),
        ("aws_vpc", {"instance_type": "m5.large"}, {}, None),
    ]
    for resource_type, values, unknown, configured in cases:
        expected = bool(instance_types(resource_type, values, unknown, configured))
        assert asks_for_instance_type(resource_type, values, unknown, configured) == expected


def test_instance_types_of_top_level_and_nested_attributes() -> None:
    ec2 = "ec2"
    assert instance_types("aws_instance", {"instance_type": "m5.large"}, {}) == [
        InstanceType("instance_type", "m5.large", ec2)
    ]
    assert instance_types("aws_instance", {"instance_type": ""}, {}) == []
    assert instance_types("aws_instance", {"instance_type": None}, {"instance_type": True}) == [
        InstanceType("instance_type", None, ec2)
    ]
    # unknown only because the provider computes it: nobody asked for a type
    computed = ({"instance_type": None}, {"instance_type": True}, {"ami": {}})
    assert instance_types("aws_instance", *computed) == []
    assert instance_types(
        "aws_eks_node_group", {"instance_types": ["t3.large", "t3a.large"]}, {}
    ) == [
        InstanceType("instance_types", "t3.large", ec2),
        InstanceType("instance_types", "t3a.large", ec2),
    ]
    domain = {"cluster_config": [{"instance_type": "r6g.large.search", "warm_type": None}]}
    marks = {"cluster_config": [{"warm_type": True}]}
    assert instance_types("aws_opensearch_domain", domain, marks) == [
        InstanceType("cluster_config.instance_type", "r6g.large.search", "opensearch"),
        InstanceType("cluster_config.warm_type", None, "opensearch"),
    ]
