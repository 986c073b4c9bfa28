"""required_tags on terraform plans: taggable types, ASG tag blocks, launch templates,
case sensitivity, unknown values, and which actions are checked."""

from __future__ import annotations

import json
from collections import Counter

from finops_gate.cost.prices import PriceTable
from finops_gate.plan import load_plan
from finops_gate.plan.resource import Resource
from finops_gate.policy.kinds import POLICY_KINDS
from finops_gate.policy.loader import parse_policy
from finops_gate.policy.model import RequiredTagsPolicy
from finops_gate.policy.required_tags import ASG, LAUNCH_TEMPLATE, check, taggable_types
from tests.conftest import ROOT
from tests.policy.helpers import by_address, result_for

TAGS = """
policies:
  - id: tags
    kind: required_tags
    tags: {Team: {}, Environment: {}}
"""


def test_taggable_list_is_generated_from_the_provider_schema() -> None:
    data = json.loads((ROOT / "finops_gate" / "policy" / "taggable_aws.json").read_text())
    assert data["provider"] == "registry.terraform.io/hashicorp/aws"
    assert data["version"] == "5.100.0"
    assert data["generated_by"] == "scripts/build_taggable.py"
    taggable, excluded = taggable_types()
    assert {"aws_instance", "aws_launch_template", "aws_eks_node_group"} <= taggable
    # No `tags` attribute in the schema: not taggable.
    assert (
        not {"aws_iam_role_policy", "aws_autoscaling_group", "aws_launch_configuration"} & taggable
    )
    # `tags` is a selector of instances to inspect, not the group's own tags.
    assert "aws_inspector_resource_group" in excluded
    assert data["taggable"] == sorted(data["taggable"])


def test_asg_tag_blocks_must_propagate(prices: PriceTable) -> None:
    policy = TAGS.replace("Environment: {}", "Environment: {}, Project: {}")
    found = by_address(result_for(policy, "asg_and_sizes", prices).findings)
    # Team and Environment propagate at launch; Project has propagate_at_launch = false.
    assert found["aws_autoscaling_group.workers"] == [("error", 'missing required tag "Project"')]
    # No tag blocks at all; provider default_tags (Team) do not reach ASG instances.
    assert found["aws_autoscaling_group.untagged"] == [
        ("error", 'missing required tags "Team", "Environment", "Project"')
    ]
    lenient = policy.replace(
        "tags: {", "instance_tags: {asg_require_propagate_at_launch: false}\n    tags: {"
    )
    found = by_address(result_for(lenient, "asg_and_sizes", prices).findings)
    assert "aws_autoscaling_group.workers" not in found


def test_launch_template_instance_tag_specifications(prices: PriceTable) -> None:
    found = by_address(result_for(TAGS, "asg_and_sizes", prices).findings)
    # Its own tags (Environment + default_tags Team) and its instance tag_specifications
    # (Team, Environment) are complete.
    assert "aws_launch_template.tagged" not in found
    # Only a volume tag specification: a warning, not a failure (an ASG may propagate).
    assert found["aws_launch_template.volume_only"] == [
        (
            "warning",
            "no tag_specifications for instances: instances launched from this template get "
            "no tags unless the group that uses it propagates them",
        )
    ]
    policy = TAGS.replace("Environment: {}", "Environment: {}, Project: {}")
    found = by_address(result_for(policy, "asg_and_sizes", prices).findings)
    assert found["aws_launch_template.tagged"] == [
        ("error", 'missing required tag "Project"'),
        ("error", 'missing required tag "Project" in tag_specifications for instances'),
    ]
    off = TAGS.replace("tags: {", "instance_tags: {launch_template: false}\n    tags: {")
    assert "aws_launch_template.volume_only" not in by_address(
        result_for(off, "asg_and_sizes", prices).findings
    )


def test_non_taggable_types_are_not_flagged(prices: PriceTable) -> None:
    found = by_address(result_for(TAGS, "asg_and_sizes", prices).findings)
    assert "aws_launch_configuration.legacy" not in found  # no tags in its schema
    found = by_address(result_for(TAGS, "tags_and_sizes", prices).findings)
    assert "aws_iam_role_policy.app" not in found


def test_default_tags_supply_a_required_tag(prices: PriceTable) -> None:
    # tags_and_sizes: default_tags Team = "payments" on the provider, never in `tags`.
    found = by_address(result_for(TAGS, "tags_and_sizes", prices).findings)
    assert "aws_instance.prod_ok" not in found
    assert found["aws_instance.missing_tags"] == [("error", 'missing required tag "Environment"')]


def test_module_nested_resources(prices: PriceTable) -> None:
    # modules: module.web[*] tags come from merge(local.tags, var.tags) with Environment,
    # plus the default provider's default_tags; module.workers uses aws.eu (no default_tags).
    found = by_address(result_for(TAGS, "modules", prices).findings)
    assert "module.web[0].aws_instance.this" not in found
    assert "module.web[1].module.disk.aws_ebs_volume.this" not in found
    assert found['module.workers["small"].aws_instance.this'] == [
        ("error", 'missing required tags "Team", "Environment"')
    ]


def test_unknown_tags_follow_on_unknown(prices: PriceTable) -> None:
    message = 'cannot check "Environment": tags are unknown until apply'
    default = by_address(result_for(TAGS, "tags_and_sizes", prices).findings)
    # aws_instance.unknown_tag: its own tags map is unknown until apply; Team comes from
    # default_tags, so only Environment cannot be checked: a warning, never a failure.
    assert default["aws_instance.unknown_tag"] == [("warning", message)]
    passing = TAGS.replace("tags: {", "on_unknown: pass\n    tags: {")
    assert "aws_instance.unknown_tag" not in by_address(
        result_for(passing, "tags_and_sizes", prices).findings
    )
    failing = TAGS.replace("tags: {", "on_unknown: fail\n    tags: {")
    assert by_address(result_for(failing, "tags_and_sizes", prices).findings)[
        "aws_instance.unknown_tag"
    ] == [("error", message)]


def test_case_sensitivity(prices: PriceTable) -> None:
    policy = """
policies:
  - id: tags
    kind: required_tags
    tags:
      environment: {allowed: [dev, staging, prod]}
"""
    strict = by_address(result_for(policy, "environments", prices).findings)
    assert strict["aws_instance.legacy"] == [("error", 'missing required tag "environment"')]
    relaxed = policy.replace("tags:\n", "case_sensitive: false\n    tags:\n")
    found = by_address(result_for(relaxed, "environments", prices).findings)
    # Environment = "Development" is found under `environment` but is not dev/staging/prod.
    assert found["aws_instance.legacy"] == [
        ("error", 'tag "environment" = "Development" is not one of: dev, staging, prod')
    ]
    pattern = relaxed.replace("{allowed: [dev, staging, prod]}", '{pattern: "dev.*"}')
    assert "aws_instance.legacy" not in by_address(
        result_for(pattern, "environments", prices).findings
    )


def test_actions_and_all_resources(prices: PriceTable) -> None:
    # lifecycle: aws_instance.new (create), aws_instance.resize (update),
    # aws_ebs_volume.old_data (delete), aws_nat_gateway.main (no-op).
    found = by_address(result_for(TAGS, "lifecycle", prices).findings)
    assert "aws_instance.new" in found and "aws_instance.resize" in found
    assert "aws_ebs_volume.old_data" not in found and "aws_nat_gateway.main" not in found
    created_only = TAGS.replace("tags: {", "actions: [create]\n    tags: {")
    found = by_address(result_for(created_only, "lifecycle", prices).findings)
    assert "aws_instance.new" in found and "aws_instance.resize" not in found
    everything = by_address(result_for(TAGS, "lifecycle", prices, all_resources=True).findings)
    assert "aws_nat_gateway.main" in everything  # unchanged, checked with --all-resources
    assert "aws_ebs_volume.old_data" not in everything  # deletes never


def _fixture_resources() -> list[Resource]:
    resources: list[Resource] = []
    for path in sorted((ROOT / "tests" / "fixtures" / "terraform").glob("*/plan.json")):
        resources += load_plan(str(path)).resources
    return resources


def test_each_distinct_tag_set_is_checked_once_with_the_same_findings() -> None:
    """The problems of a tag set are worked out once per check and shared by the
    resources that carry it: over every terraform fixture (launch templates and
    autoscaling groups among resources with the same tags), checking them together finds
    what checking each one alone finds."""
    resources = _fixture_resources()
    tag_sets = Counter((r.tags_known, tuple(r.tags.items())) for r in resources)
    shared = {key for key, count in tag_sets.items() if count > 1}
    # The memo is exercised: launch templates (whose own problems are added to the shared
    # ones) and other types share tag sets, and some tags are unknown until apply.
    assert any(
        r.type == LAUNCH_TEMPLATE and (r.tags_known, tuple(r.tags.items())) in shared
        for r in resources
    )
    assert any(r.type == ASG for r in resources)
    assert not all(r.tags_known for r in resources)
    policies = parse_policy(
        """
policies:
  - id: exact
    kind: required_tags
    tags: {Team: {}, Environment: {allowed: [dev, staging, prod]}}
  - id: folded
    kind: required_tags
    enforcement: advisory
    case_sensitive: false
    on_unknown: fail
    tags: {team: {pattern: "p.*"}, environment: {}}
""",
        "p.yml",
    ).policies
    kind = POLICY_KINDS["required_tags"]
    for policy in policies:
        assert isinstance(policy, RequiredTagsPolicy)
        applicable = [r for r in resources if kind.applies(policy, r)]
        alone = [finding for r in applicable for finding in check(policy, [r])]
        together = check(policy, applicable + applicable)
        assert together == alone + alone, policy.id
        assert len({f.address for f in alone}) > 100
