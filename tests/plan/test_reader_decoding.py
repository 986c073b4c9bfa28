"""The plan is decoded into typed structs in one pass: the parts finops-gate does not
read are skipped, prior_state is decoded only when a region is looked for in it, and
anything wrong still gives one clear line."""

from __future__ import annotations

import json
from typing import Any

import msgspec
import pytest

from finops_gate.errors import PlanError
from finops_gate.plan import reader
from finops_gate.plan.reader import parse_plan_bytes
from finops_gate.plan.region import RegionOptions
from tests.conftest import FIXTURES, fixture_plan_path


def _plan(**parts: Any) -> bytes:
    return json.dumps({"format_version": "1.2", **parts}).encode()


def _instance(address: str = "aws_instance.web", **change: Any) -> dict[str, Any]:
    return {
        "address": address,
        "mode": "managed",
        "type": "aws_instance",
        "name": address.rsplit(".", 1)[-1],
        "provider_name": "registry.terraform.io/hashicorp/aws",
        "change": {"actions": ["create"], "after": {"instance_type": "t3.micro"}, **change},
    }


def test_a_wrong_shape_names_where_and_what() -> None:
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(_plan(resource_changes=[{**_instance(), "address": 3}]), "plan.json")
    assert str(raised.value) == (
        "plan.json: invalid plan at resource_changes[0].address: expected `str`, got `int`"
    )


def test_a_missing_key_names_the_object_it_is_missing_from() -> None:
    change = _instance()
    del change["type"]
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(_plan(resource_changes=[change]), "plan.json")
    assert str(raised.value) == (
        "plan.json: invalid plan at resource_changes[0]: object missing required field `type`"
    )


def test_parts_that_are_not_read_are_skipped_whatever_their_shape() -> None:
    data = _plan(
        resource_changes=[_instance(after_sensitive=7, replace_paths="x")],
        planned_values=5,
        relevant_attributes={"not": "a list"},
        output_changes=[1, 2],
    )
    plan = parse_plan_bytes(data, "plan.json")
    assert [r.address for r in plan.resources] == ["aws_instance.web"]


def test_prior_state_is_kept_undecoded_until_needed() -> None:
    document = reader._decode_plan(fixture_plan_path("lifecycle").read_bytes(), "p.json")
    assert isinstance(document.prior_state, msgspec.Raw)
    assert len(document.prior_state) > 0


def test_prior_state_is_read_when_a_region_is_looked_for_in_it() -> None:
    state = {
        "values": {
            "root_module": {
                "resources": [
                    {
                        "address": "data.aws_region.current",
                        "mode": "data",
                        "type": "aws_region",
                        "provider_name": "registry.terraform.io/hashicorp/aws",
                        "values": {"name": "eu-west-3", "id": "eu-west-3"},
                    }
                ]
            }
        }
    }
    plan = parse_plan_bytes(_plan(resource_changes=[_instance()], prior_state=state), "p.json")
    assert plan.resources[0].region == "eu-west-3"
    assert plan.resources[0].region_source == "data-source"


def test_a_bad_prior_state_is_one_clear_line_when_it_is_read() -> None:
    state = {"values": {"root_module": {"resources": [{"address": 3}]}}}
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(_plan(resource_changes=[_instance()], prior_state=state), "p.json")
    assert str(raised.value) == (
        "p.json: invalid plan at prior_state.values.root_module.resources[0].address: "
        "expected `str`, got `int`"
    )


def test_a_prior_state_too_deep_is_one_clear_line() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    data = _plan(resource_changes=[_instance()]).replace(
        b'"format_version"',
        b'"prior_state": {"values": {"root_module": {"resources": '
        + deep.encode()
        + b'}}}, "format_version"',
    )
    with pytest.raises(PlanError, match="nested too deeply"):
        parse_plan_bytes(data, "p.json", RegionOptions())


@pytest.mark.parametrize(
    ("data", "offset"),
    [
        ("abcé".encode() + b"\xff", 5),  # after a two-byte character
        (b"ab" + "é".encode() + b"cd\xe9x", 6),  # a Latin-1 byte past a chunk boundary
        (b"abc" + "€".encode() + b"de" + b"\xc3", 8),  # a character cut short at the end
        (b"a" * 7 + "€".encode(), None),  # a character split across chunks is fine
    ],
)
def test_utf8_is_checked_across_chunks(
    monkeypatch: pytest.MonkeyPatch, data: bytes, offset: int | None
) -> None:
    monkeypatch.setattr(reader, "_UTF8_CHUNK", 4)
    assert reader._invalid_utf8_offset(data) == offset
    if offset is not None:
        with pytest.raises(UnicodeDecodeError) as raised:
            data.decode("utf-8")
        assert raised.value.start == offset


def test_after_unknown_keeps_only_what_is_unknown() -> None:
    markers = {
        "ami": False,
        "arn": True,
        "tags": {},
        "ebs_block_device": [{"volume_id": False}, {"volume_id": True, "tags": {}}],
        "root_block_device": [{"volume_id": False}],
        "security_groups": [False, True],
        "network_interface": [],
    }
    plan = parse_plan_bytes(_plan(resource_changes=[_instance(after_unknown=markers)]), "plan.json")
    unknown = plan.resources[0].after_unknown
    # A list keeps its length, so the second block is still the second.
    assert unknown == {
        "arn": True,
        "ebs_block_device": [{}, {"volume_id": True}],
        "security_groups": [False, True],
    }
    assert plan.resources[0].is_unknown("arn")
    assert not plan.resources[0].is_unknown("ami")


def test_after_unknown_with_nothing_unknown_is_empty() -> None:
    markers = {"ami": False, "tags": {}, "ebs_block_device": [{"volume_id": False}]}
    plan = parse_plan_bytes(_plan(resource_changes=[_instance(after_unknown=markers)]), "plan.json")
    assert plan.resources[0].after_unknown == {}


def test_a_bad_number_in_after_unknown_is_one_clear_line() -> None:
    data = _plan(resource_changes=[_instance(after_unknown={"arn": 1})]).replace(
        b'"arn": 1', b'"arn": 1e999'
    )
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(data, "plan.json")
    assert str(raised.value).startswith(
        "plan.json: invalid plan at resource_changes[0].change.after_unknown"
    )
    assert "number out of range" in str(raised.value)


def test_changes_with_the_same_after_unknown_share_its_markers() -> None:
    same = {"arn": True, "ami": False, "ebs_block_device": [{"volume_id": True}, {}]}
    changes = [
        _instance("aws_instance.a", after_unknown=same),
        _instance("aws_instance.b", after_unknown={"arn": False, "id": True}),
        _instance("aws_instance.c", after_unknown=same),
        _instance("aws_instance.d", after_unknown={"arn": False}),
        _instance("aws_instance.e"),
    ]
    plan = parse_plan_bytes(_plan(resource_changes=changes), "plan.json")
    cut = {"arn": True, "ebs_block_device": [{"volume_id": True}, {}]}
    assert [r.after_unknown for r in plan.resources] == [cut, {"id": True}, cut, {}, {}]


def test_a_bad_number_is_refused_at_the_first_change_holding_it() -> None:
    bad = {"arn": 1}
    changes = [_instance("aws_instance.a", after_unknown={"arn": True})] + [
        _instance(f"aws_instance.b{n}", after_unknown=bad) for n in range(2)
    ]
    data = _plan(resource_changes=changes).replace(b'"arn": 1}', b'"arn": 1e999}')
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(data, "plan.json")
    assert str(raised.value).startswith(
        "plan.json: invalid plan at resource_changes[1].change.after_unknown"
    )


@pytest.mark.parametrize("case", sorted(p.parent.name for p in FIXTURES.glob("*/plan.json")))
def test_every_fixture_resource_has_the_markers_of_its_own_change(case: str) -> None:
    """Markers cut once per distinct text are those of each change cut on its own."""
    data = fixture_plan_path(case).read_bytes()
    changes = [c for c in json.loads(data).get("resource_changes", []) if c["mode"] == "managed"]
    plan = parse_plan_bytes(data, case)
    assert len(plan.resources) == len(changes)
    for resource, change in zip(plan.resources, changes, strict=True):
        expected = reader._unknown_markers(change["change"].get("after_unknown"))
        assert resource.after_unknown == (expected if isinstance(expected, dict) else {})


@pytest.mark.parametrize(
    ("parts", "location"),
    [
        ({"variables": {"a": {"value": 1}, "region": 5}}, "variables.region"),
        (
            {"configuration": {"provider_config": {"aws": {}, "aws.eu": {"name": 5}}}},
            "configuration.provider_config.aws.eu.name",
        ),
        (
            {
                "configuration": {
                    "root_module": {
                        "module_calls": {"a": {"module": {"module_calls": {"b": {"source": 3}}}}}
                    }
                }
            },
            "configuration.root_module.module_calls.a.module.module_calls.b.source",
        ),
    ],
)
def test_a_wrong_shape_under_a_map_names_the_key(parts: dict[str, Any], location: str) -> None:
    with pytest.raises(PlanError) as raised:
        parse_plan_bytes(_plan(**parts), "plan.json")
    assert str(raised.value).startswith(f"plan.json: invalid plan at {location}: expected `")


def test_provider_answers_found_once_still_apply_to_every_resource() -> None:
    """A configuration is resolved once per plan; each of its resources still gets its
    region and default_tags, and is counted in the fallback warning."""
    provider = {
        "aws": {
            "name": "aws",
            "expressions": {
                "region": {"references": ["local.region"]},
                "default_tags": [{"tags": {"constant_value": {"team": "core"}}}],
            },
        }
    }
    tagged = {"instance_type": "t3.micro", "tags": {"Name": "web"}, "tags_all": None}
    changes = [
        _instance("aws_instance.a", after=tagged),
        _instance("aws_instance.b", after={**tagged, "tags": {"Name": "db"}}),
    ]
    plan = parse_plan_bytes(
        _plan(resource_changes=changes, configuration={"provider_config": provider}),
        "plan.json",
    )
    by_address = {r.address: r for r in plan.resources}
    assert [(r.region, r.region_source) for r in plan.resources] == [
        ("us-east-1", "fallback"),
        ("us-east-1", "fallback"),
    ]
    assert by_address["aws_instance.a"].tags == {"team": "core", "Name": "web"}
    assert by_address["aws_instance.b"].tags == {"team": "core", "Name": "db"}
    assert "2 AWS resource(s) priced in us-east-1" in plan.notes[-1]
    assert [p.config_key for p in plan.providers] == ["aws"]
