"""The plan reader on plans terraform produced (tests/fixtures/terraform)."""

from __future__ import annotations

from finops_gate.plan import Action, Plan, load_plan
from tests.conftest import fixture_plan_path


def by_address(plan: Plan) -> dict[str, object]:
    return {resource.address: resource for resource in plan.resources}


def test_lifecycle_actions_from_a_hand_written_state() -> None:
    plan = load_plan(str(fixture_plan_path("lifecycle")))
    actions = {r.address: (r.actions, r.action) for r in plan.resources}
    assert actions["aws_instance.resize"] == (("update",), Action.UPDATE)
    assert actions["aws_instance.reimage"] == (("delete", "create"), Action.REPLACE)
    assert actions["aws_instance.reimage_cbd"] == (("create", "delete"), Action.REPLACE)
    assert actions["aws_ebs_volume.old_data"] == (("delete",), Action.DELETE)
    assert actions["aws_nat_gateway.main"] == (("no-op",), Action.NO_OP)
    assert actions["aws_instance.new"] == (("create",), Action.CREATE)
    moved = next(r for r in plan.resources if r.address == "aws_instance.api")
    assert moved.previous_address == "aws_instance.legacy_name"
    deleted = next(r for r in plan.resources if r.address == "aws_ebs_volume.old_data")
    assert deleted.after is None and deleted.before is not None


def test_regions_follow_aliases_through_module_calls() -> None:
    plan = load_plan(str(fixture_plan_path("modules")))
    regions = {r.address: r.region for r in plan.resources}
    assert regions["aws_instance.eu_bastion"] == "eu-west-1"  # provider = aws.eu
    assert regions['module.workers["small"].aws_instance.this'] == "eu-west-1"  # providers map
    assert regions["module.web[0].aws_instance.this"] == "us-east-1"
    assert regions["module.web[1].module.disk.aws_ebs_volume.this"] == "us-east-1"
    assert not plan.notes


def test_region_from_a_variable() -> None:
    plan = load_plan(str(fixture_plan_path("priced_eu_west_1")))
    assert {r.region for r in plan.resources} == {"eu-west-1"}
    assert {r.region_source for r in plan.resources} == {"provider"}


def test_default_tags_reach_tags_and_not_untaggable_types() -> None:
    plan = load_plan(str(fixture_plan_path("tags_and_sizes")))
    resources = {r.address: r for r in plan.resources}
    assert resources["aws_instance.missing_tags"].tags == {"Team": "payments"}
    assert resources["aws_instance.prod_ok"].tags["Environment"] == "production"
    assert resources["aws_iam_role_policy.app"].tags == {}
    unknown = resources["aws_instance.unknown_tag"]
    assert unknown.tags_known is False
    assert unknown.tags.get("Team") == "payments"


def test_data_sources_are_not_records(tmp_path) -> None:
    plan_json = (
        '{"format_version": "1.2", "resource_changes": ['
        '{"address": "data.aws_ami.x", "mode": "data", "type": "aws_ami", "name": "x",'
        ' "provider_name": "registry.terraform.io/hashicorp/aws", "change": {"actions": ["read"]}},'
        '{"address": "aws_eip.x", "mode": "managed", "type": "aws_eip", "name": "x",'
        ' "provider_name": "registry.opentofu.org/hashicorp/aws",'
        ' "change": {"actions": ["create"], "before": null, "after": {}}}]}'
    )
    path = tmp_path / "plan.json"
    path.write_text(plan_json)
    plan = load_plan(str(path))
    assert [r.address for r in plan.resources] == ["aws_eip.x"]
    resource = plan.resources[0]
    assert resource.provider == "aws"
    assert resource.region == "us-east-1" and resource.region_source == "fallback"
    assert plan.notes and "us-east-1" in plan.notes[0]


def test_a_plan_without_resource_changes_has_no_changes(tmp_path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.0", "planned_values": {"root_module": {}}}')
    plan = load_plan(str(path))
    assert plan.resources == () and not plan.incomplete


def test_errored_and_incomplete_plans_are_read_and_flagged(tmp_path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"format_version": "1.2", "errored": true, "resource_changes": []}')
    assert load_plan(str(path)).incomplete
    path.write_text('{"format_version": "1.2", "complete": false, "resource_changes": []}')
    assert load_plan(str(path)).incomplete
