"""Provider regions the plan does not record, found step by step (finops_gate.plan.region)
on the terraform-made plan of tests/fixtures/terraform/regions_from_locals."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from finops_gate.plan import Plan, load_plan
from finops_gate.plan.region import RegionOptions
from tests.conftest import FIXTURES

CASE = FIXTURES / "regions_from_locals"
PLAN = CASE / "plan.json"


def records(plan: Plan) -> dict[str, tuple[str, str]]:
    return {p.config_key: (p.region, p.region_source) for p in plan.providers}


def regions(plan: Plan) -> dict[str, tuple[str, str]]:
    return {r.address: (r.region, r.region_source) for r in plan.resources}


@pytest.fixture
def lone_plan(tmp_path: Path) -> Path:
    """The plan without its configuration next to it."""
    path = tmp_path / "plan.json"
    shutil.copyfile(PLAN, path)
    return path


def edited_plan(tmp_path: Path, edit: Any) -> Path:
    data = json.loads(PLAN.read_text())
    edit(data)
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data))
    return path


def test_every_step_of_the_plan_and_its_configuration() -> None:
    plan = load_plan(str(PLAN), RegionOptions(config_dir=str(CASE), config_dir_is_plans=True))
    assert records(plan) == {
        "aws": ("eu-west-1", "data-source"),
        "aws.ap": ("ap-southeast-2", "plan-evidence"),
        "aws.mixed": ("eu-central-1", "plan-evidence"),
        "aws.us": ("us-west-2", "configuration"),
        "module.own:aws": ("sa-east-1", "configuration"),
    }
    evidence = {p.config_key: p.evidence for p in plan.providers}
    assert evidence["aws"] == "data.aws_region.current in the plan"
    assert evidence["aws.ap"] == (
        "2 resources in the plan "
        "(module.replica.aws_ebs_volume.replica availability_zone = ap-southeast-2a)"
    )
    assert evidence["aws.us"] == "the provider block at main.tf:53, next to the plan"
    assert evidence["module.own:aws"] == (
        "the provider block at modules/own_provider/main.tf:15, next to the plan"
    )
    found = regions(plan)
    assert found["aws_instance.app"] == ("eu-west-1", "data-source")
    assert found["module.replica.aws_instance.replica"] == ("ap-southeast-2", "plan-evidence")
    assert found["aws_instance.batch"] == ("us-west-2", "configuration")
    assert found["module.own.aws_instance.this"] == ("sa-east-1", "configuration")
    # The minority zone's volume is priced where its provider is, with a note.
    assert found["aws_ebs_volume.mixed_c"] == ("eu-central-1", "plan-evidence")
    assert plan.notes == (
        "The values of the resources in the plan name different regions for provider "
        "aws.mixed: eu-central-1 (2 resources), us-west-2 (1 resource); priced in "
        "eu-central-1, the most named.",
    )


def test_an_explicit_config_dir_is_named_as_given() -> None:
    plan = load_plan(str(PLAN), RegionOptions(config_dir=str(CASE)))
    evidence = {p.config_key: p.evidence for p in plan.providers}
    assert evidence["aws.us"] == f"the provider block at {CASE / 'main.tf'}:53"


def test_environment_then_option_then_fallback(lone_plan: Path) -> None:
    both = {"AWS_REGION": "eu-north-1", "AWS_DEFAULT_REGION": "eu-south-1"}
    plan = load_plan(str(lone_plan), RegionOptions(environ=both, region="ca-central-1"))
    assert records(plan)["aws.us"] == ("eu-north-1", "environment")
    assert {p.config_key: p.evidence for p in plan.providers}["aws.us"] == "AWS_REGION"
    assert records(plan)["module.own:aws"] == ("eu-north-1", "environment")
    # Evidence in the plan still wins over the environment.
    assert records(plan)["aws"] == ("eu-west-1", "data-source")
    assert not any("No region found" in note for note in plan.notes)

    default_only = {"AWS_REGION": " ", "AWS_DEFAULT_REGION": "eu-south-1"}
    plan = load_plan(str(lone_plan), RegionOptions(environ=default_only, region="ca-central-1"))
    assert records(plan)["aws.us"] == ("eu-south-1", "environment")

    plan = load_plan(str(lone_plan), RegionOptions(region="ca-central-1"))
    assert records(plan)["aws.us"] == ("ca-central-1", "option")
    assert regions(plan)["aws_instance.batch"] == ("ca-central-1", "option")

    plan = load_plan(str(lone_plan), RegionOptions())
    assert records(plan)["aws.us"] == ("us-east-1", "fallback")
    assert regions(plan)["module.own.aws_instance.this"] == ("us-east-1", "fallback")
    assert plan.notes[-1] == (
        "No region found for providers aws.us (region = local.us_region, which the plan does "
        "not record), module.own:aws (region = var.region, which the plan does not record): "
        "2 AWS resource(s) priced in us-east-1. Pass --config-dir, set AWS_REGION or pass "
        "--region."
    )


def test_a_tie_is_not_evidence(tmp_path: Path) -> None:
    def drop_mixed_b(data: dict[str, Any]) -> None:
        data["resource_changes"] = [
            c for c in data["resource_changes"] if c["address"] != "aws_ebs_volume.mixed_b"
        ]

    path = edited_plan(tmp_path, drop_mixed_b)
    plan = load_plan(str(path), RegionOptions(config_dir=str(CASE)))
    assert records(plan)["aws.mixed"] == ("eu-central-1", "configuration")
    assert (
        "The values of the resources in the plan name different regions for provider "
        "aws.mixed with no majority: eu-central-1 (1 resource), us-west-2 (1 resource); "
        "not used."
    ) in plan.notes
    plan = load_plan(str(path), RegionOptions())
    assert records(plan)["aws.mixed"] == ("us-east-1", "fallback")


def test_a_data_source_given_a_region_is_not_the_providers(tmp_path: Path) -> None:
    def ask_for_a_region(data: dict[str, Any]) -> None:
        for resource in data["configuration"]["root_module"]["resources"]:
            if resource["address"] == "data.aws_region.current":
                resource["expressions"] = {"name": {"constant_value": "eu-west-1"}}

    plan = load_plan(str(edited_plan(tmp_path, ask_for_a_region)), RegionOptions())
    # The subnet's zone, the endpoint's service name and the volume's zone remain.
    assert records(plan)["aws"] == ("eu-west-1", "plan-evidence")
    assert {p.config_key: p.evidence for p in plan.providers}["aws"].startswith(
        "3 resources in the plan ("
    )


def test_evidence_is_read_from_the_prior_state(tmp_path: Path) -> None:
    """Data sources read during the plan are only in prior_state; without it the default
    provider falls back to the values of its resources."""

    def drop_prior_state(data: dict[str, Any]) -> None:
        del data["prior_state"]

    plan = load_plan(str(edited_plan(tmp_path, drop_prior_state)), RegionOptions())
    assert records(plan)["aws"] == ("eu-west-1", "plan-evidence")


def test_a_broken_configuration_is_a_note_not_an_error(lone_plan: Path) -> None:
    (lone_plan.parent / "main.tf").write_text('provider "aws" {\n  region = \n')
    plan = load_plan(str(lone_plan), RegionOptions(config_dir=str(lone_plan.parent)))
    assert records(plan)["aws.us"] == ("us-east-1", "fallback")
    assert any(
        note.startswith(f"Could not evaluate the provider blocks in {lone_plan.parent}")
        for note in plan.notes
    )


def test_an_unevaluable_region_in_the_configuration_is_named(lone_plan: Path) -> None:
    (lone_plan.parent / "main.tf").write_text(
        'data "aws_ssm_parameter" "r" {\n  name = "region"\n}\n'
        'provider "aws" {\n  alias  = "us"\n  region = data.aws_ssm_parameter.r.value\n}\n'
    )
    plan = load_plan(str(lone_plan), RegionOptions(config_dir=str(lone_plan.parent)))
    assert records(plan)["aws.us"] == ("us-east-1", "fallback")
    assert any(
        note.startswith("The region of provider aws.us (provider block at")
        and "data source data.aws_ssm_parameter.r is not read" in note
        for note in plan.notes
    )


def test_the_configuration_uses_the_plans_variables_and_workspace(tmp_path: Path) -> None:
    from finops_gate.plan.config_dir import provider_regions

    (tmp_path / "main.tf").write_text(
        'variable "region" {\n  default = "us-east-1"\n}\n'
        "locals {\n  region = var.region\n}\n"
        'provider "aws" {\n  region = local.region\n}\n'
        'provider "aws" {\n  alias  = "ws"\n'
        '  region = terraform.workspace == "prod" ? "eu-west-2" : "us-east-2"\n}\n'
    )
    (tmp_path / ".terraform").mkdir()
    (tmp_path / ".terraform" / "environment").write_text("prod")
    found = provider_regions(tmp_path, {"region": "eu-west-3"})
    assert found.regions == {"aws": "eu-west-3", "aws.ws": "eu-west-2"}
    assert found.error is None
    assert provider_regions(tmp_path, {}).regions["aws"] == "us-east-1"
